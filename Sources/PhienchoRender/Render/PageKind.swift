import PhienchoCore
import PhienchoModel

/// Every kind of page the site has: the one list the render stage, the staging folder's paths and
/// the theme's required templates are made from. A new kind of page is one case here (its
/// templates, its paths, its render function) and one template (docs/theme.md, "A new kind of page").
package enum PageKind: CaseIterable, Sendable {
    case home, vacancy, withdrawn, communes, sectors, employers, partners, events, trainings, plainPage, search, statistics, notFound

    /// The templates its pages are rendered with (each also wrapped in `layout`).
    var templates: [String] {
        switch self {
        case .home: ["home", "listing"]
        case .vacancy: ["vacancy"]
        case .withdrawn: ["withdrawn"]
        case .communes, .sectors: ["terms", "term"]
        case .employers: ["employers", "employer"]
        case .partners: ["partners"]
        case .events: ["events", "event"]
        case .trainings: ["trainings", "training"]
        case .plainPage: ["page"]
        case .search: ["search"]
        case .statistics: ["statistics"]
        case .notFound: ["404"]
        }
    }

    /// Every template a theme must have.
    static var requiredTemplates: [String] { ["layout"] + allCases.flatMap(\.templates).reduce(into: []) { if !$0.contains($1) { $0.append($1) } } }

    /// The file of each of its pages, root-relative, known without rendering.
    package func files(_ renderer: SiteRenderer) -> [String] {
        let site = renderer.site
        let folders: [String]
        switch self {
        case .home: folders = renderer.listingPagination.pagePaths
        case .vacancy: folders = (site.open + site.expired).map(\.path)
        case .withdrawn: folders = site.withdrawn.map(\.path)
        case .communes, .sectors:
            let taxonomy: Taxonomy = self == .communes ? .communes : .sectors
            folders = [Routes.index(of: taxonomy)] + taxonomy.terms(of: site).flatMap { renderer.termPagination($0, taxonomy).pagination.pagePaths }
        case .employers: folders = [Routes.employers] + site.employers.flatMap { renderer.employerPagination($0).pagePaths }
        case .partners: folders = [Routes.partners]
        case .events: folders = [Routes.events] + (site.upcomingEvents + site.pastEvents).map(\.path)
        case .trainings: folders = [Routes.trainings] + (site.openTrainings + site.closedTrainings).map(\.path)
        case .plainPage: folders = site.pages.map { Routes.plainPage(slug: $0.slug) }
        case .search: folders = [Routes.search]
        case .statistics: folders = [Routes.statistics]
        case .notFound: return [Routes.notFound]
        }
        return folders.map(Routes.file(ofPage:))
    }

    /// Its pages, rendered.
    package func render(_ renderer: SiteRenderer) -> [OutputFile] {
        switch self {
        case .home: renderer.renderHomeAndListings()
        case .vacancy: renderer.renderVacancyPages()
        case .withdrawn: renderer.renderWithdrawnPages()
        case .communes: renderer.renderTermPages(.communes)
        case .sectors: renderer.renderTermPages(.sectors)
        case .employers: renderer.renderEmployerPages()
        case .partners: [renderer.renderPartnersPage()]
        case .events: renderer.renderEventPages()
        case .trainings: renderer.renderTrainingPages()
        case .plainPage: renderer.renderPlainPages()
        case .search: [renderer.renderSearchPage()]
        case .statistics: [renderer.renderStatisticsPage()]
        case .notFound: [renderer.renderNotFoundPage()]
        }
    }
}
