import PhienchoCore

/// The cells of a spreadsheet as a spreadsheet program shows them: sheets of numbered rows, each
/// cell a text, a number or a date. Read from an `.xlsx` file (`XLSXReader`) or a `.csv` file.
package struct Spreadsheet: Sendable {
    package struct Sheet: Sendable {
        package var name: String
        /// Rows that hold at least one cell, top to bottom.
        package var rows: [Row]

        package init(name: String, rows: [Row]) {
            self.name = name
            self.rows = rows
        }
    }

    package struct Row: Sendable {
        /// 1-based, as the program numbers it.
        package var number: Int
        /// By 0-based column index (A = 0).
        package var cells: [Int: Cell]
        /// Columns whose value a merged range spread here from its first cell: the row shows it,
        /// but does not hold it.
        package var spread: Set<Int> = []

        package init(number: Int, cells: [Int: Cell], spread: Set<Int> = []) {
            self.number = number
            self.cells = cells
            self.spread = spread
        }
    }

    package enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        /// A number the cell's format shows as a date or time: days since the workbook's epoch
        /// (`XLSXReader` converts the 1904 system to the 1900 one, so this is always Excel's serial).
        case date(Double)
        case bool(Bool)
        /// An error value such as `#REF!` or `#VALUE!`.
        case error(String)
    }

    package var sheets: [Sheet]

    package init(sheets: [Sheet]) { self.sheets = sheets }

    /// A merged range of cells, both ends included.
    struct MergedRange {
        var top: Int, left: Int, bottom: Int, right: Int
    }

    /// The rows with each merged range's value (stored in its first cell) given to every cell it
    /// covers, marked `spread`; an employer merged down the rows of its vacancies is every row's
    /// employer. Callers bound the ranges first. Sorted by row number.
    static func spreading(_ ranges: [MergedRange], over rows: [Int: Row]) -> [Row] {
        var byNumber = rows
        for range in ranges {
            guard let value = byNumber[range.top]?.cells[range.left] else { continue }
            for row in range.top...range.bottom {
                for column in range.left...range.right where (row, column) != (range.top, range.left) {
                    byNumber[row, default: Row(number: row, cells: [:])].cells[column] = value
                    byNumber[row]!.spread.insert(column)
                }
            }
        }
        return byNumber.values.sorted { $0.number < $1.number }
    }

    /// "H7": the column letters and the row number.
    package static func reference(column: Int, row: Int) -> String { columnName(column) + String(row) }

    /// 0 → "A", 25 → "Z", 26 → "AA".
    package static func columnName(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : columnName(index / 26 - 1) + columnName(index % 26)
    }

    /// Excel's own limits: 1,048,576 rows and 16,384 columns (A to XFD).
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384

    /// "H7" → (column 7, row 7); "$AB$12" → (27, 12); nil for anything else, and for a cell outside
    /// Excel's limits (no digit or letter count can overflow: at most 3 letters and 7 digits).
    package static func parseReference(_ text: String) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for scalar in text.unicodeScalars where scalar != "$" {
            switch scalar {
            case "A"..."Z" where digits == 0:
                letters += 1
                guard letters <= 3 else { return nil }
                column = column * 26 + Int(scalar.value - 64)
            case "0"..."9":
                digits += 1
                guard digits <= 7 else { return nil }
                row = row * 10 + Int(scalar.value - 48)
            default:
                return nil
            }
        }
        guard letters > 0, (1...maximumRows).contains(row), column <= maximumColumns else { return nil }
        return (column - 1, row)
    }
}
