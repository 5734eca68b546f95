import PhienchoCore
import PhienchoModel
import PhienchoContent

extension PublicVacancy {
    /// The allow-list applied: each published field copied by name, nothing else.
    convenience init(_ vacancy: Vacancy, isExpired: Bool) {
        self.init(id: vacancy.id, slug: vacancy.slug, title: vacancy.title, isExpired: isExpired, posted: vacancy.posted,
                  expires: vacancy.expires, employerName: vacancy.employer.name, employerAddress: vacancy.employer.address,
                  employerPhone: vacancy.employer.phone, employerEmail: vacancy.employer.email, employerWebsite: vacancy.employer.website,
                  commune: vacancy.commune, address: vacancy.address, sector: vacancy.sector, employmentType: vacancy.employmentType,
                  openings: vacancy.openings, salary: vacancy.salary, requirements: vacancy.requirements, benefits: vacancy.benefits,
                  tags: vacancy.tags, applyHTML: vacancy.applyHTML, descriptionHTML: vacancy.descriptionHTML,
                  descriptionText: vacancy.descriptionText)
    }
}
