/// The public projection of a plain page (`content/pages/*.md`): its title, slug and text, not
/// where it came from.
struct PublicPage: Sendable {
    let title: String
    /// From the file name: `gioi-thieu.md` → `gioi-thieu`.
    let slug: String
    let contentHTML: String
    let contentText: String

    init(title: String, slug: String, contentHTML: String, contentText: String) {
        self.title = title
        self.slug = slug
        self.contentHTML = contentHTML
        self.contentText = contentText
    }
}
