/// Every path of the built site, root-relative: a folder ends with `/` and its page is
/// `index.html` in it. Links, feeds, the sitemap, the search script and the portal's nginx snippet
/// rely on these paths (a contract: docs/content-format.md), and plain pages may not take the names
/// the engine keeps at the top (`reserved`). Nothing else spells a path.
enum Routes {
    static let home = ""
    static let search = "tim-kiem/"
    /// The folder of the search index's files.
    static let searchIndex = "tim-kiem/"
    static let searchManifest = searchIndex + "manifest.json"
    static let notFound = "404.html"
    static let siteFeed = feed(of: home)
    static let sitemap = "sitemap.xml"
    static let robots = "robots.txt"
    static let assets = "assets/"
    static let statistics = "thong-ke/"
    static let employers = "nha-tuyen-dung/"
    /// "Đơn vị đồng hành": the employers the centre thanks (`recognised: true` only).
    static let partners = "dong-hanh/"
    static let events = "su-kien/"
    static let eventsFeed = feed(of: events)
    static let trainings = "hoc-nghe/"
    static let trainingsFeed = feed(of: trainings)

    /// Names a plain page (`content/pages/<name>.md`) may not take, as slugs: the top-level folders
    /// and files above, and what a listing's pages are under.
    static let reserved: Set<String> = ["viec-lam", "xa-phuong", "nganh-nghe", "trang", "tim-kiem", "assets",
                                        "rss-xml", "sitemap-xml", "404", "index", "thong-ke", "nha-tuyen-dung",
                                        "dong-hanh", "su-kien", "hoc-nghe"]

    /// The page file of a folder path.
    static func file(ofPage folder: String) -> String { folder + "index.html" }

    /// Page `number` of a listing whose first page is `first` ("" for home, "xa-phuong/gia-tran/").
    static func listing(_ first: String, page number: Int) -> String {
        number == 1 ? first : "\(first)trang/\(number)/"
    }

    static func vacancy(slug: String) -> String { "viec-lam/\(slug)/" }
    /// An employer's page: the slug of `employer.name`.
    static func employer(slug: String) -> String { employers + slug + "/" }
    static func event(slug: String) -> String { events + slug + "/" }
    /// The event's iCalendar file, for a phone's calendar.
    static func eventCalendar(slug: String) -> String { event(slug: slug) + "su-kien.ics" }
    static func training(slug: String) -> String { trainings + slug + "/" }
    static func index(of taxonomy: Taxonomy) -> String { taxonomy.segment + "/" }
    static func term(_ term: Term) -> String { Taxonomy(term).segment + "/" + term.slug + "/" }
    static func plainPage(slug: String) -> String { slug + "/" }
    /// The RSS feed of a page folder: `rss.xml`, `xa-phuong/gia-tran/rss.xml` …
    static func feed(of folder: String) -> String { folder + "rss.xml" }
}
