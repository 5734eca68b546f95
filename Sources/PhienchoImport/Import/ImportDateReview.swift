import PhienchoCore
import PhienchoSpreadsheets
import PhienchoContent

/// The sheet's dates read against the import day, column by column, before any row is planned:
///
/// - a posting date or deadline more than three months from the import day is a warning (PC321),
///   with the date's day and month exchanged as "Có phải là …?" when that reading is near;
/// - a result dated after the import day is an error (PC322): nothing in the future is counted;
/// - a column that mixes the spreadsheet's own dates with dates written as text, the way a
///   spreadsheet with US settings opens a CSV of day-first dates (each one whose day is at most 12
///   becomes a US date, so its month is at most 12 after the swap; the others stay text), is a
///   warning at its header, saying which reading was used and why.
struct ImportDateReview {
    /// Warnings about whole columns, at their header cell.
    var columns: [Diagnostic] = []
    /// The problems of each row's date cells, by row number.
    var rows: [Int: [Diagnostic]] = [:]

    init(_ sheet: ImportSheet, today: LocalDate) {
        for (index, column) in sheet.columns.sorted(by: { $0.key < $1.key }) where [.posted, .expires, .resultDate].contains(column) {
            // The US-settings pattern: every date cell's day is at most 12 (it was the month) and
            // every text date's day is over 12 (no US date could be made of it).
            var firstValue: Int?, firstText: Int?, isUSPattern = true
            for row in sheet.rows {
                guard let cell = row.cells[index], case .value(let date) = CellValue.date(cell) else { continue }
                if CellValue.isDateValue(cell) {
                    firstValue = firstValue ?? row.number
                    isUSPattern = isUSPattern && date.day <= 12
                } else {
                    firstText = firstText ?? row.number
                    isUSPattern = isUSPattern && date.day > 12
                }
                if let problem = Self.problem(date, column: column, today: today) {
                    rows[row.number, default: []].append(sheet.locator.diagnostic(problem.severity, problem.code, column: index, row: row.number,
                                                                                   "“\(column.title)”: " + problem.message))
                }
            }
            if let firstValue, let firstText, isUSPattern {
                columns.append(sheet.locator.diagnostic(.warning, .implausibleDate, column: index, row: sheet.header,
                    "Cột “\(column.title)” vừa có ô là ngày của bảng tính (như ô \(Spreadsheet.reference(column: index, row: firstValue))) vừa có ô ghi ngày bằng chữ (như ô \(Spreadsheet.reference(column: index, row: firstText))). Thường do tệp CSV được mở bằng bảng tính đặt kiểu Mỹ (tháng/ngày/năm): ngày nào có số ngày từ 12 trở xuống bị đảo ngày và tháng, ngày khác giữ dạng chữ. Chương trình đọc ô ngày theo bảng tính, ô chữ theo ngày/tháng/năm; hãy kiểm tra các ô được cảnh báo, hoặc đặt bảng tính sang tiếng Việt rồi mở lại tệp CSV (xem hướng dẫn cho nhân viên)."))
            }
        }
    }

    private static func problem(_ date: LocalDate, column: ImportColumn, today: LocalDate) -> (severity: Diagnostic.Severity, code: DiagnosticCode, message: String)? {
        let likely = DatePlausibility.nearSwap(date, today).map { " Có phải là \($0.vietnamese) (ngày và tháng bị đảo)?" } ?? ""
        if column == .resultDate {
            guard date > today else { return nil }
            return (.error, .futureResult, "ngày báo kết quả \(date.vietnamese) đang sau ngày nhập (\(today.vietnamese)); kết quả chưa xảy ra thì không được tính.\(likely)")
        }
        guard DatePlausibility.isFar(date, from: today) else { return nil }
        return (.warning, .implausibleDate, "ngày \(date.vietnamese) cách ngày nhập (\(today.vietnamese)) hơn 3 tháng; hãy kiểm tra.\(likely)")
    }
}
