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

/// `results` and the report's figures (issue 22).
@Suite("Report: results and the period's figures")
struct ReportTests {
    private func decode(_ results: String, status: String = "approved") -> (Vacancy?, [Diagnostic]) {
        Sample.decode(Sample.vacancy.replacing("status: approved", with: "status: \(status)")
            .replacing("  period: month\n", with: "  period: month\n" + results))
    }

    @Test func resultsAreReadWithTheirReporter() throws {
        let (vacancy, diagnostics) = decode("results:\n  - date: 2026-11-10\n    hired: 2\n    by: Công an xã Gia Trấn\n  - date: 2026-11-20\n    hired: 1\n")
        #expect(diagnostics.isEmpty, "\(diagnostics.described)")
        #expect(try #require(vacancy).results == [.init(date: date("2026-11-10"), hired: 2, by: "Công an xã Gia Trấn"),
                                                    .init(date: date("2026-11-20"), hired: 1, by: nil)])
    }

    @Test("Wrong results are errors at their line", arguments: [
        ("results:\n  - date: 2026-11-10\n    hired: 0\n", DiagnosticCode.invalidOpenings, 25),
        ("results:\n  - date: 2026-11-10\n    hired: 1000000\n", DiagnosticCode.invalidOpenings, 25),
        ("results:\n  - date: 2026-10-31\n    hired: 1\n", .expiresBeforePosted, 24),
        ("results:\n  - date: 31/10/2026\n    hired: 1\n", .invalidDate, 24),
        ("results:\n  - date: 2026-11-10\n    hiredd: 1\n", .unknownKey, 25),
        ("results: 3 người\n", .wrongType, 23),
    ])
    func wrongResults(results: String, code: DiagnosticCode, line: Int) {
        let (vacancy, diagnostics) = decode(results)
        #expect(vacancy == nil)
        #expect(diagnostics.map(\.code) == [code], "\(diagnostics.described)")
        #expect(diagnostics.first?.line == line)
    }

    @Test func aDraftsWrongResultsAreWarnings() {
        let (_, diagnostics) = decode("results:\n  - date: 2026-11-10\n    hired: 0\n", status: "draft")
        #expect(diagnostics.allSatisfy { $0.severity == .warning } && !diagnostics.isEmpty)
    }

    /// The figures equal a count written the plain way, over random vacancies and periods.
    @Test func figuresEqualAnIndependentCount() {
        var rng = SeededGenerator(seed: 22)
        let communes = [Term(name: "Gia Trấn", kind: .xa), Term(name: "Hoa Lư", kind: .phuong), Term(name: "Ý Yên", kind: .xa)]
        let sectors = [Term(name: "Xây dựng", kind: .sector), Term(name: "May mặc", kind: .sector)]
        for _ in 0..<200 {
            let vacancies: [Vacancy] = (0..<Int.random(in: 0...30, using: &rng)).map { index in
                let posted = date("2026-01-01").adding(days: Int.random(in: 0...360, using: &rng))
                var vacancy = makeVacancy("V-\(index)", status: [.approved, .approved, .draft, .withdrawn].randomElement(using: &rng)!,
                                          posted: posted.iso, expires: posted.adding(days: Int.random(in: 0...60, using: &rng)).iso)
                vacancy.commune = communes.randomElement(using: &rng)!
                vacancy.sector = sectors.randomElement(using: &rng)!
                vacancy.openings = Int.random(in: 1...20, using: &rng)
                vacancy.employer.name = ["Công ty A", "CÔNG TY A", "Hợp tác xã B"].randomElement(using: &rng)!
                vacancy.results = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                    .init(date: posted.adding(days: Int.random(in: 0...120, using: &rng)), hired: Int.random(in: 1...5, using: &rng))
                }
                return vacancy
            }
            let from = date("2026-01-01").adding(days: Int.random(in: 0...300, using: &rng))
            let to = from.adding(days: Int.random(in: 0...200, using: &rng))
            let figures = ReportFigures(vacancies: vacancies, from: from, to: to)
            let approved = vacancies.filter { $0.status == .approved }
            let inPeriod = approved.filter { from <= $0.posted && $0.posted <= to }
            let hires = approved.flatMap { v in v.results.filter { from <= $0.date && $0.date <= to }.map { (v, $0) } }
            #expect(figures.posted == inPeriod.count)
            #expect(figures.openings == inPeriod.reduce(0) { $0 + $1.openings })
            #expect(figures.openAtEnd == approved.count { $0.posted <= to && to <= $0.expires })
            #expect(figures.employers == Set(inPeriod.map { $0.employer.name.lowercased() }).count)
            #expect(figures.hired == hires.reduce(0) { $0 + $1.1.hired })
            for commune in communes {
                let row = figures.byCommune.first { $0.name == commune.name }
                let hired = hires.filter { $0.0.commune.name == commune.name }.reduce(0) { $0 + $1.1.hired }
                let posted = inPeriod.count { $0.commune.name == commune.name }
                #expect((row?.hired ?? 0, row?.posted ?? 0) == (hired, posted))
                #expect((row == nil) == (hired == 0 && posted == 0))
            }
            #expect(figures.byMonth.reduce(0) { $0 + $1.hired } == figures.hired)
            #expect(figures.byMonth.reduce(0) { $0 + $1.posted } == figures.posted)
            #expect(figures.bySector.reduce(0) { $0 + $1.openings } == figures.openings)
        }
    }

    @Test func theMonthsOfAPeriod() {
        #expect(ReportFigures.months(from: date("2025-11-15"), to: date("2026-02-01")) == ["2025-11", "2025-12", "2026-01", "2026-02"])
        #expect(ReportFigures.months(from: date("2026-06-14"), to: date("2026-06-14")) == ["2026-06"])
    }

    @Test func csvQuotesWhatNeedsQuotingAndEndsLinesInCRLF() throws {
        #expect(ReportFiles.csv([[.text("ten"), .text("gia_tri")], [.text("Dệt may, Da giày"), .text("Xã \"A\"")], [.text("x"), .number(6.3125)]])
                == "ten,gia_tri\r\n\"Dệt may, Da giày\",\"Xã \"\"A\"\"\"\r\nx,6.31\r\n")
        let figures = ReportFigures(vacancies: [], from: date("2026-01-01"), to: date("2026-06-14"))
        let site = SiteConfig(title: "Phiên chợ", description: "", baseURL: "https://example.vn/", language: "vi",
                              timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!, province: "Ninh Bình",
                              organization: "Trung tâm Dịch vụ việc làm tỉnh Ninh Bình", pageSize: 10, theme: "default")
        let files = try ReportFiles.files(figures, site: site)
        #expect(files.map(\.name) == ["bao-cao-2026-01-01-2026-06-14.xlsx", "bao-cao-2026-01-01-2026-06-14.docx",
                                       "bao-cao-2026-01-01-2026-06-14.html", "tong-hop.csv", "theo-xa-phuong.csv", "theo-noi-bao.csv",
                                       "theo-nganh-nghe.csv", "theo-thang.csv"])
        #expect(String(decoding: files[3].data, as: UTF8.self) == "chi_tieu,gia_tri\r\ntin_dang_moi,0\r\ntin_dang_tuyen_cuoi_ky,0\r\ndon_vi_tuyen_dung,0\r\nvi_tri_can_tuyen,0\r\nso_nguoi_da_tuyen,0\r\nty_le_tuyen_duoc,\r\n")
        // A zip archive, the same bytes for the same figures.
        #expect(files[0].data.prefix(2) == Data("PK".utf8) && files[1].data.prefix(2) == Data("PK".utf8))
        let again = try ReportFiles.files(figures, site: site)
        #expect(again[0].data == files[0].data && again[1].data == files[1].data)
        #expect(Spreadsheet.columnName(0) == "A" && Spreadsheet.columnName(25) == "Z" && Spreadsheet.columnName(26) == "AA")
    }

    @Test func barsAreProportionalAndCarryTheirNumbers() {
        let svg = BarChart.svg([("2026-01", 10), ("2026-02", 5), ("2026-03", 0)], label: "Đã tuyển <theo tháng>", unit: "người")
        #expect(svg.contains("aria-label=\"Đã tuyển &lt;theo tháng&gt;\""))
        #expect(svg.contains("width=\"200\"") && svg.contains("width=\"100\"") && svg.contains("width=\"0\""))
        #expect(svg.contains(">10 người</text>") && svg.contains(">5 người</text>") && svg.contains(">0 người</text>"))
    }
}

