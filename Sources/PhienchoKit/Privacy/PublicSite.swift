/// Everything the render, feed and search stages may see: the site settings, the controlled lists,
/// the plain pages and the public projections of published vacancies, employers, events and
/// courses, with the indexes every listing is cut from (built once, so no page scans all vacancies).
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
    /// Every employer with a page, by folded name (`PublicEmployer.all`).
    let employers: [PublicEmployer]
    let upcomingEvents: [PublicEvent]
    let pastEvents: [PublicEvent]
    /// Upcoming events per commune slug, soonest first.
    let upcomingEventsByCommune: [String: [PublicEvent]]
    let openTrainings: [PublicTraining]
    let closedTrainings: [PublicTraining]
    /// The job words that mean the same (`synonyms.yml`), for the search index.
    let synonyms: SynonymList

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
        employers = PublicEmployer.all(open: open, expired: expired, profiles: catalog.employers)
        let agenda = Agenda(events: catalog.events, trainings: catalog.trainings, at: publication.now)
        upcomingEvents = agenda.upcomingEvents.map { PublicEvent($0, isPast: false) }
        pastEvents = agenda.pastEvents.map { PublicEvent($0, isPast: true) }
        var byCommune: [String: [PublicEvent]] = [:]
        for event in upcomingEvents { if let commune = event.commune { byCommune[commune.slug, default: []].append(event) } }
        upcomingEventsByCommune = byCommune
        openTrainings = agenda.openTrainings.map { PublicTraining($0, isClosed: false) }
        closedTrainings = agenda.closedTrainings.map { PublicTraining($0, isClosed: true) }
        synonyms = catalog.synonyms
    }

    /// "Đơn vị đồng hành": the employers whose profile says `recognised: true`, by folded name.
    var partners: [PublicEmployer] { employers.filter(\.recognised) }
}
