import PhienchoCore

/// Everything the render, feed and search stages may see: the site settings, the controlled lists,
/// the plain pages and the public projections of published vacancies, employers, events and
/// courses, with the indexes every listing is cut from (built once, so no page scans all vacancies).
package struct PublicSite: Sendable {
    package let site: PublicSettings
    /// The day the site is published at (`--now`): the date the lists are true for.
    package let now: LocalDate
    package let communes: [Term]
    package let sectors: [Term]
    package let pages: [PublicPage]
    /// Open vacancies, newest posted first, ties by id.
    package let open: [PublicVacancy]
    package let expired: [PublicVacancy]
    /// Withdrawn vacancies whose address still answers with a short page (never in lists, feeds,
    /// the sitemap or the search index).
    package let withdrawn: [PublicWithdrawnVacancy]
    /// Open vacancies per term slug, in `open` order.
    let openByCommune: [String: [PublicVacancy]]
    let openBySector: [String: [PublicVacancy]]
    /// The aggregates of the statistics page, the only figures made from `results`.
    package let statistics: PublicStatistics
    /// Every employer with a page, by folded name (`PublicEmployer.all`).
    package let employers: [PublicEmployer]
    package let upcomingEvents: [PublicEvent]
    package let pastEvents: [PublicEvent]
    /// Upcoming events per commune slug, soonest first.
    package let upcomingEventsByCommune: [String: [PublicEvent]]
    package let openTrainings: [PublicTraining]
    package let closedTrainings: [PublicTraining]
    /// The job words that mean the same (`synonyms.yml`), for the search index.
    package let synonyms: SynonymList

    package init(site: PublicSettings, now: LocalDate, communes: [Term], sectors: [Term], pages: [PublicPage], open: [PublicVacancy],
         expired: [PublicVacancy], statistics: PublicStatistics, employers: [PublicEmployer], upcomingEvents: [PublicEvent],
         pastEvents: [PublicEvent], openTrainings: [PublicTraining], closedTrainings: [PublicTraining], synonyms: SynonymList,
         withdrawn: [PublicWithdrawnVacancy] = []) {
        self.site = site
        self.now = now
        self.communes = communes
        self.sectors = sectors
        self.pages = pages
        self.open = open
        self.expired = expired
        self.withdrawn = withdrawn
        openByCommune = Dictionary(grouping: open, by: \.commune.slug)
        openBySector = Dictionary(grouping: open, by: \.sector.slug)
        self.statistics = statistics
        self.employers = employers
        self.upcomingEvents = upcomingEvents
        self.pastEvents = pastEvents
        var byCommune: [String: [PublicEvent]] = [:]
        for event in upcomingEvents { if let commune = event.commune { byCommune[commune.slug, default: []].append(event) } }
        upcomingEventsByCommune = byCommune
        self.openTrainings = openTrainings
        self.closedTrainings = closedTrainings
        self.synonyms = synonyms
    }

    /// "Đơn vị đồng hành": the employers whose profile says `recognised: true`, by folded name.
    package var partners: [PublicEmployer] { employers.filter(\.recognised) }
}
