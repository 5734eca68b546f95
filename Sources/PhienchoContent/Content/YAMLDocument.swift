internal import CLibYAML
import PhienchoCore

/// Parses one YAML text (a front matter block or a whole `.yml` file) into a `YAMLNode` tree and
/// reports problems at file positions. Anchors and aliases are refused: staff never need them, and
/// refusing them is what makes an alias bomb ("billion laughs") harmless.
package enum YAMLDocument {
    /// - Parameter firstLine: file line number of the YAML's first line.
    package static func parse(_ yaml: String, firstLine: Int, sink: inout DiagnosticSink) -> YAMLNode? {
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

    package static func position(of node: YAMLNode, offset: Int) -> SourcePosition {
        SourcePosition(line: node.line + offset, column: node.column)
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
