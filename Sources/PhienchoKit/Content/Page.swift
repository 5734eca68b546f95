/// A plain page from `content/pages/*.md` (giới thiệu, hướng dẫn ứng tuyển): front matter `title` only.
struct Page: Sendable {
    var title: String
    /// From the file name: `gioi-thieu.md` → `gioi-thieu`.
    var slug: String
    var contentHTML: String
    var contentText: String
    var sourcePath: String

    /// Output folders the engine owns; a page may not take one of these names.
    static let reservedSlugs: Set<String> = ["viec-lam", "xa-phuong", "nganh-nghe", "trang", "tim-kiem", "assets",
                                             "rss-xml", "sitemap-xml", "404", "index"]
}
