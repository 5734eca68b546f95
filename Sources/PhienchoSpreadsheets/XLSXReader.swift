import Foundation
import ZIPFoundation
import PhienchoCore

/// Reads the cells of an Office Open XML workbook (.xlsx) as Excel and LibreOffice Calc save it:
/// the zip package through ZIPFoundation, each XML part through Foundation's `XMLParser`.
///
/// Read: shared strings (plain and rich text, phonetic guides left out), inline strings, formula
/// results, numbers, booleans, error values; which numbers are dates, from the cell's number format
/// (built-in date formats and custom ones with day, month or year codes); the 1904 date system;
/// sheets by the workbook's relationships, wherever the package puts them. A merged range's value
/// (stored in its first cell) is given to every cell it covers.
///
/// Nothing in a file can take the reader past `Limits`, trap on a number, or be read as empty: a
/// part that is named but missing or damaged, a DTD or entity declaration, a cell or row outside
/// Excel's own limits, too many merged ranges: each stops the read with the reason.
package enum XLSXReader {
    package enum Failure: Error, Equatable {
        /// Not a zip archive, or one without a workbook: not an .xlsx file (perhaps an old .xls).
        case notAWorkbook
        /// A part the workbook names is missing or is not well-formed XML.
        case damaged(part: String)
        /// Over a limit, or holding what no spreadsheet holds: the reason, in Vietnamese.
        case refused(reason: String)
    }

    /// How much a workbook may unpack to and hold. A quarterly sheet has hundreds of rows; these
    /// are far above it and keep the memory of any input well under 200 MB.
    enum Limits {
        static let partBytes = 20 << 20
        static let totalBytes = 64 << 20
        static let elementsPerPart = 250_000
        static let mergedRanges = 10_000
        static let mergedCells = 200_000
        /// How long one part may take to unpack. ZIPFoundation 0.9.20 loops forever on a deflate
        /// stream cut short (its `decode` asks for more input past the entry's end); such a part
        /// is reported damaged after this, and the loop ends with the command.
        static let unpackSeconds = 10
    }

    /// Reads a workbook from memory through a temporary file: ZIPFoundation's in-memory archive
    /// traps on a damaged package whose offsets point past its end (found by fuzzing); its file
    /// archive reports it.
    static func read(_ data: Data) throws(Failure) -> Spreadsheet {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("phiencho-\(UUID().uuidString).xlsx")
        guard FileManager.default.createFile(atPath: file.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw .damaged(part: "(tệp tạm)")
        }
        defer { try? FileManager.default.removeItem(at: file) }
        return try read(contentsOf: file)
    }

    package static func read(contentsOf file: URL) throws(Failure) -> Spreadsheet {
        guard let archive = try? Archive(url: file, accessMode: .read, pathEncoding: nil) else { throw .notAWorkbook }
        let package = Package(archive: archive)
        let workbookPath = try package.relationshipTargets(of: "")
            .first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard let workbook = try package.tree(workbookPath) else { throw .notAWorkbook }
        let targets = Dictionary(try package.relationshipTargets(of: workbookPath).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // A part the workbook names must be there and whole: shared strings read as empty would
        // lose every text cell without a word.
        func namedPart(_ type: String) throws(Failure) -> XMLTree? {
            guard let target = targets.values.first(where: { $0.type.hasSuffix(type) })?.target else { return nil }
            guard let tree = try package.tree(target) else { throw .damaged(part: target) }
            return tree
        }
        let sharedStrings = try namedPart("/sharedStrings").map(Self.sharedStrings) ?? []
        let dateStyles = try namedPart("/styles").map(Self.dateStyles) ?? []
        let date1904 = ["1", "true"].contains(workbook.child("workbookPr")?.attribute("date1904") ?? "")

        var sheets: [Spreadsheet.Sheet] = []
        for sheet in workbook.child("sheets")?.children("sheet") ?? [] {
            guard let name = sheet.attribute("name"), let id = sheet.attribute("id"), let target = targets[id]?.target,
                  targets[id]?.type.hasSuffix("/worksheet") == true else { continue }
            guard let tree = try package.tree(target) else { throw .damaged(part: target) }
            let rows = try Self.rows(of: tree, sharedStrings: sharedStrings, dateStyles: dateStyles, date1904: date1904)
            sheets.append(Spreadsheet.Sheet(name: name, rows: rows))
        }
        return Spreadsheet(sheets: sheets)
    }

    /// The text of every `<si>`: its `<t>`, or its rich-text runs' `<t>`s joined.
    static func sharedStrings(_ tree: XMLTree) -> [String] {
        tree.children("si").map(Self.text)
    }

    /// The text of a string item (`<si>` or `<is>`), without phonetic runs (`<rPh>`).
    package static func text(_ item: XMLTree) -> String {
        if let plain = item.child("t") { return plain.text }
        return item.children("r").compactMap { $0.child("t")?.text }.joined()
    }

    /// Indexes into `cellXfs` whose number format shows a date or a time.
    static func dateStyles(_ styles: XMLTree) -> Set<Int> {
        var custom: [Int: String] = [:]
        for format in styles.child("numFmts")?.children("numFmt") ?? [] {
            if let id = format.attribute("numFmtId").flatMap(Int.init), let code = format.attribute("formatCode") { custom[id] = code }
        }
        var result = Set<Int>()
        for (index, xf) in (styles.child("cellXfs")?.children("xf") ?? []).enumerated() {
            guard let id = xf.attribute("numFmtId").flatMap(Int.init) else { continue }
            let isDate = custom[id].map(isDateFormat) ?? builtInDateFormats.contains(id)
            if isDate { result.insert(index) }
        }
        return result
    }

    /// Excel's built-in number formats that show dates or times (ECMA-376 part 1, 18.8.30, with the
    /// East Asian ones).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Whether a format code shows a date: a d, m, y, h or s code outside quotes, brackets (colours,
    /// conditions, `[$-42A]` locales) and escaped characters, in its first section.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false, inBrackets = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case ";" where !inQuotes && !inBrackets: return false
            case "d", "m", "y", "h", "s": if !inQuotes && !inBrackets { return true }
            default: break
            }
        }
        return false
    }

    static func rows(of worksheet: XMLTree, sharedStrings: [String], dateStyles: Set<Int>, date1904: Bool) throws(Failure) -> [Spreadsheet.Row] {
        var rows: [Spreadsheet.Row] = []
        var numbers: Set<Int> = []
        var nextRow = 1
        for row in worksheet.child("sheetData")?.children("row") ?? [] {
            let number = row.attribute("r").map { Int($0.trimmingCharacters(in: .whitespaces)) ?? 0 } ?? nextRow
            guard (1...Spreadsheet.maximumRows).contains(number) else {
                throw .refused(reason: "có dòng số “\(row.attribute("r").map { String($0.prefix(24)) } ?? String(number))”, ngoài giới hạn 1.048.576 dòng của Excel")
            }
            guard numbers.insert(number).inserted else { throw .refused(reason: "có hai dòng cùng mang số \(number)") }
            nextRow = number + 1
            var cells: [Int: Spreadsheet.Cell] = [:]
            var nextColumn = 0
            for cell in row.children("c") {
                let column: Int
                if let reference = cell.attribute("r") {
                    guard let parsed = Spreadsheet.parseReference(reference) else {
                        throw .refused(reason: "có ô “\(reference.prefix(24))”, không phải địa chỉ ô trong giới hạn của Excel (1.048.576 dòng, 16.384 cột)")
                    }
                    column = parsed.column
                } else {
                    column = nextColumn
                }
                guard column < Spreadsheet.maximumColumns else {
                    throw .refused(reason: "dòng \(number) có hơn 16.384 cột, giới hạn của Excel")
                }
                nextColumn = column + 1
                let style = cell.attribute("s").flatMap(Int.init) ?? 0
                if let value = Self.value(of: cell, sharedStrings: sharedStrings, isDate: dateStyles.contains(style), date1904: date1904) {
                    cells[column] = value
                }
            }
            if !cells.isEmpty { rows.append(Spreadsheet.Row(number: number, cells: cells)) }
        }
        return try spreadMerges(of: worksheet, over: rows)
    }

    /// A merged range shows its first cell's value in every cell it covers (an employer merged down
    /// the rows of its vacancies is every row's employer), so each covered cell gets that value.
    /// Ranges that overlap or cover too much are refused, never spread: a few kilobytes of them
    /// could otherwise fill memory.
    static func spreadMerges(of worksheet: XMLTree, over rows: [Spreadsheet.Row]) throws(Failure) -> [Spreadsheet.Row] {
        let merges = worksheet.child("mergeCells")?.children("mergeCell") ?? []
        guard merges.count <= Limits.mergedRanges else {
            throw .refused(reason: "một trang tính có \(merges.count) vùng gộp ô, quá \(Limits.mergedRanges)")
        }
        var covered = 0
        var ranges: [Spreadsheet.MergedRange] = []
        for merge in merges {
            let reference = merge.attribute("ref") ?? ""
            let ends = reference.split(separator: ":").map(String.init)
            guard ends.count == 2, let start = Spreadsheet.parseReference(ends[0]), let end = Spreadsheet.parseReference(ends[1]),
                  start.row <= end.row, start.column <= end.column else {
                throw .refused(reason: "có vùng gộp ô “\(reference.prefix(40))” không hợp lệ")
            }
            // Both sides are within Excel's limits: the product cannot overflow.
            covered += (end.row - start.row + 1) * (end.column - start.column + 1)
            guard covered <= Limits.mergedCells else {
                throw .refused(reason: "các vùng gộp ô của một trang tính phủ hơn \(Limits.mergedCells) ô")
            }
            ranges.append(Spreadsheet.MergedRange(top: start.row, left: start.column, bottom: end.row, right: end.column))
        }
        guard !ranges.isEmpty else { return rows }
        return Spreadsheet.spreading(ranges, over: Dictionary(uniqueKeysWithValues: rows.map { ($0.number, $0) }))
    }

    /// Days between Excel's 1900 and 1904 epochs.
    private static let epochDifference = 1462.0

    package static func value(of cell: XMLTree, sharedStrings: [String], isDate: Bool, date1904: Bool) -> Spreadsheet.Cell? {
        let raw = cell.child("v")?.text
        switch cell.attribute("t") ?? "n" {
        case "s":
            guard let index = raw.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), sharedStrings.indices.contains(index) else { return nil }
            return .text(sharedStrings[index])
        case "inlineStr":
            return cell.child("is").map { .text(text($0)) } ?? raw.map { .text($0) }
        case "str":
            return raw.map { .text($0) }
        case "b":
            return raw.map { .bool($0 == "1" || $0 == "true") }
        case "e":
            return raw.map { .error($0) }
        case "d":
            // ISO 8601 text (Strict OOXML, some writers): kept as text, read as a date by its form.
            return raw.map { .text($0) }
        default:
            guard let raw, let number = Double(raw.trimmingCharacters(in: .whitespaces)) else { return nil }
            return isDate ? .date(date1904 ? number + epochDifference : number) : .number(number)
        }
    }
}
