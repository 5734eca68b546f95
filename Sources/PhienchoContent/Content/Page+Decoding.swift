import PhienchoCore
import PhienchoModel

extension Page {
    package static func decode(_ file: SourceFile) -> (Page?, [Diagnostic]) {
        var reader = FieldReader(path: file.displayPath, firstLine: 2)
        guard let frontMatter = FrontMatter.split(file.text, missingOpeningMessage: "Trang phải bắt đầu bằng “---”, dòng “title: Tên trang”, rồi “---”.",
                                                  sink: &reader.sink) else {
            return (nil, reader.sink.diagnostics)
        }
        guard let root = YAMLDocument.parse(frontMatter.yaml, firstLine: frontMatter.yamlFirstLine, sink: &reader.sink) else {
            // An empty block (or only comments) parses to no document at all: say what is missing
            // rather than dropping the page without a word.
            if reader.sink.diagnostics.isEmpty {
                reader.sink.error(.missingField, at: SourcePosition(line: frontMatter.yamlFirstLine, column: 1),
                                  "Phần khai báo đang trống; thiếu trường bắt buộc “title” (tên trang).")
            }
            return (nil, reader.sink.diagnostics)
        }
        guard let fields = reader.fields(root, name: "", allowed: ["title"], required: ["title"]) else {
            return (nil, reader.sink.diagnostics)
        }
        let title = reader.string(fields, "title")
        let name = String(file.relativePath.split(separator: "/").last!.dropLast(3))
        let slug = Slug.make(name)
        if slug.isEmpty || Routes.reserved.contains(slug) {
            reader.sink.error(.duplicateSlug, at: nil,
                              "Tên tệp “\(name).md” không dùng được làm địa chỉ trang; hãy đổi tên tệp (ví dụ gioi-thieu.md).")
        }
        let content = Markdown.render(frontMatter.body, firstLine: frontMatter.bodyFirstLine, topHeadingLevel: 2, sink: &reader.sink)
        guard !reader.sink.hasErrors, let title else { return (nil, reader.sink.diagnostics) }
        return (Page(title: title, slug: slug, contentHTML: content.html, contentText: content.text,
                     sourcePath: file.displayPath), reader.sink.diagnostics)
    }
}
