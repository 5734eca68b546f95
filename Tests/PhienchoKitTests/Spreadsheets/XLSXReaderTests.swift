import Foundation
import Testing
import ZIPFoundation
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

/// The .xlsx reader on the forms real files take: what Excel writes (shared strings, rich text
/// with phonetic runs, styles with date formats, the 1904 system, `x:` prefixes, absolute targets),
/// what LibreOffice Calc saved (a committed fixture), and what phiencho's own template writes.
@Suite("Import: reading .xlsx")
struct XLSXReaderTests {
    static let fixtures = Paths.fixtures.appendingPathComponent("import")

    /// A package made of the given parts (ZIPFoundation writes the zip).
    static func package(_ parts: [String: String]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// The parts of an Excel-style workbook whose first sheet holds `sheetData`.
    static func excelStyle(_ sheetData: String, date1904: Bool = false, prefix: String = "") -> [String: String] {
        let p = prefix.isEmpty ? "" : prefix + ":"
        let ns = prefix.isEmpty ? "xmlns=\"\(main)\"" : "xmlns:\(prefix)=\"\(main)\""
        return [
            "[Content_Types].xml": "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            "_rels/.rels": "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            "xl/workbook.xml": "<\(p)workbook \(ns) xmlns:r=\"\(rel)\">\(date1904 ? "<\(p)workbookPr date1904=\"1\"/>" : "")<\(p)sheets><\(p)sheet name=\"Danh sách\" sheetId=\"1\" r:id=\"rId7\"/></\(p)sheets></\(p)workbook>",
            "xl/_rels/workbook.xml.rels": "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId7\" Type=\"\(rel)/worksheet\" Target=\"/xl/worksheets/data.xml\"/><Relationship Id=\"rId8\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId9\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/></Relationships>",
            "xl/sharedStrings.xml": "<\(p)sst \(ns)><\(p)si><\(p)t>Vị trí tuyển dụng</\(p)t></\(p)si><\(p)si><\(p)r><\(p)rPr><\(p)b/></\(p)rPr><\(p)t>Thợ </\(p)t></\(p)r><\(p)r><\(p)t>hàn</\(p)t></\(p)r><\(p)rPh sb=\"0\" eb=\"1\"><\(p)t>ハン</\(p)t></\(p)rPh></\(p)si><\(p)si><\(p)t xml:space=\"preserve\">  có  khoảng trắng </\(p)t></\(p)si></\(p)sst>",
            "xl/styles.xml": "<\(p)styleSheet \(ns)><\(p)numFmts count=\"2\"><\(p)numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy;@\"/><\(p)numFmt numFmtId=\"165\" formatCode=\"#,##0&quot;đ&quot;\"/></\(p)numFmts><\(p)cellXfs count=\"4\"><\(p)xf numFmtId=\"0\"/><\(p)xf numFmtId=\"14\"/><\(p)xf numFmtId=\"164\"/><\(p)xf numFmtId=\"165\"/></\(p)cellXfs></\(p)styleSheet>",
            "xl/worksheets/data.xml": "<\(p)worksheet \(ns)><\(p)sheetData>\(sheetData)</\(p)sheetData></\(p)worksheet>",
        ]
    }

