import Foundation
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

/// A small content folder of its own in a temporary folder, for the staff workflow tests (these
/// tests do not share fixtures with the rest of the suite, so they can change independently).
struct StaffContent {
    static let repoRoot = Paths.repoRoot
    static let themes = repoRoot.appendingPathComponent("themes")

    let root: URL
    var content: URL { root.appendingPathComponent("content") }

    init(siteExtra: String = "", label: String = "staff") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("phiencho-\(label)-\(UUID().uuidString)")
        try write("site.yml", """
            title: Phiên chợ thử
            base_url: https://vieclam.example.vn/phien-cho/
            province: Ninh Bình
            organization: Trung tâm thử nghiệm
            \(siteExtra)
            """)
        try write("communes.yml", """
            # Danh sách thử.
            - {name: "Gia Trấn", kind: xã}
            - {name: "Hoa Lư", kind: phường}
            """)
        try write("sectors.yml", """
            - name: "Cơ khí – Hàn"
            - name: Xây dựng
            """)
    }

    func url(_ relative: String) -> URL { content.appendingPathComponent(relative) }

    func write(_ relative: String, _ text: String) throws {
        let target = url(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    /// A complete approved vacancy with the given id.
    func writeVacancy(_ relative: String, id: String, title: String = "Thợ hàn") throws {
        try write(relative, """
            ---
            id: \(id)
            title: \(title)
            status: approved
            posted: 2026-11-01
            expires: 2026-12-31
            employer:
              name: Xưởng cơ khí Minh Phát
            location:
              commune: Gia Trấn
            sector: Cơ khí – Hàn
            employment_type: full_time
            openings: 2
            ---
            Hàn cửa sắt.
            """)
    }

    /// A build of this content with the default theme into `public/` beside it, as staff name them.
    func buildOptions(now: String = "2026-11-22") -> Site.Options {
        Site.Options(content: Folder(content, shown: "content"), themes: Folder(Self.themes, shown: "themes"),
                     output: Folder(root.appendingPathComponent("public"), shown: "public"), now: LocalDate(iso: now))
    }

    func check(now: String = "2026-11-22") -> BuildReport {
        ContentCheck(options: .init(content: Folder(content, shown: "content"), now: LocalDate(iso: now))).run()
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

extension Array where Element == Diagnostic {
    var staffListed: String { map(\.formatted).joined(separator: "\n") }
}
