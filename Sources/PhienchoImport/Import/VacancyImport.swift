import Foundation
import PhienchoAudit
import PhienchoContent
import PhienchoCore
import PhienchoSpreadsheets

/// `phiencho import FILE`: the quarterly spreadsheet of vacancies ("việc tìm người") the communes'
/// police send becomes vacancy files, one per row — a new draft file as `phiencho new` writes one,
/// or an update of the file the row names.
///
/// The stages: read the workbook (or CSV) → find the sheet and its columns, refusing a list of
/// people → read every row → plan each file (match, fill, validate as a vacancy file) → write all
/// files at once, or none. Every problem of every row is reported in one run, at its cell.
public struct VacancyImport {
    public struct Options: Sendable {
        public var file: URL
        /// The file as staff typed it, the start of every cell's location.
        public var fileDisplay: String
        package var content: Folder
        /// The import day (new vacancies' default `posted`, ids' year); default today in the site's time zone.
        public var today: LocalDate?
        public var dryRun: Bool
        /// Writes `status: approved` instead of `draft`.
        public var approve: Bool

        package init(file: URL, fileDisplay: String, content: Folder, today: LocalDate? = nil, dryRun: Bool = false,
                     approve: Bool = false) {
            self.file = file
            self.fileDisplay = fileDisplay
            self.content = content
            self.today = today
            self.dryRun = dryRun
            self.approve = approve
        }
    }

    /// One file the import writes (or, with `dryRun`, would write).
    public struct Change: Sendable, Equatable {
        public enum Kind: Sendable { case created, updated }
        public var kind: Kind
        public var displayPath: String
        public var id: String
        public var row: Int
        /// The column titles whose values changed the file (an update).
        public var columns: [String]
        var url: URL
        package var text: String
    }

    public struct Outcome: Sendable {
        public var changes: [Change] = []
        /// Rows that matched a file and changed nothing in it.
        public var unchanged = 0
        public var rows = 0
        public var diagnostics: [Diagnostic] = []
        /// Whether the files were written (false after any error, and with `dryRun`).
        public var written = false
        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
        /// The process's exit status: 1 for errors in the sheet or the content, 2 when the files
        /// could not be written (PC601, nothing left half-written), else 0 (as `build`).
        public var exitStatus: Int32 { diagnostics.exitStatus }
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    public func run() -> Outcome {
        var outcome = Outcome()
        let settings: ContentSettings
        switch ContentSettings.load(content: options.content) {
        case .success(let loaded): settings = loaded
        case .failure(let problems):
            outcome.diagnostics = problems.list
            return outcome
        }
        let spreadsheet: Spreadsheet
        switch readSpreadsheet() {
        case .success(let read): spreadsheet = read
        case .failure(let problem):
            outcome.diagnostics = [problem.diagnostic]
            return outcome
        }
        let sheet: ImportSheet
        switch ImportSheet.locate(in: spreadsheet, file: options.fileDisplay, isCSV: isCSV) {
        case .found(let found, let warnings):
            sheet = found
            outcome.diagnostics = warnings
        case .failure(let problems):
            outcome.diagnostics = problems
            return outcome
        }
        let locator = sheet.locator
        let dates = ImportDateReview(sheet, today: options.today ?? LocalDate.today(in: settings.site.timeZone))
        outcome.diagnostics += dates.columns
        let rows = sheet.rows.map { ImportedRow($0, sheet: sheet, locator: locator, communes: settings.communes, sectors: settings.sectors) }
        outcome.rows = rows.count
        var planner = ImportPlanner(settings: settings, options: options, sheet: sheet, locator: locator,
                                    today: options.today ?? LocalDate.today(in: settings.site.timeZone))
        for row in rows {
            switch planner.plan(row) {
            case .change(let change): outcome.changes.append(change)
            case .unchanged: outcome.unchanged += 1
            case .rejected: break
            }
            // A row's problems left to right, as staff read the row.
            outcome.diagnostics += (row.diagnostics + dates.rows[row.number, default: []] + planner.takeDiagnostics()).enumerated().sorted { lhs, rhs in
                (locator.column(of: lhs.element) ?? Int.max, lhs.offset) < (locator.column(of: rhs.element) ?? Int.max, rhs.offset)
            }.map(\.element)
        }
        guard outcome.errorCount == 0, !options.dryRun else { return outcome }
        do {
            try ImportWriter.write(outcome.changes, inside: options.content.url)
            outcome.written = true
        } catch {
            outcome.diagnostics.append(Diagnostic(.error, .outputProblem, path: options.content.shown, error.message))
        }
        return outcome
    }

