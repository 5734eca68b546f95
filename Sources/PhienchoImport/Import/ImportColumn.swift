import PhienchoCore
import PhienchoContent

/// The columns of the quarterly spreadsheet ("Việc tìm người"), in the template's order, and the
/// vacancy field each fills. The titles are a contract with the communes' sheets: they are matched
/// ignoring case, diacritics, spacing, punctuation and a note in brackets ("Số lượng (người)").
enum ImportColumn: String, CaseIterable, Sendable {
    case id, title, employerName, employerAddress, employerPhone, employerEmail, employerWebsite
    case commune, workAddress, sector, employmentType, openings, salaryMin, salaryMax, salaryPeriod
    case posted, expires, requirements, benefits, apply, description, note, source
    /// Read when present, not in the template: the hires a commune reports back (`results`).
    case hired, resultDate

    /// The template's first row: every column but the two of results.
    static let templateColumns: [ImportColumn] = allCases.filter { $0 != .hired && $0 != .resultDate }

    /// The title in the template.
    var title: String {
        switch self {
        case .id: "Mã tin"
        case .title: "Vị trí tuyển dụng"
        case .employerName: "Tên đơn vị tuyển dụng"
        case .employerAddress: "Địa chỉ đơn vị"
        case .employerPhone: "Điện thoại"
        case .employerEmail: "Thư điện tử"
        case .employerWebsite: "Trang web"
        case .commune: "Xã/phường nơi làm việc"
        case .workAddress: "Địa chỉ nơi làm việc"
        case .sector: "Ngành nghề"
        case .employmentType: "Hình thức"
        case .openings: "Số lượng"
        case .salaryMin: "Lương từ"
        case .salaryMax: "Lương đến"
        case .salaryPeriod: "Trả lương theo"
        case .posted: "Ngày đăng"
        case .expires: "Hạn nộp hồ sơ"
        case .requirements: "Yêu cầu"
        case .benefits: "Quyền lợi"
        case .apply: "Cách ứng tuyển"
        case .description: "Mô tả công việc"
        case .note: "Ghi chú nội bộ"
        case .source: "Nguồn"
        case .hired: "Số người đã tuyển"
        case .resultDate: "Ngày báo kết quả"
        }
    }

    /// Other titles communes use for the same column.
    private var aliases: [String] {
        switch self {
        case .id: ["Mã", "Mã số tin"]
        case .title: ["Vị trí", "Vị trí cần tuyển", "Vị trí việc làm", "Công việc"]
        case .employerName: ["Đơn vị tuyển dụng", "Tên đơn vị", "Tên doanh nghiệp", "Doanh nghiệp"]
        case .employerPhone: ["Số điện thoại", "SĐT", "Điện thoại liên hệ"]
        case .employerEmail: ["Email", "E-mail"]
        case .employerWebsite: ["Website"]
        case .commune: ["Xã/phường", "Xã, phường, đặc khu", "Nơi làm việc"]
        case .employmentType: ["Hình thức làm việc"]
        case .openings: ["Số lượng cần tuyển", "Số lượng tuyển"]
        case .salaryMin: ["Lương tối thiểu"]
        case .salaryMax: ["Lương tối đa"]
        case .salaryPeriod: ["Tính lương theo"]
        case .expires: ["Hạn nộp", "Hạn tuyển"]
        case .apply: ["Cách nộp hồ sơ"]
        case .description: ["Mô tả"]
        case .note: ["Ghi chú"]
        case .hired: ["Số người được tuyển", "Đã tuyển"]
        default: []
        }
    }

    /// Columns a row cannot do without (the vacancy format's required fields without a default).
    var isRequired: Bool {
        switch self {
        case .title, .employerName, .commune, .sector, .openings, .expires: true
        default: false
        }
    }

    /// The field of the vacancy file the column fills (`nil`: the Markdown body).
    var fieldPath: String? {
        switch self {
        case .id: "id"
        case .title: "title"
        case .employerName: "employer.name"
        case .employerAddress: "employer.address"
        case .employerPhone: "employer.phone"
        case .employerEmail: "employer.email"
        case .employerWebsite: "employer.website"
        case .commune: "location.commune"
        case .workAddress: "location.address"
        case .sector: "sector"
        case .employmentType: "employment_type"
        case .openings: "openings"
        case .salaryMin: "salary.min"
        case .salaryMax: "salary.max"
        case .salaryPeriod: "salary.period"
        case .posted: "posted"
        case .expires: "expires"
        case .requirements: "requirements"
        case .benefits: "benefits"
        case .apply: "apply"
        case .description: nil
        case .note: "internal.ghi_chu"
        case .source: "internal.nguon"
        case .hired, .resultDate: "results"
        }
    }

    /// The column whose value a vacancy field came from; `salary` as a whole is the salary's columns.
    static func column(forField path: String) -> ImportColumn? {
        if path == "salary" { return .salaryMin }
        if path == "employer" { return .employerName }
        if path == "location" { return .commune }
        return allCases.first { $0.fieldPath == path }
    }

    /// The comparison form of a title: folded, brackets dropped, only letters and digits kept.
    static func key(_ header: String) -> String {
        var text = header
        while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            text.removeSubrange(open...close)
        }
        return String(VietnameseFolding.fold(text).unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            .map(Character.init))
    }

    private static let byKey: [String: ImportColumn] = {
        var table: [String: ImportColumn] = [:]
        for column in allCases {
            for title in [column.title] + column.aliases { table[key(title)] = table[key(title)] ?? column }
        }
        return table
    }()

    /// The column a header cell names, if any.
    static func matching(_ header: String) -> ImportColumn? { byKey[key(header)] }
}
