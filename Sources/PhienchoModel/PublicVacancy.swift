import PhienchoCore

/// The public projection of a vacancy: the allow-list of what may be published. Templates, feeds,
/// the search index and JSON-LD are built from this type only, never from `Vacancy`, so a field
/// that is not listed here — `internal` staff notes, anything added later — cannot reach the output.
///
/// A class (immutable): the per-term indexes, pages and feeds hold the same vacancy many times, as a
/// reference each rather than a copy of every field.
package final class PublicVacancy: Sendable {
    package let id: String
    package let slug: String
    package let title: String
    package let isExpired: Bool
    package let posted: LocalDate
    package let expires: LocalDate
    package let employerName: String
    package let employerAddress: String?
    package let employerPhone: String?
    package let employerEmail: String?
    package let employerWebsite: String?
    package let commune: Term
    package let address: String?
    package let sector: Term
    package let employmentType: EmploymentType
    package let openings: Int
    package let salary: Salary?
    package let requirements: [String]
    package let benefits: [String]
    package let tags: [String]
    package let applyHTML: String?
    package let descriptionHTML: String
    package let descriptionText: String

    package init(id: String, slug: String, title: String, isExpired: Bool, posted: LocalDate, expires: LocalDate, employerName: String, employerAddress: String?, employerPhone: String?, employerEmail: String?, employerWebsite: String?, commune: Term, address: String?, sector: Term, employmentType: EmploymentType, openings: Int, salary: Salary?, requirements: [String], benefits: [String], tags: [String], applyHTML: String?, descriptionHTML: String, descriptionText: String) {
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
    package var path: String { Routes.vacancy(slug: slug) }
}
