import Foundation
import PhienchoCore
import PhienchoContent

/// Decides, row by row, which vacancy file a row writes and what the file says afterwards: a new
/// file as `phiencho new` writes one, filled in, or the matched file with the row's fields changed.
/// The finished text must pass the vacancy file's own validation (as if approved); a problem in a
/// field the row gave is reported at its cell.
struct ImportPlanner {
    let settings: ContentSettings
    let options: VacancyImport.Options
    let locator: ImportSheet.Locator
    let columns: [ImportColumn: Int]
    let today: LocalDate
    private let existing: ExistingVacancies
    private var takenIDs: Set<String>
    /// What each planned row targets (a file, a new id, an employer/title/commune) → its row.
    private var claimed: [String: Int] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    init(settings: ContentSettings, options: VacancyImport.Options, sheet: ImportSheet, locator: ImportSheet.Locator, today: LocalDate) {
        self.settings = settings
        self.options = options
        self.locator = locator
        self.columns = Dictionary(uniqueKeysWithValues: sheet.columns.map { ($0.value, $0.key) })
        self.today = today
        existing = ExistingVacancies(settings.loaded.vacancies, communes: settings.communes)
        takenIDs = existing.ids
    }

    enum Planned {
        case change(VacancyImport.Change)
        case unchanged
        /// The row has errors (reported).
        case rejected
    }

