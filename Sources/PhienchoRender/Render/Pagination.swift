import PhienchoCore
import PhienchoModel

/// Splits a list into pages of `pageSize`: page 1 lives at the section's own path, page N at
/// `<section>trang/N/`.
struct Pagination: Sendable {
    let pageCount: Int
    let pageSize: Int
    let itemCount: Int
    /// Root-relative path of page 1, e.g. "" (home) or "xa-phuong/gia-tran/".
    let basePath: String

    package init(itemCount: Int, pageSize: Int, basePath: String) {
        self.itemCount = itemCount
        self.pageSize = pageSize
        self.basePath = basePath
        pageCount = max(1, (itemCount + pageSize - 1) / pageSize)
    }

    package func path(ofPage number: Int) -> String {
        Routes.listing(basePath, page: number)
    }

    /// The path of every page, in order.
    package var pagePaths: [String] { (1...pageCount).map(path(ofPage:)) }

    package func range(ofPage number: Int) -> Range<Int> {
        let start = (number - 1) * pageSize
        return start..<min(itemCount, start + pageSize)
    }

    /// The `pagination` context of docs/theme.md.
    func context(forPage number: Int) -> TemplateValue {
        var context: TemplateObject = [
            "hasPages": .bool(pageCount > 1), "current": .int(number), "total": .int(pageCount),
            "pages": .list(pageLinks(around: number).map(TemplateValue.object)),
        ]
        if number > 1 { context.append("prev", ["href": .string(path(ofPage: number - 1))]) }
        if number < pageCount { context.append("next", ["href": .string(path(ofPage: number + 1))]) }
        return .object(context)
    }

    /// First, last and two either side of the current page; a `gap` item stands for what is skipped,
    /// so page 250 of 500 does not list 500 links.
    func pageLinks(around number: Int) -> [TemplateObject] {
        var links: [TemplateObject] = []
        var previous = 0
        // A gap that would hide a single page shows that page instead.
        for page in 1...pageCount where page == 1 || page == pageCount || abs(page - number) <= 2 {
            if page == previous + 2 {
                links.append(["number": .int(page - 1), "href": .string(path(ofPage: page - 1)), "current": false, "gap": false])
            } else if page > previous + 2 {
                links.append(["gap": true, "current": false])
            }
            links.append(["number": .int(page), "href": .string(path(ofPage: page)), "current": .bool(page == number), "gap": false])
            previous = page
        }
        return links
    }
}
