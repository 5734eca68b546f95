/// A withdrawn vacancy whose address still answers, until 90 days after its deadline as an expired
/// one's would: a short page "Tin này đã được gỡ" with similar open vacancies. It carries nothing of
/// the vacancy but its address and the terms the similar ones are chosen by, which the page never
/// names: not its title, employer or anything else staff withdrew.
package struct PublicWithdrawnVacancy: Sendable {
    /// Its id, which its address already shows: the page's title names it, so that every title is unique.
    package let id: String
    package let slug: String
    package let commune: Term
    package let sector: Term

    package init(id: String, slug: String, commune: Term, sector: Term) {
        self.id = id
        self.slug = slug
        self.commune = commune
        self.sector = sector
    }

    /// The address it had: `viec-lam/<slug>/`.
    package var path: String { Routes.vacancy(slug: slug) }
}
