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

/// Paths and helpers shared by the suite. Fixtures are located from this file's path (not the test
/// bundle) so that `UPDATE_GOLDEN=1` can rewrite them in the source tree.
enum Paths {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let repoRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let themes = repoRoot.appendingPathComponent("themes")
    static let content = repoRoot.appendingPathComponent("content")
}

/// A fresh folder under the system temporary folder, removed when the value is dropped by `remove()`.
struct TemporaryFolder {
    let url: URL

    init(_ label: String = "test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("phiencho-tests-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> URL {
        try write(relative, Data(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, _ data: Data) throws -> URL {
        let target = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target)
        return target
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Copies a folder tree (used to get a writable copy of a fixture content folder).
func copyTree(_ source: URL, to destination: URL) throws {
    try? FileManager.default.removeItem(at: destination)
    try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: source, to: destination)
}

/// Every regular file under `root`, relative path → bytes (hidden files included).
func readTree(_ root: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return files }
    while let relative = enumerator.nextObject() as? String {
        if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular {
            files[relative] = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path)
        }
    }
    return files
}

/// Inode and modification time (nanoseconds) of a file.
struct FileIdentity: Equatable {
    var inode: UInt64
    var mtimeSeconds: Int
    var mtimeNanoseconds: Int
    var size: Int
}

func identity(of url: URL) -> FileIdentity? {
    var status = stat()
    guard stat(url.path, &status) == 0 else { return nil }
    return FileIdentity(inode: UInt64(status.st_ino), mtimeSeconds: Int(status.st_mtim.tv_sec),
                        mtimeNanoseconds: Int(status.st_mtim.tv_nsec), size: Int(status.st_size))
}

func identities(_ root: URL) -> [String: FileIdentity] {
    var result: [String: FileIdentity] = [:]
    for path in readTree(root).keys { result[path] = identity(of: root.appendingPathComponent(path)) }
    return result
}

extension String {
    /// Replaces `target` (which must occur) with `replacement`; records a test issue when absent, so a
    /// fixture edit can never silently test the unmodified text.
    func replacing(_ target: String, with replacement: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        #expect(contains(target), "fixture text does not contain \(target.debugDescription)", sourceLocation: sourceLocation)
        return replacingOccurrences(of: target, with: replacement)
    }

    func count(of needle: String) -> Int { components(separatedBy: needle).count - 1 }
}

// MARK: - Content under test

enum Sample {
    static let communesYAML = """
    - {name: "Gia Trấn", kind: xã}
    - {name: "Đồng Văn", kind: phường}
    - {name: "Hoa Lư", kind: phường, code: "14362"}
    - {name: "Phát Diệm", kind: xã}

    """

    static let sectorsYAML = """
    - name: Dệt may – Da giày
    - name: Xây dựng
    - name: Nông nghiệp

    """

    static let siteYAML = """
    title: Phiên chợ việc làm thử
    description: Trang thử nghiệm.
    base_url: https://vieclam.example.vn/phien-cho/
    language: vi
    timezone: Asia/Ho_Chi_Minh
    province: Ninh Bình
    organization: Trung tâm Dịch vụ việc làm tỉnh Ninh Bình
    page_size: 2
    theme: default

    """

    static var communes: TermList { decodeTerms(communesYAML, isCommunes: true) }
    static var sectors: TermList { decodeTerms(sectorsYAML, isCommunes: false) }

    static func decodeTerms(_ yaml: String, isCommunes: Bool) -> TermList {
        let file = SourceFile(relativePath: isCommunes ? "communes.yml" : "sectors.yml",
                              displayPath: isCommunes ? "content/communes.yml" : "content/sectors.yml", text: yaml)
        let (list, diagnostics) = TermList.decode(file, isCommunes: isCommunes)
        precondition(diagnostics.isEmpty, "sample term list has problems: \(diagnostics.map(\.formatted))")
        return list!
    }

    /// A valid vacancy. Line numbers matter to the tests: `expires` is on line 6, `openings` on 18,
    /// `salary.min` on 20, the closing `---` on 23 and the body starts on line 24.
    static let vacancy = """
    ---
    id: NB-T-001
    title: Công nhân may
    status: approved
    posted: 2026-11-01
    expires: 2026-11-30
    employer:
      name: Công ty May Gia Trấn
      address: Xóm 1, xã Gia Trấn
      phone: "0229 3 861 111"
      email: tuyendung@example.vn
      website: https://may.example.vn
    location:
      commune: Gia Trấn
      address: Xưởng số 2
    sector: Dệt may – Da giày
    employment_type: full_time
    openings: 3
    salary:
      min: 6500000
      max: 9000000
      period: month
    ---
    Xưởng may cần thêm người.

    """

    static let path = "content/vacancies/nb-t-001.md"

    static func decode(_ text: String, path: String = path) -> (Vacancy?, [Diagnostic]) {
        Vacancy.decode(SourceFile(relativePath: String(path.dropFirst("content/".count)), displayPath: path, text: text),
                       communes: communes, sectors: sectors)
    }

    /// Writes a complete, valid content folder (site, lists, one vacancy, one page) into `folder`.
    static func writeContent(in folder: TemporaryFolder, root: String = "content") throws {
        try folder.write("\(root)/site.yml", siteYAML)
        try folder.write("\(root)/communes.yml", communesYAML)
        try folder.write("\(root)/sectors.yml", sectorsYAML)
        try folder.write("\(root)/vacancies/nb-t-001.md", vacancy)
        try folder.write("\(root)/pages/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\nTrang giới thiệu.\n")
    }

    /// Loads and validates a content folder.
    static func validate(_ content: URL, display: String = "content") -> (ContentLoader.Loaded, ContentValidator.Result) {
        let loaded = ContentLoader(contentDirectory: content, displayRoot: display).load()
        return (loaded, ContentValidator.validate(loaded))
    }
}

extension Array where Element == Diagnostic {
    var codes: [DiagnosticCode] { map(\.code) }
    var errors: [Diagnostic] { filter { $0.severity == .error } }
    var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    func with(_ code: DiagnosticCode) -> [Diagnostic] { filter { $0.code == code } }
    var described: String { map(\.formatted).joined(separator: "\n") }
}

func date(_ text: String) -> LocalDate {
    guard let value = LocalDate(iso: text) else { fatalError("bad test date \(text)") }
    return value
}
