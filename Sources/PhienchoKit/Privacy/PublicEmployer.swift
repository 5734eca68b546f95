/// An employer as the site shows it: the employers of published vacancies grouped by the slug of
/// `employer.name` (their identity and URL segment), with the profile of `employers.yml` when one
/// has that slug. A profile says `recognised` to be thanked on `dong-hanh/`.
final class PublicEmployer: Sendable {
    let slug: String
    /// The profile's spelling, else the newest vacancy's.
    let name: String
    let profile: EmployerProfile?
    /// Newest posted first.
    let open: [PublicVacancy]

    init(slug: String, name: String, profile: EmployerProfile?, open: [PublicVacancy]) {
        self.slug = slug
        self.name = name
        self.profile = profile
        self.open = open
    }

    var path: String { Routes.employer(slug: slug) }
    var recognised: Bool { profile?.recognised ?? false }

    /// Every employer with a page: those of open or still-shown expired vacancies, and every profile
    /// marked `recognised`, sorted by folded name.
    static func all(open: [PublicVacancy], expired: [PublicVacancy], profiles: [EmployerProfile]) -> [PublicEmployer] {
        var names: [String: String] = [:]
        var openBySlug: [String: [PublicVacancy]] = [:]
        for vacancy in open + expired {
            let slug = Slug.path(vacancy.employerName)
            guard !slug.isEmpty else { continue }
            names[slug] = names[slug] ?? vacancy.employerName
            if !vacancy.isExpired { openBySlug[slug, default: []].append(vacancy) }
        }
        let bySlug = Dictionary(profiles.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        for profile in profiles where profile.recognised { names[profile.slug] = names[profile.slug] ?? profile.name }
        return names.map { slug, name in
            PublicEmployer(slug: slug, name: bySlug[slug]?.name ?? name, profile: bySlug[slug], open: openBySlug[slug] ?? [])
        }.sorted { (VietnameseFolding.fold($0.name), $0.slug) < (VietnameseFolding.fold($1.name), $1.slug) }
    }
}
