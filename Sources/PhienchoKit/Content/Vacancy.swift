import PhienchoCore
import PhienchoModel

/// A validated vacancy ("việc tìm người"), as staff wrote it. This is the engine's full model; what
/// reaches templates, feeds and the search index is its projection `PublicVacancy`.
/// The `internal` staff notes are checked to be a mapping and then dropped: they are not even stored here.
struct Vacancy: Sendable {
    enum Status: String, Sendable { case draft, approved, withdrawn }

    struct Employer: Sendable {
        var name: String
        var address: String?
        var phone: String?
        var email: String?
        /// http or https only.
        var website: String?
    }

    /// Hires reported back for a vacancy (`results`), for the six-monthly and annual reports
    /// (`phiencho report`). Never public: `PublicVacancy` has no such field.
    struct Result: Sendable, Equatable {
        var date: LocalDate
        var hired: Int
        /// Who reported them, e.g. "Công an xã Gia Trấn".
        var by: String?
        /// Where the entry's `date:` stands, for a date found wrong against the build day.
        var position: SourcePosition? = nil

        /// The same report, wherever it stands in its file.
        static func == (lhs: Result, rhs: Result) -> Bool {
            (lhs.date, lhs.hired, lhs.by) == (rhs.date, rhs.hired, rhs.by)
        }
    }

    /// Where `posted:` and `expires:` stand, for dates found implausible against the build day.
    struct DatePositions: Sendable {
        var posted: SourcePosition?
        var expires: SourcePosition?
    }

    var id: String
    var title: String
    var status: Status
    var posted: LocalDate
    var expires: LocalDate
    var employer: Employer
    var commune: Term
    var address: String?
    var sector: Term
    var employmentType: EmploymentType
    var openings: Int
    var salary: Salary?
    var requirements: [String]
    var benefits: [String]
    var tags: [String]
    /// "Cách ứng tuyển", rendered from Markdown by cmark's safe renderer.
    var applyHTML: String?
    /// "Mô tả công việc", rendered from Markdown by cmark's safe renderer.
    var descriptionHTML: String
    /// The description as plain text (for feeds and search).
    var descriptionText: String
    var sourcePath: String
    /// Where `id:` stands in the source file, for problems found across files (two equal ids).
    var idPosition: SourcePosition? = nil
    var results: [Result] = []
    var datePositions = DatePositions()

    /// The longest id: the id is a folder name on the disk and part of every link to the vacancy.
    static let maximumIDLength = 64

    /// The id rule of the vacancy format: `[A-Za-z0-9-]+`, not starting with a hyphen.
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix("-") && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    /// URL segment, from the id: `viec-lam/<slug>/`.
    var slug: String { id.lowercased() }
}
