import PhienchoCore

/// A way vacancies are grouped, each group with an index page, paginated term pages and a feed:
/// by xã/phường (`communes.yml`) and by ngành nghề (`sectors.yml`). Rendering, feeds and the
/// sitemap iterate `allCases`; a new grouping (employers) is one more case here. Its paths are
/// here; how pages name it is `Taxonomy+Labels` in the rendering target.
package enum Taxonomy: CaseIterable, Sendable {
    case communes, sectors

    package init(_ term: Term) {
        self = term.kind == .sector ? .sectors : .communes
    }

    /// The URL segment of its pages.
    package var segment: String {
        switch self {
        case .communes: "xa-phuong"
        case .sectors: "nganh-nghe"
        }
    }

    /// The content file that lists its terms.
    package var file: String {
        switch self {
        case .communes: "communes.yml"
        case .sectors: "sectors.yml"
        }
    }

    package func terms(of site: PublicSite) -> [Term] {
        self == .communes ? site.communes : site.sectors
    }

    /// Open vacancies by term slug.
    package func openVacancies(of site: PublicSite) -> [String: [PublicVacancy]] {
        self == .communes ? site.openByCommune : site.openBySector
    }
}
