import PhienchoCore
import PhienchoModel

/// The derive stage for subscribers and machines: every RSS feed, the sitemap and robots.txt.
/// Feeds are cut from the indexes of `PublicSite`; nothing here scans all vacancies per term.
package struct SiteFeeds: Sendable {
    package let site: PublicSite

    package init(site: PublicSite) {
        self.site = site
    }

    /// `rss.xml`, `xa-phuong/<slug>/rss.xml` and `nganh-nghe/<slug>/rss.xml` for every term,
    /// `nha-tuyen-dung/<slug>/rss.xml` for every employer, `su-kien/rss.xml` and `hoc-nghe/rss.xml`.
    package var feeds: [RSSFeed] {
        var feeds = [RSSFeed(title: "Việc làm mới – \(site.site.title)",
                             description: "Các việc làm đang tuyển mới nhất của \(site.site.title).",
                             pagePath: Routes.home, feedPath: Routes.siteFeed, vacancies: site.open)]
        for taxonomy in Taxonomy.allCases {
            let open = taxonomy.openVacancies(of: site)
            for term in taxonomy.terms(of: site) {
                feeds.append(RSSFeed(title: "\(taxonomy.heading(term)) – \(site.site.title)",
                                     description: taxonomy.feedDescription(term),
                                     pagePath: Routes.term(term), feedPath: Routes.feed(of: Routes.term(term)),
                                     vacancies: open[term.slug] ?? []))
            }
        }
        for employer in site.employers {
            feeds.append(RSSFeed(title: "Việc làm của \(employer.name) – \(site.site.title)",
                                 description: "Việc làm đang tuyển của \(employer.name).",
                                 pagePath: employer.path, feedPath: Routes.feed(of: employer.path), vacancies: employer.open))
        }
        feeds.append(RSSFeed(title: "Sự kiện việc làm – \(site.site.title)", description: "Ngày hội việc làm, buổi tư vấn sắp diễn ra.",
                             pagePath: Routes.events, feedPath: Routes.eventsFeed, items: site.upcomingEvents.map { event in
            RSSFeed.Item(title: event.title, path: event.path,
                         description: "\(event.kind.label): \(event.when). Địa điểm: \(event.commune?.appended(to: event.place) ?? event.place)."
                             + (event.contactPhone.map { " Điện thoại: \($0)." } ?? ""),
                         category: event.kind.label)
        }))
        feeds.append(RSSFeed(title: "Học nghề – \(site.site.title)", description: "Các khóa học nghề đang nhận đăng ký.",
                             pagePath: Routes.trainings, feedPath: Routes.trainingsFeed, items: site.openTrainings.map { course in
            RSSFeed.Item(title: "\(course.title) – \(course.provider)", path: course.path,
                         description: "Nơi học: \(course.place). Hạn đăng ký: \(course.registrationDeadline.vietnamese)."
                             + (course.costText.map { " Học phí: \($0)." } ?? "")
                             + (course.support.isEmpty ? "" : " Hỗ trợ: \(course.support.joined(separator: "; ")).")
                             + (course.contactPhone.map { " Điện thoại: \($0)." } ?? ""),
                         category: "Học nghề")
        }))
        return feeds
    }

    package func renderFeeds() -> [OutputFile] {
        parallelMap(feeds) { OutputFile(path: $0.feedPath, text: $0.xml(site: site.site, buildDay: site.now)) }
    }

    /// `sitemap.xml`: open vacancies, listing pages, the pages of terms and employers with open
    /// vacancies, upcoming events, open courses and plain pages — never expired or unpublished
    /// vacancies, past events, closed courses, nor an empty term or employer page. `lastmod` is the newest `posted` shown on the page, when there is one.
    package func renderSitemap() -> OutputFile {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        func add(_ path: String, _ lastmod: LocalDate?) {
            out += "<url><loc>\(XML.escape(site.site.absoluteURL(path)))</loc>"
            if let lastmod { out += "<lastmod>\(lastmod.iso)</lastmod>" }
            out += "</url>\n"
        }
        func addListing(_ vacancies: [PublicVacancy], basePath: String) {
            let pagination = Pagination(itemCount: vacancies.count, pageSize: site.site.pageSize, basePath: basePath)
            for number in 1...pagination.pageCount {
                add(pagination.path(ofPage: number), vacancies[pagination.range(ofPage: number)].first?.posted)
            }
        }
        addListing(site.open, basePath: Routes.home)
        for taxonomy in Taxonomy.allCases { add(Routes.index(of: taxonomy), site.open.first?.posted) }
        for taxonomy in Taxonomy.allCases {
            let open = taxonomy.openVacancies(of: site)
            // A term without open vacancies has a page (marked noindex), but nothing to offer a search engine.
            for term in taxonomy.terms(of: site) where !(open[term.slug] ?? []).isEmpty {
                addListing(open[term.slug]!, basePath: Routes.term(term))
            }
        }
        for vacancy in site.open.sorted(by: { $0.slug < $1.slug }) { add(vacancy.path, vacancy.posted) }
        add(Routes.employers, site.open.first?.posted)
        for employer in site.employers where !employer.open.isEmpty { addListing(employer.open, basePath: employer.path) }
        add(Routes.partners, nil)
        add(Routes.events, nil)
        for event in site.upcomingEvents { add(event.path, nil) }
        add(Routes.trainings, nil)
        for course in site.openTrainings { add(course.path, nil) }
        for page in site.pages { add(Routes.plainPage(slug: page.slug), nil) }
        add(Routes.statistics, nil)
        out += "</urlset>\n"
        return OutputFile(path: Routes.sitemap, text: out)
    }

    /// `robots.txt` pointing at the sitemap. Under a sub-path the portal must merge it into the
    /// host's own robots.txt (crawlers only read /robots.txt); the Sitemap line is what matters.
    package func renderRobots() -> OutputFile {
        OutputFile(path: Routes.robots, text: "User-agent: *\nDisallow:\n\nSitemap: \(site.site.absoluteURL(Routes.sitemap))\n")
    }
}
