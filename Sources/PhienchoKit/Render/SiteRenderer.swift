import Foundation

/// The render stage: every HTML page of the site, from the public projection only.
/// Each `render…` method returns the files of one kind of page; `Site.build` lists them in order.
public struct SiteRenderer: Sendable {
    let site: PublicSite
    let theme: Theme

    public init(site: PublicSite, theme: Theme) {
        self.site = site
        self.theme = theme
    }

    var config: SiteConfig { site.site }

    // MARK: Pages

    /// `index.html` and `trang/N/index.html`: open vacancies, newest first.
    public func renderHomeAndListings() -> [OutputFile] {
        let pagination = Pagination(itemCount: site.open.count, pageSize: config.pageSize, basePath: "")
        return parallelMap(Array(1...pagination.pageCount)) { number in
            let path = pagination.path(ofPage: number)
            var context = common(path: path, kind: number == 1 ? "home" : "listing",
                                 title: number == 1 ? config.title : "Việc làm đang tuyển – trang \(number)",
                                 description: config.description, navSection: "")
            context["rss"] = rssLink("rss.xml", title: "Việc làm mới")
            context["vacancies"] = pagination.range(ofPage: number).map { card(site.open[$0]) }
            context["openCount"] = site.open.count
            context["pagination"] = pagination.context(forPage: number)
            if number == 1 {
                context["communes"] = termLinks(site.communes, counts: site.openByCommune, section: "xa-phuong").filter { ($0["count"] as! Int) > 0 }
                context["sectors"] = termLinks(site.sectors, counts: site.openBySector, section: "nganh-nghe").filter { ($0["count"] as! Int) > 0 }
            }
            return page(path, template: number == 1 ? "home" : "listing", context)
        }
    }

    /// `viec-lam/<id>/index.html` for every open and expired vacancy.
    public func renderVacancyPages() -> [OutputFile] {
        parallelMap(site.open + site.expired) { vacancy in
            var context = common(path: vacancy.path, kind: "vacancy", title: vacancy.title,
                                 description: "\(vacancy.title) – \(vacancy.employerName), \(vacancy.commune.kind.rawValue) \(vacancy.commune.name). Hạn nộp hồ sơ \(vacancy.expires.vietnamese).",
                                 navSection: nil, noindex: vacancy.isExpired,
                                 extraFeeds: [feedLink(vacancy.commune), feedLink(vacancy.sector)])
            context["vacancy"] = detail(vacancy)
            context["structuredDataHTML"] = JobPosting.scriptElement(for: vacancy, site: config)
            return page(vacancy.path, template: "vacancy", context)
        }
    }

    /// `xa-phuong/…` (communes) or `nganh-nghe/…` (sectors): the index and one paginated page per term.
    public func renderTermPages(communes: Bool) -> [OutputFile] {
        let section = communes ? "xa-phuong" : "nganh-nghe"
        let terms = communes ? site.communes : site.sectors
        let index = communes ? site.openByCommune : site.openBySector
        var files: [OutputFile] = []

        let indexPath = "\(section)/"
        var context = common(path: indexPath, kind: communes ? "communes" : "sectors",
                             title: communes ? "Việc làm theo xã/phường" : "Việc làm theo ngành nghề",
                             description: communes ? "Danh sách xã, phường và số việc làm đang tuyển ở mỗi nơi."
                                                   : "Danh sách ngành nghề và số việc làm đang tuyển của mỗi ngành.",
                             navSection: indexPath)
        context["terms"] = termLinks(terms, counts: index, section: section)
        context["termKind"] = communes ? "commune" : "sector"
        context["isCommunes"] = communes
        context["isSectors"] = !communes
        files.append(page(indexPath, template: "terms", context))

        files += parallelMap(terms) { term -> [OutputFile] in
            let vacancies = index[term.slug] ?? []
            let pagination = Pagination(itemCount: vacancies.count, pageSize: config.pageSize, basePath: "\(section)/\(term.slug)/")
            let heading = communes ? "Việc làm tại \(term.kind.rawValue) \(term.name)" : "Việc làm ngành \(term.name)"
            return (1...pagination.pageCount).map { number in
                let path = pagination.path(ofPage: number)
                var context = common(path: path, kind: communes ? "commune" : "sector",
                                     title: number == 1 ? heading : "\(heading) – trang \(number)",
                                     description: "\(heading): \(vacancies.count) việc làm đang tuyển.", navSection: indexPath,
                                     extraFeeds: [feedLink(term)])
                context["rss"] = rssLink(SiteFeeds.termPath(term) + "rss.xml", title: heading)
                context["term"] = termLink(term, count: vacancies.count, section: section)
                context["vacancies"] = pagination.range(ofPage: number).map { card(vacancies[$0]) }
                context["pagination"] = pagination.context(forPage: number)
                context["isCommune"] = communes
                context["isSector"] = !communes
                return page(path, template: "term", context)
            }
        }.flatMap { $0 }
        return files
    }

    /// `<slug>/index.html` for each file of content/pages.
    public func renderPlainPages() -> [OutputFile] {
        site.pages.map { plain in
            let path = "\(plain.slug)/"
            var context = common(path: path, kind: "page", title: plain.title,
                                 description: String(plain.contentText.prefix(160)), navSection: path)
            context["contentHTML"] = plain.contentHTML
            return page(path, template: "page", context)
        }
    }

    /// `tim-kiem/index.html`: the search form; results come from the index through the theme's script.
    public func renderSearchPage() -> OutputFile {
        let path = "tim-kiem/"
        let context = common(path: path, kind: "search", title: "Tìm việc làm",
                             description: "Tìm việc làm theo tên công việc, nơi làm hoặc đơn vị tuyển dụng; gõ có dấu hay không dấu đều được.",
                             navSection: nil)
        return page(path, template: "search", context)
    }

