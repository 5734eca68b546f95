import Foundation
import PhienchoCore
import PhienchoModel

/// The validate stage: turns loaded files into a `Catalog`, reporting every problem in every file.
/// Vacancy files are decoded in parallel; results keep file order, so output is deterministic.
package enum ContentValidator {
    package struct Result: Sendable {
        package var catalog: Catalog?
        package var diagnostics: [Diagnostic]
        /// What could be read: the site settings and the vacancies without errors (drafts too),
        /// counted in the summary even when the catalogue could not be made.
        package var site: SiteConfig? = nil
        package var vacancies: [Vacancy] = []
        /// Drafts that could not be read (`Catalog.unreadableDrafts`).
        package var unreadableDrafts = 0
        package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    package static func validate(_ loaded: ContentLoader.Loaded, baseURLOverride: String? = nil) -> Result {
        var diagnostics = loaded.diagnostics
        func take<T>(_ result: (T?, [Diagnostic])) -> T? {
            diagnostics += result.1
            return result.0
        }
        let site = loaded.siteConfig.flatMap { take(SiteConfig.decode($0, baseURLOverride: baseURLOverride)) }
        let communes = loaded.communes.flatMap { take(TermList.decode($0, isCommunes: true)) }
        let sectors = loaded.sectors.flatMap { take(TermList.decode($0, isCommunes: false)) }

        // Without the controlled lists, vacancies are still checked (against empty lists would flood
        // staff with unknown-commune errors, so those lists' own errors are reported alone).
        var vacancies: [Vacancy] = []
        var unreadableDrafts = 0
        if let communes, let sectors {
            var results = parallelMap(loaded.vacancies) { Vacancy.decode($0, communes: communes, sectors: sectors) }
            for result in results { diagnostics += result.1 }
            unreadableDrafts = zip(results, loaded.vacancies).count { $0.0.0 == nil && Vacancy.declaresDraft($0.1.text) }
            vacancies = sortedBySlug(taking: &results)
            diagnostics += duplicateIDs(in: vacancies)
        }
        let pages = loaded.pages.compactMap { take(Page.decode($0)) }
        diagnostics += duplicatePageSlugs(in: pages)
        var events: [Event] = [], trainings: [Training] = []
        if let communes {
            events = parallelMap(loaded.events) { Event.decode($0, communes: communes) }.compactMap(take).sorted { $0.slug < $1.slug }
            trainings = parallelMap(loaded.trainings) { Training.decode($0, communes: communes) }.compactMap(take).sorted { $0.slug < $1.slug }
            diagnostics += duplicateIDs(in: events) + duplicateIDs(in: trainings)
        }
        let employers = loaded.employers.flatMap { take(EmployerProfile.decodeList($0)) } ?? []
        let synonyms = loaded.synonyms.flatMap { take(SynonymList.decode($0)) } ?? .empty
        if let file = loaded.employers {
            diagnostics += unmatchedEmployers(employers, vacancies: vacancies, path: file.displayPath)
        }
        if let site, let hotline = site.hotline {
            diagnostics += HotlineConsistency.diagnostics(hotline: hotline, organization: site.organization,
                                                          files: loaded.vacancies + loaded.pages + loaded.events + loaded.trainings)
        }

        diagnostics.sort()
        guard let site, let communes, let sectors, !diagnostics.contains(where: { $0.severity == .error }) else {
            return Result(catalog: nil, diagnostics: diagnostics, site: site, vacancies: vacancies, unreadableDrafts: unreadableDrafts)
        }
        let catalog = Catalog(site: site, communes: communes, sectors: sectors,
                              vacancies: vacancies, pages: pages.sorted { $0.slug < $1.slug },
                              employers: employers, events: events, trainings: trainings, synonyms: synonyms,
                              unreadableDrafts: unreadableDrafts)
        return Result(catalog: catalog, diagnostics: diagnostics)
    }

    /// The decoded vacancies ordered by slug (the order of `compactMap(\.0).sorted { $0.slug < $1.slug }`,
    /// a stable sort), each slug computed once and each vacancy moved out of `results`, not copied.
    static func sortedBySlug(taking results: inout [(Vacancy?, [Diagnostic])]) -> [Vacancy] {
        let decoded = results.indices.filter { results[$0].0 != nil }
        let slugs = results.map { $0.0?.slug ?? "" }
        return decoded.sorted { slugs[$0] != slugs[$1] ? slugs[$0] < slugs[$1] : $0 < $1 }.map { index in
            var vacancy: Vacancy?
            swap(&vacancy, &results[index].0)
            return vacancy!
        }
    }

    /// Ids are compared as their URL segment (case-insensitive), since that is what must be unique.
    /// A draft never blocks a build: a draft whose id is taken gets a warning, whether it comes
    /// before or after the other file; two non-drafts sharing an id are an error on the later one.
    static func duplicateIDs<Item: IdentifiedContent>(in vacancies: [Item]) -> [Diagnostic] {
        // Indexes, not values, and each slug computed once: a build checks every vacancy here.
        let slugs = vacancies.map(\.slug)
        var firstNonDraft: [String: Int] = [:]
        for index in vacancies.indices where vacancies[index].status != .draft {
            firstNonDraft[slugs[index]] = firstNonDraft[slugs[index]] ?? index
        }
        var firstDraft: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for index in vacancies.indices {
            let slug = slugs[index]
            let isDraft = vacancies[index].status == .draft
            let other: Int?
            if isDraft {
                other = firstNonDraft[slug] ?? firstDraft[slug]
                firstDraft[slug] = firstDraft[slug] ?? index
            } else {
                other = firstNonDraft[slug]
            }
            guard let other, vacancies[other].sourcePath != vacancies[index].sourcePath else { continue }
            let position = vacancies[index].idPosition
            let sameLetters = vacancies[index].id == vacancies[other].id
            diagnostics.append(Diagnostic(isDraft ? .warning : .error, .duplicateID, path: vacancies[index].sourcePath,
                line: position?.line, column: position?.column,
                sameLetters ? "Mã \(Item.unit) “\(vacancies[index].id)” đã được dùng ở tệp \(vacancies[other].sourcePath). Mỗi \(Item.unit) cần một mã riêng."
                            : "Mã \(Item.unit) “\(vacancies[index].id)” chỉ khác mã “\(vacancies[other].id)” ở tệp \(vacancies[other].sourcePath) về chữ hoa, chữ thường, nên hai \(Item.unit) sẽ có cùng địa chỉ \(Item.folder)/\(slugs[index])/. Mỗi \(Item.unit) cần một mã riêng."))
        }
        return diagnostics
    }

    /// A profile in employers.yml whose name no vacancy's `employer.name` has (ignoring case and
    /// Unicode form): probably a typo, so its profile would never be shown with the vacancies.
    static func unmatchedEmployers(_ profiles: [EmployerProfile], vacancies: [Vacancy], path: String) -> [Diagnostic] {
        let names = Set(vacancies.map { Term.matchKey($0.employer.name) })
        return profiles.filter { !names.contains(Term.matchKey($0.name)) }.map { profile in
            var message = "Không có tin nào của đơn vị “\(profile.name)” (so với “employer.name” của các tin)."
            if let guess = Suggestion.closest(to: profile.name, among: Array(Set(vacancies.map(\.employer.name))).sorted()) {
                message += " Có phải là “\(guess)”?"
            }
            return Diagnostic(.warning, .unmatchedEmployer, path: path, line: profile.position?.line, column: profile.position?.column, message)
        }
    }

    static func duplicatePageSlugs(in pages: [Page]) -> [Diagnostic] {
        var seen: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for page in pages {
            if let other = seen[page.slug] {
                diagnostics.append(Diagnostic(.error, .duplicateSlug, path: page.sourcePath,
                    "Trang này có cùng địa chỉ “\(page.slug)/” với \(other); hãy đổi tên một trong hai tệp."))
            } else {
                seen[page.slug] = page.sourcePath
            }
        }
        return diagnostics
    }
}
