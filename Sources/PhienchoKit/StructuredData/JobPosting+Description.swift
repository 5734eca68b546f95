import Foundation

extension JobPosting {
    /// The JobPosting `description`: search engines show only this, so it holds the requirements
    /// and benefits after the description, as HTML, with every relative link made absolute against
    /// the vacancy page's address (a snippet is read away from the page).
    static func description(of vacancy: PublicVacancy, pageURL: String) -> String {
        var html = vacancy.descriptionHTML.isEmpty ? "<p>\(HTML.escape(vacancy.title))</p>\n" : vacancy.descriptionHTML
        for (heading, items) in [("Yêu cầu", vacancy.requirements), ("Quyền lợi", vacancy.benefits)] where !items.isEmpty {
            html += "<h3>\(heading)</h3>\n<ul>\n" + items.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n"
        }
        return absolutizingLinks(html, base: pageURL)
    }

    /// `href="…"` and `src="…"` values made absolute against `base`; absolute ones, fragments and
    /// values that do not parse are left alone. The HTML is the engine's own (cmark, escaped
    /// values), whose attribute values are always in double quotes.
    static func absolutizingLinks(_ html: String, base: String) -> String {
        guard let baseURL = URL(string: base), html.contains("href=\"") || html.contains("src=\"") else { return html }
        var out = ""
        var rest = html[...]
        while let attribute = [rest.firstRange(of: "href=\""), rest.firstRange(of: "src=\"")].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }),
              let close = rest[attribute.upperBound...].firstIndex(of: "\"") {
            out += rest[..<attribute.upperBound]
            let value = String(rest[attribute.upperBound..<close])
            let unescaped = value.replacingOccurrences(of: "&amp;", with: "&")
            if !value.hasPrefix("#"), URL(string: unescaped)?.scheme == nil,
               let absolute = URL(string: unescaped, relativeTo: baseURL)?.absoluteString {
                out += HTML.escape(absolute)
            } else {
                out += value
            }
            rest = rest[close...]
        }
        return out + rest
    }
}
