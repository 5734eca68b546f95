import Foundation
import ZIPFoundation
import PhienchoCore

/// Reads the cells of an OpenDocument spreadsheet (.ods), LibreOffice Calc's own format: the zip
/// package through ZIPFoundation and `content.xml` through Foundation's `XMLParser`, under the
/// limits of `XLSXReader` (the same `Package`, the same part and element limits).
///
/// Read as `XLSXReader` reads a workbook: numbers from `office:value`, dates from
/// `office:date-value` (as Excel serial days), booleans, formula errors, text from its paragraphs
/// (spaces, tabs and line breaks kept); repeated rows and cells (`number-rows-repeated`,
/// `number-columns-repeated`) as the cells they stand for, and a merged range's value
/// (`number-columns-spanned`, `number-rows-spanned`) in every cell it covers. Repetition is how
/// Calc writes a million empty rows in a few bytes: only repeated cells that hold something are
/// made, and never more than `Limits.cells`.
package enum ODSReader {
    package typealias Failure = XLSXReader.Failure

    enum Limits {
        /// Cells made from one file, repetitions included.
        static let cells = XLSXReader.Limits.elementsPerPart
    }

    static let mimeType = "application/vnd.oasis.opendocument.spreadsheet"

    package static func read(contentsOf file: URL) throws(Failure) -> Spreadsheet {
        guard let archive = try? Archive(url: file, accessMode: .read, pathEncoding: nil) else { throw .notAWorkbook }
        let package = XLSXReader.Package(archive: archive)
        if let mime = try package.data("mimetype"), String(decoding: mime, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) != mimeType {
            throw .notAWorkbook
        }
        guard let content = try package.tree("content.xml") else { throw .notAWorkbook }
        var budget = Limits.cells
        var sheets: [Spreadsheet.Sheet] = []
        for table in content.child("body")?.child("spreadsheet")?.children("table") ?? [] {
            sheets.append(Spreadsheet.Sheet(name: table.attribute("name") ?? "Sheet\(sheets.count + 1)", rows: try rows(of: table, budget: &budget)))
        }
        return Spreadsheet(sheets: sheets)
    }

    /// The rows of a table, wherever Calc groups them (header rows, row groups).
    private static func rowElements(_ element: XMLTree) -> [XMLTree] {
        element.children.flatMap { child -> [XMLTree] in
            switch child.name {
            case "table-row": [child]
            case "table-header-rows", "table-row-group", "table-rows": rowElements(child)
            default: []
            }
        }
    }

    static func rows(of table: XMLTree, budget: inout Int) throws(Failure) -> [Spreadsheet.Row] {
        var byNumber: [Int: Spreadsheet.Row] = [:]
        var spans: [(top: Int, left: Int, rows: Int, columns: Int)] = []
        var number = 1
        for row in rowElements(table) {
            let repeated = try count(row.attribute("number-rows-repeated"), limit: Spreadsheet.maximumRows)
            var cells: [Int: Spreadsheet.Cell] = [:]
            var column = 0
            for cell in row.children where cell.name == "table-cell" || cell.name == "covered-table-cell" {
                let times = try count(cell.attribute("number-columns-repeated"), limit: Spreadsheet.maximumColumns)
                if cell.name == "table-cell", let value = value(of: cell) {
                    guard column + times <= Spreadsheet.maximumColumns else { throw .refused(reason: "dòng \(number) có hơn 16.384 cột, giới hạn của Excel") }
                    for offset in 0..<times { cells[column + offset] = value }
                    let across = try count(cell.attribute("number-columns-spanned"), limit: Spreadsheet.maximumColumns)
                    let down = try count(cell.attribute("number-rows-spanned"), limit: Spreadsheet.maximumRows)
                    if across > 1 || down > 1 { spans.append((number, column, down, across)) }
                }
                column += times
            }
            if !cells.isEmpty {
                guard number + repeated - 1 <= Spreadsheet.maximumRows else { throw .refused(reason: "có dòng ngoài giới hạn 1.048.576 dòng của Excel") }
                budget -= cells.count * repeated
                guard budget >= 0 else { throw .refused(reason: "các ô lặp lại của bảng tính tạo ra hơn \(Limits.cells) ô") }
                for offset in 0..<repeated { byNumber[number + offset] = Spreadsheet.Row(number: number + offset, cells: cells) }
            }
            number += repeated
        }
        let spread = spans.filter { byNumber[$0.top]?.cells[$0.left] != nil }
        budget -= spread.reduce(0) { $0 + $1.rows * $1.columns }
        guard budget >= 0 else { throw .refused(reason: "các vùng gộp ô của bảng tính phủ hơn \(Limits.cells) ô") }
        return Spreadsheet.spreading(spread.map { Spreadsheet.MergedRange(top: $0.top, left: $0.left, bottom: $0.top + $0.rows - 1, right: $0.left + $0.columns - 1) },
                                     over: byNumber)
    }

    /// A repetition or span count: 1 when absent, refused past `limit` or when not a number.
    private static func count(_ text: String?, limit: Int) throws(Failure) -> Int {
        guard let text else { return 1 }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 1, value <= limit else {
            throw .refused(reason: "có số lần lặp hay gộp ô “\(text.prefix(24))” không hợp lệ")
        }
        return value
    }

    /// Days from Excel's serial day 0 (1899-12-30) to 1970-01-01.
    private static let serialEpoch = 25_569

    /// An `office:` attribute of a cell (Calc writes a `calcext:` one of the same local name beside
    /// some of them).
    private static func office(_ cell: XMLTree, _ name: String) -> String? {
        cell.attributes["office:" + name] ?? cell.attributes.first { XMLTree.localName($0.key) == name && !$0.key.hasPrefix("calcext:") }?.value
    }

    package static func value(of cell: XMLTree) -> Spreadsheet.Cell? {
        let text = paragraphs(of: cell)
        if cell.attributes["calcext:value-type"] == "error" { return .error(text) }
        switch office(cell, "value-type") {
        case "float", "percentage", "currency":
            guard let number = office(cell, "value").flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }), number.isFinite else { return text.isEmpty ? nil : .text(text) }
            return .number(number)
        case "date":
            let value = office(cell, "date-value") ?? ""
            guard let day = LocalDate(iso: String(value.prefix(10))) else { return text.isEmpty ? nil : .text(text) }
            return .date(Double(day.dayNumber + serialEpoch))
        case "boolean":
            return .bool(["true", "1"].contains(office(cell, "boolean-value") ?? ""))
        default:
            if let string = office(cell, "string-value"), !string.isEmpty { return .text(string) }
            return text.isEmpty ? nil : .text(text)
        }
    }

    /// The cell's paragraphs (`text:p`), one per line, their spans, spaces (`text:s`), tabs and
    /// line breaks in document order.
    static func paragraphs(of cell: XMLTree) -> String {
        cell.children("p").map(inline).joined(separator: "\n")
    }

    private static func inline(_ element: XMLTree) -> String {
        var out = element.leading
        for child in element.children {
            switch child.name {
            case "s": out += String(repeating: " ", count: min(Int(child.attribute("c") ?? "1") ?? 1, 1_000))
            case "tab": out += "\t"
            case "line-break": out += "\n"
            case "annotation": break
            default: out += inline(child)
            }
            out += child.tail
        }
        return out
    }
}
