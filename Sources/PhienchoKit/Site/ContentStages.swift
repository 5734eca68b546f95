import Foundation
import PhienchoContent
import PhienchoCore
import PhienchoPublication

/// The stages `build` and `check` share, from the content folder to what is published at `now`:
/// load, parse and validate, select. Each reports into the run's `BuildReport` (`StageRunner`).
struct ContentStages {
    let content: Folder
    /// Overrides site.yml's base_url (`Site.Options.baseURL`).
    let baseURL: String?
    /// The day to publish at; nil: today in the site's time zone.
    let now: LocalDate?

    /// Reads only the files that feed the site (`ContentLoader`). Its problems are reported with
    /// the validation's, in file order.
    func load(into report: inout BuildReport) -> ContentLoader.Loaded? {
        let loaded = ContentLoader(contentDirectory: content.url, displayRoot: content.shown).load()
        report.filesRead = loaded.filesRead
        return loaded
    }

    func validate(_ loaded: ContentLoader.Loaded, into report: inout BuildReport) -> ContentValidator.Result? {
        let validated = ContentValidator.validate(loaded, baseURLOverride: baseURL)
        report.diagnostics += validated.diagnostics
        if validated.catalog == nil {
            let zone = validated.site?.timeZone ?? TimeZone(identifier: "Asia/Ho_Chi_Minh")!
            let day = now ?? LocalDate.today(in: zone)
            report.count(validated.vacancies, unreadableDrafts: validated.unreadableDrafts, at: day)
            report.diagnostics += DatedFacts.diagnostics(for: validated.vacancies, at: day, futureResultsAreErrors: !report.isBuild)
        }
        return validated
    }

    /// What is open, expired and unpublished at `now`.
    func select(_ catalog: Catalog, into report: inout BuildReport) -> Publication? {
        let publication = Publication(catalog.vacancies, at: now ?? LocalDate.today(in: catalog.site.timeZone))
        report.count(catalog.vacancies, unreadableDrafts: catalog.unreadableDrafts, at: publication.now)
        // Results after the day (an error for `check`) and dates months ahead.
        report.diagnostics += DatedFacts.diagnostics(for: catalog.vacancies, at: publication.now, futureResultsAreErrors: !report.isBuild)
        let agenda = Agenda(events: catalog.events, trainings: catalog.trainings, at: publication.now)
        (report.upcomingEventCount, report.openTrainingCount) = (agenda.upcomingEvents.count, agenda.openTrainings.count)
        return publication
    }

    /// The content files a page's text comes from, read again (a build has freed them by the audit)
    /// only to trace the audit's findings back to the file and line to fix.
    static func sourceFiles(in content: Folder) -> [SourceFile] {
        let loaded = ContentLoader(contentDirectory: content.url, displayRoot: content.shown).load()
        return loaded.vacancies + loaded.events + loaded.trainings + loaded.pages
            + [loaded.employers, loaded.synonyms, loaded.siteConfig, loaded.communes, loaded.sectors].compactMap { $0 }
    }
}
