/// The public projection of a vacancy: the allow-list of what may be published. Templates, feeds,
/// the search index and JSON-LD are built from this type only, never from `Vacancy`, so a field
/// that is not listed here — `internal` staff notes, anything added later — cannot reach the output.
///
/// A class (immutable): the per-term indexes, pages and feeds hold the same vacancy many times, as a
/// reference each rather than a copy of every field.
final class PublicVacancy: Sendable {
    let id: String
    let slug: String
    let title: String
    let isExpired: Bool
    let posted: LocalDate
    let expires: LocalDate
    let employerName: String
    let employerAddress: String?
    let employerPhone: String?
    let employerEmail: String?
    let employerWebsite: String?
    let commune: Term
    let address: String?
    let sector: Term
    let employmentType: Vacancy.EmploymentType
    let openings: Int
    let salary: Vacancy.Salary?
    let requirements: [String]
    let benefits: [String]
    let tags: [String]
    let applyHTML: String?
    let descriptionHTML: String
    let descriptionText: String

    init(_ vacancy: Vacancy, isExpired: Bool) {
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
    var path: String { Routes.vacancy(slug: slug) }
}
