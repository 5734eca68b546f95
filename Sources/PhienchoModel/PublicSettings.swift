import Foundation
import PhienchoCore

/// The site settings pages, feeds and structured data may show: `site.yml` without what only staff
/// and the engine read (`audit_allow`, whose entries look like seeker data; the id prefix; the
/// report's parent body and baseline). Made by the projection (`SiteConfig.publicSettings`).
package struct PublicSettings: Sendable {
    package let title: String
    package let description: String
    /// Absolute http(s) URL ending in `/`, possibly with a sub-path (`https://host/phien-cho/`).
    package let baseURL: String
    package let language: String
    package let timeZone: TimeZone
    package let province: String
    package let organization: String
    package let pageSize: Int
    /// The centre's phone, shown in every footer, on every vacancy and on printed sheets.
    package let hotline: String?
    /// The centre's e-mail, for reports of a wrong or suspicious notice.
    package let email: String?

    package init(title: String, description: String, baseURL: String, language: String, timeZone: TimeZone, province: String,
         organization: String, pageSize: Int, hotline: String?, email: String? = nil) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.timeZone = timeZone
        self.province = province
        self.organization = organization
        self.pageSize = pageSize
        self.hotline = hotline
        self.email = email
    }

    /// The path part of `baseURL` (`/phien-cho/`), used where relative links cannot work (404 page).
    package var basePath: String {
        URLComponents(string: baseURL)?.percentEncodedPath.nonEmpty ?? "/"
    }

    /// The site time zone's offset from UTC on a given day, in seconds (+25200 for Việt Nam).
    package func utcOffset(on day: LocalDate) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + 43_200)))
    }

    /// Absolute URL of a root-relative path such as `viec-lam/nb-1/`.
    package func absoluteURL(_ path: String) -> String { baseURL + path }
}
