import Yams

/// Parses one YAML text (a front matter block or a whole `.yml` file) with Yams and reports problems
/// at file positions. Anchors and aliases are refused: staff never need them, and refusing them is
/// what makes an alias bomb ("billion laughs") harmless.
enum YAMLDocument {
    /// - Parameter firstLine: file line number of the YAML's first line.
    static func parse(_ yaml: String, firstLine: Int, sink: inout DiagnosticSink) -> Node? {
        let offset = firstLine - 1
        if let tab = firstIndentationTab(in: yaml) {
            sink.error(.tabIndentation, at: SourcePosition(line: tab.line + offset, column: tab.column),
                       "Dòng này thụt lề bằng phím Tab. Hãy dùng dấu cách (phím Space) để thụt lề.")
            return nil
        }
        do {
            let parser = try Parser(yaml: yaml)
            return try withExtendedLifetime(parser) {
                guard let root = try parser.singleRoot() else { return nil }
                if let anchored = firstAnchoredNode(root) {
                    sink.error(.yamlAnchor, at: position(of: anchored, offset: offset),
                               "Không dùng anchor (&) hay alias (*) trong phần khai báo; hãy viết đầy đủ giá trị.")
                    return nil
                }
                return root
            }
        } catch let error as YamlError {
            report(error, yaml: yaml, offset: offset, sink: &sink)
        } catch {
            sink.error(.yamlSyntax, at: nil, "Không đọc được phần khai báo YAML.")
        }
        return nil
    }

    static func position(of node: Node, offset: Int) -> SourcePosition? {
        node.mark.map { SourcePosition(line: $0.line + offset, column: $0.column) }
    }

    private static func report(_ error: YamlError, yaml: String, offset: Int, sink: inout DiagnosticSink) {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            sink.error(.yamlSyntax, at: SourcePosition(line: mark.line + offset, column: mark.column),
                       "Sai cú pháp YAML (\(problem)). Kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép ở dòng này hoặc dòng trên.")
        case let .duplicatedKeysInMapping(duplicates, context):
            for key in duplicates {
                let line = secondOccurrence(ofKey: key, in: yaml) ?? context.mark.line
                sink.error(.duplicateKey, at: SourcePosition(line: line + offset, column: 1),
                           "Trường “\(key)” được khai báo hai lần. Hãy giữ lại một dòng.")
            }
        case let .reader(problem, _, _, _):
            sink.error(.yamlSyntax, at: nil, "Không đọc được phần khai báo YAML (\(problem)).")
        default:
            sink.error(.yamlSyntax, at: nil, "Không đọc được phần khai báo YAML.")
        }
    }

    /// 1-based line and column of the first tab in a line's indentation.
    private static func firstIndentationTab(in yaml: String) -> (line: Int, column: Int)? {
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var column = 1
            for character in line {
                if character == "\t" { return (index + 1, column) }
                guard character == " " || character == "-" else { break }
                column += 1
            }
        }
        return nil
    }

    private static func secondOccurrence(ofKey key: String, in yaml: String) -> Int? {
        var seen = 0
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop(while: { $0 == " " || $0 == "-" })
            if trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\":") || trimmed.hasPrefix("'\(key)':") {
                seen += 1
                if seen == 2 { return index + 1 }
            }
        }
        return nil
    }

    private static func firstAnchoredNode(_ root: Node) -> Node? {
        var stack = [root]
        while let node = stack.popLast() {
            switch node {
            case .scalar(let scalar):
                if scalar.anchor != nil { return node }
            case .mapping(let mapping):
                if mapping.anchor != nil { return node }
                for (key, value) in mapping.reversed() { stack.append(value); stack.append(key) }
            case .sequence(let sequence):
                if sequence.anchor != nil { return node }
                stack.append(contentsOf: sequence.reversed())
            case .alias:
                return node
            }
        }
        return nil
    }
}
