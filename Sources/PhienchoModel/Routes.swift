import PhienchoCore

/// Every path of the built site, root-relative: a folder ends with `/` and its page is
/// `index.html` in it. Links, feeds, the sitemap, the search script and the portal's nginx snippet
/// rely on these paths (a contract: docs/content-format.md), and plain pages may not take the names
/// the engine keeps at the top (`reserved`). Nothing else spells a path.
package enum Routes {
    package static let home = ""
    package static let search = "tim-kiem/"
    /// The folder of the search index's files.
    package static let searchIndex = "tim-kiem/"
    package static let searchManifest = searchIndex + "manifest.json"
    package static let notFound = "404.html"
    package static let siteFeed = feed(of: home)
    package static let sitemap = "sitemap.xml"
    package static let robots = "robots.txt"
    package static let assets = "assets/"
    package static let statistics = "thong-ke/"
    package static let employers = "nha-tuyen-dung/"
    /// "Đơn vị đồng hành": the employers the centre thanks (`recognised: true` only).
    package static let partners = "dong-hanh/"
    package static let events = "su-kien/"
    package static let eventsFeed = feed(of: events)
    package static let trainings = "hoc-nghe/"
    package static let trainingsFeed = feed(of: trainings)

    /// The folder of every vacancy's page (`viec-lam/<id>/`).
    package static let vacancies = "viec-lam/"
    /// Where a listing's further pages are (`trang/2/`).
    static let listingPages = "trang/"

    /// The sections templates link to, by the name a template writes: `{{links.communes}}` is the
    /// link from the page being rendered to `xa-phuong/` (docs/theme.md). No template spells a path.
    package static let links: [(name: String, path: String)] = [
        ("home", home), ("search", search), ("communes", index(of: .communes)), ("sectors", index(of: .sectors)),
        ("statistics", statistics), ("employers", employers), ("partners", partners), ("events", events),
        ("trainings", trainings), ("siteFeed", siteFeed), ("eventsFeed", eventsFeed), ("trainingsFeed", trainingsFeed),
    ]

    /// Names a plain page (`content/pages/<name>.md`) may not take, as slugs: the top folder of
    /// every section in `links` and of vacancies, listing pages and assets, and every top-level
    /// file by its name and its stem (`rss.xml`: "rss-xml", "rss").
    package static let reserved: Set<String> = {
        let folders = [vacancies, listingPages, assets] + links.map(\.path).filter { $0.hasSuffix("/") }
        let files = [siteFeed, sitemap, robots, notFound, file(ofPage: home)]
        return Set(folders.map { String($0.prefix { $0 != "/" }) }.filter { !$0.isEmpty }
                   + files.flatMap { [Slug.make($0), Slug.make(String($0.prefix { $0 != "." }))] })
    }()

    /// The page file of a folder path.
    package static func file(ofPage folder: String) -> String { folder + "index.html" }

    /// Page `number` of a listing whose first page is `first` ("" for home, "xa-phuong/gia-tran/").
    package static func listing(_ first: String, page number: Int) -> String {
        number == 1 ? first : "\(first)\(listingPages)\(number)/"
    }

    package static func vacancy(slug: String) -> String { vacancies + slug + "/" }
    /// An employer's page: the slug of `employer.name`.
    package static func employer(slug: String) -> String { employers + slug + "/" }
    package static func event(slug: String) -> String { events + slug + "/" }
    /// The event's iCalendar file, for a phone's calendar.
    static func eventCalendar(slug: String) -> String { event(slug: slug) + "su-kien.ics" }
    package static func training(slug: String) -> String { trainings + slug + "/" }
    package static func index(of taxonomy: Taxonomy) -> String { taxonomy.segment + "/" }
    package static func term(_ term: Term) -> String { Taxonomy(term).segment + "/" + term.slug + "/" }
    package static func plainPage(slug: String) -> String { slug + "/" }
    /// The RSS feed of a page folder: `rss.xml`, `xa-phuong/gia-tran/rss.xml` …
    package static func feed(of folder: String) -> String { folder + "rss.xml" }
}
