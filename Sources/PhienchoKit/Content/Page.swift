import PhienchoCore

/// A plain page from `content/pages/*.md` (giới thiệu, hướng dẫn ứng tuyển): front matter `title` only.
struct Page: Sendable {
    var title: String
    /// From the file name: `gioi-thieu.md` → `gioi-thieu`.
    var slug: String
    var contentHTML: String
    var contentText: String
    var sourcePath: String
}