    @Test func everyKindOfCellExcelWrites() throws {
        let data = try Self.package(Self.excelStyle("""
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
            <row r="3"><c r="A3" s="1"><v>46387</v></c><c r="B3" s="2"><v>46388.5</v></c><c r="C3" s="3"><v>6500000</v></c>
            <c r="D3" t="str"><f>A1</f><v>công thức</v></c><c r="E3" t="b"><v>1</v></c><c r="F3" t="e"><v>#REF!</v></c>
            <c r="G3" t="inlineStr"><is><t>nội dòng</t></is></c><c r="H3"/><c r="AB3"><v>912345678</v></c></row>
            <row><c><v>1</v></c><c><v>2</v></c></row>
            """))
        let sheet = try XLSXReader.read(data).sheets[0]
        #expect(sheet.name == "Danh sách")
        #expect(sheet.rows.map(\.number) == [1, 3, 4])
        #expect(sheet.rows[0].cells == [0: .text("Vị trí tuyển dụng"), 1: .text("Thợ hàn"), 2: .text("  có  khoảng trắng ")])
        #expect(sheet.rows[1].cells == [0: .date(46387), 1: .date(46388.5), 2: .number(6_500_000), 3: .text("công thức"),
                                         4: .bool(true), 5: .error("#REF!"), 6: .text("nội dòng"), 27: .number(912_345_678)])
        // Cells without references follow each other; a row without a number follows the last.
        #expect(sheet.rows[2].cells == [0: .number(1), 1: .number(2)])
    }

    @Test func aMergedRangeShowsItsValueInEveryCell() throws {
        var parts = Self.excelStyle("")
        parts["xl/worksheets/data.xml"] = "<worksheet xmlns=\"\(Self.main)\"><sheetData><row r=\"2\"><c r=\"B2\"><v>7</v></c></row>"
            + "<row r=\"3\"><c r=\"A3\"><v>1</v></c></row></sheetData><mergeCells count=\"2\"><mergeCell ref=\"B2:C4\"/><mergeCell ref=\"E9:E10\"/></mergeCells></worksheet>"
        let rows = try XLSXReader.read(try Self.package(parts)).sheets[0].rows
        #expect(rows.map(\.number) == [2, 3, 4])
        #expect(rows.map(\.cells) == [[1: .number(7), 2: .number(7)], [0: .number(1), 1: .number(7), 2: .number(7)], [1: .number(7), 2: .number(7)]])
    }

    @Test func prefixedPartsAndThe1904DateSystem() throws {
        let data = try Self.package(Self.excelStyle("<x:row r=\"2\"><x:c r=\"A2\" s=\"1\"><x:v>44925</x:v></x:c></x:row>", date1904: true, prefix: "x"))
        let cell = try XLSXReader.read(data).sheets[0].rows[0].cells[0]
        // 44925 in the 1904 system is 46387 in the 1900 one.
        guard case .date(let serial)? = cell else { Issue.record("not a date: \(String(describing: cell))"); return }
        #expect(CellValue.date(serial: serial)?.iso == "2026-12-31")
    }

    @Test(arguments: [("dd/mm/yyyy", true), ("[$-42A]d mmmm yyyy", true), ("h:mm", true), ("#,##0", false),
                      ("#,##0\"đ\"", false), ("0.00;[Red]-0.00", false), ("\"ngày\" 0", false), ("@", false)])
    func dateFormats(code: String, isDate: Bool) {
        #expect(XLSXReader.isDateFormat(code) == isDate)
    }

    @Test func notAWorkbookAndDamagedParts() throws {
        #expect(throws: XLSXReader.Failure.notAWorkbook) { try XLSXReader.read(Data("Tên,SĐT\n".utf8)) }
        var parts = Self.excelStyle("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        parts["xl/worksheets/data.xml"] = "<worksheet><sheetData><row>"
        #expect(throws: XLSXReader.Failure.damaged(part: "xl/worksheets/data.xml")) { try XLSXReader.read(try Self.package(parts)) }
    }

    /// A file LibreOffice Calc 7.4 saved (Fixtures/import/make.py): shared strings, a merged title,
    /// date cells with a format, a phone in a number cell, rich text.
    @Test func aFileLibreOfficeSaved() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("quy4-libreoffice.xlsx"))
        let sheet = try XLSXReader.read(data).sheets[0]
        #expect(sheet.name == "Quý IV")
        #expect(sheet.rows.first?.cells[0] == .text("DANH SÁCH VIỆC TÌM NGƯỜI QUÝ IV/2026"))
        let row4 = try #require(sheet.rows.first { $0.number == 4 })
        #expect(row4.cells[0] == .text("Thợ hàn cửa sắt"))
        #expect(row4.cells[5].flatMap { if case .date(let s) = $0 { CellValue.date(serial: s)?.iso } else { nil } } == "2026-12-31")
        #expect(row4.cells[6] == .number(912_345_678))
        #expect(row4.cells[11] == .text("- Từ 18 tuổi\n- Sức khỏe tốt"))
        #expect(!sheet.rows.contains { $0.number == 5 })
    }

    @Test func theTemplateReadsBackWithItsTitles() throws {
        let template = ImportTemplate(communes: ["Gia Trấn", "Hoa Lư"], sectors: ["Xây dựng"])
        let book = try XLSXReader.read(try template.workbook.data(date: Date(timeIntervalSince1970: 0)))
        #expect(book.sheets.map(\.name) == ["Việc tìm người", "Hướng dẫn", "Danh mục"])
        #expect(book.sheets[0].rows.count == 1)
        #expect(book.sheets[0].rows[0].cells.sorted { $0.key < $1.key }.map(\.value) == ImportColumn.templateColumns.map { .text($0.title) })
        #expect(Array(book.sheets[2].rows.compactMap { $0.cells[0] }.dropFirst()) == [.text("Gia Trấn"), .text("Hoa Lư")])
    }
}

