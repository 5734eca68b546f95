import Foundation
import ZIPFoundation

/// Reads the cells of an Office Open XML workbook (.xlsx) as Excel and LibreOffice Calc save it:
/// the zip package through ZIPFoundation, each XML part through Foundation's `XMLParser`.
///
/// Read: shared strings (plain and rich text, phonetic guides left out), inline strings, formula
/// results, numbers, booleans, error values; which numbers are dates, from the cell's number format
/// (built-in date formats and custom ones with day, month or year codes); the 1904 date system;
/// sheets by the workbook's relationships, wherever the package puts them. A merged range's value
/// (stored in its first cell) is given to every cell it covers.
enum XLSXReader {
    enum Failure: Error, Equatable {
        /// Not a zip archive, or one without a workbook: not an .xlsx file (perhaps an old .xls).
        case notAWorkbook
        /// A part the workbook names is missing or is not well-formed XML.
        case damaged(part: String)
    }

    static func read(_ data: Data) throws(Failure) -> Spreadsheet {
        guard let archive = try? Archive(data: data, accessMode: .read) else { throw .notAWorkbook }
        let package = Package(archive: archive)
        let workbookPath = package.relationshipTargets(of: "")
            .first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard let workbook = package.tree(workbookPath) else {
            throw package.contains(workbookPath) ? .damaged(part: workbookPath) : .notAWorkbook
        }
        let targets = Dictionary(package.relationshipTargets(of: workbookPath).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sharedStrings = targets.values.first { $0.type.hasSuffix("/sharedStrings") }
            .flatMap { package.tree($0.target) }.map(Self.sharedStrings) ?? []
        let dateStyles = targets.values.first { $0.type.hasSuffix("/styles") }
            .flatMap { package.tree($0.target) }.map(Self.dateStyles) ?? []
        let date1904 = ["1", "true"].contains(workbook.child("workbookPr")?.attribute("date1904") ?? "")

        var sheets: [Spreadsheet.Sheet] = []
        for sheet in workbook.child("sheets")?.children("sheet") ?? [] {
            guard let name = sheet.attribute("name"), let id = sheet.attribute("id"), let target = targets[id]?.target,
                  targets[id]?.type.hasSuffix("/worksheet") == true else { continue }
            guard let tree = package.tree(target) else { throw .damaged(part: target) }
            let rows = Self.rows(of: tree, sharedStrings: sharedStrings, dateStyles: dateStyles, date1904: date1904)
            sheets.append(Spreadsheet.Sheet(name: name, rows: rows))
        }
        return Spreadsheet(sheets: sheets)
    }

    /// The text of every `<si>`: its `<t>`, or its rich-text runs' `<t>`s joined.
    static func sharedStrings(_ tree: XMLTree) -> [String] {
        tree.children("si").map(Self.text)
    }

    /// The text of a string item (`<si>` or `<is>`), without phonetic runs (`<rPh>`).
    static func text(_ item: XMLTree) -> String {
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

    static func rows(of worksheet: XMLTree, sharedStrings: [String], dateStyles: Set<Int>, date1904: Bool) -> [Spreadsheet.Row] {
        var rows: [Spreadsheet.Row] = []
        var nextRow = 1
        for row in worksheet.child("sheetData")?.children("row") ?? [] {
            let number = row.attribute("r").flatMap(Int.init) ?? nextRow
            nextRow = number + 1
            var cells: [Int: Spreadsheet.Cell] = [:]
            var nextColumn = 0
            for cell in row.children("c") {
                let column = cell.attribute("r").flatMap(Spreadsheet.parseReference)?.column ?? nextColumn
                nextColumn = column + 1
                let style = cell.attribute("s").flatMap(Int.init) ?? 0
                if let value = Self.value(of: cell, sharedStrings: sharedStrings, isDate: dateStyles.contains(style), date1904: date1904) {
                    cells[column] = value
                }
            }
            if !cells.isEmpty { rows.append(Spreadsheet.Row(number: number, cells: cells)) }
        }
        return spreadMerges(of: worksheet, over: rows)
    }

    /// A merged range shows its first cell's value in every cell it covers (an employer merged down
    /// the rows of its vacancies is every row's employer), so each covered cell gets that value.
    static func spreadMerges(of worksheet: XMLTree, over rows: [Spreadsheet.Row]) -> [Spreadsheet.Row] {
        let ranges = (worksheet.child("mergeCells")?.children("mergeCell") ?? []).compactMap { merge -> (Int, Int, Int, Int)? in
            let ends = (merge.attribute("ref") ?? "").split(separator: ":").map(String.init)
            guard ends.count == 2, let start = Spreadsheet.parseReference(ends[0]), let end = Spreadsheet.parseReference(ends[1]),
                  start.row <= end.row, start.column <= end.column, (end.row - start.row + 1) * (end.column - start.column + 1) <= 100_000
            else { return nil }
            return (start.row, start.column, end.row, end.column)
        }
        guard !ranges.isEmpty else { return rows }
        var byNumber = Dictionary(uniqueKeysWithValues: rows.map { ($0.number, $0) })
        for (top, left, bottom, right) in ranges {
            guard let value = byNumber[top]?.cells[left] else { continue }
            for row in top...bottom {
                for column in left...right where (row, column) != (top, left) {
                    byNumber[row, default: Spreadsheet.Row(number: row, cells: [:])].cells[column] = value
                }
            }
        }
        return byNumber.values.sorted { $0.number < $1.number }
    }

    /// Days between Excel's 1900 and 1904 epochs.
    private static let epochDifference = 1462.0

    static func value(of cell: XMLTree, sharedStrings: [String], isDate: Bool, date1904: Bool) -> Spreadsheet.Cell? {
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

    /// The parts of the zip package, by their path inside it.
    private struct Package {
        let archive: Archive

        func contains(_ path: String) -> Bool { archive[path] != nil }

        func data(_ path: String) -> Data? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            } catch {
                return nil
            }
            return data
        }

        func tree(_ path: String) -> XMLTree? { data(path).flatMap(XMLTree.parse) }

        struct Relationship { var id: String; var type: String; var target: String }

        /// The relationships of a part (`""` for the package itself), targets resolved to package paths.
        func relationshipTargets(of part: String) -> [Relationship] {
            let folder = part.split(separator: "/").dropLast().joined(separator: "/")
            let file = part.split(separator: "/").last.map(String.init) ?? ""
            let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
            guard let tree = tree(relsPath) else { return [] }
            return tree.children("Relationship").compactMap { element in
                guard let id = element.attribute("Id"), let type = element.attribute("Type"),
                      let target = element.attribute("Target"), element.attribute("TargetMode") != "External" else { return nil }
                return Relationship(id: id, type: type, target: Self.resolve(target, from: folder))
            }
        }

        /// `worksheets/sheet1.xml` from `xl` → `xl/worksheets/sheet1.xml`; `/xl/…` is from the root;
        /// `..` steps up.
        static func resolve(_ target: String, from folder: String) -> String {
            var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
            for piece in target.split(separator: "/") {
                if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
            }
            return parts.joined(separator: "/")
        }
    }
}
