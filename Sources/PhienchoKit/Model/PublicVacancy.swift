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
    let employmentType: EmploymentType
    let openings: Int
    let salary: Salary?
    let requirements: [String]
    let benefits: [String]
    let tags: [String]
    let applyHTML: String?
    let descriptionHTML: String
    let descriptionText: String

    init(id: String, slug: String, title: String, isExpired: Bool, posted: LocalDate, expires: LocalDate, employerName: String, employerAddress: String?, employerPhone: String?, employerEmail: String?, employerWebsite: String?, commune: Term, address: String?, sector: Term, employmentType: EmploymentType, openings: Int, salary: Salary?, requirements: [String], benefits: [String], tags: [String], applyHTML: String?, descriptionHTML: String, descriptionText: String) {
        self.id = id
        self.slug = slug
        self.title = title
        self.isExpired = isExpired
        self.posted = posted
        self.expires = expires
        self.employerName = employerName
        self.employerAddress = employerAddress
        self.employerPhone = employerPhone
        self.employerEmail = employerEmail
        self.employerWebsite = employerWebsite
        self.commune = commune
        self.address = address
        self.sector = sector
        self.employmentType = employmentType
        self.openings = openings
        self.salary = salary
        self.requirements = requirements
        self.benefits = benefits
        self.tags = tags
        self.applyHTML = applyHTML
        self.descriptionHTML = descriptionHTML
        self.descriptionText = descriptionText
    }

    /// Root-relative URL path of the vacancy page.
    var path: String { Routes.vacancy(slug: slug) }
}
