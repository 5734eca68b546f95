import Foundation
import PhienchoCore
import PhienchoModel

/// The render stage: every HTML page of the site, from the public projection only.
/// Each `render…` method returns the files of one kind of page; `Site.build` lists them in order.
///
/// Contexts are `TemplateValue`s built directly. What every page shares (`site`, `assets`,
/// `build`, the site feed, `nav` for each section) and each open vacancy's card (shown on up to
/// three listing pages) are built once, when the renderer is made.
package struct SiteRenderer: Sendable {
    package let site: PublicSite
    package let theme: Theme
    package let shared: Shared

    /// Parts of the page contexts built once per build.
    package struct Shared: Sendable {
        package var site: TemplateValue
        package var assets: TemplateValue
        package var build: TemplateValue
        var siteFeed: TemplateValue
        /// `nav` by the section shown (`navSection`); `noNav` when none is.
        var nav: [String: TemplateValue]
        var noNav: TemplateValue
        /// Cards of open vacancies by id.
        var cards: [String: TemplateValue]
        /// `feedLink` of every commune and of every sector, by slug.
        var communeFeeds: [String: TemplateValue]
        var sectorFeeds: [String: TemplateValue]
        /// Each vacancy page's `<title>` by id (`documentTitles(of:)`).
        var documentTitles: [String: String]
        /// `links` for a page this many folders deep.
        package var links: [TemplateValue]
    }

    package init(site: PublicSite, theme: Theme) {
        self.site = site
        self.theme = theme
        let config = site.site
        var navItems: [(label: String, href: String)] = [("Trang chủ", Routes.home)]
        navItems += Taxonomy.allCases.map { ($0.navigationLabel, Routes.index(of: $0)) }
        navItems += [("Nhà tuyển dụng", Routes.employers), ("Học nghề", Routes.trainings), ("Sự kiện", Routes.events)]
        navItems += site.pages.map { ($0.title, Routes.plainPage(slug: $0.slug)) }
        func nav(current: String?) -> TemplateValue {
            .list(navItems.map { ["label": .string($0.label), "href": .string($0.href), "current": .bool($0.href == current)] })
        }
        var assets = TemplateObject(minimumCapacity: theme.assetPaths.count)
        for (key, path) in theme.assetPaths.sorted(by: { $0.key < $1.key }) { assets.append(key, .string(path)) }
        let cards = parallelMap(site.open) { vacancy in (vacancy.id, Self.card(vacancy, at: site.now)) }
        shared = Shared(
            site: [
                "title": .string(config.title), "description": .string(config.description), "organization": .string(config.organization),
                "province": .string(config.province), "language": .string(config.language),
                "hotline": .string(config.hotline), "hotlineHref": .string(config.hotline.map(VietnameseFormat.telephoneHref)),
                "email": .string(config.email),
                "ogImage": .string(theme.assetPaths["og-image"].map(config.absoluteURL)),
            ],
            assets: .object(assets),
            build: ["date": .string(site.now.vietnamese), "dateISO": .string(site.now.iso)],
            siteFeed: ["title": .string("Việc làm mới – \(config.title)"), "href": .string(config.absoluteURL(Routes.siteFeed))],
            nav: Dictionary(navItems.map { ($0.href, nav(current: $0.href)) }, uniquingKeysWith: { first, _ in first }),
            noNav: nav(current: nil),
            cards: Dictionary(cards, uniquingKeysWith: { first, _ in first }),
            communeFeeds: Dictionary(site.communes.map { ($0.slug, Self.feedLink($0, config: config)) }, uniquingKeysWith: { first, _ in first }),
            sectorFeeds: Dictionary(site.sectors.map { ($0.slug, Self.feedLink($0, config: config)) }, uniquingKeysWith: { first, _ in first }),
            documentTitles: Self.documentTitles(of: site.open + site.expired, siteTitle: config.title),
            links: (0..<8).map { Self.links(root: String(repeating: "../", count: $0)) }
        )
    }

    /// "Vị trí – Đơn vị – xã X | site" for each vacancy: what a shared link and a browser tab show.
    /// Two vacancies that would share one get their id added, so every title is unique.
    static func documentTitles(of vacancies: [PublicVacancy], siteTitle: String) -> [String: String] {
        let names = vacancies.map { "\($0.title) – \($0.employerName) – \($0.commune.kindAndName)" }
        var uses: [String: Int] = [:]
        for name in names { uses[name, default: 0] += 1 }
        var titles: [String: String] = [:]
        for (vacancy, name) in zip(vacancies, names) {
            titles[vacancy.id] = (uses[name]! > 1 ? "\(name) (mã \(vacancy.id))" : name) + " | " + siteTitle
        }
        return titles
    }

    package var config: PublicSettings { site.site }

    /// Upcoming events and open courses the home page shows (the rest are one link away).
    static let homeAgendaCount = 3

    // MARK: Pages

    /// The path of every file the `render…` methods make (theme assets aside), known without
    /// rendering: `Site.build` has the staging folder's folders made from these while the pages are
    /// rendered. The writer still makes any folder missing here, so this only has to be fast.
    package func pagePaths() -> [String] {
        PageKind.allCases.flatMap { $0.files(self) }
    }

    var listingPagination: Pagination {
        Pagination(itemCount: site.open.count, pageSize: config.pageSize, basePath: Routes.home)
    }

    /// A term's open vacancies and how they are split into pages.
    func termPagination(_ term: Term, _ taxonomy: Taxonomy) -> (vacancies: [PublicVacancy], pagination: Pagination) {
        let vacancies = taxonomy.openVacancies(of: site)[term.slug] ?? []
        return (vacancies, Pagination(itemCount: vacancies.count, pageSize: config.pageSize, basePath: Routes.term(term)))
    }

    /// `index.html` and `trang/N/index.html`: open vacancies, newest first.
    func renderHomeAndListings() -> [OutputFile] {
        let pagination = listingPagination
        return parallelMap(Array(1...pagination.pageCount)) { number in
            let path = pagination.path(ofPage: number)
            var context = common(path: path, kind: number == 1 ? "home" : "listing",
                                 title: number == 1 ? config.title : "Việc làm đang tuyển – trang \(number)",
                                 description: config.description, navSection: "")
            context.append("rss", rssLink(Routes.siteFeed, title: "Việc làm mới"))
            context.append("vacancies", .list(pagination.range(ofPage: number).map { card(site.open[$0]) }))
            context.append("openCount", .int(site.open.count))
            context.append("pagination", pagination.context(forPage: number))
            if number == 1 {
                context.append("communes", termLinks(.communes, onlyOpen: true))
                context.append("sectors", termLinks(.sectors, onlyOpen: true))
                context.append("events", .list(site.upcomingEvents.prefix(Self.homeAgendaCount).map(eventCard)))
                context.append("eventCount", .int(site.upcomingEvents.count))
                context.append("trainings", .list(site.openTrainings.prefix(Self.homeAgendaCount).map(trainingCard)))
                context.append("trainingCount", .int(site.openTrainings.count))
            }
            return page(path, template: number == 1 ? "home" : "listing", context)
        }
    }

    /// A taxonomy's pages (`xa-phuong/…`, `nganh-nghe/…`): the index and one paginated page per term.
    func renderTermPages(_ taxonomy: Taxonomy) -> [OutputFile] {
        let communes = taxonomy == .communes
        var files: [OutputFile] = []

        let indexPath = Routes.index(of: taxonomy)
        var context = common(path: indexPath, kind: taxonomy.indexKind, title: taxonomy.indexTitle,
                             description: taxonomy.indexDescription, navSection: indexPath)
        let (openTerms, emptyTerms) = termIndex(taxonomy)
        context.append("terms", termLinks(taxonomy, onlyOpen: false))
        context.append("openTerms", openTerms)
        context.append("emptyTerms", emptyTerms)
        context.append("termKind", .string(taxonomy.termKind))
        context.append("isCommunes", .bool(communes))
        context.append("isSectors", .bool(!communes))
        files.append(page(indexPath, template: "terms", context))

        files += parallelMap(taxonomy.terms(of: site)) { term -> [OutputFile] in
            let (vacancies, pagination) = termPagination(term, taxonomy)
            let heading = taxonomy.heading(term)
            let termFeed = feedLink(term)
            let rss = rssLink(Routes.feed(of: Routes.term(term)), title: heading)
            let termValue = termLink(term, count: vacancies.count)
            return (1...pagination.pageCount).map { number in
                let path = pagination.path(ofPage: number)
                var context = common(path: path, kind: taxonomy.termKind,
                                     title: number == 1 ? heading : "\(heading) – trang \(number)",
                                     description: "\(heading): \(vacancies.count) việc làm đang tuyển.", navSection: indexPath,
                                     noindex: vacancies.isEmpty, extraFeeds: [termFeed])
                context.append("rss", rss)
                context.append("term", termValue)
                context.append("vacancies", .list(pagination.range(ofPage: number).map { card(vacancies[$0]) }))
                context.append("pagination", pagination.context(forPage: number))
                context.append("qrSVG", .string(QRCode.svg(for: config.absoluteURL(path), label: "Mã QR dẫn tới trang này")))
                context.append("isCommune", .bool(communes))
                context.append("isSector", .bool(!communes))
                if communes && number == 1 { context.append("events", .list((site.upcomingEventsByCommune[term.slug] ?? []).map(eventCard))) }
                return page(path, template: "term", context)
            }
        }.flatMap { $0 }
        return files
    }

    /// `<slug>/index.html` for each file of content/pages.
    func renderPlainPages() -> [OutputFile] {
        site.pages.map { plain in
            let path = Routes.plainPage(slug: plain.slug)
            var context = common(path: path, kind: "page", title: plain.title,
                                 description: shareableSummary(of: plain.contentText), navSection: path)
            context.append("contentHTML", .string(plain.contentHTML))
            return page(path, template: "page", context)
        }
    }

    /// A plain page's description: its first sentences, up to 160 characters, leaving out any that
    /// labels the reader (`LabellingWords`).
    func shareableSummary(of text: String) -> String {
        var summary = ""
        var sentence = ""
        for character in text {
            sentence.append(character)
            guard ".?!".contains(character) || character.isNewline else { continue }
            let trimmed = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
            sentence = ""
            guard !trimmed.isEmpty, !theme.labellingWords.labels(trimmed) else { continue }
            let next = summary.isEmpty ? trimmed : summary + " " + trimmed
            if next.count > 160 { break }
            summary = next
        }
        return summary.isEmpty ? String(text.prefix(160)) : summary
    }

    /// `thong-ke/index.html`: the job fair's figures (`PublicStatistics`), charts and tables.
    func renderStatisticsPage() -> OutputFile {
        let statistics = site.statistics
        let path = Routes.statistics
        var context = common(path: path, kind: "statistics", title: "Kết quả Phiên chợ việc làm",
                             description: "Số tin tuyển dụng, vị trí cần tuyển, đơn vị tham gia và số người đã có việc làm trong 12 tháng qua.",
                             navSection: nil)
        func rows(_ rows: [PublicStatistics.Row]) -> TemplateValue {
            .list(rows.map { ["name": .string($0.name), "posted": .int($0.posted), "openings": .int($0.openings)] })
        }
        context.append("statistics", [
            "posted": .int(statistics.posted), "openings": .int(statistics.openings), "employers": .int(statistics.employers),
            "hires": statistics.hires.map { .int($0) } ?? .absent, "minimumShown": .int(PublicStatistics.minimumShown),
            "from": .string(statistics.months.first?.name ?? ""), "to": .string(statistics.months.last?.name ?? ""),
            "months": rows(statistics.months), "sectors": rows(statistics.sectors),
            "monthsChartSVG": .string(BarChart.stackedSVG(statistics.months.map { ($0.name, $0.openings) }, label: "Vị trí cần tuyển theo tháng", unit: "vị trí")),
            "sectorsChartSVG": .string(BarChart.stackedSVG(statistics.sectors.map { ($0.name, $0.posted) }, label: "Tin tuyển dụng theo ngành nghề", unit: "tin")),
        ])
        return page(path, template: "statistics", context)
    }

    /// `tim-kiem/index.html`: the search form; results come from the index through the theme's script.
    func renderSearchPage() -> OutputFile {
        let path = Routes.search
        let context = common(path: path, kind: "search", title: "Tìm việc làm",
                             description: "Tìm việc làm theo tên công việc, nơi làm hoặc đơn vị tuyển dụng; gõ có dấu hay không dấu đều được.",
                             navSection: nil)
        return page(path, template: "search", context)
    }

    /// `404.html`: served at any address, so its links use the absolute base path.
    func renderNotFoundPage() -> OutputFile {
        var context = common(path: Routes.home, kind: "notFound", title: "Không tìm thấy trang",
                             description: "Trang bạn tìm không có hoặc đã được gỡ.", navSection: nil, noindex: true)
        context["root"] = .string(config.basePath)
        context["links"] = Self.links(root: config.basePath)
        return OutputFile(path: Routes.notFound, bytes: theme.render("404", .object(context)))
    }
}
