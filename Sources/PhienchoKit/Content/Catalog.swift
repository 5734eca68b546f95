/// Everything the content says, validated into typed values: the output of the validate stage.
public struct Catalog: Sendable {
    public var site: SiteConfig
    public var communes: TermList
    public var sectors: TermList
    /// Every vacancy without errors, drafts and withdrawn ones included, sorted by id.
    public var vacancies: [Vacancy]
    public var pages: [Page]
}
