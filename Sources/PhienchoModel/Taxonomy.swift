import PhienchoCore

/// A way vacancies are grouped, each group with an index page, paginated term pages and a feed:
/// by xã/phường (`communes.yml`) and by ngành nghề (`sectors.yml`). Rendering, feeds and the
/// sitemap iterate `allCases`; a new grouping (employers) is one more case here.
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

    /// Its entry in the site navigation.
    package var navigationLabel: String {
        switch self {
        case .communes: "Xã/phường"
        case .sectors: "Ngành nghề"
        }
    }

    /// `page.kind` of the index page and of a term page (docs/theme.md).
    package var indexKind: String { self == .communes ? "communes" : "sectors" }
    package var termKind: String { self == .communes ? "commune" : "sector" }

    package var indexTitle: String {
        self == .communes ? "Việc làm theo xã/phường" : "Việc làm theo ngành nghề"
    }

    package var indexDescription: String {
        self == .communes ? "Danh sách xã, phường và số việc làm đang tuyển ở mỗi nơi."
                          : "Danh sách ngành nghề và số việc làm đang tuyển của mỗi ngành."
    }

    /// The heading of a term's page.
    package func heading(_ term: Term) -> String {
        self == .communes ? "Việc làm tại \(term.kindAndName)" : "Việc làm \(term.kindAndName)"
    }

    /// The description of a term's feed.
    package func feedDescription(_ term: Term) -> String {
        self == .communes ? "Việc làm đang tuyển tại \(term.kindAndName)." : "Việc làm đang tuyển \(term.kindAndName)."
    }

    package func terms(of site: PublicSite) -> [Term] {
        self == .communes ? site.communes : site.sectors
    }

    /// Open vacancies by term slug.
    package func openVacancies(of site: PublicSite) -> [String: [PublicVacancy]] {
        self == .communes ? site.openByCommune : site.openBySector
    }
}
