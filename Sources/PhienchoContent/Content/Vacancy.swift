import PhienchoCore
import PhienchoModel

/// A validated vacancy ("việc tìm người"), as staff wrote it. This is the engine's full model; what
/// reaches templates, feeds and the search index is its projection `PublicVacancy`.
/// The `internal` staff notes are checked to be a mapping and then dropped: they are not even stored here.
package struct Vacancy: Sendable {
    package enum Status: String, Sendable { case draft, approved, withdrawn }

    package struct Employer: Sendable {
        package var name: String
        package var address: String?
        package var phone: String?
        package var email: String?
        /// http or https only.
        package var website: String?
    }

    /// Hires reported back for a vacancy (`results`), for the six-monthly and annual reports
    /// (`phiencho report`). Never public: `PublicVacancy` has no such field.
    package struct Result: Sendable, Equatable {
        package var date: LocalDate
        package var hired: Int
        /// Who reported them, e.g. "Công an xã Gia Trấn".
        package var by: String?
        /// Where the entry's `date:` stands, for a date found wrong against the build day.
        package var position: SourcePosition? = nil

        package init(date: LocalDate, hired: Int, by: String? = nil, position: SourcePosition? = nil) {
            self.date = date
            self.hired = hired
            self.by = by
            self.position = position
        }

        /// The same report, wherever it stands in its file.
        package static func == (lhs: Result, rhs: Result) -> Bool {
            (lhs.date, lhs.hired, lhs.by) == (rhs.date, rhs.hired, rhs.by)
        }
    }

    /// Where `posted:` and `expires:` stand, for dates found implausible against the build day.
    struct DatePositions: Sendable {
        package var posted: SourcePosition?
        package var expires: SourcePosition?
    }

    package var id: String
    package var title: String
    package var status: Status
    package var posted: LocalDate
    package var expires: LocalDate
    package var employer: Employer
    package var commune: Term
    package var address: String?
    package var sector: Term
    package var employmentType: EmploymentType
    package var openings: Int
    package var salary: Salary?
    package var requirements: [String]
    package var benefits: [String]
    package var tags: [String]
    /// "Cách ứng tuyển", rendered from Markdown by cmark's safe renderer.
    package var applyHTML: String?
    /// "Mô tả công việc", rendered from Markdown by cmark's safe renderer.
    package var descriptionHTML: String
    /// The description as plain text (for feeds and search).
    package var descriptionText: String
    package var sourcePath: String
    /// Where `id:` stands in the source file, for problems found across files (two equal ids).
    package var idPosition: SourcePosition? = nil
    package var results: [Result] = []
    var datePositions = DatePositions()

    /// The longest id: the id is a folder name on the disk and part of every link to the vacancy.
    package static let maximumIDLength = 64

    /// The id rule of the vacancy format: `[A-Za-z0-9-]+`, not starting with a hyphen.
    package static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix("-") && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    /// URL segment, from the id: `viec-lam/<slug>/`.
    package var slug: String { id.lowercased() }
}
