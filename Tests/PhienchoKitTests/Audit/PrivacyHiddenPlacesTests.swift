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

/// Places a value can hide from a reader of HTML: a folded calendar line, a file's name, and the
/// synonym list, which reaches the search index only as separate words.
@Suite("Privacy: calendars, file names and the synonym list")
struct PrivacyHiddenPlacesTests {
    static let records = [PrivacyPatternTests.record("HS-2026-0001", [("ma_ho_so", "HS-2026-0001"), ("ho_ten", "Nguyễn Văn Hùng"),
                                                                      ("dien_thoai", "0912 345 678")])]

    static func found(path: String, _ text: String) -> [String] {
        let audit = LeakAudit(patterns: LeakPatterns(records: records))
        return audit.audit(path: path, data: Data(text.utf8)).compactMap(\.source?.column)
    }

    @Test("A calendar file is read unfolded and unescaped, as a calendar program shows it", arguments: [
        "BEGIN:VEVENT\r\nDESCRIPTION:Liên hệ anh Nguyễn Văn H\r\n ùng tại xã\r\nEND:VEVENT\r\n",
        "BEGIN:VEVENT\r\nDESCRIPTION:Liên hệ Nguyễn\\nVăn Hùng\r\nEND:VEVENT\r\n",
        "BEGIN:VEVENT\r\nDESCRIPTION:Gọi 0912 3\r\n\t45 678\r\nEND:VEVENT\r\n",
        "BEGIN:VEVENT\nDESCRIPTION:Nguyễn Văn\n  Hùng\nEND:VEVENT\n",
    ])
    func calendarLines(text: String) {
        #expect(!Self.found(path: "su-kien/ngay-hoi/su-kien.ics", text).isEmpty)
    }

    @Test("A file's name is read like its content", arguments: [
        "assets/nguyen-van-hung.jpg", "tai-lieu/Nguyen_Van_Hung/index.html", "tai-lieu/0912345678.pdf", "assets/0912.345.678.png",
    ])
    func fileNames(path: String) {
        #expect(!Self.found(path: path, "").isEmpty, "\(path)")
    }

    @Test("Hashed file names and ordinary paths are no finding", arguments: [
        "tim-kiem/words-5.0379128345a1b2.json", "viec-lam/nb-2026-001/index.html", "assets/search.012345678901.js",
    ])
    func ordinaryPaths(path: String) {
        #expect(Self.found(path: path, "").isEmpty, "\(path)")
        let audit = LeakAudit(patterns: LeakPatterns(records: Self.records))
        #expect(audit.audit(path: path, data: Data()).isEmpty)
    }

    @Test("A seeker's name in synonyms.yml stops the build at its line")
    func synonymList() throws {
        let folder = try TemporaryFolder("synonyms")
        defer { folder.remove() }
        try PrivacyContent.writeBase(into: folder, under: "content/")
        try folder.write("content/seekers/ho-so.csv", "ma_ho_so;ho_ten\nHS-2026-0001;Nguyễn Văn Hùng\n")
        var rng = SeededGenerator(seed: 30)
        let vacancy = PrivacyRandom.vacancies(count: 1, &rng)[0]
        try folder.write("content/" + vacancy.fileName, vacancy.markdown)
        try folder.write("content/synonyms.yml", "- [lái xe, tài xế]\n- [nguyễn văn hùng, phụ hồ]\n")
        let report = PrivacyBuild.build(content: folder.path("content"), output: folder.path("public"))
        let leaks = report.diagnostics.filter { $0.code == .seekerDataLeak }
        #expect(leaks.contains { $0.path == "content/synonyms.yml" && $0.line == 2 }, "\(PrivacyBuild.describe(report))")
        #expect(!FileManager.default.fileExists(atPath: folder.path("public").path))
    }
}
