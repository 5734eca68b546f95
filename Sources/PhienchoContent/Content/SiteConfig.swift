import Foundation
import PhienchoCore
import PhienchoModel

/// `content/site.yml`: the site's settings.
public struct SiteConfig: Sendable {
    package var title: String
    package var description: String
    /// Absolute http(s) URL ending in `/`, possibly with a sub-path (`https://host/phien-cho/`).
    package var baseURL: String
    package var language: String
    package var timeZone: TimeZone
    package var province: String
    package var organization: String
    var pageSize: Int
    package var theme: String
    /// Values the leak audit reported that staff reviewed and found not to be seeker data
    /// (e.g. an employer sharing a seeker's common name). Compared folded, like the audit.
    package var auditAllow: [String] = []
    /// First part of the ids `phiencho new` gives new vacancies (`NB` → `NB-2026-031`).
    package var idPrefix: String = SiteConfig.defaultIDPrefix
    /// The centre's phone (`hotline`), shown as a call link in every footer, on every vacancy and
    /// on printed sheets, and called from a vacancy whose employer gives no phone.
    package var hotline: String? = nil
    /// The centre's e-mail (`email`): where a citizen reports a wrong or suspicious notice.
    package var email: String? = nil
    /// The body the centre reports to (`parent_organization`, "Sở Nội vụ tỉnh Ninh Bình"): the first
    /// line of the formal report's heading.
    package var parentOrganization: String? = nil
    /// The plan's starting figures (`report_baseline`): of `total` people who had finished a prison
    /// term, `employed` had work. The formal report puts each period's figures beside them.
    package var reportBaseline: ReportBaseline? = nil

    package struct ReportBaseline: Sendable, Equatable {
        package var employed: Int
        package var total: Int
    }

    package static let keys = ["title", "description", "base_url", "language", "timezone", "province",
                       "organization", "page_size", "theme", "audit_allow", "id_prefix", "hotline",
                       "email", "parent_organization", "report_baseline"]

    /// The id prefix when site.yml sets none: "VL", for "việc làm".
    static let defaultIDPrefix = "VL"

    /// An id prefix is letters and digits without marks, in hyphen-separated groups (`NB`, `NB-TT`).
    static func isValidIDPrefix(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return !groups.isEmpty && groups.allSatisfy { group in
            !group.isEmpty && group.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// What pages may show of these settings: the only form of them rendering sees.
    package var publicSettings: PublicSettings {
        PublicSettings(title: title, description: description, baseURL: baseURL, language: language, timeZone: timeZone,
                       province: province, organization: organization, pageSize: pageSize, hotline: hotline, email: email)
    }

    var basePath: String { publicSettings.basePath }

    func utcOffset(on day: LocalDate) -> Int { publicSettings.utcOffset(on: day) }

    func absoluteURL(_ path: String) -> String { baseURL + path }

    /// Normalises a base URL: absolute http(s) with a host, ending in `/`. Nil when unusable.
    public static func normalizedBaseURL(_ text: String) -> String? {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }
}