    /// `404.html`: served at any address, so its links use the absolute base path.
    public func renderNotFoundPage() -> OutputFile {
        var context = common(path: "", kind: "notFound", title: "Không tìm thấy trang",
                             description: "Trang bạn tìm không có hoặc đã được gỡ.", navSection: nil, noindex: true)
        context["root"] = config.basePath
        let html = theme.render("404", context)
        return OutputFile(path: "404.html", text: html)
    }

    // MARK: Contexts (docs/theme.md)

    private func page(_ path: String, template: String, _ context: [String: Any]) -> OutputFile {
        OutputFile(path: path + "index.html", text: theme.render(template, context))
    }

    /// Keys present on every page. `path` is the page's root-relative folder ("" for home).
    func common(path: String, kind: String, title: String, description: String, navSection: String?,
                noindex: Bool = false, extraFeeds: [[String: Any]] = []) -> [String: Any] {
        let depth = path.filter { $0 == "/" }.count
        var nav: [[String: Any]] = [
            ["label": "Trang chủ", "href": "", "current": navSection == ""],
            ["label": "Xã/phường", "href": "xa-phuong/", "current": navSection == "xa-phuong/"],
            ["label": "Ngành nghề", "href": "nganh-nghe/", "current": navSection == "nganh-nghe/"],
        ]
        for plain in site.pages {
            nav.append(["label": plain.title, "href": "\(plain.slug)/", "current": navSection == "\(plain.slug)/"])
        }
        return [
            "root": String(repeating: "../", count: depth),
            "site": [
                "title": config.title, "description": config.description, "organization": config.organization,
                "province": config.province, "language": config.language,
            ],
            "page": [
                "title": title,
                "documentTitle": kind == "home" ? config.title : "\(title) – \(config.title)",
                "description": description,
                "canonical": config.absoluteURL(path),
                "noindex": noindex,
                "kind": kind,
            ] as [String: Any],
            "assets": theme.assetPaths,
            "build": ["date": site.now.vietnamese, "dateISO": site.now.iso],
            "nav": nav,
            "feeds": [["title": "Việc làm mới – \(config.title)", "href": config.absoluteURL("rss.xml")]] + extraFeeds,
        ]
    }

    /// A `<link rel="alternate">` entry for a term's feed (absolute URL).
    func feedLink(_ term: Term) -> [String: Any] {
        let title = term.kind == .sector ? "Việc làm ngành \(term.name)" : "Việc làm tại \(term.kind.rawValue) \(term.name)"
        return ["title": title, "href": config.absoluteURL(SiteFeeds.termPath(term) + "rss.xml")]
    }

    /// The visible "Theo dõi bằng RSS" block on home and term pages (`href` relative to root).
    func rssLink(_ path: String, title: String) -> [String: Any] {
        ["href": path, "title": title, "url": config.absoluteURL(path)]
    }

    func card(_ vacancy: PublicVacancy) -> [String: Any] {
        [
            "title": vacancy.title,
            "href": vacancy.path,
            "employer": vacancy.employerName,
            "commune": vacancy.commune.name,
            "communeHref": "xa-phuong/\(vacancy.commune.slug)/",
            "sector": vacancy.sector.name,
            "sectorHref": "nganh-nghe/\(vacancy.sector.slug)/",
            "salary": VietnameseFormat.salary(vacancy.salary),
            "expires": vacancy.expires.vietnamese,
            "expiresISO": vacancy.expires.iso,
            "posted": vacancy.posted.vietnamese,
            "postedISO": vacancy.posted.iso,
            "employmentType": VietnameseFormat.employmentType(vacancy.employmentType),
            "openings": vacancy.openings,
        ]
    }

    func detail(_ vacancy: PublicVacancy) -> [String: Any] {
        var context = card(vacancy)
        context["id"] = vacancy.id
        context["expired"] = vacancy.isExpired
        context["employerAddress"] = vacancy.employerAddress
        context["employerPhone"] = vacancy.employerPhone
        context["employerPhoneHref"] = vacancy.employerPhone.map(VietnameseFormat.telephoneHref)
        context["employerEmail"] = vacancy.employerEmail
        context["employerWebsite"] = vacancy.employerWebsite
        context["hasContact"] = vacancy.employerAddress != nil || vacancy.employerPhone != nil
            || vacancy.employerEmail != nil || vacancy.employerWebsite != nil
        context["address"] = vacancy.address
        context["requirements"] = vacancy.requirements
        context["benefits"] = vacancy.benefits
        context["tags"] = vacancy.tags
        context["hasRequirements"] = !vacancy.requirements.isEmpty
        context["hasBenefits"] = !vacancy.benefits.isEmpty
        context["hasTags"] = !vacancy.tags.isEmpty
        context["descriptionHTML"] = vacancy.descriptionHTML.isEmpty ? nil : vacancy.descriptionHTML
        context["applyHTML"] = vacancy.applyHTML
        context["hasApply"] = vacancy.applyHTML != nil
        return context
    }

    func termLinks(_ terms: [Term], counts: [String: [PublicVacancy]], section: String) -> [[String: Any]] {
        terms.sorted { (VietnameseFolding.fold($0.name), $0.name) < (VietnameseFolding.fold($1.name), $1.name) }
            .map { termLink($0, count: counts[$0.slug]?.count ?? 0, section: section) }
    }

    func termLink(_ term: Term, count: Int, section: String) -> [String: Any] {
        ["name": term.name, "kindLabel": term.kind.rawValue, "href": "\(section)/\(term.slug)/", "count": count]
    }
}
