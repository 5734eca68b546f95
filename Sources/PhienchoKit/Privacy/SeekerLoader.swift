import Foundation
import Yams

/// Reads the confidential seeker records under `content/seekers/`: `*.csv` (a header row) and
/// `*.yml`/`*.yaml` (a list of maps). Used by the leak audit only. A seeker file that cannot be read
/// stops the build: an audit that silently skipped records would give false comfort. For the same
/// reason a spreadsheet saved in another format (xlsx, xls, ods …) is an error, not ignored; other
/// files (README.txt) are.
public struct SeekerLoader {
    static let spreadsheetExtensions = [".xlsx", ".xlsm", ".xls", ".ods", ".numbers", ".tsv"]

    let folder: URL
    let displayFolder: String

    public init(contentDirectory: URL, displayRoot: String) {
        folder = contentDirectory.appendingPathComponent("seekers")
        displayFolder = (displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/") + "seekers"
    }

    public func load() -> (records: [SeekerRecord], diagnostics: [Diagnostic]) {
        var records: [SeekerRecord] = []
        var diagnostics: [Diagnostic] = []
        for relative in Theme.files(under: folder) {
            let lower = relative.lowercased()
            let isCSV = lower.hasSuffix(".csv")
            let shown = "\(displayFolder)/\(relative)"
            if Self.spreadsheetExtensions.contains(where: lower.hasSuffix) {
                diagnostics.append(Diagnostic(.error, .seekerFileUnreadable, path: shown,
                                              "phiencho chỉ đọc hồ sơ người tìm việc dạng CSV (UTF-8) hoặc YAML; tệp này không kiểm tra được rò rỉ. Trong Excel chọn Lưu thành “CSV UTF-8 (phân tách bằng dấu phẩy)”, rồi xóa tệp này khỏi thư mục."))
                continue
            }
            guard isCSV || lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") else { continue }
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path),
                  let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(Diagnostic(.error, .seekerFileUnreadable, path: shown,
                                              "Không đọc được tệp hồ sơ người tìm việc (cần văn bản UTF-8); không thể kiểm tra rò rỉ."))
                continue
            }
            if isCSV {
                records += csvRecords(text, file: shown)
            } else {
                let (yamlRecords, problem) = yamlRecords(text, file: shown)
                records += yamlRecords
                if let problem { diagnostics.append(problem) }
            }
        }
        return (records, diagnostics)
    }

    private func csvRecords(_ text: String, file: String) -> [SeekerRecord] {
        let rows = CSVParser.parse(text)
        guard let header = rows.first?.cells.map({ $0.trimmingCharacters(in: .whitespaces) }) else { return [] }
        let idColumn = header.firstIndex { SensitiveColumn.classify($0) == .recordID }
        return rows.dropFirst().map { row in
            var fields: [(String, String)] = []
            for (index, value) in row.cells.enumerated() {
                fields.append((index < header.count ? header[index] : "cột \(index + 1)", value))
            }
            let reference = idColumn.flatMap { $0 < row.cells.count ? row.cells[$0] : nil }.flatMap(\.nonEmpty) ?? "dòng \(row.line)"
            return SeekerRecord(file: file, reference: reference, fields: fields)
        }
    }

    private func yamlRecords(_ text: String, file: String) -> ([SeekerRecord], Diagnostic?) {
        // Anchors and aliases are refused before composing, as in front matter (an alias bomb would hang Yams).
        guard YAMLDocument.firstAnchorOrAlias(in: text) == nil,
              let root = try? Yams.compose(yaml: text, .basic), let sequence = root.sequence else {
            return ([], Diagnostic(.error, .seekerFileUnreadable, path: file,
                                   "Tệp hồ sơ YAML phải là một danh sách, mỗi hồ sơ là các dòng “cột: giá trị”; không thể kiểm tra rò rỉ."))
        }
        var records: [SeekerRecord] = []
        for (index, item) in sequence.enumerated() {
            guard let mapping = item.mapping else { continue }
            var fields: [(String, String)] = []
            // Nested maps and lists are flattened ("lien_he.dien_thoai"): a value the audit
            // does not see is a value it cannot protect.
            func collect(_ node: Node, _ column: String) {
                if let scalar = node.scalar { fields.append((column, scalar.string)) }
                else if let list = node.sequence { list.forEach { collect($0, column) } }
                else if let map = node.mapping {
                    for (key, value) in map {
                        guard let name = key.scalar?.string else { continue }
                        collect(value, column + "." + name)
                    }
                }
            }
            for (key, value) in mapping {
                guard let column = key.scalar?.string else { continue }
                collect(value, column)
            }
            let reference = fields.first { SensitiveColumn.classify($0.0) == .recordID }?.1.nonEmpty
                ?? "mục \(index + 1)" + (item.mark.map { " (dòng \($0.line))" } ?? "")
            records.append(SeekerRecord(file: file, reference: reference, fields: fields))
        }
        return (records, nil)
    }
}
