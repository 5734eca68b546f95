import PhienchoCore
import PhienchoModel

/// Vacancy pages: open and expired ones, and the short page a withdrawn one's address answers with.
/// None is a dead end: each lists similar open vacancies.
extension SiteRenderer {
    /// Similar open vacancies shown on a vacancy page.
    static let similarCount = 3

    /// `viec-lam/<id>/index.html` for every open and expired vacancy.
    func renderVacancyPages() -> [OutputFile] {
        parallelMap(site.open + site.expired) { vacancy in
            let place = vacancy.commune.kindAndName
            let facts = "\(vacancy.employerName), \(place). Lương: \(VietnameseFormat.salary(vacancy.salary)). Hạn nộp hồ sơ \(vacancy.expires.vietnamese)."
            // An expired page says so first wherever it is shown: its tab, and a shared link's preview.
            let expired = vacancy.isExpired ? "Đã hết hạn nộp hồ sơ" : nil
            var context = common(path: vacancy.path, kind: "vacancy", title: vacancy.title,
                                 description: expired.map { "\($0). \(facts)" } ?? facts,
                                 navSection: nil, noindex: vacancy.isExpired,
                                 extraFeeds: [feedLink(vacancy.commune), feedLink(vacancy.sector)],
                                 documentTitle: shared.documentTitles[vacancy.id].map { title in expired.map { "\($0) – \(title)" } ?? title })
            context.append("vacancy", detail(vacancy))
            context.append("similar", .list(similar(commune: vacancy.commune, sector: vacancy.sector, except: vacancy.id).map(card)))
            context.append("report", reportLinks(id: vacancy.id))
            // Only an open vacancy is printed for a notice board; an expired page says so and needs no code.
            if !vacancy.isExpired {
                context.append("qrSVG", .string(QRCode.svg(for: config.absoluteURL(vacancy.path), label: "Mã QR dẫn tới trang của tin này")))
            }
            context.append("structuredDataHTML", .string(JobPosting.scriptElement(for: vacancy, site: config)))
            return page(vacancy.path, template: "vacancy", context)
        }
    }

    /// `viec-lam/<id>/index.html` of a withdrawn vacancy: "Tin này đã được gỡ", similar open
    /// vacancies, nothing of the vacancy itself; noindex, and in no list, feed, sitemap or index.
    func renderWithdrawnPages() -> [OutputFile] {
        site.withdrawn.map { withdrawn in
            var context = common(path: withdrawn.path, kind: "withdrawn", title: "Tin này đã được gỡ",
                                 description: "Tin tuyển dụng này đã được gỡ. Mời bạn xem các việc làm đang tuyển.",
                                 navSection: nil, noindex: true, documentTitle: "Tin \(withdrawn.id) đã được gỡ – \(config.title)")
            context.append("similar", .list(similar(commune: withdrawn.commune, sector: withdrawn.sector, except: nil).map(card)))
            return page(withdrawn.path, template: "withdrawn", context)
        }
    }

    /// Up to `similarCount` open vacancies: same sector and commune first, then same sector, then
    /// same commune, each group in the order of `site.open` (newest first), `except` left out. So
    /// that no page is a dead end, the newest open vacancies fill what those leave.
    func similar(commune: Term, sector: Term, except id: String?) -> [PublicVacancy] {
        let sameSector = Taxonomy.sectors.openVacancies(of: site)[sector.slug] ?? []
        let sameCommune = Taxonomy.communes.openVacancies(of: site)[commune.slug] ?? []
        var chosen: [PublicVacancy] = []
        func take(_ candidates: some Sequence<PublicVacancy>) {
            for candidate in candidates {
                guard chosen.count < Self.similarCount else { return }
                if candidate.id != id && !chosen.contains(where: { $0.id == candidate.id }) { chosen.append(candidate) }
            }
        }
        take(sameSector.lazy.filter { $0.commune.slug == commune.slug })
        take(sameSector)
        take(sameCommune)
        take(site.open)
        return chosen
    }
}
