import PhienchoCore
import PhienchoModel

/// One RSS 2.0 feed: open vacancies, newest posted first (ties by id), or upcoming events or open
/// courses in listing order; at most `maximumItems`. Dates come from the content, never the wall
/// clock, so the same content gives the same bytes.
package struct RSSFeed: Sendable {
    static let maximumItems = 100

    /// An item other than a vacancy. Events and courses have no publication day in their files, so
    /// their items have no `pubDate` (optional in RSS 2.0) rather than an invented one.
    package struct Item: Sendable {
        package var title: String
        package var path: String
        package var description: String
        package var category: String
    }

    package let title: String
    package let description: String
    /// Root-relative path of the page the feed follows ("" for home, "xa-phuong/gia-tran/").
    let pagePath: String
    /// Root-relative path of the feed itself.
    let feedPath: String
    /// Already in newest-first order.
    package var vacancies: [PublicVacancy] = []
    package var items: [Item] = []

    /// Renders the feed; `lastBuildDate` is the build day (`--now`), so the same content and day give
    /// the same bytes.
    package func xml(site: PublicSettings, buildDay: LocalDate) -> String {
        let items = vacancies.prefix(Self.maximumItems)
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
        <channel>
        <title>\(XML.escape(title))</title>
        <link>\(XML.escape(site.absoluteURL(pagePath)))</link>
        <description>\(XML.escape(description))</description>
        <language>\(XML.escape(site.language))</language>

        """
        out += "<lastBuildDate>\(buildDay.rfc822(utcOffset: site.utcOffset(on: buildDay)))</lastBuildDate>\n"
        out += "<atom:link href=\"\(XML.escape(site.absoluteURL(feedPath)))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        for vacancy in items {
            let url = XML.escape(site.absoluteURL(vacancy.path))
            out += """
            <item>
            <title>\(XML.escape("\(vacancy.title) – \(vacancy.employerName)"))</title>
            <link>\(url)</link>
            <guid isPermaLink="true">\(url)</guid>
            <pubDate>\(vacancy.posted.rfc822(utcOffset: site.utcOffset(on: vacancy.posted)))</pubDate>
            <description>\(XML.escape(HTML.escape(Self.summary(of: vacancy))))</description>
            <category>\(XML.escape(vacancy.sector.name))</category>
            </item>

            """
        }
        for item in self.items.prefix(Self.maximumItems) {
            let url = XML.escape(site.absoluteURL(item.path))
            out += """
            <item>
            <title>\(XML.escape(item.title))</title>
            <link>\(url)</link>
            <guid isPermaLink="true">\(url)</guid>
            <description>\(XML.escape(HTML.escape(item.description)))</description>
            <category>\(XML.escape(item.category))</category>
            </item>

            """
        }
        out += "</channel>\n</rss>\n"
        return out
    }

    /// Plain-text item description: employer, place of work, salary, deadline, the employer's phone
    /// (people here call rather than write). Feed readers take an
    /// item description as HTML, so it is HTML-escaped before being XML-escaped: text stays text.
    package static func summary(of vacancy: PublicVacancy) -> String {
        let place = vacancy.address.map(vacancy.commune.appended) ?? vacancy.commune.kindAndName
        var parts = [
            "Đơn vị tuyển dụng: \(vacancy.employerName).",
            "Nơi làm việc: \(place).",
            "Mức lương: \(VietnameseFormat.salary(vacancy.salary)).",
            "Hạn nộp hồ sơ: \(vacancy.expires.vietnamese).",
        ]
        if let phone = vacancy.employerPhone { parts.append("Điện thoại: \(phone).") }
        return parts.joined(separator: " ")
    }
}
