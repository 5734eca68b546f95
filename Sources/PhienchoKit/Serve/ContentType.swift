import PhienchoCore
import PhienchoContent

/// The Content-Type the preview server sends for a file of the built site.
enum ContentType {
    static let html = "text/html; charset=utf-8"

    /// By file name: RSS feeds (`rss.xml`, `*.rss`) are `application/rss+xml`, other XML (the
    /// sitemap) `application/xml`; text types carry `charset=utf-8`.
    static func forFile(_ name: String) -> String {
        let lower = name.lowercased()
        if lower == "rss.xml" || lower.hasSuffix(".rss") { return "application/rss+xml; charset=utf-8" }
        guard let dot = lower.lastIndex(of: ".") else { return "application/octet-stream" }
        switch lower[lower.index(after: dot)...] {
        case "html", "htm": return html
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "webmanifest": return "application/manifest+json; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        // Phones offer to add an event only to a calendar they recognise as one.
        case "ics": return "text/calendar; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
