/// The public projection of a vacancy: the allow-list of what may be published. Templates, feeds,
/// the search index and JSON-LD are built from this type only, never from `Vacancy`, so a field
/// that is not listed here — `internal` staff notes, anything added later — cannot reach the output.
///
/// A class (immutable): the per-term indexes, pages and feeds hold the same vacancy many times, as a
/// reference each rather than a copy of every field.
public final class PublicVacancy: Sendable {
    public let id: String
    public let slug: String
    public let title: String
    public let isExpired: Bool
    public let posted: LocalDate
    public let expires: LocalDate
    public let employerName: String
    public let employerAddress: String?
    public let employerPhone: String?
    public let employerEmail: String?
    public let employerWebsite: String?
    public let commune: Term
    public let address: String?
    public let sector: Term
    public let employmentType: Vacancy.EmploymentType
    public let openings: Int
    public let salary: Vacancy.Salary?
    public let requirements: [String]
    public let benefits: [String]
    public let tags: [String]
    public let applyHTML: String?
    public let descriptionHTML: String
    public let descriptionText: String

    public init(_ vacancy: Vacancy, isExpired: Bool) {
        id = vacancy.id
        slug = vacancy.slug
        title = vacancy.title
        self.isExpired = isExpired
        posted = vacancy.posted
        expires = vacancy.expires
        employerName = vacancy.employer.name
        employerAddress = vacancy.employer.address
        employerPhone = vacancy.employer.phone
        employerEmail = vacancy.employer.email
        employerWebsite = vacancy.employer.website
        commune = vacancy.commune
        address = vacancy.address
        sector = vacancy.sector
        employmentType = vacancy.employmentType
        openings = vacancy.openings
        salary = vacancy.salary
        requirements = vacancy.requirements
        benefits = vacancy.benefits
        tags = vacancy.tags
        applyHTML = vacancy.applyHTML
        descriptionHTML = vacancy.descriptionHTML
        descriptionText = vacancy.descriptionText
    }

    /// Root-relative URL path of the vacancy page.
    public var path: String { "viec-lam/\(slug)/" }
}
