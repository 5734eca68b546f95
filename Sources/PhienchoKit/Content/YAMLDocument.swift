import CLibYAML

/// Parses one YAML text (a front matter block or a whole `.yml` file) into a `YAMLNode` tree and
/// reports problems at file positions. Anchors and aliases are refused: staff never need them, and
/// refusing them is what makes an alias bomb ("billion laughs") harmless.
enum YAMLDocument {
    /// - Parameter firstLine: file line number of the YAML's first line.
    static func parse(_ yaml: String, firstLine: Int, sink: inout DiagnosticSink) -> YAMLNode? {
        let offset = firstLine - 1
        if let tab = firstIndentationTab(in: yaml) {
            sink.error(.tabIndentation, at: SourcePosition(line: tab.line + offset, column: tab.column),
                       "Dòng này thụt lề bằng phím Tab. Hãy dùng dấu cách (phím Space) để thụt lề.")
            return nil
        }
        if let space = firstUnusualSpace(in: yaml) {
            sink.error(.unusualSpace, at: SourcePosition(line: space.line + offset, column: space.column),
                       "Dòng này có một “dấu cách” lạ (\(space.name), thường có khi dán chữ từ Word hoặc trang web) ở \(space.place). Hãy xóa khoảng trắng đó và gõ lại bằng phím Space.")
            return nil
        }
        switch YAMLTreeBuilder.build(yaml) {
        case .empty:
            return nil
        case .document(let root):
            return root
        case .problem(.anchorOrAlias(let line, let column)):
            sink.error(.yamlAnchor, at: SourcePosition(line: line + offset, column: column),
                       "Không dùng anchor (&) hay alias (*) trong phần khai báo; hãy viết đầy đủ giá trị.")
        case .problem(.syntax(let error)):
            let said = YAMLSyntaxMessage(error, yaml: yaml)
            sink.error(.yamlSyntax, at: SourcePosition(line: said.line + offset, column: said.column), said.message)
        case .problem(.duplicateKeys(let duplicates)):
            for duplicate in duplicates {
                sink.error(.duplicateKey, at: SourcePosition(line: duplicate.line + offset, column: duplicate.column),
                           "Trường “\(duplicate.key)” được khai báo hai lần. Hãy giữ lại một dòng.")
            }
        case .problem(.unreadable(let problem?)):
            sink.error(.yamlSyntax, at: nil, "Không đọc được phần khai báo: \(YAMLSyntaxMessage.problemText(problem)).")
        case .problem(.unreadable(nil)):
            sink.error(.yamlSyntax, at: nil, "Không đọc được phần khai báo YAML.")
        }
        return nil
    }

    static func position(of node: YAMLNode, offset: Int) -> SourcePosition {
        SourcePosition(line: node.line + offset, column: node.column)
    }

    /// A space YAML does not take for one (a no-break space, a wide space, a zero-width space or
    /// byte order mark) where YAML needs a real one: in a line's indentation, or right after the
    /// colon of a `key:`. Elsewhere in a value such a space is only text.
    static func firstUnusualSpace(in yaml: String) -> (line: Int, column: Int, name: String, place: String)? {
        // Every such space is encoded from 0xC2 0xA0, 0xE1 0x9A 0x80, 0xE2 0x80/0x81 …, 0xE3 0x80 0x80 or 0xEF 0xBB 0xBF.
        guard yaml.utf8.contains(where: { $0 == 0xC2 || $0 == 0xE1 || $0 == 0xE2 || $0 == 0xE3 || $0 == 0xEF }) else { return nil }
        for (index, text) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(text.unicodeScalars)
            var column = 0
            while column < scalars.count && (scalars[column] == " " || scalars[column] == "-") { column += 1 }
            if column < scalars.count, let name = unusualSpaceName(scalars[column]) {
                return (index + 1, column + 1, name, "đầu dòng")
            }
            guard let colon = scalars[column...].firstIndex(of: ":"), colon + 1 < scalars.count,
                  !scalars[column..<colon].contains(where: { $0 == "\"" || $0 == "'" || $0 == "#" }),
                  let name = unusualSpaceName(scalars[colon + 1]) else { continue }
            return (index + 1, colon + 2, name, "sau dấu hai chấm")
        }
        return nil
    }

    private static func unusualSpaceName(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0xA0, 0x202F: return "dấu cách không ngắt dòng"
        case 0x1680, 0x2000...0x200A, 0x205F, 0x3000: return "dấu cách rộng"
        case 0x200B, 0xFEFF: return "ký tự trắng vô hình"
        default: return nil
        }
    }

    /// 1-based line and column of the first tab in a line's indentation (the spaces and `-` list
    /// markers a line starts with). Those are one byte each, so columns count bytes here.
    private static func firstIndentationTab(in yaml: String) -> (line: Int, column: Int)? {
        yaml.utf8.withContiguousStorageIfAvailable(firstIndentationTab) ?? firstIndentationTab(in: Array(yaml.utf8))
    }

    private static func firstIndentationTab<Bytes: Sequence<UInt8>>(in bytes: Bytes) -> (line: Int, column: Int)? {
        var line = 1, column = 1, inIndentation = true
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                column = 1
                inIndentation = true
            case UInt8(ascii: "\t") where inIndentation:
                return (line, column)
            case UInt8(ascii: " "), UInt8(ascii: "-"):
                column += 1
            default:
                inIndentation = false
            }
        }
        return nil
    }
}
