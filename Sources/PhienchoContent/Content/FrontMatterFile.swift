import PhienchoCore

/// The first steps every content file with a status shares (vacancies, events, courses): split the
/// front matter, parse its YAML, and let a draft's problems be warnings, so a draft never blocks a
/// build. Until the YAML is parsed, a top-level `status: draft` line is taken at its word.
enum FrontMatterFile {
    /// The parsed front matter, or nil with its problems in `reader`.
    /// - Parameter strict: a draft's problems stay errors (`import` checks the files it writes).
    package static func parse(_ file: SourceFile, reader: inout FieldReader, strict: Bool = false) -> (root: YAMLNode, frontMatter: FrontMatter)? {
        guard let frontMatter = try? FrontMatter.split(file.text) else {
            reader.sink.demoteErrors = !strict && Vacancy.declaresDraft(file.text)
            _ = FrontMatter.split(file.text, missingOpeningMessage: "Tệp phải bắt đầu bằng một dòng “---”, tiếp theo là phần khai báo, rồi một dòng “---” nữa.",
                                  sink: &reader.sink)
            return nil
        }
        // The draft line matters only when the YAML cannot be read (a root comes back without any
        // diagnostic): then it is looked for, and the YAML parsed again to report at that severity.
        var parsing = DiagnosticSink(path: file.displayPath)
        guard let root = YAMLDocument.parse(frontMatter.yaml, firstLine: frontMatter.yamlFirstLine, sink: &parsing) else {
            reader.sink.demoteErrors = !strict && Vacancy.declaresDraft(frontMatter.yaml)
            let root = YAMLDocument.parse(frontMatter.yaml, firstLine: frontMatter.yamlFirstLine, sink: &reader.sink)
            if root == nil && reader.sink.diagnostics.isEmpty {
                reader.sink.error(.missingField, at: SourcePosition(line: 2, column: 1), "Phần khai báo đang trống.")
            }
            return nil
        }
        // Parsed: from here on the real `status` value decides.
        reader.sink.demoteErrors = !strict && root["status"]?.string == Vacancy.Status.draft.rawValue
        return (root, frontMatter)
    }
}