    /// How to turn an old `.xls` (or anything else) into a workbook the import reads, in both programs.
    static let saveAsXLSX = "Tệp .xls (Excel 97–2003) không đọc được: hãy lưu lại thành .xlsx. Trong LibreOffice Calc: mở tệp → Tệp (File) → Lưu thành (Save As) → ở “Kiểu tệp” chọn “Excel 2007-365 (.xlsx)” → Lưu → chọn “Dùng định dạng Excel 2007-365!”. Trong Excel: mở tệp → Tệp (File) → Lưu thành (Save As) → Duyệt (Browse) → ở “Lưu dưới dạng” (Save as type) chọn “Sổ làm việc Excel (*.xlsx)” → Lưu (Save). Rồi nhập tệp .xlsx vừa lưu."

    private var isCSV: Bool { options.file.pathExtension.lowercased() == "csv" }

    struct ReadProblem: Error {
        var diagnostic: Diagnostic
    }

    private func readSpreadsheet() -> Result<Spreadsheet, ReadProblem> {
        func problem(_ message: String) -> Result<Spreadsheet, ReadProblem> {
            .failure(ReadProblem(diagnostic: Diagnostic(.error, .importUnreadable, path: options.fileDisplay, message)))
        }
        let kind = options.file.pathExtension.lowercased()
        if kind == "xls" { return problem(Self.saveAsXLSX) }
        guard ["xlsx", "ods", "csv"].contains(kind) else {
            return problem("Chỉ nhập được tệp .xlsx, .ods hoặc .csv. " + Self.saveAsXLSX)
        }
        let unreadable = "Không đọc được tệp: hãy kiểm tra tên và đường dẫn của tệp."
        // A workbook is read from its file (`XLSXReader.read(contentsOf:)`), never loaded here first.
        if kind == "xlsx" || kind == "ods" {
            var folder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: options.file.path, isDirectory: &folder), !folder.boolValue,
                  FileManager.default.isReadableFile(atPath: options.file.path) else { return problem(unreadable) }
            do {
                return .success(kind == "ods" ? try ODSReader.read(contentsOf: options.file) : try XLSXReader.read(contentsOf: options.file))
            } catch {
                switch error {
                case .notAWorkbook:
                    return problem("Tệp không phải bảng tính .\(kind) (có thể là tệp .xls cũ, tệp đặt mật khẩu, hoặc bị đổi đuôi). " + Self.saveAsXLSX)
                case .damaged(let part):
                    return problem("Tệp .\(kind) bị hỏng (phần \(part) không đọc được). Hãy mở bằng Excel hay LibreOffice Calc và lưu lại.")
                case .refused(let reason):
                    return problem("Không nhập tệp này vì \(reason). Hãy mở bằng Excel hay LibreOffice Calc, kiểm tra và lưu lại; nếu vẫn vậy, hãy báo cán bộ kỹ thuật.")
                }
            }
        }
        guard let data = FileManager.default.contents(atPath: options.file.path) else { return problem(unreadable) }
        guard let text = String(validating: data, as: UTF8.self) else {
            let named = TextEncoding.guess(data).map { " Tệp có vẻ được lưu bằng bảng mã \($0.name)." } ?? ""
            return problem("Tệp CSV không phải UTF-8.\(named) Trong Excel chọn Lưu thành → “CSV UTF-8 (Comma delimited)”; trong LibreOffice chọn “Văn bản CSV” với bộ ký tự “Unicode (UTF-8)”.")
        }
        let parsed = CSVParser.read(text, keepBlankRows: true)
        if let quote = parsed.problem {
            let line = switch quote { case .unterminatedQuote(let line), .strayQuote(let line): line }
            return problem("Dấu ngoặc kép mở ở dòng \(line) không được đóng đúng chỗ, nên các dòng sau bị dính vào một ô. Hãy mở tệp bằng Excel hay LibreOffice Calc và lưu lại dạng CSV.")
        }
        let rows = parsed.rows.enumerated().compactMap { index, row -> Spreadsheet.Row? in
            let cells = Dictionary(uniqueKeysWithValues: row.cells.enumerated().filter { !$0.element.isEmpty }.map { ($0.offset, Spreadsheet.Cell.text($0.element)) })
            return cells.isEmpty ? nil : Spreadsheet.Row(number: index + 1, cells: cells)
        }
        return .success(Spreadsheet(sheets: [Spreadsheet.Sheet(name: options.file.deletingPathExtension().lastPathComponent, rows: rows)]))
    }
}
