import Foundation
import PhienchoContent
import PhienchoCore
import PhienchoSpreadsheets

/// The part of a spreadsheet that holds vacancies: the first sheet with a header row of the quarterly
/// columns (found below a title row, within the first rows), which column is which, and the data rows
/// under it. A sheet that looks like a list of people ("người tìm việc") is refused as a whole.
struct ImportSheet {
    /// Where this sheet's cells are reported.
    var locator: Locator
    var columns: [Int: ImportColumn]
    /// The header row's number.
    var header: Int
    /// The data rows: below the header, each with a value of its own (a row that only a merged
    /// cell reaches, a "Nguồn" merged down the list, is as empty as it looks).
    var rows: [Spreadsheet.Row]

    /// How many rows from the top a header row may be found at (title rows, a date, a signature line).
    static let headerSearchDepth = 20
    /// How many cells of a row must be column titles for it to be the header row.
    static let headerMinimum = 3

    /// Where a cell's problem is reported: `FILE.xlsx:Sheet!H7`, or `FILE.csv:H7` for a CSV file.
    struct Locator {
        var file: String
        var sheet: String?

        func path(column: Int, row: Int) -> String {
            let cell = Spreadsheet.reference(column: column, row: row)
            return sheet.map { "\(file):\($0)!\(cell)" } ?? "\(file):\(cell)"
        }

        /// The 0-based column of a diagnostic made by `diagnostic`, nil for one about a file.
        func column(of diagnostic: Diagnostic) -> Int? {
            guard diagnostic.line == nil, diagnostic.path.hasPrefix(file + ":") else { return nil }
            let cell = diagnostic.path.dropFirst(file.count + 1).split(separator: "!").last.map(String.init) ?? ""
            return Spreadsheet.parseReference(cell)?.column
        }

        func diagnostic(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, column: Int, row: Int, _ message: String) -> Diagnostic {
            Diagnostic(severity, code, path: path(column: column, row: row), message)
        }
    }

    enum Located {
        case found(ImportSheet, warnings: [Diagnostic])
        /// The problems that stop the import (errors, and the warnings found with them).
        case failure([Diagnostic])
    }

    /// The vacancy sheet of `spreadsheet`, or the problems that stop the import. One workbook, one
    /// verdict: a sheet that looks like a list of people, anywhere in it (hidden or not, before or
    /// after the vacancy sheet), refuses the whole workbook.
    static func locate(in spreadsheet: Spreadsheet, file: String, isCSV: Bool) -> Located {
        if let people = peopleSheet(in: spreadsheet, file: file, isCSV: isCSV) { return .failure([people]) }
        for sheet in spreadsheet.sheets {
            let locator = Locator(file: file, sheet: isCSV ? nil : sheet.name)
            for row in sheet.rows.prefix(headerSearchDepth) {
                let titles = row.cells.compactMapValues { CellValue.text($0) }
                let matched = titles.compactMapValues(ImportColumn.matching)
                guard matched.count >= headerMinimum else { continue }
                return read(sheet, header: row, titles: titles, matched: matched, locator: locator)
            }
        }
        let wanted = ImportColumn.templateColumns.filter(\.isRequired).map { "“\($0.title)”" }.joined(separator: ", ")
        return .failure([Diagnostic(.error, .importNoHeader, path: file,
                                    "Không tìm thấy dòng tiêu đề của danh sách việc tìm người trong \(isCSV ? "tệp" : "các trang tính") (\(headerSearchDepth) dòng đầu). Dòng tiêu đề cần có các cột \(wanted). Hãy dùng mẫu tạo bằng lệnh “phiencho import --template”.")])
    }

