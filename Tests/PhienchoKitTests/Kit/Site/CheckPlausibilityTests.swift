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

/// `check` (and `build`) read each vacancy against the day of the run: a result after it is an
/// error, a date months ahead or a salary no one pays is a warning with the likely value, and a
/// draft is counted as a draft even while it has problems.
@Suite("Check: dates, amounts and results that cannot be right")
struct CheckPlausibilityTests {
    static let path = "vacancies/2026-11/nb-2026-032-tho-han.md"

    static func site(replacing old: String, with new: String) throws -> StaffContent {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        try site.writeVacancy(path, id: "NB-2026-032")
        try site.write(path, try site.read(path).replacingOccurrences(of: old, with: new))
        return site
    }

    @Test func aResultAfterTheBuildDayIsAnErrorAtItsLine() throws {
        let site = try Self.site(replacing: "openings: 2\n", with: "openings: 2\nresults:\n  - date: 2026-11-20\n    hired: 1\n  - date: 2027-10-12\n    hired: 1\n")
        defer { site.remove() }
        let report = site.check(now: "2026-11-22")
        #expect(report.diagnostics.map(\.formatted) == [
            "content/\(Self.path):17:11: lỗi[PC322]: Ngày báo kết quả 12/10/2027 đang sau hôm nay (22/11/2026); kết quả chưa xảy ra thì không được tính.",
        ])
        // A build only warns: its figures count hires up to its day, and a site built for a past
        // day must not fail on what was reported since.
        let build = Site(options: site.buildOptions()).build()
        #expect(build.errorCount == 0 && build.diagnostics.map(\.code) == [.futureResult], "\(build.diagnostics.staffListed)")
        // The report refuses it: nothing in the future is counted.
        let outcome = Report(options: .init(content: Folder(site.content, shown: "content"),
                                            output: Folder(site.root.appendingPathComponent("bao-cao"), shown: "bao-cao"),
                                            from: LocalDate(iso: "2026-07-01")!, to: LocalDate(iso: "2026-12-31")!, now: LocalDate(iso: "2026-11-22"))).run()
        #expect(outcome.diagnostics.map(\.code) == [.futureResult] && outcome.written.isEmpty)
    }

    @Test func aDateMonthsAheadIsAWarningWithTheSwappedReading() throws {
        let site = try Self.site(replacing: "expires: 2026-12-31\n", with: "expires: 2027-10-01\n")
        defer { site.remove() }
        #expect(site.check(now: "2026-11-22").diagnostics.map(\.formatted) == [
            "content/\(Self.path):6:10: cảnh báo[PC321]: Hạn nộp hồ sơ 01/10/2027 còn hơn 3 tháng nữa mới tới (hôm nay 22/11/2026); hãy kiểm tra. Có phải là 10/01/2027 (ngày và tháng bị đảo)? Hãy ghi ngày theo dạng YYYY-MM-DD, ví dụ 2027-01-10.",
        ])
    }

    @Test func aSalaryNoOnePaysAndMoreHiresThanOpeningsAreWarnings() throws {
        let site = try Self.site(replacing: "openings: 2\n", with: "openings: 2\nsalary:\n  min: 300\n  period: day\nresults:\n  - date: 2026-11-20\n    hired: 3\n")
        defer { site.remove() }
        let report = site.check(now: "2026-11-22")
        #expect(report.errorCount == 0)
        #expect(report.diagnostics.map { "\($0.line ?? 0) \($0.code.rawValue)" } == ["15 PC320", "18 PC323"], "\(report.diagnostics.staffListed)")
        #expect(report.diagnostics.first?.message.contains("Có phải là 300.000 đồng/ngày?") == true)
    }

    @Test func aDraftWithProblemsIsCountedAsADraft() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        try site.writeVacancy("vacancies/a.md", id: "NB-1")
        try site.write("vacancies/b.md", try site.read("vacancies/a.md").replacingOccurrences(of: "status: approved", with: "status: draft")
            .replacingOccurrences(of: "id: NB-1", with: "id: NB-2").replacingOccurrences(of: "title: Thợ hàn", with: "title:"))
        // Right after `new`: a draft whose fields are still to fill in.
        _ = try NewVacancy(content: Folder(site.content, shown: site.content.path)).create(title: "Phụ hồ", today: LocalDate(iso: "2026-11-22")).get()
        let report = site.check(now: "2026-11-22")
        #expect(report.errorCount == 0 && report.draftCount == 2, "\(report.diagnostics.staffListed)")
        #expect(report.summary.contains("2 bản nháp"))
    }

    @Test("A day written the Vietnamese way gets its YYYY-MM-DD form", arguments: [
        ("31/12/2026", "2026-12-31"), ("01-01-2026", "2026-01-01"), ("1.6.2026", "2026-06-01"), ("2026-06-14", "2026-06-14"),
    ])
    func writtenDates(text: String, iso: String) {
        #expect(LocalDate(written: text)?.iso == iso)
    }
}
