import CYaml
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
        if let anchor = firstAnchorOrAlias(in: yaml) {
            sink.error(.yamlAnchor, at: SourcePosition(line: anchor.line + offset, column: anchor.column),
                       "Không dùng anchor (&) hay alias (*) trong phần khai báo; hãy viết đầy đủ giá trị.")
            return nil
        }
        do {
            // The basic resolver: FieldReader types values itself, and the default one runs a regular
            // expression per scalar (a third of parse time in profiles).
            let parser = try Parser(yaml: yaml, resolver: .basic)
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
                let position = secondOccurrence(ofKey: key, inMappingAt: context.mark, in: yaml)
                    ?? (context.mark.line, context.mark.column)
                sink.error(.duplicateKey, at: SourcePosition(line: position.line + offset, column: position.column),
                           "Trường “\(key)” được khai báo hai lần. Hãy giữ lại một dòng.")
            }
        case let .reader(problem, _, _, _):
            sink.error(.yamlSyntax, at: nil, "Không đọc được phần khai báo YAML (\(problem)).")
        default:
            sink.error(.yamlSyntax, at: nil, "Không đọc được phần khai báo YAML.")
        }
    }

    /// Position of the first anchor or alias, found by libyaml's event stream before any document is
    /// composed: Yams expands aliases while composing and hashes mapping keys to find duplicates, so an
    /// alias bomb used as a key would hang inside Yams before any later check could run.
    static func firstAnchorOrAlias(in yaml: String) -> (line: Int, column: Int)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(yaml.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> (line: Int, column: Int)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let mark = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                switch event.type {
                case YAML_ALIAS_EVENT: return mark
                case YAML_SCALAR_EVENT where event.data.scalar.anchor != nil: return mark
                case YAML_SEQUENCE_START_EVENT where event.data.sequence_start.anchor != nil: return mark
                case YAML_MAPPING_START_EVENT where event.data.mapping_start.anchor != nil: return mark
                case YAML_STREAM_END_EVENT: return nil
                default: continue
                }
            }
            return nil   // a syntax error: Yams reports it with its position
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

    /// Line and column of the second `key:` among the keys of one block mapping. Yams only tells
    /// where a key of that mapping is (`mark`, the first occurrence of one duplicated key), so the
    /// mapping is the run of lines around it indented at least to that column; its own keys are the
    /// lines whose key starts exactly at that column. Searching the whole text instead would blame
    /// the same key name in another mapping (`employer.address` for a repeated `location.address`).
    /// Nil for flow mappings (`{a: 1, a: 2}`), which the caller reports at `mark`.
    static func secondOccurrence(ofKey key: String, inMappingAt mark: Mark, in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let column = mark.column
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        /// Leading spaces, and the column where the key starts after any `- ` sequence markers.
        func shape(_ line: Substring) -> (spaces: Int, keyColumn: Int, rest: Substring) {
            let spaces = line.prefix { $0 == " " }.count
            var rest = line.dropFirst(spaces)
            var keyColumn = spaces + 1
            while rest.hasPrefix("- ") || rest == "-" {
                let dashAndSpaces = 1 + rest.dropFirst().prefix { $0 == " " }.count
                rest = rest.dropFirst(dashAndSpaces)
                keyColumn += dashAndSpaces
            }
            return (spaces, keyColumn, rest)
        }
        func isBlankOrComment(_ line: Substring) -> Bool {
            let trimmed = line.drop { $0 == " " }
            return trimmed.isEmpty || trimmed.hasPrefix("#")
        }
        // The mapping's first line: walk up while lines are indented at least to `column`; a line
        // less indented belongs to the mapping only if it opens it with `- ` (a list item).
        func indentedToColumn(_ line: Substring) -> Bool { isBlankOrComment(line) || shape(line).spaces + 1 >= column }
        var first = mark.line - 1
        if shape(lines[first]).spaces + 1 >= column {
            while first > 0 {
                let above = lines[first - 1]
                if indentedToColumn(above) { first -= 1; continue }
                if shape(above).keyColumn == column { first -= 1 }
                break
            }
        }
        var seen = 0
        var index = first
        while index < lines.count {
            let line = lines[index]
            if index > first && !indentedToColumn(line) { break }
            let (_, keyColumn, rest) = shape(line)
            if keyColumn == column,
               rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
                seen += 1
                if seen == 2 { return (index + 1, column) }
            }
            index += 1
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
