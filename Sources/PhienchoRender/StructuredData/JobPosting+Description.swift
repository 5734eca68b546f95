import Foundation
import PhienchoCore
import PhienchoModel

extension JobPosting {
    /// The JobPosting `description`: search engines show only this, so it holds the requirements
    /// and benefits after the description, as HTML, with every relative link made absolute against
    /// the vacancy page's address (a snippet is read away from the page).
    package static func description(of vacancy: PublicVacancy, pageURL: String) -> String {
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
        // Found in the UTF-8 bytes: most descriptions hold no link, and every vacancy comes here.
        let bytes = Array(html.utf8)
        let attributes = [Array("href=\"".utf8), Array("src=\"".utf8)]
        var valueRanges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            if let attribute = attributes.first(where: { bytes[index...].starts(with: $0) }) {
                let start = index + attribute.count
                guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { break }
                valueRanges.append(start..<end)
                index = end + 1
            } else {
                index += 1
            }
        }
        guard !valueRanges.isEmpty, let baseURL = URL(string: base) else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64 * valueRanges.count)
        var copied = 0
        for range in valueRanges {
            out += bytes[copied..<range.lowerBound]
            let value = String(decoding: bytes[range], as: UTF8.self)
            let unescaped = value.replacingOccurrences(of: "&amp;", with: "&")
            if !value.hasPrefix("#"), URL(string: unescaped)?.scheme == nil,
               let absolute = URL(string: unescaped, relativeTo: baseURL)?.absoluteString {
                HTML.appendEscaped(absolute, to: &out)
            } else {
                out += bytes[range]
            }
            copied = range.upperBound
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }
}
