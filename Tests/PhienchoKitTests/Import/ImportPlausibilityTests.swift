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

/// Wrong data never gets in silently: dates a spreadsheet swapped, amounts it cut, results in the
/// future — each a warning (or an error) at its cell, with the likely value.
@Suite("Import: plausibility of dates and amounts")
struct ImportPlausibilityTests {
    static func importing(_ name: String, today: String = "2026-12-07") throws -> (VacancyImport.Outcome, StaffContent) {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        let file = XLSXReaderTests.fixtures.appendingPathComponent(name)
        let outcome = VacancyImport(options: .init(file: file, fileDisplay: name, content: Folder(site.content, shown: "content"),
                                                   today: LocalDate(iso: today), dryRun: true)).run()
        return (outcome, site)
    }

    /// The same commune CSV opened by LibreOffice with US settings and saved (Fixtures/import/make.py):
    /// every swapped date and every cut amount is named at its cell, with the likely value.
    @Test func theSheetLibreOfficeOpenedWithUSSettings() throws {
        let (outcome, site) = try Self.importing("quy4-xa-en-US.xlsx")
        defer { site.remove() }
        #expect(outcome.errorCount == 0)
        let found = outcome.diagnostics.map { diagnostic in
            "\(diagnostic.path.split(separator: "!").last!) \(diagnostic.code.rawValue) \(diagnostic.message.components(separatedBy: "Có phải là ").dropFirst().first?.prefix(10) ?? "")"
        }
        #expect(found == [
            "J1 PC321 ", // the deadline column mixes US dates and text dates
            "F2 PC320 300.000 đồ", "G2 PC320 350.000 đồ", "I2 PC321 01/12/2026", "J2 PC321 10/01/2027",
            "I3 PC321 02/12/2026",
            "I4 PC321 03/12/2026", "J4 PC321 05/01/2027",
        ], "\(outcome.diagnostics.staffListed)")
    }

    @Test func theSameSheetOpenedWithVietnameseSettingsIsClean() throws {
        let (outcome, site) = try Self.importing("quy4-xa-vi-VN.xlsx")
        defer { site.remove() }
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.staffListed)")
        #expect(outcome.changes.count == 3)
    }

    @Test("Salaries believable for their period, and the likely amount when not", arguments: [
        (300, SalaryPeriod.day, "300.000 đồng/ngày"), (6, .month, "6.000.000 đồng/tháng"), (25, .hour, "25.000 đồng/giờ"),
        (6_500_000, .day, "6.500.000 đồng/tháng"), (6_500_000_000, .month, "6.500.000 đồng/tháng"), (1_500, .month, "1.500.000 đồng/tháng"),
    ])
    func implausibleSalaries(amount: Int, period: SalaryPeriod, likely: String) throws {
        let message = try #require(SalaryPlausibility.problem(amount, period))
        #expect(message.contains("Có phải là \(likely)?"), "\(message)")
    }

    @Test("Plausible salaries say nothing", arguments: [
        (10_000, SalaryPeriod.hour), (35_000, .hour), (300_000, .day), (50_000, .day), (1_000_000, .month),
        (6_500_000, .month), (100_000_000, .month), (5_000_000, .day),
    ])
    func plausibleSalaries(amount: Int, period: SalaryPeriod) {
        #expect(SalaryPlausibility.problem(amount, period) == nil)
    }

    @Test func datesMonthsFromTheImportDayAndResultsInTheFuture() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        let header = "Vị trí tuyển dụng;Tên đơn vị tuyển dụng;Xã/phường nơi làm việc;Ngành nghề;Số lượng;Ngày đăng;Hạn nộp hồ sơ;Số người đã tuyển;Ngày báo kết quả"
        let outcome = try VacancyImportTests.importing(site, [header,
            "Thợ hàn;Cơ khí A;Gia Trấn;Cơ khí – Hàn;2;01/12/2026;30/06/2027;;",
            "Phụ hồ;Xây dựng B;Hoa Lư;Xây dựng;2;01/12/2026;31/12/2026;1;12/01/2027",
            "Thợ sơn;Xây dựng B;Hoa Lư;Xây dựng;2;12/25/2026;31/12/2026;;",
        ])
        #expect(outcome.diagnostics.map(\.formatted) == [
            "ds.csv:G2: cảnh báo[PC321]: “Hạn nộp hồ sơ”: ngày 30/06/2027 cách ngày nhập (03/12/2026) hơn 3 tháng; hãy kiểm tra.",
            "ds.csv:I3: lỗi[PC322]: “Ngày báo kết quả”: ngày báo kết quả 12/01/2027 đang sau ngày nhập (03/12/2026); kết quả chưa xảy ra thì không được tính.",
            "ds.csv:F4: lỗi[PC706]: “Ngày đăng”: không đọc được ngày “12/25/2026” theo ngày/tháng/năm. Có phải là 25/12/2026 (tháng ghi trước ngày, kiểu Mỹ)? Hãy ghi ngày/tháng/năm, ví dụ 31/12/2026.",
        ], "\(outcome.diagnostics.staffListed)")
        #expect(!outcome.written)
    }

    @Test func hiresMoreThanOpeningsAreAWarningAtTheCell() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        let header = "Vị trí tuyển dụng;Tên đơn vị tuyển dụng;Xã/phường nơi làm việc;Ngành nghề;Số lượng;Hạn nộp hồ sơ;Số người đã tuyển;Ngày báo kết quả"
        let outcome = try VacancyImportTests.importing(site, [header, "Thợ hàn;Cơ khí A;Gia Trấn;Cơ khí – Hàn;2;31/12/2026;5;03/12/2026"])
        #expect(outcome.diagnostics.map(\.code) == [.hiresOverOpenings], "\(outcome.diagnostics.staffListed)")
        #expect(outcome.diagnostics.first?.path == "ds.csv:G2")
        #expect(outcome.written)
    }
}
