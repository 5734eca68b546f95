import Foundation
import PhienchoCore

/// A minimal Office Open XML workbook (.xlsx) as Excel and LibreOffice Calc open it: one worksheet
/// per table, text as inline strings, numbers as numbers; optionally a bold frozen header row,
/// column widths and formats, drop-down lists (data validation) and hidden sheets. The package —
/// content types, relationships, workbook, styles, sheets — is a zip archive written by
/// ZIPFoundation; every entry carries the same fixed date, so the same tables give the same bytes.
package struct Workbook {
    package struct Sheet {
        /// At most 31 characters, none of `[]:*?/\` (Excel's rule).
        var name: String
        var rows: [[Cell]]
        var hidden = false
        /// The first row after `titleRows` is a header: bold, wrapped, and frozen while scrolling.
        var header = false
        /// Rows above the header (a report's title, period and day), bold, not wrapped.
        var titleRows = 0
        /// The last row is a totals row, bold.
        var totals = false
        /// Printed on A4, as wide as one page, each sheet on its own pages.
        var printable = false
        /// Widths in characters, from column A.
        var widths: [Double] = []
        /// The format of whole columns, by 0-based index.
        var formats: [Int: Format] = [:]
        var dropDowns: [DropDown] = []

        package init(name: String, rows: [[Cell]], hidden: Bool = false, header: Bool = false, titleRows: Int = 0,
                     totals: Bool = false, printable: Bool = false, widths: [Double] = [], formats: [Int: Format] = [:],
                     dropDowns: [DropDown] = []) {
            self.name = name
            self.rows = rows
            self.hidden = hidden
            self.header = header
            self.titleRows = titleRows
            self.totals = totals
            self.printable = printable
            self.widths = widths
            self.formats = formats
            self.dropDowns = dropDowns
        }
    }

    package enum Cell {
        case text(String)
        case number(Double)
    }

    /// A column's cell format (the index is its `cellXfs` entry in styles.xml).
    package enum Format: Int {
        /// Text (`@`): what is typed stays as typed, leading zeros included.
        case text = 2
        /// A day as 31/12/2026.
        case date = 3
        /// Whole numbers with thousands separators.
        case amount = 4
        /// Text that wraps onto several lines in the cell.
        case wrapped = 5
    }

    /// A drop-down list on a column, below the header: the values of a named range, or a short
    /// fixed list.
    package struct DropDown {
        var column: Int
        var rows: ClosedRange<Int>
        /// A defined name (`XaPhuong`) or a quoted list (`"giờ,ngày,tháng"`).
        var source: String
        var message: String

        package init(column: Int, rows: ClosedRange<Int>, source: String, message: String) {
            self.column = column
            self.rows = rows
            self.source = source
            self.message = message
        }
    }

    /// Workbook-level names: name → reference (`'Danh mục'!$A$2:$A$130`).
    var sheets: [Sheet]
    var names: [(name: String, reference: String)] = []

    package init(sheets: [Sheet], names: [(name: String, reference: String)] = []) {
        self.sheets = sheets
        self.names = names
    }

    package func data(date: Date) throws -> Data {
        try OfficePackage.data(parts().map { (path: $0.0, text: $0.1) }, date: date)
    }

    private static let header = OfficePackage.declaration
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let styles = header + "<styleSheet xmlns=\"\(main)\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"7\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>"
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"3\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"

    func parts() -> [(String, String)] {
        let indexes = sheets.indices.map { $0 + 1 }
        let sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
        var parts: [(String, String)] = [
            ("[Content_Types].xml", Self.header
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + indexes.map { "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"\(sheetType)\"/>" }.joined()
                + "</Types>"),
            ("_rels/.rels", Self.header
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(Self.relationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>"),
            ("xl/workbook.xml", Self.header
                + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationships)\"><sheets>"
                + zip(indexes, sheets).map { index, sheet in
                    "<sheet name=\"\(XML.escape(sheet.name))\" sheetId=\"\(index)\"\(sheet.hidden ? " state=\"hidden\"" : "") r:id=\"rId\(index)\"/>"
                }.joined()
                + "</sheets>"
                + (names.isEmpty ? "" : "<definedNames>" + names.map { "<definedName name=\"\($0.name)\">\(XML.escape($0.reference))</definedName>" }.joined() + "</definedNames>")
                + "</workbook>"),
            ("xl/_rels/workbook.xml.rels", Self.header
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + indexes.map { "<Relationship Id=\"rId\($0)\" Type=\"\(Self.relationships)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>" }.joined()
                + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relationships)/styles\" Target=\"styles.xml\"/>"
                + "</Relationships>"),
            ("xl/styles.xml", Self.styles),
        ]
        for (index, sheet) in zip(indexes, sheets) {
            parts.append(("xl/worksheets/sheet\(index).xml", Self.worksheet(sheet)))
        }
        return parts
    }

    private static func worksheet(_ sheet: Sheet) -> String {
        var xml = header + "<worksheet xmlns=\"\(main)\">"
        if sheet.printable { xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>" }
        if sheet.header {
            let split = sheet.titleRows + 1
            xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(split)\" topLeftCell=\"A\(split + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        }
        if !sheet.widths.isEmpty {
            xml += "<cols>" + sheet.widths.enumerated().map { index, width in
                let style = sheet.formats[index].map { " style=\"\($0.rawValue)\"" } ?? ""
                return "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\"\(style) customWidth=\"1\"/>"
            }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            xml += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = Spreadsheet.reference(column: columnIndex, row: rowIndex + 1)
                let isBold = rowIndex < sheet.titleRows || (sheet.totals && rowIndex == sheet.rows.count - 1)
                let style = isBold ? " s=\"6\""
                    : sheet.header && rowIndex == sheet.titleRows ? " s=\"1\""
                    : sheet.formats[columnIndex].map { " s=\"\($0.rawValue)\"" } ?? ""
                switch cell {
                case .text(let text) where text.isEmpty:
                    continue
                case .text(let text):
                    xml += "<c r=\"\(reference)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XML.escape(text))</t></is></c>"
                case .number(let value):
                    let shown = value == value.rounded() ? String(Int(value)) : String(value)
                    xml += "<c r=\"\(reference)\"\(style)><v>\(shown)</v></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !sheet.dropDowns.isEmpty {
            xml += "<dataValidations count=\"\(sheet.dropDowns.count)\">" + sheet.dropDowns.map { list in
                let range = Spreadsheet.reference(column: list.column, row: list.rows.lowerBound) + ":" + Spreadsheet.reference(column: list.column, row: list.rows.upperBound)
                return "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" errorStyle=\"warning\""
                    + " promptTitle=\"Chọn trong danh sách\" prompt=\"\(XML.escape(list.message))\" errorTitle=\"Không có trong danh sách\""
                    + " error=\"\(XML.escape(list.message))\" sqref=\"\(range)\"><formula1>\(XML.escape(list.source))</formula1></dataValidation>"
            }.joined() + "</dataValidations>"
        }
        if sheet.printable {
            xml += "<pageMargins left=\"0.6\" right=\"0.6\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
                + "<pageSetup paperSize=\"9\" orientation=\"portrait\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        }
        return xml + "</worksheet>"
    }
}
