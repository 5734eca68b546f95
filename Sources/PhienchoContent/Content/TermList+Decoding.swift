import PhienchoCore
import PhienchoModel

extension TermList {
    /// Reads communes.yml (`isCommunes`) or sectors.yml: a list of maps; names unique, slugs unique.
    package static func decode(_ file: SourceFile, isCommunes: Bool) -> (TermList?, [Diagnostic]) {
        var reader = FieldReader(path: file.displayPath, firstLine: 1)
        guard let root = YAMLDocument.parse(file.text, firstLine: 1, sink: &reader.sink) else {
            if reader.sink.diagnostics.isEmpty {
                reader.sink.error(.emptyFile, at: nil, "Tệp chỉ có dòng chú thích, chưa có danh sách nào.")
            }
            return (nil, reader.sink.diagnostics)
        }
        guard let sequence = root.sequence else {
            reader.sink.error(.wrongType, at: reader.position(root), "Tệp phải là một danh sách, mỗi mục bắt đầu bằng “- name: …”.")
            return (nil, reader.sink.diagnostics)
        }
        let allowed = isCommunes ? ["name", "kind", "code"] : ["name"]
        var terms: [Term] = []
        var bySlug: [String: String] = [:]
        for item in sequence {
            guard let fields = reader.fields(item, name: "", allowed: allowed, required: isCommunes ? ["name", "kind"] : ["name"]),
                  let name = reader.string(fields, "name") else { continue }
            var kind = Term.Kind.sector
            if isCommunes {
                guard let communeKind = reader.choice(fields, "kind", ["xã": Term.Kind.xa, "phường": .phuong, "đặc khu": .dacKhu]) else { continue }
                kind = communeKind
            }
            let code = fields.values["code"] == nil ? nil : reader.string(fields, "code")
            let term = Term(name: name, kind: kind, code: code)
            let position = fields.values["name"].flatMap(reader.position)
            if term.slug.isEmpty {
                reader.sink.error(.invalidChoice, at: position, "Tên “\(name)” phải có ít nhất một chữ cái hoặc chữ số.")
            } else if let other = bySlug[term.slug] {
                let code: DiagnosticCode = Term.matchKey(other) == Term.matchKey(name) ? .duplicateName : .duplicateSlug
                reader.sink.error(code, at: position, "Tên “\(name)” trùng với “\(other)” (cùng địa chỉ trang “\(term.slug)”). Mỗi tên chỉ khai báo một lần.")
            } else {
                bySlug[term.slug] = name
                terms.append(term)
            }
        }
        if terms.isEmpty && !reader.sink.hasErrors {
            reader.sink.error(.emptyFile, at: nil, "Danh sách đang trống.")
        }
        return (reader.sink.hasErrors ? nil : TermList(terms), reader.sink.diagnostics)
    }
}
