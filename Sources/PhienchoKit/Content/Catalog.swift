import PhienchoCore
import PhienchoModel

/// Everything the content says, validated into typed values: the output of the validate stage.
struct Catalog: Sendable {
    var site: SiteConfig
    var communes: TermList
    var sectors: TermList
    /// Every vacancy without errors, drafts and withdrawn ones included, sorted by id.
    var vacancies: [Vacancy]
    var pages: [Page]
    /// `employers.yml` (empty without one).
    var employers: [EmployerProfile] = []
    /// Every event and course without errors, drafts and withdrawn ones included, sorted by id.
    var events: [Event] = []
    var trainings: [Training] = []
    /// `synonyms.yml` (none without one), applied by the search index.
    var synonyms: SynonymList = .empty
    /// Draft files whose problems (warnings, for a draft) keep them out of `vacancies`: still
    /// drafts staff are working on, counted as such in the summary.
    var unreadableDrafts = 0
}
