import PhienchoCore

/// A plain page from `content/pages/*.md` (giới thiệu, hướng dẫn ứng tuyển): front matter `title` only.
package struct Page: Sendable {
    package var title: String
    /// From the file name: `gioi-thieu.md` → `gioi-thieu`.
    package var slug: String
    package var contentHTML: String
    package var contentText: String
    var sourcePath: String
}
