import PhienchoCore

/// The public projection of a plain page (`content/pages/*.md`): its title, slug and text, not
/// where it came from.
package struct PublicPage: Sendable {
    package let title: String
    /// From the file name: `gioi-thieu.md` → `gioi-thieu`.
    package let slug: String
    package let contentHTML: String
    package let contentText: String

    package init(title: String, slug: String, contentHTML: String, contentText: String) {
        self.title = title
        self.slug = slug
        self.contentHTML = contentHTML
        self.contentText = contentText
    }
}
