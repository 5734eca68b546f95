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

/// A finding tells staff where to fix it — the content file, line and field — and never shows a
/// seeker's value, not even inside a path.
@Suite("Privacy: what a finding tells staff")
struct PrivacyFindingReportTests {
    func build(_ vacancy: PrivacyVacancy, seekers: String, file: String = "ho-so.csv") throws -> BuildReport {
        let folder = try TemporaryFolder("finding")
        defer { folder.remove() }
        try PrivacyContent.writeBase(into: folder, under: "content/")
        try folder.write("content/seekers/\(file)", seekers)
        try folder.write("content/" + vacancy.fileName, vacancy.markdown)
        return PrivacyBuild.build(content: folder.path("content"), output: folder.path("public"))
    }

    @Test func aFindingPointsAtTheContentFileLineAndField() throws {
        var rng = SeededGenerator(seed: 11)
        var vacancy = PrivacyRandom.vacancies(count: 1, &rng)[0]
        vacancy.id = "NB-2026-777"
        vacancy.employerPhone = "0915 111 000"
        let report = try build(vacancy, seekers: "ma_ho_so;ho_ten;dien_thoai\nHS-2026-0002;Trần Văn Tuấn;0915111000\n")
        let leaks = report.diagnostics.filter { $0.code == .seekerDataLeak }
        #expect(!leaks.isEmpty)
        let lines = vacancy.markdown.split(separator: "\n", omittingEmptySubsequences: false)
        let phoneLine = try #require(lines.firstIndex { $0.contains("0915 111 000") }) + 1
        #expect(leaks.allSatisfy { $0.path == "content/vacancies/nb-2026-777.md" && $0.line == phoneLine }, "\(leaks.map(\.formatted))")
        #expect(leaks.allSatisfy { $0.message.contains("Trường “phone”") }, "\(leaks.map(\.message))")
        // One line for the one cause, however many files it reached: the page first, then the count
        // (the feeds carry the employer's phone too).
        #expect(leaks.count == 1, "\(leaks.map(\.formatted))")
        let reached = try #require(leaks.first?.message.firstMatch(of: /vào (\d+) tệp: public\/viec-lam\/nb-2026-777\/index.html/))
        #expect(Int(reached.1)! >= 3)
        #expect(leaks.allSatisfy { $0.message.contains("- \"HS-2026-0002/dien_thoai\"") }, "\(leaks.map(\.formatted))")
    }

    @Test func aVacancyIDThatIsASeekersNameIsNeverPrinted() throws {
        var rng = SeededGenerator(seed: 12)
        var vacancy = PrivacyRandom.vacancies(count: 1, &rng)[0]
        vacancy.id = "NGUYEN-VAN-HUNG"
        // The seeker file is named after the person too, as happens with one-record exports.
        let report = try build(vacancy, seekers: "ma_ho_so;ho_ten\nHS-2026-0001;Nguyễn Văn Hùng\n", file: "nguyen-van-hung.csv")
        let leaks = report.diagnostics.filter { $0.code == .seekerDataLeak }
        #expect(!leaks.isEmpty)
        for leak in leaks {
            let shown = leak.formatted.lowercased()
            #expect(!shown.contains("nguyen-van-hung") && !shown.contains("nguyễn văn hùng"), "\(leak.formatted)")
            #expect(shown.contains("…"))
        }
    }
}
