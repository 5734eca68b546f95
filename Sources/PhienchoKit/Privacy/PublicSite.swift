/// Everything the render, feed and search stages may see: the site settings, the controlled lists,
/// the plain pages and the public projections of published vacancies, with the indexes every
/// listing is cut from (built once, so no page scans all vacancies).
struct PublicSite: Sendable {
    let site: SiteConfig
    /// The day the site is published at (`--now`): the date the lists are true for.
    let now: LocalDate
    let communes: [Term]
    let sectors: [Term]
    let pages: [Page]
    /// Open vacancies, newest posted first, ties by id.
    let open: [PublicVacancy]
    let expired: [PublicVacancy]
    /// Open vacancies per term slug, in `open` order.
    let openByCommune: [String: [PublicVacancy]]
    let openBySector: [String: [PublicVacancy]]
    /// The aggregates of the statistics page, the only figures made from `results`.
    let statistics: PublicStatistics

    init(catalog: Catalog, publication: Publication) {
        site = catalog.site
        now = publication.now
        communes = catalog.communes.terms
        sectors = catalog.sectors.terms
        pages = catalog.pages
        open = publication.open.map { PublicVacancy($0, isExpired: false) }
        expired = publication.expired.map { PublicVacancy($0, isExpired: true) }
        openByCommune = Dictionary(grouping: open, by: \.commune.slug)
        openBySector = Dictionary(grouping: open, by: \.sector.slug)
        statistics = PublicStatistics(vacancies: catalog.vacancies, now: publication.now)
    }
}
