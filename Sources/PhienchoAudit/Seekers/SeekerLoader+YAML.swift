import PhienchoCore
import PhienchoContent

/// Seeker records written as YAML: a list of maps, read by the same tree builder as front matter
/// (anchors and aliases refused as they appear, so an alias bomb is harmless).
extension SeekerLoader {
    static func yamlRecords(_ text: String, file: String) -> Result<[SeekerRecord], Failure> {
        let notAList = Failure(line: nil, message: "Tệp hồ sơ YAML phải là một danh sách, mỗi hồ sơ là các dòng “cột: giá trị”; không thể kiểm tra rò rỉ.")
        let root: YAMLNode
        switch YAMLTreeBuilder.build(text) {
        case .empty: return .success([])
        case .document(let document): root = document
        case .problem(.anchorOrAlias(let line, _)):
            return .failure(Failure(line: line, message: "Tệp hồ sơ YAML không được dùng anchor (&) hay alias (*); hãy viết đầy đủ giá trị, nếu không thì không kiểm tra được rò rỉ."))
        case .problem(.syntax(let error)):
            // Only the line: the Vietnamese explanation quotes the line, and a seeker's values are never printed.
            return .failure(Failure(line: YAMLSyntaxMessage(error, yaml: text).line, message: "Sai cú pháp YAML ở dòng này (dấu hai chấm, thụt lề, dấu ngoặc kép), nên không đọc được hồ sơ để kiểm tra rò rỉ."))
        case .problem(.duplicateKeys(let duplicates)):
            return .failure(Failure(line: duplicates.first?.line, message: "Một cột được khai báo hai lần trong cùng một hồ sơ; hãy giữ lại một dòng để kiểm tra rò rỉ được."))
        case .problem(.unreadable):
            return .failure(notAList)
        }
        guard let sequence = root.sequence else { return .failure(notAList) }
        var records: [SeekerRecord] = []
        for (index, item) in sequence.enumerated() {
            guard let mapping = item.mapping else { continue }
            var fields: [(String, String)] = []
            // Nested maps and lists are flattened ("lien_he.dien_thoai"): a value the audit
            // does not see is a value it cannot protect.
            func collect(_ node: YAMLNode, _ column: String) {
                switch node.content {
                case .scalar(let text, _): fields.append((column, text))
                case .sequence(let items): items.forEach { collect($0, column) }
                case .mapping:
                    for (key, value) in node.mapping! {
                        guard let name = key.string else { continue }
                        collect(value, column + "." + name)
                    }
                }
            }
            for (key, value) in mapping {
                guard let column = key.string else { continue }
                collect(value, column)
            }
            let reference = fields.first { SensitiveColumn.classify($0.0) == .recordID }?.1.nonEmpty
                ?? "mục \(index + 1) (dòng \(item.line))"
            records.append(SeekerRecord(file: file, reference: reference, fields: fields))
        }
        return .success(records)
    }
}
