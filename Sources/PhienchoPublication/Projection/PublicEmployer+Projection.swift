import PhienchoCore
import PhienchoModel
import PhienchoContent

extension PublicEmployer {
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
            let profile = bySlug[slug]
            return PublicEmployer(slug: slug, name: profile?.name ?? name, kindLabel: profile?.kind.label, descriptionHTML: profile?.descriptionHTML,
                                  website: profile?.website, recognised: profile?.recognised ?? false, open: openBySlug[slug] ?? [])
        }.sorted { (VietnameseFolding.fold($0.name), $0.slug) < (VietnameseFolding.fold($1.name), $1.slug) }
    }
}
