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

/// Cells as spreadsheets really hold them (issue #21's quirks), read as the vacancy field needs.
@Suite("Import: cell values")
struct CellValueTests {
    static func value<T>(_ read: CellValue.Read<T>) -> T? {
        if case .value(let value) = read { return value }
        return nil
    }

    @Test(arguments: [
        (Spreadsheet.Cell.date(46387), "2026-12-31"),            // a date cell
        (.number(46387), "2026-12-31"),                           // the serial in a number cell
        (.text("31/12/2026"), "2026-12-31"),
        (.text("1/2/2027"), "2027-02-01"),                        // day first, unpadded
        (.text("31-12-2026"), "2026-12-31"),
        (.text("31.12.2026"), "2026-12-31"),
        (.text("2026-12-31"), "2026-12-31"),
        (.text("2026-12-31 00:00:00"), "2026-12-31"),             // a date with a time, saved as text
        (.text("46387"), "2026-12-31"),                           // a serial saved to CSV
        (.date(46387.75), "2026-12-31"),                          // a time of day is dropped
    ])
    func datesInEveryForm(cell: Spreadsheet.Cell, iso: String) {
        #expect(Self.value(CellValue.date(cell))?.iso == iso)
    }

    @Test(arguments: ["31/02/2026", "12/31/2026", "31/12/26", "ngày mai", "2026-13-01", "#VALUE!"])
    func notADate(text: String) {
        guard case .problem(let message) = CellValue.date(.text(text)) else {
            Issue.record("read “\(text)” as a date")
            return
        }
        #expect(message.contains("31/12/2026"))
    }

    @Test(arguments: [
        (Spreadsheet.Cell.number(6_500_000), 6_500_000),
        (.number(6_500_000.0), 6_500_000),
        (.text("6500000"), 6_500_000),
        (.text("6500000.0"), 6_500_000),
        (.text("6.500.000"), 6_500_000),
        (.text("6,500,000"), 6_500_000),
        (.text("6 500 000"), 6_500_000),
        (.text("6.500.000 đồng"), 6_500_000),
        (.text("6500000đ"), 6_500_000),
        (.text("6.000"), 6_000),                                  // three zeros after a dot: thousands
        (.text("5 người"), 5),
        (.text("05"), 5),
        (.text("7 triệu"), 7_000_000),
        (.text("6,5 triệu"), 6_500_000),
        (.text("6.5tr"), 6_500_000),
    ])
    func amountsInEveryForm(cell: Spreadsheet.Cell, expected: Int) {
        #expect(Self.value(CellValue.integer(cell)) == expected)
    }

    @Test(arguments: ["năm", "6.50.000", "1.5", "-", "6500000.5", "triệu", "1.2.3 triệu"])
    func notAWholeNumber(text: String) {
        #expect(Self.value(CellValue.integer(.text(text))) == nil)
    }

    @Test func aPhoneThatLostItsLeadingZeroGetsItBack() {
        #expect(CellValue.phone(.number(912_345_678))! == ("0912345678", true))
        #expect(CellValue.phone(.number(2_293_871_000))! == ("02293871000", true))
        #expect(CellValue.phone(.text("912345678"))! == ("0912345678", true))
        #expect(CellValue.phone(.text("0229 3871 000"))! == ("0229 3871 000", false))
        #expect(CellValue.phone(.text("0912345678"))! == ("0912345678", false))
        #expect(CellValue.phone(.text("84912345678"))! == ("84912345678", false))
        #expect(CellValue.phone(.text("1900 1234"))! == ("1900 1234", false))
    }

    @Test func listCellsLoseTheirBullets() {
        #expect(CellValue.lines("- Từ 18 tuổi\n• Sức khỏe tốt\n\n1. Biết đọc\n2) Chăm chỉ\n+ Có xe máy") ==
                ["Từ 18 tuổi", "Sức khỏe tốt", "Biết đọc", "Chăm chỉ", "Có xe máy"])
    }

    @Test func wordsOfTheSheetNameTheFormatsValues() {
        #expect(CellValue.choice("Toàn thời gian", CellValue.employmentTypes) == "full_time")
        #expect(CellValue.choice("thoi vu", CellValue.employmentTypes) == "seasonal")
        #expect(CellValue.choice("part_time", CellValue.employmentTypes) == "part_time")
        #expect(CellValue.choice("Tháng", CellValue.salaryPeriods) == "month")
        #expect(CellValue.choice("theo ngày", CellValue.salaryPeriods) == "day")
        #expect(CellValue.choice("tuần", CellValue.salaryPeriods) == nil)
    }

    @Test func headersMatchIgnoringCaseDiacriticsSpacingAndNotes() {
        #expect(ImportColumn.matching("VỊ TRÍ TUYỂN DỤNG") == .title)
        #expect(ImportColumn.matching("Xa/phuong noi lam viec") == .commune)
        #expect(ImportColumn.matching("Xã / Phường nơi làm việc") == .commune)
        #expect(ImportColumn.matching("Số lượng (người)") == .openings)
        #expect(ImportColumn.matching("  Hạn nộp  hồ sơ ") == .expires)
        #expect(ImportColumn.matching("Mã tin") == .id)
        #expect(ImportColumn.matching("Họ tên") == nil)
        // Every template title is its own column.
        for column in ImportColumn.allCases { #expect(ImportColumn.matching(column.title) == column) }
    }
}