/// Hostile and broken workbooks: each is refused with its reason, quickly and in little memory,
/// never read as empty and never trapping.
@Suite("Import: workbooks that must be refused")
struct XLSXReaderLimitsTests {
    typealias T = XLSXReaderTests

    static func refusal(_ parts: [String: String]) throws -> XLSXReader.Failure? {
        let data = try T.package(parts)
        do {
            _ = try XLSXReader.read(data)
            return nil
        } catch {
            return error
        }
    }

    static func refused(_ failure: XLSXReader.Failure?, _ words: String) -> Bool {
        if case .refused(let reason)? = failure { return reason.contains(words) }
        return false
    }

    @Test("Shared strings that unpack past the part limit are refused before they fill memory")
    func sharedStringsBomb() throws {
        var parts = T.excelStyle("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
        parts["xl/sharedStrings.xml"] = "<sst xmlns=\"\(T.main)\"><si><t>" + String(repeating: "a", count: XLSXReader.Limits.partBytes + 1) + "</t></si></sst>"
        #expect(Self.refused(try Self.refusal(parts), "xl/sharedStrings.xml giải nén ra quá"))
    }

    @Test("A sheet of millions of empty cells is refused at the element limit")
    func millionsOfEmptyCells() throws {
        let row = String(repeating: "<c/>", count: 1_000)
        let rows = (1...300).map { "<row r=\"\($0)\">\(row)</row>" }.joined()
        #expect(Self.refused(try Self.refusal(T.excelStyle(rows)), "phần tử"))
    }

    @Test("Overlapping merged ranges are refused, not spread")
    func overlappingMerges() throws {
        var parts = T.excelStyle("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        let merges = String(repeating: "<mergeCell ref=\"A1:Z9999\"/>", count: 1_000)
        parts["xl/worksheets/data.xml"] = "<worksheet xmlns=\"\(T.main)\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData><mergeCells>\(merges)</mergeCells></worksheet>"
        #expect(Self.refused(try Self.refusal(parts), "vùng gộp ô"))
    }

    @Test("Cell and row numbers past Excel's limits, however long, are refused, never trap",
          arguments: ["<row r=\"1\"><c r=\"A99999999999999999999\"><v>1</v></c></row>",
                      "<row r=\"1\"><c r=\"ZZZZZZZZZZZZZZZZZ1\"><v>1</v></c></row>",
                      "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>",
                      "<row r=\"1048577\"><c><v>1</v></c></row>",
                      "<row r=\"99999999999999999999999\"><c><v>1</v></c></row>"])
    func outOfBounds(sheetData: String) throws {
        #expect(Self.refused(try Self.refusal(T.excelStyle(sheetData)), "giới hạn"))
    }

    @Test("A merge reference with a huge number is refused")
    func hugeMerge() throws {
        var parts = T.excelStyle("")
        parts["xl/worksheets/data.xml"] = "<worksheet xmlns=\"\(T.main)\"><sheetData/><mergeCells><mergeCell ref=\"A1:B99999999999999999999\"/></mergeCells></worksheet>"
        #expect(Self.refused(try Self.refusal(parts), "vùng gộp ô"))
    }

    @Test("A damaged or missing shared-strings or styles part is an error, never empty text")
    func damagedNamedParts() throws {
        for part in ["xl/sharedStrings.xml", "xl/styles.xml"] {
            var parts = T.excelStyle("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
            parts[part] = "<sst><si><t>cắt giữa chừng"
            #expect(try Self.refusal(parts) == .damaged(part: part))
            parts[part] = nil
            #expect(try Self.refusal(parts) == .damaged(part: part))
        }
    }

    @Test("An entity declared in a sheet part is refused, never expanded into a title")
    func entities() throws {
        var parts = T.excelStyle("")
        parts["xl/worksheets/data.xml"] = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY t \"Giám đốc\">]><worksheet xmlns=\"\(T.main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&t;</t></is></c></row></sheetData></worksheet>"
        #expect(Self.refused(try Self.refusal(parts), "DTD"))
    }
}
