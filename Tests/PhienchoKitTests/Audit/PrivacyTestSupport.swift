import Foundation
import Testing
@testable import PhienchoAudit
@testable import PhienchoContent
@testable import PhienchoCore
@testable import PhienchoImport
@testable import PhienchoKit
@testable import PhienchoModel
@testable import PhienchoOutput
@testable import PhienchoPublication
@testable import PhienchoRender
@testable import PhienchoReport
@testable import PhienchoSpreadsheets

// Helpers for the privacy tests. Everything here is namespaced (`Privacy…`) so that it never
// collides with helpers other suites define in the same test module.

/// Repository paths.
enum PrivacyPaths {
    static let repoRoot = Paths.repoRoot
    static let themes = repoRoot.appendingPathComponent("themes")
    static let exampleContent = repoRoot.appendingPathComponent("content")
    /// The fixed publication day every privacy build uses.
    static let now = LocalDate(year: 2026, month: 11, day: 22)!
}

// MARK: - Building

enum PrivacyBuild {
    /// Options for a build of `content` into `output`, with short display names so that messages
    /// hold no temporary paths (whose random parts could contain digits).
    static func options(content: URL, output: URL) -> Site.Options {
        Site.Options(content: Folder(content, shown: "content"), themes: Folder(PrivacyPaths.themes, shown: "themes"),
                     output: Folder(output, shown: "public"), now: PrivacyPaths.now)
    }

    static func build(content: URL, output: URL) -> BuildReport {
        Site(options: options(content: content, output: output)).build()
    }

    static func audit(content: URL, output: URL) -> BuildReport {
        OutputAudit(options: .init(content: Folder(content, shown: "content"), output: Folder(output, shown: "public"))).run()
    }

    static func privacyDiagnostics(_ report: BuildReport) -> [Diagnostic] {
        report.diagnostics.filter { [.seekerDataLeak, .citizenIDShape, .seekerFileUnreadable].contains($0.code) }
    }

    /// Every diagnostic, formatted, one per line (for failure messages).
    static func describe(_ report: BuildReport) -> String {
        report.diagnostics.map(\.formatted).joined(separator: "\n")
    }
}

/// Every regular file under `root` (hidden ones too): relative path → (bytes, inode, mtime).
struct PrivacyTreeSnapshot: Equatable {
    struct Entry: Equatable {
        var data: Data
        var inode: UInt64
        var mtimeSeconds: Int
        var mtimeNanoseconds: Int
    }

    var files: [String: Entry] = [:]
    var folders: Set<String> = []
    /// The root folder's own inode and modification time (nil when it does not exist).
    var root: [Int]?

    init(_ root: URL) {
        var rootStatus = stat()
        if stat(root.path, &rootStatus) == 0 {
            self.root = [Int(rootStatus.st_ino), Int(rootStatus.st_mtim.tv_sec), Int(rootStatus.st_mtim.tv_nsec)]
        }
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return }
        while let relative = enumerator.nextObject() as? String {
            let type = enumerator.fileAttributes?[.type] as? FileAttributeType
            if type == .typeDirectory { folders.insert(relative); continue }
            let path = root.appendingPathComponent(relative).path
            var status = stat()
            guard stat(path, &status) == 0 else { continue }
            files[relative] = Entry(data: FileManager.default.contents(atPath: path) ?? Data(),
                                    inode: UInt64(status.st_ino),
                                    mtimeSeconds: Int(status.st_mtim.tv_sec),
                                    mtimeNanoseconds: Int(status.st_mtim.tv_nsec))
        }
    }
}

/// Every regular file under `root`, relative path → bytes.
func privacyReadTree(_ root: URL) -> [String: Data] {
    PrivacyTreeSnapshot(root).files.mapValues(\.data)
}

// MARK: - Text helpers (independent of the code under test)

