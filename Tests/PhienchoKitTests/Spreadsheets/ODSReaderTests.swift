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

/// LibreOffice's own format read as a workbook is: the same cells, merged ranges spread, and
/// Calc's repetitions (a million empty rows in a few bytes) never turned into memory.
@Suite("Import: .ods files")
struct ODSReaderTests {
    static func ods(_ table: String) throws -> Data {
        try XLSXReaderTests.package([
            "mimetype": ODSReader.mimeType,
            "content.xml": """
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
                xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
                xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0">\
                <office:body><office:spreadsheet>\(table)</office:spreadsheet></office:body></office:document-content>
                """,
        ])
    }

    static func read(_ data: Data) throws -> Spreadsheet {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("phiencho-\(UUID().uuidString).ods")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try ODSReader.read(contentsOf: file)
    }

    @Test func cellsAsCalcWritesThem() throws {
        let sheet = try Self.read(try Self.ods("""
            <table:table table:name="Quý IV"><table:table-row>\
            <table:table-cell office:value-type="string" calcext:value-type="string"><text:p>Thợ <text:span>hàn</text:span><text:s text:c="2"/>cửa</text:p><text:p>sắt</text:p></table:table-cell>\
            <table:table-cell office:value-type="float" office:value="6500000" calcext:value-type="float"><text:p>6.500.000</text:p></table:table-cell>\
            <table:table-cell office:value-type="date" office:date-value="2026-12-31" calcext:value-type="date"><text:p>31/12/2026</text:p></table:table-cell>\
            <table:table-cell table:number-columns-repeated="2"/>\
            <table:table-cell office:value-type="string" calcext:value-type="error"><text:p>#N/A</text:p></table:table-cell>\
            </table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>
            """)).sheets[0]
        #expect(sheet.name == "Quý IV")
        #expect(sheet.rows.count == 1)
        #expect(sheet.rows[0].cells == [0: .text("Thợ hàn  cửa\nsắt"), 1: .number(6_500_000), 2: .date(46387), 5: .error("#N/A")])
    }

    @Test func mergedRangesAndRepeatedCellsReadAsTheyShow() throws {
        let sheet = try Self.read(try Self.ods("""
            <table:table table:name="DS"><table:table-row>\
            <table:table-cell table:number-rows-spanned="3" office:value-type="string"><text:p>Cơ khí A</text:p></table:table-cell>\
            <table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>\
            </table:table-row><table:table-row table:number-rows-repeated="2"><table:covered-table-cell/>\
            <table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>
            """)).sheets[0]
        #expect(sheet.rows.map(\.number) == [1, 2, 3])
        #expect(sheet.rows[0].cells == [0: .text("Cơ khí A"), 1: .number(1), 2: .number(1)])
        #expect(sheet.rows[1].cells == [0: .text("Cơ khí A"), 1: .text("x")] && sheet.rows[1].spread == [0])
    }

    @Test func repetitionsThatWouldFillMemoryAreRefused() throws {
        let data = try Self.ods("""
            <table:table table:name="DS"><table:table-row table:number-rows-repeated="1000000">\
            <table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"/></table:table-row></table:table>
            """)
        #expect(throws: XLSXReader.Failure.self) { try Self.read(data) }
        #expect(throws: XLSXReader.Failure.notAWorkbook) {
            try Self.read(try XLSXReaderTests.package(["mimetype": "application/zip", "content.xml": "<a/>"]))
        }
    }
}
