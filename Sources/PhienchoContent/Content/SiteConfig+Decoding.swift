import Foundation
import PhienchoCore

extension SiteConfig {
    /// Reads site.yml; nil (with diagnostics) when anything required is wrong.
    package static func decode(_ file: SourceFile, baseURLOverride: String?) -> (SiteConfig?, [Diagnostic]) {
        var reader = FieldReader(path: file.displayPath, firstLine: 1)
        guard let root = YAMLDocument.parse(file.text, firstLine: 1, sink: &reader.sink) else {
            if reader.sink.diagnostics.isEmpty {
                reader.sink.error(.emptyFile, at: nil, "Tệp chỉ có dòng chú thích, chưa có thiết lập nào.")
            }
            return (nil, reader.sink.diagnostics)
        }
        guard let fields = reader.fields(root, name: "", allowed: keys, required: ["title", "base_url", "province", "organization"])
        else { return (nil, reader.sink.diagnostics) }

        let title = reader.string(fields, "title")
        let description = fields.values["description"] == nil ? "" : reader.string(fields, "description")
        var baseURL: String?
        if let override = baseURLOverride {
            baseURL = normalizedBaseURL(override)
            if baseURL == nil {
                reader.sink.error(.invalidURL, at: nil, "Địa chỉ --base-url “\(override)” không hợp lệ; cần dạng https://ten-mien/duong-dan/.")
            }
        } else if let text = reader.string(fields, "base_url") {
            baseURL = normalizedBaseURL(text)
            if baseURL == nil {
                reader.sink.error(.invalidURL, at: fields.values["base_url"].flatMap(reader.position),
                                  "“base_url” phải là địa chỉ đầy đủ bắt đầu bằng https:// hoặc http://, ví dụ https://vieclam.example.vn/phien-cho/.")
            }
        }
        let language = fields.values["language"] == nil ? "vi" : reader.string(fields, "language")
        var timeZone: TimeZone? = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        if fields.values["timezone"] != nil, let name = reader.string(fields, "timezone") {
            timeZone = TimeZone(identifier: name)
            if timeZone == nil {
                reader.sink.error(.invalidTimezone, at: fields.values["timezone"].flatMap(reader.position),
                                  "Múi giờ “\(name)” không tồn tại; ở Việt Nam dùng Asia/Ho_Chi_Minh.")
            }
        }
        let province = reader.string(fields, "province")
        let organization = reader.string(fields, "organization")
        var pageSize: Int? = 20
        if fields.values["page_size"] != nil {
            pageSize = reader.integer(fields, "page_size")
            if let size = pageSize, !(1...500).contains(size) {
                reader.sink.error(.invalidNumber, at: fields.values["page_size"].flatMap(reader.position),
                                  "“page_size” (số tin mỗi trang) phải từ 1 đến 500.")
                pageSize = nil
            }
        }
        let theme = fields.values["theme"] == nil ? "default" : reader.string(fields, "theme")
        if let theme, theme.contains("/") || theme.hasPrefix(".") {
            reader.sink.error(.themeProblem, at: fields.values["theme"].flatMap(reader.position),
                              "Tên giao diện “\(theme)” không hợp lệ; chỉ ghi tên thư mục trong themes/.")
        }
        let auditAllow = reader.stringList(fields, "audit_allow")
        var idPrefix: String? = SiteConfig.defaultIDPrefix
        if fields.values["id_prefix"] != nil {
            idPrefix = reader.string(fields, "id_prefix")
            if let prefix = idPrefix, !isValidIDPrefix(prefix) {
                reader.sink.error(.invalidID, at: fields.values["id_prefix"].flatMap(reader.position),
                                  "“id_prefix” (đầu mã tin) “\(prefix)” chỉ được gồm chữ cái không dấu và chữ số, có thể nối bằng dấu gạch ngang, ví dụ NB.")
                idPrefix = nil
            }
        }
        let hotline = fields.values["hotline"] == nil ? nil : reader.string(fields, "hotline")
        if let hotline, !Vacancy.isPlausiblePhone(hotline) {
            reader.sink.error(.invalidChoice, at: fields.values["hotline"].flatMap(reader.position),
                              "Số điện thoại đường dây nóng “\(hotline)” quá ngắn; ghi đầy đủ, ví dụ \"0229 3871 234\".")
        }
        let email = fields.values["email"] == nil ? nil : reader.string(fields, "email")
        if let email, !Vacancy.isPlausibleEmail(email) {
            reader.sink.error(.invalidEmail, at: fields.values["email"].flatMap(reader.position),
                              "Địa chỉ thư điện tử của Trung tâm “\(email)” không đúng dạng ten@mien.vn.")
        }
        let parent = fields.values["parent_organization"] == nil ? nil : reader.string(fields, "parent_organization")
        let baseline = decodeBaseline(fields, reader: &reader)
        guard !reader.sink.hasErrors, let title, let description, let baseURL, let language, let timeZone,
              let province, let organization, let pageSize, let theme, let idPrefix else {
            return (nil, reader.sink.diagnostics)
        }
        return (SiteConfig(title: title, description: description, baseURL: baseURL, language: language,
                           timeZone: timeZone, province: province, organization: organization,
                           pageSize: pageSize, theme: theme, auditAllow: auditAllow, idPrefix: idPrefix, hotline: hotline, email: email,
                           parentOrganization: parent, reportBaseline: baseline),
                reader.sink.diagnostics)
    }

    /// `report_baseline: {employed: 847, total: 13427}`: whole numbers, `employed` at most `total`.
    private static func decodeBaseline(_ fields: FieldReader.Fields, reader: inout FieldReader) -> ReportBaseline? {
        guard fields.values["report_baseline"] != nil,
              let map = reader.nested(fields, "report_baseline", allowed: ["employed", "total"], required: ["employed", "total"]),
              let employed = reader.integer(map, "employed"), let total = reader.integer(map, "total") else { return nil }
        guard total >= 1, (0...total).contains(employed) else {
            reader.sink.error(.invalidNumber, at: map.position,
                              "“report_baseline”: số người có việc làm (employed) phải từ 0 đến tổng số người (total), và total từ 1 trở lên.")
            return nil
        }
        return ReportBaseline(employed: employed, total: total)
    }
}
