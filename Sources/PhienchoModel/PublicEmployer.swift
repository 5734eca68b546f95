import PhienchoCore

/// An employer as the site shows it: the employers of published vacancies grouped by the slug of
/// `employer.name` (their identity and URL segment), with the profile of `employers.yml` when one
/// has that slug. A profile says `recognised` to be thanked on `dong-hanh/`.
package final class PublicEmployer: Sendable {
    package let slug: String
    /// The profile's spelling, else the newest vacancy's.
    package let name: String
    /// From its profile in `employers.yml`, when it has one: what kind of employer, a short
    /// description (rendered Markdown), its website, and whether it is thanked as a partner.
    package let kindLabel: String?
    package let descriptionHTML: String?
    package let website: String?
    package let recognised: Bool
    /// Newest posted first.
    package let open: [PublicVacancy]

    package init(slug: String, name: String, kindLabel: String?, descriptionHTML: String?, website: String?, recognised: Bool, open: [PublicVacancy]) {
        self.slug = slug
        self.name = name
        self.kindLabel = kindLabel
        self.descriptionHTML = descriptionHTML
        self.website = website
        self.recognised = recognised
        self.open = open
    }

    package var path: String { Routes.employer(slug: slug) }
}