/// The public statistics page's figures (issue 22): the last 12 months, hires only as a province
/// total and never below the minimum.
@Suite("Public statistics")
struct PublicStatisticsTests {
    private func vacancy(_ id: String, posted: String, hires: [(String, Int)], status: Vacancy.Status = .approved) -> Vacancy {
        var vacancy = makeVacancy(id, status: status, posted: posted, expires: posted)
        vacancy.results = hires.map { .init(date: date($0.0), hired: $0.1) }
        return vacancy
    }

    @Test func theLastTwelveMonthsAndTheProvinceTotal() {
        let statistics = PublicStatistics(vacancies: [
            vacancy("A", posted: "2025-11-30", hires: [("2025-12-01", 3)]),   // posted before the window, hired in it
            vacancy("B", posted: "2025-12-01", hires: [("2026-11-22", 2)]),
            vacancy("C", posted: "2026-11-22", hires: [("2026-11-23", 9)]),   // hired after now: not yet
            vacancy("D", posted: "2026-06-01", hires: [("2026-06-02", 7)], status: .draft),
        ], now: date("2026-11-22"))
        #expect(statistics.months.map(\.name).first == "12/2025" && statistics.months.map(\.name).last == "11/2026")
        #expect(statistics.months.map(\.name)[1] == "1/2026", "no leading zero")
        #expect(statistics.months.count == 12)
        #expect(statistics.posted == 2 && statistics.employers == 1)
        #expect(statistics.hires == 5)
    }

    @Test("Fewer than five hires are never a number", arguments: [0, 1, 4])
    func fewHires(count: Int) {
        let statistics = PublicStatistics(vacancies: count == 0 ? [] : [vacancy("A", posted: "2026-10-01", hires: [("2026-10-02", count)])],
                                          now: date("2026-11-22"))
        #expect(statistics.hires == nil)
    }
}

extension PublicStatisticsTests {
    @Test func aSectorWithHiresButNoVacancyPostedIsNotShown() {
        var old = makeVacancy("OLD", posted: "2024-01-01", expires: "2024-02-01")
        old.sector = Term(name: "Bảo vệ", kind: .sector)
        old.results = [.init(date: date("2026-10-01"), hired: 6)]
        let statistics = PublicStatistics(vacancies: [old, makeVacancy("NEW", posted: "2026-10-01", expires: "2026-12-01")], now: date("2026-11-22"))
        #expect(statistics.sectors.map(\.name) == ["Xây dựng"])
        #expect(statistics.hires == 6)
    }
}
