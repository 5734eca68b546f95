internal import CLibYAML
import PhienchoCore

/// Composes a `YAMLNode` tree from libyaml's event stream in one pass, with an explicit stack
/// (no recursion, however deep the nesting libyaml allows).
///
/// It decides between problems the way staff have always seen them reported: an anchor or alias
/// anywhere before the first syntax error wins (refused as its event arrives, so an alias bomb is
/// never expanded); then, within the first document, whichever comes first of a mapping closing
/// with a repeated key (reported at each repeated key's second occurrence) and a syntax error;
/// then a second document in the stream.
package enum YAMLTreeBuilder {
    package enum Outcome {
        /// No document at all (empty text, or only comments).
        case empty
        case document(YAMLNode)
        case problem(Problem)
    }

    /// Positions are 1-based, in the YAML text.
    package enum Problem: Equatable {
        case anchorOrAlias(line: Int, column: Int)
        case duplicateKeys([DuplicateKey])
        /// A scanner or parser error: libyaml's problem text and where it was found.
        case syntax(SyntaxError)
        /// libyaml's reader refused the text (e.g. a C1 control character); no position.
        case unreadable(problem: String?)
    }

    /// libyaml's account of a syntax error (English, never shown to staff: `YAMLSyntaxMessage`
    /// says it in Vietnamese). The context is what libyaml was reading when it failed, e.g. "while
    /// scanning a simple key" with the mark where that key starts, often a line above the problem.
    package struct SyntaxError: Equatable {
        package var problem: String
        package var line: Int
        package var column: Int
        var context: String? = nil
        var contextLine: Int? = nil
        var contextColumn: Int? = nil
    }

    package struct DuplicateKey: Equatable {
        /// The key's text, or `<uncovertable>` for a sequence or mapping used as a key.
        package var key: String
        package var line: Int
        package var column: Int
    }

    package static func build(_ yaml: String) -> Outcome {
        guard !yaml.isEmpty else { return .empty }
        var yaml = yaml
        return yaml.withUTF8 { build(utf8: $0) }
    }

    /// A sequence or mapping being composed: its items are the nodes on the node stack from `start`.
    private struct Frame {
        let isMapping: Bool
        package let tag: String?
        package let line: Int
        package let column: Int
        package let start: Int
    }

    package static func build(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        // Most front matter is plain enough for the fast reader, which builds the same tree.
        if let root = YAMLBlockReader.read(bytes) { return .document(root) }
        return buildWithLibyaml(utf8: bytes)
    }

    /// The deepest nesting of lists and maps composed, as in libyaml's later releases (Debian's
    /// 0.2.5 has no limit): a tree is freed recursively, so a 1 MiB file of `[[[[…` would otherwise
    /// exhaust the stack when it is dropped.
    static let maximumNesting = 1000

    /// The problems the builder itself reports, in libyaml's manner.
    static let tooDeepProblem = "exceeded maximum nesting depth"
    static let anotherDocumentProblem = "but found another document"

    private static func tooDeep(_ line: Int, _ column: Int) -> Problem {
        .syntax(SyntaxError(problem: tooDeepProblem, line: line, column: column))
    }

    static func buildWithLibyaml(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return .empty }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .problem(.unreadable(problem: nil)) }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, base, bytes.count)

        // Finished nodes not yet in their parent, innermost last; the root is the one left at the end.
        var nodes: [YAMLNode] = []
        var frames: [Frame] = []
        var firstDocumentEnded = false
        var duplicates: [DuplicateKey]?
        var secondDocument: (line: Int, column: Int)?
        var event = yaml_event_t()

        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                if secondDocument != nil { break }
                if let duplicates { return .problem(.duplicateKeys(duplicates)) }
                return .problem(syntaxProblem(parser))
            }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            // Past the first document nothing is composed: the stream is read to its end only for anchors.
            let composing = !firstDocumentEnded
            switch event.type {
            case YAML_STREAM_END_EVENT:
                if let duplicates { return .problem(.duplicateKeys(duplicates)) }
                if let secondDocument {
                    return .problem(.syntax(SyntaxError(problem: anotherDocumentProblem,
                                                        line: secondDocument.line, column: secondDocument.column)))
                }
                return nodes.first.map(Outcome.document) ?? .empty
            case YAML_DOCUMENT_START_EVENT:
                if firstDocumentEnded && secondDocument == nil { secondDocument = (line, column) }
            case YAML_DOCUMENT_END_EVENT:
                firstDocumentEnded = true
            case YAML_ALIAS_EVENT:
                return .problem(.anchorOrAlias(line: line, column: column))
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                if scalar.anchor != nil { return .problem(.anchorOrAlias(line: line, column: column)) }
                guard composing else { continue }
                let text = scalarText(UnsafeBufferPointer(start: scalar.value, count: scalar.length))
                let style = YAMLNode.ScalarStyle(rawValue: UInt8(truncatingIfNeeded: scalar.style.rawValue)) ?? .any
                let tag = scalar.quoted_implicit == 1 ? nil : explicitTag(scalar.tag, standard: "tag:yaml.org,2002:str")
                nodes.append(YAMLNode(.scalar(text, style), tag: tag, line: line, column: column))
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                if start.anchor != nil { return .problem(.anchorOrAlias(line: line, column: column)) }
                guard composing else { continue }
                guard frames.count < maximumNesting else { return .problem(tooDeep(line, column)) }
                let tag = start.implicit != 0 ? nil : explicitTag(start.tag, standard: "tag:yaml.org,2002:seq")
                frames.append(Frame(isMapping: false, tag: tag, line: line, column: column, start: nodes.count))
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                if start.anchor != nil { return .problem(.anchorOrAlias(line: line, column: column)) }
                guard composing else { continue }
                guard frames.count < maximumNesting else { return .problem(tooDeep(line, column)) }
                let tag = start.implicit != 0 ? nil : explicitTag(start.tag, standard: "tag:yaml.org,2002:map")
                frames.append(Frame(isMapping: true, tag: tag, line: line, column: column, start: nodes.count))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard composing, let frame = frames.popLast() else { continue }
                let items = Array(nodes[frame.start...])
                nodes.removeLast(nodes.count - frame.start)
                if frame.isMapping && duplicates == nil {
                    let repeated = duplicateKeys(in: YAMLNode.Pairs(nodes: items))
                    if !repeated.isEmpty { duplicates = repeated }
                }
                nodes.append(YAMLNode(frame.isMapping ? .mapping(items) : .sequence(items),
                                      tag: frame.tag, line: frame.line, column: frame.column))
            default:
                continue
            }
        }
        // A syntax error after a second document began: that document is the problem reported.
        return .problem(.syntax(SyntaxError(problem: anotherDocumentProblem,
                                            line: secondDocument!.line, column: secondDocument!.column)))
    }

    /// A scalar's text. One leading U+FEFF is dropped, as Foundation's `String(bytes:encoding:)`
    /// takes it for a byte order mark: `status: \u{FEFF}draft` stays a draft.
    private static func scalarText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > 0 else { return "" }
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[3...]), as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A tag libyaml reported, nil when absent or when it is the node kind's standard one (or `!`).
    private static func explicitTag(_ pointer: UnsafeMutablePointer<yaml_char_t>?, standard: String) -> String? {
        guard let pointer else { return nil }
        let tag = String(cString: pointer)
        return tag == "!" || tag == standard ? nil : tag
    }

    private static func syntaxProblem(_ parser: yaml_parser_t) -> Problem {
        let problem = parser.problem.map { String(cString: $0) }
        switch parser.error {
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let context = parser.context.map { String(cString: $0) }
            return .syntax(SyntaxError(problem: problem ?? "", line: Int(parser.problem_mark.line) + 1,
                                       column: Int(parser.problem_mark.column) + 1, context: context,
                                       contextLine: context == nil ? nil : Int(parser.context_mark.line) + 1,
                                       contextColumn: context == nil ? nil : Int(parser.context_mark.column) + 1))
        case YAML_READER_ERROR:
            return .unreadable(problem: problem)
        default:
            return .unreadable(problem: nil)
        }
    }

    /// Each key that occurs more than once, at its second occurrence, ordered by key text.
    package static func duplicateKeys(in pairs: YAMLNode.Pairs) -> [DuplicateKey] {
        guard pairs.count > 1 else { return [] }
        // (first occurrence, second occurrence) per repeated key.
        var repeated: [(first: Int, second: Int)] = []
        var firstIndex: [KeyIdentity: Int] = [:]
        var reported: Set<Int> = []
        for index in pairs.indices {
            let identity = KeyIdentity(node: pairs[index].key)
            if let first = firstIndex[identity] {
                if reported.insert(first).inserted { repeated.append((first, index)) }
            } else {
                firstIndex[identity] = index
            }
        }
        return repeated
            .map { (text: pairs[$0.first].key.string, node: pairs[$0.second].key) }
            .sorted { ($0.text ?? "") < ($1.text ?? "") }
            .map { DuplicateKey(key: $0.text ?? "<uncovertable>", line: $0.node.line, column: $0.node.column) }
    }

    /// A mapping key hashed and compared by value.
    private struct KeyIdentity: Hashable {
        package let node: YAMLNode

        static func == (lhs: KeyIdentity, rhs: KeyIdentity) -> Bool { lhs.node.hasSameValue(as: rhs.node) }

        package func hash(into hasher: inout Hasher) { Self.combine(node, into: &hasher) }

        private static func combine(_ node: YAMLNode, into hasher: inout Hasher) {
            hasher.combine(node.tag)
            switch node.content {
            case .scalar(let text, _):
                hasher.combine(0)
                hasher.combine(text)
            case .sequence(let items):
                hasher.combine(1)
                hasher.combine(items.count)
                for item in items { combine(item, into: &hasher) }
            case .mapping(let nodes):
                hasher.combine(2)
                hasher.combine(nodes.count)
                for node in nodes { combine(node, into: &hasher) }
            }
        }
    }
}
