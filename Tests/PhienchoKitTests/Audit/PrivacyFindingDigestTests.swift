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

/// A failing build says so in a few lines: one per cause (a record's column, or one number), each
/// with its page count and the content line to fix, at most twenty of a kind on a terminal.
@Suite("Privacy: one line per cause")
struct PrivacyFindingDigestTests {
    @Test("Fifty phones planted on ten pages each: fifty lines, each at its content file, then the digest's twenty and a count")
    func plantedPhones() throws {
        let folder = try TemporaryFolder("digest")
        defer { folder.remove() }
        try PrivacyContent.writeBase(into: folder, under: "content/")
        var rng = SeededGenerator(seed: 50)
        let phones = (0..<50).map { String(format: "09%08d", 12_345_678 + $0 * 7_919) }
        var seekers = "ma_ho_so;dien_thoai\n"
        for (index, phone) in phones.enumerated() { seekers += String(format: "HS-2026-%04d;%@\n", index, phone) }
        try folder.write("content/seekers/ho-so.csv", seekers)
        var vacancies = PrivacyRandom.vacancies(count: 100, &rng)
        for index in vacancies.indices {
            vacancies[index].id = String(format: "NB-2026-%03d", index + 1)
            vacancies[index].body = ["Gọi \(phones[index % 50]) để hỏi thêm."]
            try folder.write("content/" + vacancies[index].fileName, vacancies[index].markdown)
        }
        let report = PrivacyBuild.build(content: folder.path("content"), output: folder.path("public"))
        let leaks = report.diagnostics.filter { $0.code == .seekerDataLeak }
        #expect(leaks.count == 50, "\(leaks.count)")
        #expect(Set(leaks.map(\.message).compactMap { $0.firstMatch(of: /HS-2026-\d{4}/).map { String($0.0) } }).count == 50)
        #expect(leaks.allSatisfy { $0.path.hasPrefix("content/vacancies/") && $0.line != nil }, "\(leaks.prefix(2).map(\.formatted))")
        let lines = DiagnosticDigest.lines(report.diagnostics, seeAll: "chạy lại lệnh với --format json")
        #expect(lines.count == DiagnosticDigest.limit + 1)
        #expect(lines.last == "… và 30 phát hiện khác mã PC901 (mới in 20 dòng đầu). Xem tất cả: chạy lại lệnh với --format json.")
    }

    @Test("The digest keeps every code's first twenty lines in order and counts the rest of each")
    func digest() {
        let many = (1...25).map { Diagnostic(.error, .seekerDataLeak, path: "a.md", line: $0, "x") }
            + (1...3).map { Diagnostic(.warning, .citizenIDShape, path: "b.md", line: $0, "y") }
        let lines = DiagnosticDigest.lines(many, seeAll: "S")
        #expect(lines.count == 24)
        #expect(lines[0] == "a.md:1: lỗi[PC901]: x" && lines[19] == "a.md:20: lỗi[PC901]: x" && lines[20] == "b.md:1: cảnh báo[PC902]: y")
        #expect(lines[23] == "… và 5 phát hiện khác mã PC901 (mới in 20 dòng đầu). Xem tất cả: S.")
        #expect(DiagnosticDigest.lines(Array(many.prefix(20)), seeAll: "S").count == 20)
    }
}
