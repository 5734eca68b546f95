/// A plain page from `content/pages/*.md` (giới thiệu, hướng dẫn ứng tuyển): front matter `title` only.
public struct Page: Sendable {
    public var title: String
    /// From the file name: `gioi-thieu.md` → `gioi-thieu`.
    public var slug: String
    public var contentHTML: String
    public var contentText: String
    public var sourcePath: String

    /// Output folders the engine owns; a page may not take one of these names.
    static let reservedSlugs: Set<String> = ["viec-lam", "xa-phuong", "nganh-nghe", "trang", "tim-kiem", "assets",
                                             "rss-xml", "sitemap-xml", "404", "index"]
}
