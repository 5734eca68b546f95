/// A validated vacancy ("việc tìm người"), as staff wrote it. This is the engine's full model; what
/// reaches templates, feeds and the search index is its projection `PublicVacancy`.
/// The `internal` staff notes are checked to be a mapping and then dropped: they are not even stored here.
public struct Vacancy: Sendable {
    public enum Status: String, Sendable { case draft, approved, withdrawn }
    public enum EmploymentType: String, Sendable { case fullTime = "full_time", partTime = "part_time", seasonal }
    public enum SalaryPeriod: String, Sendable { case hour, day, month }

    public struct Employer: Sendable {
        public var name: String
        public var address: String?
        public var phone: String?
        public var email: String?
        /// http or https only.
        public var website: String?
    }

    public struct Salary: Sendable {
        public var min: Int?
        public var max: Int?
        public var period: SalaryPeriod
    }

    public var id: String
    public var title: String
    public var status: Status
    public var posted: LocalDate
    public var expires: LocalDate
    public var employer: Employer
    public var commune: Term
    public var address: String?
    public var sector: Term
    public var employmentType: EmploymentType
    public var openings: Int
    public var salary: Salary?
    public var requirements: [String]
    public var benefits: [String]
    public var tags: [String]
    /// "Cách ứng tuyển", rendered from Markdown by cmark's safe renderer.
    public var applyHTML: String?
    /// "Mô tả công việc", rendered from Markdown by cmark's safe renderer.
    public var descriptionHTML: String
    /// The description as plain text (for feeds and search).
    public var descriptionText: String
    public var sourcePath: String
    /// Where `id:` stands in the source file, for problems found across files (two equal ids).
    public var idPosition: SourcePosition? = nil

    /// The longest id: the id is a folder name on the disk and part of every link to the vacancy.
    public static let maximumIDLength = 64

    /// URL segment, from the id: `viec-lam/<slug>/`.
    public var slug: String { id.lowercased() }
}
