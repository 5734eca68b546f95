import PhienchoCore
import PhienchoModel

/// Everything the content says, validated into typed values: the output of the validate stage.
package struct Catalog: Sendable {
    package var site: SiteConfig
    package var communes: TermList
    package var sectors: TermList
    /// Every vacancy without errors, drafts and withdrawn ones included, sorted by id.
    package var vacancies: [Vacancy]
    package var pages: [Page]
    /// `employers.yml` (empty without one).
    package var employers: [EmployerProfile] = []
    /// Every event and course without errors, drafts and withdrawn ones included, sorted by id.
    package var events: [Event] = []
    package var trainings: [Training] = []
    /// `synonyms.yml` (none without one), applied by the search index.
    package var synonyms: SynonymList = .empty
    /// Draft files whose problems (warnings, for a draft) keep them out of `vacancies`: still
    /// drafts staff are working on, counted as such in the summary.
    package var unreadableDrafts = 0
}