    private static func read(_ sheet: Spreadsheet.Sheet, header: Spreadsheet.Row, titles: [Int: String], matched: [Int: ImportColumn],
                             locator: Locator) -> Located {
        // A column the police added ("Ghi chú") beside the template's own ("Ghi chú nội bộ") is an
        // extra column, not a second copy of it.
        var matched = matched
        var extra: [Int: ImportColumn] = [:]
        for (column, indexes) in Dictionary(grouping: matched.keys, by: { matched[$0]! }) where indexes.count > 1 {
            let exact = indexes.filter { ImportColumn.key(titles[$0]!) == ImportColumn.key(column.title) }
            guard exact.count == 1 else { continue }
            for index in indexes where index != exact[0] {
                matched[index] = nil
                extra[index] = column
            }
        }
        let unknown = titles.filter { matched[$0.key] == nil }
        let personal = unknown.filter { SeekerHeaders.isSeekerColumn($0.value) }
        if !personal.isEmpty { return .failure([refusal(personal, row: header.number, locator: locator)]) }

        var problems: [Diagnostic] = []
        var seen: [ImportColumn: Int] = [:]
        for (index, column) in matched.sorted(by: { $0.key < $1.key }) {
            if let first = seen[column] {
                problems.append(locator.diagnostic(.error, .importDuplicateColumn, column: index, row: header.number,
                                                   "Cột “\(titles[index]!)” trùng với cột \(Spreadsheet.columnName(first)) (“\(column.title)”). Hãy xóa một trong hai cột."))
            } else {
                seen[column] = index
            }
        }
        // With a "Mã tin" column the sheet may update vacancies only (hires, a new deadline); its rows
        // that make new vacancies are then told what they lack.
        for column in ImportColumn.templateColumns where column.isRequired && seen[column] == nil && seen[.id] == nil {
            problems.append(Diagnostic(.error, .importMissingColumn, path: locator.path(column: titles.keys.max().map { $0 + 1 } ?? 0, row: header.number),
                                       "Thiếu cột bắt buộc “\(column.title)” ở dòng tiêu đề \(header.number). Hãy thêm cột này (tên cột như trong mẫu)."))
        }
        var warnings: [Diagnostic] = []
        for (index, title) in unknown.sorted(by: { $0.key < $1.key }) {
            let hint = extra[index].map { " (cột của mẫu là “\($0.title)”, ở ô \(Spreadsheet.reference(column: seen[$0] ?? 0, row: header.number)))" }
                ?? suggestion(for: title).map { " Có phải là “\($0)”?" } ?? ""
            warnings.append(locator.diagnostic(.warning, .importUnknownColumn, column: index, row: header.number,
                                               "Cột “\(title)” không có trong mẫu nên được bỏ qua, không ghi vào tin nào.\(hint)"))
        }
        if (seen[.hired] == nil) != (seen[.resultDate] == nil) {
            let present = seen[.hired] ?? seen[.resultDate]!
            problems.append(locator.diagnostic(.error, .importMissingColumn, column: present, row: header.number,
                                               "Cột “\(ImportColumn.hired.title)” và cột “\(ImportColumn.resultDate.title)” phải đi cùng nhau: hãy thêm cột còn thiếu."))
        }
        guard problems.isEmpty else { return .failure(problems + warnings) }
        let rows = sheet.rows.filter { row in
            row.number > header.number && row.cells.contains { !row.spread.contains($0.key) && CellValue.text($0.value) != nil }
        }
        let sheetColumns = Dictionary(uniqueKeysWithValues: seen.map { ($0.value, $0.key) })
        return .found(ImportSheet(locator: locator, columns: sheetColumns, header: header.number, rows: rows), warnings: warnings)
    }

    /// The refusal of the first header-like row, in any sheet, with a column only a list of people
    /// has. A header is a row of two titles or more, each short (a sentence in a guide or a
    /// description that mentions "án tích" is no column title); the vacancy header's own columns
    /// never count.
    private static func peopleSheet(in spreadsheet: Spreadsheet, file: String, isCSV: Bool) -> Diagnostic? {
        for sheet in spreadsheet.sheets {
            for row in sheet.rows.prefix(headerSearchDepth) {
                let titles = row.cells.compactMapValues { CellValue.text($0) }
                guard titles.count >= 2, titles.values.allSatisfy({ $0.split(whereSeparator: \.isWhitespace).count <= 6 }) else { continue }
                let personal = titles.filter { ImportColumn.matching($0.value) == nil && SeekerHeaders.isSeekerColumn($0.value) }
                if !personal.isEmpty {
                    return refusal(personal, row: row.number, locator: Locator(file: file, sheet: isCSV ? nil : sheet.name))
                }
            }
        }
        return nil
    }

    /// The closest column title to an unknown header, when it is close.
    private static func suggestion(for header: String) -> String? {
        let titles = ImportColumn.allCases.map(\.title)
        guard let guess = Suggestion.closest(to: ImportColumn.key(header), among: titles.map(ImportColumn.key)) else { return nil }
        return ImportColumn.allCases.first { ImportColumn.key($0.title) == guess }?.title
    }

    /// The refusal of a list of people: names the columns (never a value) and says what to do.
    private static func refusal(_ columns: [Int: String], row: Int, locator: Locator) -> Diagnostic {
        let first = columns.keys.min()!
        let names = columns.sorted { $0.key < $1.key }.map { "“\($0.value)”" }.joined(separator: ", ")
        return locator.diagnostic(.error, .importSeekerSheet, column: first, row: row,
                                  "Bảng này có cột giống hồ sơ người tìm việc (\(names)), nên chương trình từ chối cả bảng và không ghi gì. Danh sách người tìm việc là dữ liệu cá nhân nhạy cảm: không đưa vào content/vacancies và không nhập bằng lệnh này. Nếu đây đúng là danh sách việc tìm người, hãy xóa các cột đó rồi nhập lại.")
    }
}
