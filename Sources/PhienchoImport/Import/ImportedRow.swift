import PhienchoContent
import PhienchoCore
import PhienchoModel
import PhienchoSpreadsheets

/// One data row of the quarterly sheet, read cell by cell into the vacancy fields it gives. Empty
/// cells give nothing: an update keeps what the file has for them.
struct ImportedRow {
    /// A field the row gives, by its path in the vacancy file.
    struct Assignment {
        var column: ImportColumn
        var path: String
        package var value: FieldValue
    }

    /// A value as the file holds it, compared by meaning (not spelling) with what a file has.
    enum FieldValue: Equatable {
        /// Text, written in double quotes.
        case text(String)
        /// A number, a date or a word of the format (`full_time`), written as it is.
        case plain(String)
        case list([String])

        var rendered: FrontMatterEditor.Value {
            switch self {
            case .text(let text): .scalar(VacancyTemplate.quoted(text))
            case .plain(let text): .scalar(text)
            case .list(let items): .list(items.map(VacancyTemplate.quoted))
            }
        }

        /// Text as people read it: NFC, case and spacing aside, diacritics kept.
        static func meaning(_ text: String) -> String {
            FieldReader.cleaned(text).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }

        /// Whether a file's node already says the same: text compared as people read it (case,
        /// Unicode form and spacing aside, diacritics kept), so a row typed in capitals or with
        /// double spaces never rewrites what the file says.
        func isSame(as node: YAMLNode?) -> Bool {
            guard let node else { return false }
            func meaning(_ text: String?) -> String? { text.map(FieldValue.meaning) }
            switch self {
            case .text(let text): return meaning(node.string) == meaning(text)
            case .plain(let text): return node.string.map(FieldReader.cleaned) == text
            case .list(let items): return node.sequence?.map { meaning($0.string) } == items.map(meaning)
            }
        }
    }

    var number: Int
    var id: String?
    /// Mã tin says "mới": a new vacancy, never matched with one the content has.
    var isNew = false
    static let newWords: Set<String> = ["moi", "tinmoi", "taomoi", "new"]
    var title: String?
    var employerName: String?
    var commune: Term?
    package var description: String?
    /// "Nguồn": who sent the row, added to the file's `internal.nguon` and the result's `by`.
    var source: String?
    var result: Vacancy.Result?
    var assignments: [Assignment] = []
    /// The columns whose cell is filled, for the validation of the finished file to name a cell.
    var filled: [ImportColumn: Int] = [:]
    /// Required columns whose cell is empty: an error only when the row makes a new vacancy.
    var emptyRequired: [ImportColumn] = []
    var diagnostics: [Diagnostic] = []

    func has(_ path: String) -> Bool { assignments.contains { $0.path == path } }

    init(_ row: Spreadsheet.Row, sheet: ImportSheet, locator: ImportSheet.Locator, communes: TermList, sectors: TermList) {
        number = row.number
        var hired: Int?
        var resultDate: LocalDate?
        for (index, column) in sheet.columns.sorted(by: { $0.key < $1.key }) {
            let cell = row.cells[index]
            guard let cell, let text = CellValue.text(cell) else {
                if column.isRequired { emptyRequired.append(column) }
                continue
            }
            filled[column] = index
            func problem(_ code: DiagnosticCode, _ message: String, _ severity: Diagnostic.Severity = .error) {
                diagnostics.append(locator.diagnostic(severity, code, column: index, row: row.number, "“\(column.title)”: " + message.prefix(1).lowercased() + message.dropFirst()))
            }
            func assign(_ value: FieldValue) { assignments.append(Assignment(column: column, path: column.fieldPath!, value: value)) }
            // A formula that failed (#N/A, #REF! …) is never a value: not an employer named "#N/A".
            if case .error(let value) = cell {
                problem(.importFormulaError, "Ô đang báo lỗi \(value) của công thức. Hãy sửa công thức, hoặc ghi giá trị thật vào ô.")
                continue
            }
            let line = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            switch column {
            case .id:
                // "mới": a new vacancy, even beside one that looks the same.
                if Self.newWords.contains(ImportColumn.key(line)) {
                    isNew = true
                } else {
                    id = line
                    assign(.plain(line))
                }
            case .title:
                title = line
                assign(.text(line))
            case .employerName:
                employerName = line
                assign(.text(line))
            case .employerAddress, .workAddress, .employerEmail, .employerWebsite, .apply, .note:
                assign(.text(line))
            case .source:
                // Written by the planner: `internal.nguon` keeps every source (`ImportPlanner.sources`).
                source = line
            case .employerPhone:
                guard let phone = CellValue.phone(cell) else { continue }
                if phone.restored {
                    problem(.importPhoneRestored, "số “\(text)” mất số 0 ở đầu (thường do ô định dạng số), chương trình ghi lại là “\(phone.text)”. Hãy kiểm tra, và định dạng cột này là Văn bản (Text).", .warning)
                }
                assign(.text(phone.text))
            case .commune, .sector:
                let list = column == .commune ? communes : sectors
                if let term = list.lookup(line) {
                    if column == .commune { commune = term }
                    assign(.text(term.name))
                } else {
                    let file = column == .commune ? "communes.yml" : "sectors.yml"
                    problem(.importUnknownTerm, "“\(line)” không có trong \(file)." + (list.suggestion(for: line).map { " Có phải là “\($0)”?" } ?? ""))
                }
            case .employmentType, .salaryPeriod:
                let words = column == .employmentType ? CellValue.employmentTypes : CellValue.salaryPeriods
                if let value = CellValue.choice(line, words) {
                    assign(.plain(value))
                } else {
                    problem(.importInvalidChoice, "không hiểu “\(line)”; hãy chọn một trong: \(words.map { $0.words[0] }.joined(separator: ", ")).")
                }
            case .openings, .salaryMin, .salaryMax, .hired:
                if column == .salaryMin || column == .salaryMax, ImportColumn.key(line).hasPrefix("thoathuan") { continue }
                switch CellValue.integer(cell) {
                case .value(let number):
                    if column == .hired { hired = number } else { assign(.plain(String(number))) }
                case .problem(let message): problem(.importInvalidNumber, message)
                }
            case .posted, .expires, .resultDate:
                switch CellValue.date(cell) {
                case .value(let date):
                    if column == .resultDate { resultDate = date } else { assign(.plain(date.iso)) }
                case .problem(let message): problem(.importInvalidDate, message)
                }
            case .requirements, .benefits:
                let items = CellValue.lines(text)
                if !items.isEmpty { assign(.list(items)) }
            case .description:
                description = text
            }
        }
        let present = Set(sheet.columns.values)
        emptyRequired += ImportColumn.templateColumns.filter { $0.isRequired && !present.contains($0) }
        switch (hired, resultDate) {
        case (0, _?):
            break
        case let (hired?, date?):
            result = Vacancy.Result(date: date, hired: hired, by: source)
        case (_?, nil), (nil, _?):
            let missing: ImportColumn = hired == nil ? .hired : .resultDate
            let present = filled[hired == nil ? .resultDate : .hired]!
            diagnostics.append(locator.diagnostic(.error, .importEmptyCell, column: sheet.columns.first { $0.value == missing }!.key, row: row.number,
                                                  "“\(missing.title)” đang trống, trong khi ô \(Spreadsheet.reference(column: present, row: row.number)) đã ghi. Báo kết quả cần cả số người đã tuyển và ngày báo."))
        default:
            break
        }
    }
}