enum PrivacyText {
    /// Removes Vietnamese diacritics but keeps the case ("Đặng Thị Hương" → "Dang Thi Huong").
    static func stripDiacritics(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            switch scalar {
            case "đ": scalars.append("d")
            case "Đ": scalars.append("D")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Lower-case, no diacritics, every run of non-alphanumerics one space, trimmed.
    static func folded(_ text: String) -> String {
        stripDiacritics(text.precomposedStringWithCanonicalMapping).lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }

    static func digits(_ text: String) -> String { String(text.filter { $0.isASCII && $0.isNumber }) }

    /// HTML's named references for letters Vietnamese uses (à á â ã è é ê ì í ò ó ô õ ù ú ý ă đ ĩ ũ).
    static let namedReferences: [UInt32: String] = [
        0xC0: "Agrave", 0xC1: "Aacute", 0xC2: "Acirc", 0xC3: "Atilde", 0xC8: "Egrave", 0xC9: "Eacute", 0xCA: "Ecirc",
        0xCC: "Igrave", 0xCD: "Iacute", 0xD2: "Ograve", 0xD3: "Oacute", 0xD4: "Ocirc", 0xD5: "Otilde", 0xD9: "Ugrave",
        0xDA: "Uacute", 0xDD: "Yacute", 0xE0: "agrave", 0xE1: "aacute", 0xE2: "acirc", 0xE3: "atilde", 0xE8: "egrave",
        0xE9: "eacute", 0xEA: "ecirc", 0xEC: "igrave", 0xED: "iacute", 0xF2: "ograve", 0xF3: "oacute", 0xF4: "ocirc",
        0xF5: "otilde", 0xF9: "ugrave", 0xFA: "uacute", 0xFD: "yacute", 0x102: "Abreve", 0x103: "abreve",
        0x110: "Dstrok", 0x111: "dstrok", 0x128: "Itilde", 0x129: "itilde", 0x168: "Utilde", 0x169: "utilde",
    ]

    static func htmlEscape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A JSON string literal; non-ASCII as `\uXXXX` when `asciiOnly`.
    static func jsonString(_ text: String, asciiOnly: Bool) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if asciiOnly && scalar.value > 0x7F && scalar.value <= 0xFFFF {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A YAML double-quoted scalar (line breaks escaped, or YAML would fold them into spaces).
    static func yaml(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

// MARK: - Site content written by the tests

/// The fixed part of a test content folder: site.yml, communes.yml, sectors.yml, one page.
enum PrivacyContent {
    static let communes = ["Gia Viễn", "Yên Mô", "Tam Điệp"]
    static let sectors = ["Xây dựng", "Dệt may", "Chế biến thực phẩm"]

    static func siteYAML(allow: [String] = []) -> String {
        var text = """
        title: Phiên chợ việc làm thử nghiệm
        description: Việc làm cho người đã chấp hành xong án phạt tù trở về địa phương.
        base_url: https://vieclam.example.vn/phien-cho/
        language: vi
        timezone: Asia/Ho_Chi_Minh
        province: Ninh Bình
        organization: Trung tâm Dịch vụ việc làm tỉnh
        page_size: 10
        theme: default

        """
        if !allow.isEmpty {
            text += "audit_allow:\n" + allow.map { "  - \(PrivacyText.yaml($0))\n" }.joined()
        }
        return text
    }

    static let communesYAML = """
    - {name: "Gia Viễn", kind: xã}
    - {name: "Yên Mô", kind: xã}
    - {name: "Tam Điệp", kind: phường}

    """

    static let sectorsYAML = """
    - name: Xây dựng
    - name: Dệt may
    - name: Chế biến thực phẩm

    """

    static let page = """
    ---
    title: Giới thiệu
    ---
    Phiên chợ việc làm do Trung tâm tổ chức. Người tìm việc được tư vấn miễn phí.

    """

    /// Writes the fixed files into `folder` (the content root).
    static func writeBase(into folder: TemporaryFolder, under prefix: String = "", allow: [String] = []) throws {
        try folder.write(prefix + "site.yml", siteYAML(allow: allow))
        try folder.write(prefix + "communes.yml", communesYAML)
        try folder.write(prefix + "sectors.yml", sectorsYAML)
        try folder.write(prefix + "pages/gioi-thieu.md", page)
    }
}

/// A clean vacancy as the tests write it (every field a plain string, so values can be planted).
struct PrivacyVacancy: Sendable, CustomStringConvertible {
    var id: String
    var title: String
    var posted: String
    var expires: String
    var employerName: String
    var employerAddress: String
    var employerPhone: String
    var employerEmail: String
    var commune: String
    var address: String
    var sector: String
    var openings: Int
    var salaryMin: Int?
    var requirements: [String]
    var benefits: [String]
    var tags: [String]
    var apply: String
    var body: [String]
    /// Raw YAML lines (already indented by two spaces) of the `internal` map, or empty.
    var internalYAML: [String] = []

    var fileName: String { "vacancies/\(id.lowercased()).md" }

    var markdown: String {
        var lines = ["---",
                     "id: \(id)",
                     "title: \(PrivacyText.yaml(title))",
                     "status: approved",
                     "posted: \(posted)",
                     "expires: \(expires)",
                     "employer:",
                     "  name: \(PrivacyText.yaml(employerName))",
                     "  address: \(PrivacyText.yaml(employerAddress))",
                     "  phone: \(PrivacyText.yaml(employerPhone))",
                     "  email: \(PrivacyText.yaml(employerEmail))",
                     "location:",
                     "  commune: \(PrivacyText.yaml(commune))",
                     "  address: \(PrivacyText.yaml(address))",
                     "sector: \(PrivacyText.yaml(sector))",
                     "employment_type: full_time",
                     "openings: \(openings)"]
        if let salaryMin {
            lines += ["salary:", "  min: \(salaryMin)", "  max: \(salaryMin + 2_000_000)", "  period: month"]
        }
        lines.append("requirements:")
        lines += requirements.map { "  - \(PrivacyText.yaml($0))" }
        lines.append("benefits:")
        lines += benefits.map { "  - \(PrivacyText.yaml($0))" }
        lines.append("tags:")
        lines += tags.map { "  - \(PrivacyText.yaml($0))" }
        lines.append("apply: \(PrivacyText.yaml(apply))")
        if !internalYAML.isEmpty {
            lines.append("internal:")
            lines += internalYAML
        }
        lines.append("---")
        lines += body.flatMap { [$0, ""] }
        return lines.joined(separator: "\n")
    }

    /// Every visible text field, for the rendered-text tests.
    var textSlots: [String] { [title, employerName, employerAddress, employerPhone, employerEmail, address] + tags + body }

    var description: String { "\(id) “\(title)”" }
}

// MARK: - Seekers written by the tests

/// One seeker record with the plan's columns.
struct PrivacySeeker: Sendable, CustomStringConvertible {
    static let header = ["ma_ho_so", "ho_ten", "nam_sinh", "gioi_tinh", "so_cccd", "dien_thoai", "xa_phuong", "dia_chi",
                         "tinh_trang_an_tich", "trinh_do_hoc_van", "linh_vuc_dao_tao", "ky_nang", "tinh_trang_viec_lam",
                         "kinh_nghiem", "nhu_cau_viec_lam", "ghi_chu"]

    var recordID: String
    var name: String
    var birthYear: String
    var sex: String
    var citizenID: String
    var phone: String
    var commune: String
    var address: String
    var criminalRecord: String
    var education: String
    var training: String
    var skills: String
    var employment: String
    var experience: String
    var need: String
    var note: String

    var row: [String] {
        [recordID, name, birthYear, sex, citizenID, phone, commune, address, criminalRecord, education, training,
         skills, employment, experience, need, note]
    }

    var description: String { "\(recordID) \(name) \(citizenID) \(phone)" }
}

enum PrivacySeekerFile {
    /// The seekers as an Excel-style CSV: `;` or `,`, optional BOM, CRLF or LF, quoting where needed
    /// (and sometimes where not).
    static func csv(_ seekers: [PrivacySeeker], semicolon: Bool, bom: Bool, crlf: Bool, quoteAll: Bool = false) -> String {
        let delimiter = semicolon ? ";" : ","
        let newline = crlf ? "\r\n" : "\n"
        func cell(_ value: String) -> String {
            let needsQuotes = quoteAll || value.contains(delimiter) || value.contains("\"") || value.contains("\n") || value.contains("\r")
            return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }
        let lines = [PrivacySeeker.header] + seekers.map(\.row)
        return (bom ? "\u{FEFF}" : "") + lines.map { $0.map(cell).joined(separator: delimiter) }.joined(separator: newline) + newline
    }

    /// The seekers as a YAML list of maps.
    static func yaml(_ seekers: [PrivacySeeker]) -> String {
        seekers.map { seeker in
            zip(PrivacySeeker.header, seeker.row).enumerated().map { index, pair in
                (index == 0 ? "- " : "  ") + "\(pair.0): \(PrivacyText.yaml(pair.1))"
            }.joined(separator: "\n")
        }.joined(separator: "\n") + "\n"
    }
}
