import PhienchoCore
import PhienchoModel
import PhienchoContent

/// The projection: the one place that sees both the validated content and the public types, and
/// copies into the latter only what may be published.
extension PublicSite {
    package init(catalog: Catalog, publication: Publication) {
        let open = publication.open.map { PublicVacancy($0, isExpired: false) }
        let expired = publication.expired.map { PublicVacancy($0, isExpired: true) }
        let agenda = Agenda(events: catalog.events, trainings: catalog.trainings, at: publication.now)
        self.init(site: catalog.site.publicSettings, now: publication.now, communes: catalog.communes.terms, sectors: catalog.sectors.terms,
                  pages: catalog.pages.map { PublicPage(title: $0.title, slug: $0.slug, contentHTML: $0.contentHTML, contentText: $0.contentText) },
                  open: open, expired: expired,
                  statistics: PublicStatistics(vacancies: catalog.vacancies, now: publication.now),
                  employers: PublicEmployer.all(open: open, expired: expired, profiles: catalog.employers),
                  upcomingEvents: agenda.upcomingEvents.map { PublicEvent($0, isPast: false) },
                  pastEvents: agenda.pastEvents.map { PublicEvent($0, isPast: true) },
                  openTrainings: agenda.openTrainings.map { PublicTraining($0, isClosed: false) },
                  closedTrainings: agenda.closedTrainings.map { PublicTraining($0, isClosed: true) },
                  synonyms: catalog.synonyms,
                  withdrawn: publication.withdrawn.map { PublicWithdrawnVacancy(id: $0.id, slug: $0.slug, commune: $0.commune, sector: $0.sector) })
    }
}
