import PhienchoCore
import PhienchoModel

extension SynonymList {
    /// Reads the list: a YAML list of groups, each a list of at least two phrases; a phrase in one
    /// group only (compared as search terms, so "Tài xế" and "tai xe" are one phrase).
    package static func decode(_ file: SourceFile) -> (SynonymList?, [Diagnostic]) {
        var reader = FieldReader(path: file.displayPath, firstLine: 1)
        guard let root = YAMLDocument.parse(file.text, firstLine: 1, sink: &reader.sink) else {
            return (reader.sink.diagnostics.isEmpty ? .empty : nil, reader.sink.diagnostics)
        }
        guard let items = root.sequence else {
            reader.sink.error(.wrongType, at: reader.position(root),
                              "Tệp phải là danh sách các nhóm, mỗi nhóm một dòng, ví dụ: - [lái xe, tài xế].")
            return (nil, reader.sink.diagnostics)
        }
        var groups: [[[SearchTokenizer.Word]]] = []
        var seen: [[String]: String] = [:]
        for item in items {
            guard let phrases = item.sequence, phrases.count >= 2 else {
                reader.sink.error(.wrongType, at: reader.position(item),
                                  "Mỗi nhóm là một danh sách từ hai từ trở lên cùng nghĩa, ví dụ: - [lái xe, tài xế].")
                continue
            }
            var group: [[SearchTokenizer.Word]] = []
            for phrase in phrases {
                guard let text = reader.string(phrase, path: "nhóm từ") else { continue }
                let words = SearchTokenizer.words(text)
                let terms = words.map(\.term)
                if terms.isEmpty {
                    reader.sink.error(.invalidChoice, at: reader.position(phrase), "“\(text)” phải có ít nhất một chữ cái hoặc chữ số.")
                } else if let other = seen[terms] {
                    reader.sink.error(.duplicateName, at: reader.position(phrase),
                                      "“\(text)” đã có trong nhóm của “\(other)”. Mỗi từ chỉ thuộc một nhóm: gộp hai nhóm lại.")
                } else {
                    seen[terms] = text
                    group.append(words)
                }
            }
            if group.count >= 2 { groups.append(group) }
        }
        return (reader.sink.hasErrors ? nil : SynonymList(phrases: groups), reader.sink.diagnostics)
    }
}
