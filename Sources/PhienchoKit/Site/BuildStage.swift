import PhienchoCore
import PhienchoContent

/// The stages of a build, as reported to staff on a terminal while it runs (`Site.Options.progress`).
public enum BuildStage: Sendable, Equatable {
    case load
    case validate(files: Int)
    case render(vacancies: Int)
    case derive
    case audit(files: Int)
    case write(files: Int, output: String)

    /// How many stages a build goes through; `number` counts from 1.
    public static let count = 6

    public var number: Int {
        switch self {
        case .load: 1
        case .validate: 2
        case .render: 3
        case .derive: 4
        case .audit: 5
        case .write: 6
        }
    }

    /// One short Vietnamese line, e.g. "[3/6] Tạo các trang cho 24 tin…".
    public var line: String {
        let text: String
        switch self {
        case .load: text = "Đọc nội dung"
        case .validate(let files): text = "Kiểm tra \(files) tệp nội dung"
        case .render(let vacancies): text = "Tạo các trang (\(vacancies) tin được đăng)"
        case .derive: text = "Tạo chỉ mục tìm kiếm, bản tin RSS và sơ đồ trang"
        case .audit(let files): text = "Kiểm tra \(files) tệp để chắc không lộ thông tin người tìm việc"
        case .write(let files, let output): text = "Ghi \(files) tệp vào \(output)"
        }
        return "[\(number)/\(Self.count)] \(text)…"
    }
}