    /// The problems found since the last call.
    mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }

    mutating func plan(_ row: ImportedRow) -> Planned {
        var target: ExistingVacancies.File?
        if let id = row.id {
            guard Vacancy.isValidID(id), id.utf8.count <= Vacancy.maximumIDLength else {
                return reject(row, .id, .importInvalidValue, "Mã tin “\(id)” chỉ được gồm chữ cái không dấu, chữ số và dấu gạch ngang, không quá \(Vacancy.maximumIDLength) ký tự, ví dụ \(settings.site.idPrefix)-\(today.year)-001.")
            }
            target = existing.file(id: id)
        } else if !row.isNew, let title = row.title, let employer = row.employerName, let commune = row.commune {
            let matches = existing.files(employer: employer, title: title, commune: commune)
            if matches.count > 1 {
                return reject(row, .title, .importAmbiguousMatch, "có \(matches.count) tin cùng đơn vị, vị trí và xã/phường (\(matches.map(\.source.displayPath).joined(separator: ", "))): hãy ghi “Mã tin” của tin cần cập nhật.")
            }
            target = matches.first
            // A title edited in the file or the sheet: never a second vacancy without a word.
            let similar = target == nil ? existing.similar(employer: employer, title: title, commune: commune) : []
            if let first = similar.first {
                let id = first.id ?? "?"
                let others = similar.dropFirst().compactMap(\.id)
                return reject(row, columns[.id] == nil ? .title : .id, .importPossibleDuplicate,
                              "có thể trùng với \(id) (“\(first.root?["title"]?.string ?? "")”, tệp \(first.source.displayPath))\(others.isEmpty ? "" : " và " + others.joined(separator: ", ")): ghi Mã tin \(id) để cập nhật, hoặc ghi “mới” vào Mã tin để tạo tin mới.")
            }
        }
        guard !row.diagnostics.contains(where: { $0.severity == .error }) else {
            if target == nil { reportEmptyRequired(row) }
            return .rejected
        }
        let claim = target.map { "file:" + $0.source.relativePath }
            ?? row.id.map { "id:" + $0.lowercased() }
            ?? "key:" + ExistingVacancies.key(employer: row.employerName ?? "", title: row.title ?? "", commune: row.commune ?? settings.communes.terms[0])
        if let first = claimed[claim] {
            return reject(row, row.id == nil ? .title : .id, .importDuplicateRow, "dòng này trùng với dòng \(first) (cùng một tin). Hãy gộp hai dòng hoặc xóa một dòng.")
        }
        claimed[claim] = row.number
        if let target { return update(target, with: row) }
        return create(row)
    }

    /// Required cells left empty in a row that makes a new vacancy.
    private mutating func reportEmptyRequired(_ row: ImportedRow) {
        for column in row.emptyRequired {
            guard let index = columns[column] else { continue }
            diagnostics.append(locator.diagnostic(.error, .importEmptyCell, column: index, row: row.number,
                                                  "“\(column.title)” đang trống; tin mới bắt buộc phải có."))
        }
        let absent = row.emptyRequired.filter { columns[$0] == nil }.map { "“\($0.title)”" }
        if !absent.isEmpty {
            let id = row.id.map { "Mã tin “\($0)” chưa có tin nào, nên dòng này" } ?? "Dòng này không có mã tin nên"
            diagnostics.append(locator.diagnostic(.error, .importMissingColumn, column: columns[.id] ?? 0, row: row.number,
                                                  "\(id) tạo tin mới, mà bảng không có cột \(absent.joined(separator: ", ")). Hãy ghi đúng mã tin của một tin đã có, hoặc thêm các cột đó."))
        }
    }

    private mutating func create(_ row: ImportedRow) -> Planned {
        guard row.emptyRequired.isEmpty else {
            reportEmptyRequired(row)
            return .rejected
        }
        guard let title = row.title, let commune = row.commune else { return .rejected }
        let id = row.id ?? NewVacancy.nextID(prefix: settings.site.idPrefix, year: today.year, taken: takenIDs)
        takenIDs.insert(id.lowercased())
        let posted = value(row, "posted").flatMap(LocalDate.init(iso:)) ?? today
        var template = VacancyTemplate(id: id, title: title, posted: posted, commune: commune.name, sector: settings.sectors.terms[0].name)
        let sheetName = String(options.file.lastPathComponent.unicodeScalars.filter { $0.properties.generalCategory != .control }.map(Character.init))
        template.origin = "lệnh “phiencho import” từ bảng \(sheetName), dòng \(row.number),"
        template.created = today
        guard var editor = try? FrontMatterEditor(text: template.text) else { return .rejected }
        for assignment in row.assignments where assignment.path != "id" {
            try? editor.set(assignment.path, assignment.value.rendered)
        }
        if options.approve { try? editor.set("status", .scalar("approved")) }
        if let source = row.source { try? editor.set("internal.nguon", .list([VacancyTemplate.quoted(source)])) }
        if let description = row.description { editor.setBody(editor.body + description + "\n") }
        if let result = row.result { try? editor.set("results", Self.results([result])) }
        if !row.has("salary.min") && !row.has("salary.max") { editor.remove("salary") }
        for path in Self.optionalPaths where editor.isEmpty(path) { editor.remove(path) }
        if (row.has("salary.min") || row.has("salary.max")) && !row.has("salary.period") { warnDefaultPeriod(row) }
        // The import day's month, as `new` files a vacancy.
        let relative = String(format: "vacancies/%04d-%02d/", today.year, today.month) + template.fileName
        if FileManager.default.fileExists(atPath: options.content.url.appendingPathComponent(relative).path) {
            return reject(row, row.id == nil ? .title : .id, .importTargetFile, "tệp \(relative) đã có trong thư mục nội dung mà không mang mã tin \(id); chương trình không ghi đè. Hãy kiểm tra tệp đó.")
        }
        return finish(row, text: editor.text, relative: relative, kind: .created, columns: [], status: options.approve ? "approved" : "draft")
    }

    /// Fields a new file leaves out when the row does not give them (the template has them empty).
    private static let optionalPaths = ["salary.min", "salary.max", "employer.address", "employer.phone", "employer.email", "employer.website",
                                        "location.address", "requirements", "benefits", "tags", "apply", "internal", "results"]

    private mutating func update(_ file: ExistingVacancies.File, with row: ImportedRow) -> Planned {
        guard var editor = try? FrontMatterEditor(text: file.source.text), let root = file.root else {
            return reject(row, row.id == nil ? .title : .id, .importTargetFile, "tin này ở tệp \(file.source.displayPath), nhưng tệp đang có lỗi nên chưa cập nhật được. Hãy chạy “phiencho check”, sửa tệp, rồi nhập lại.")
        }
        var changed: [String] = []
        do {
            for assignment in row.assignments where assignment.path != "id" {
                let parts = assignment.path.split(separator: ".").map(String.init)
                let node = parts.count == 2 ? root[parts[0]]?[parts[1]] : root[parts[0]]
                guard !assignment.value.isSame(as: node) else { continue }
                try editor.set(assignment.path, assignment.value.rendered)
                changed.append(assignment.column.title)
            }
            if (row.has("salary.min") || row.has("salary.max")) && !row.has("salary.period") && root["salary"]?["period"] == nil {
                try editor.set("salary.period", .scalar("month"))
                warnDefaultPeriod(row)
            }
            if let source = row.source, let sources = Self.sources(root["internal"]?["nguon"], adding: source) {
                try editor.set("internal.nguon", .list(sources.map(VacancyTemplate.quoted)))
                changed.append(ImportColumn.source.title)
            }
            if options.approve && file.status != "approved" {
                try editor.set("status", .scalar("approved"))
                changed.append("Trạng thái")
            }
            if let result = row.result {
                let before = Self.results(in: root)
                let after = before.filter { $0.date != result.date } + [result]
                if Set(before.map(Self.resultKey)) != Set(after.map(Self.resultKey)) {
                    try editor.set("results", Self.results(after.sorted { $0.date < $1.date }))
                    changed.append(ImportColumn.hired.title)
                }
            }
        } catch {
            let parent = if case .flowStyle(let parent) = error { parent } else { "" }
            return reject(row, row.id == nil ? .title : .id, .importTargetFile, "trường “\(parent)” trong tệp \(file.source.displayPath) được viết trên một dòng ({…}), nên chương trình không sửa được. Hãy viết lại thành nhiều dòng như mẫu của “phiencho new”, rồi nhập lại.")
        }
        if let description = row.description {
            if Self.isBlankBody(editor.body) {
                editor.setBody(editor.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "\n" + description + "\n"
                                                                                             : editor.body + description + "\n")
                changed.append(ImportColumn.description.title)
            } else if Self.words(editor.body) != Self.words(description) {
                diagnostics.append(locator.diagnostic(.warning, .importKeptDescription, column: columns[.description]!, row: row.number,
                                                      "tệp \(file.source.displayPath) đã có mô tả công việc khác với ô này; chương trình giữ mô tả trong tệp. Muốn thay thì sửa trực tiếp trong tệp."))
            }
        }
        guard !changed.isEmpty else { return .unchanged }
        // Written back in the file's own form: BOM, line endings and body as they were.
        let url = options.content.url.appendingPathComponent(file.source.relativePath)
        let layout = FileManager.default.contents(atPath: url.path).flatMap { String(validating: $0, as: UTF8.self) }.flatMap(FileLayout.init(raw:))
        return finish(row, text: editor.text, relative: file.source.relativePath, kind: .updated, columns: changed,
                      status: options.approve ? "approved" : file.status ?? "draft",
                      written: layout.map { $0.restore(editor.text, body: editor.body) })
    }

    /// Validates the finished text as a vacancy file and makes the change, or reports its problems.
    /// `written`: the text to write when it differs from the validated one only in form (`FileLayout`).
    private mutating func finish(_ row: ImportedRow, text: String, relative: String, kind: VacancyImport.Change.Kind,
                                 columns changed: [String], status: String, written: String? = nil) -> Planned {
        let display = options.content.shown(relative)
        let source = SourceFile(relativePath: relative, displayPath: display, text: text)
        let (vacancy, found) = Vacancy.decode(source, communes: settings.communes, sectors: settings.sectors, strict: true)
        let editor = try? FrontMatterEditor(text: text)
        var hasErrors = false
        for diagnostic in found {
            let field = diagnostic.line.flatMap { editor?.field(atLine: $0) }
            let column = field.flatMap { field in
                field.top.isEmpty ? ImportColumn.description
                    : field.child.flatMap { ImportColumn.column(forField: field.top + "." + $0) } ?? ImportColumn.column(forField: field.top)
            }
            if let column, let index = row.filled[column] {
                // A plausibility warning keeps its own code (`check` gives the same one).
                let code = [.implausibleSalary, .hiresOverOpenings].contains(diagnostic.code) ? diagnostic.code : .importInvalidValue
                diagnostics.append(locator.diagnostic(diagnostic.severity, code, column: index, row: row.number, diagnostic.message))
                hasErrors = hasErrors || diagnostic.severity == .error
            } else {
                // A problem the file had before: as `check` reports it.
                var kept = diagnostic
                if status == "draft" { kept.severity = .warning }
                diagnostics.append(kept)
                hasErrors = hasErrors || kept.severity == .error
            }
        }
        guard !hasErrors else { return .rejected }
        if let vacancy, vacancy.expires < today, let index = self.columns[.expires], row.filled[.expires] != nil {
            diagnostics.append(locator.diagnostic(.warning, .importExpired, column: index, row: row.number,
                                                  "hạn nộp hồ sơ \(vacancy.expires.vietnamese) đã qua, nên tin sẽ không được đăng."))
        }
        let id = vacancy?.id ?? row.id ?? ""
        return .change(VacancyImport.Change(kind: kind, displayPath: display, id: id, row: row.number, columns: changed,
                                            url: options.content.url.appendingPathComponent(relative), text: written ?? text))
    }

    private func value(_ row: ImportedRow, _ path: String) -> String? {
        guard case .plain(let text)? = row.assignments.first(where: { $0.path == path })?.value else { return nil }
        return text
    }

    private mutating func reject(_ row: ImportedRow, _ column: ImportColumn, _ code: DiagnosticCode, _ message: String) -> Planned {
        diagnostics.append(locator.diagnostic(.error, code, column: columns[column] ?? 0, row: row.number, "“\(column.title)”: " + message))
        return .rejected
    }

    private mutating func warnDefaultPeriod(_ row: ImportedRow) {
        let index = row.filled[.salaryMin] ?? row.filled[.salaryMax] ?? 0
        diagnostics.append(locator.diagnostic(.warning, .importSalaryPeriod, column: index, row: row.number,
                                              "“Trả lương theo” đang trống, chương trình ghi là theo tháng. Nếu lương tính theo giờ hay theo ngày, hãy ghi vào cột “Trả lương theo”."))
    }

    /// A body with nothing but blank lines and HTML comments (the template's guiding line).
    static func isBlankBody(_ body: String) -> Bool { words(body).isEmpty }

    /// The words of a body outside HTML comments, NFC: what a reader would compare.
    static func words(_ body: String) -> [Substring] {
        var text = body
        while let open = text.range(of: "<!--"), let close = text[open.upperBound...].range(of: "-->") {
            text.replaceSubrange(open.lowerBound..<close.upperBound, with: " ")
        }
        return text.nfc.split(whereSeparator: \.isWhitespace)
    }

    /// `internal.nguon` with `source` added at the end, oldest first (a single text becomes the
    /// first item), or nil when it is already there (compared as people read it): the quarterly
    /// sheet and the sheet of hires both stay named, and re-importing adds nothing.
    static func sources(_ node: YAMLNode?, adding source: String) -> [String]? {
        let existing = node.map { node in node.sequence.map { $0.compactMap(\.string) } ?? node.string.map { [$0] } ?? [] } ?? []
        let cleaned = existing.map(FieldReader.cleaned).filter { !$0.isEmpty }
        let meaning = ImportedRow.FieldValue.meaning(source)
        guard !cleaned.contains(where: { ImportedRow.FieldValue.meaning($0) == meaning }) else { return nil }
        return cleaned + [source]
    }

    /// A result as people read it: the reporter's name in capitals is the same reporter.
    private static func resultKey(_ result: Vacancy.Result) -> String {
        "\(result.date.iso)|\(result.hired)|" + ImportedRow.FieldValue.meaning(result.by ?? "")
    }

    /// The `results` of a file as written (entries that cannot be read are left out: `check` reports them).
    static func results(in root: YAMLNode) -> [Vacancy.Result] {
        (root["results"]?.sequence ?? []).compactMap { entry in
            guard let date = entry["date"]?.string.flatMap(LocalDate.init(iso:)), let hired = entry["hired"]?.string.flatMap(Int.init) else { return nil }
            return Vacancy.Result(date: date, hired: hired, by: entry["by"]?.string.map(FieldReader.cleaned))
        }
    }

    static func results(_ results: [Vacancy.Result]) -> FrontMatterEditor.Value {
        .mappings(results.map { result in
            [("date", result.date.iso), ("hired", String(result.hired))] + (result.by.map { [("by", VacancyTemplate.quoted($0))] } ?? [])
        })
    }
}
