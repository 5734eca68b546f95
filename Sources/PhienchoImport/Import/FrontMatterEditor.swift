import PhienchoCore
import PhienchoContent

/// Changes fields of a vacancy file's front matter line by line, so that everything it does not
/// change — comments, other fields, their quoting, the Markdown body — stays byte for byte.
///
/// Fields are addressed as `key` or `parent.child` (one level of nesting, as the format has). A
/// field is written as block YAML; a parent written in flow style (`employer: {name: …}`) cannot
/// be edited line by line, and `set` says so instead of guessing.
struct FrontMatterEditor {
    private(set) var lines: [String]

    /// The text of a value as it is written after `key:`: a scalar on the key's line, or the lines
    /// of a block list (each a mapping's lines, for `results`).
    enum Value: Equatable {
        case scalar(String)
        case list([String])
        case mappings([[(key: String, value: String)]])

        static func == (lhs: Value, rhs: Value) -> Bool { lhs.rendered(key: "k", indent: 0) == rhs.rendered(key: "k", indent: 0) }

        func rendered(key: String, indent: Int) -> [String] {
            let pad = String(repeating: " ", count: indent)
            switch self {
            case .scalar(let text): return ["\(pad)\(key): \(text)"]
            case .list(let items): return ["\(pad)\(key):"] + items.map { "\(pad)  - \($0)" }
            case .mappings(let entries):
                return ["\(pad)\(key):"] + entries.flatMap { entry in
                    entry.enumerated().map { "\(pad)  \($0.offset == 0 ? "- " : "  ")\($0.element.key): \($0.element.value)" }
                }
            }
        }
    }

    package enum Failure: Error, Equatable {
        /// The file has no front matter between two `---` lines.
        case noFrontMatter
        /// The parent field is written on one line (flow style).
        case flowStyle(parent: String)
    }

    init(text: String) throws(Failure) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---", closing != nil else { throw .noFrontMatter }
    }

    package var text: String { lines.joined(separator: "\n") }

    /// The line of the closing `---` (or `...`).
    private var closing: Int? {
        lines.indices.dropFirst().first { ["---", "..."].contains(lines[$0].trimmingCharacters(in: .whitespaces)) }
    }

    /// Writes `value` as the field at `path`, in place of the field's lines, or at the end of its
    /// parent (or of the front matter) when the field is not there yet.
    mutating func set(_ path: String, _ value: Value) throws(Failure) {
        guard let end = closing else { throw .noFrontMatter }
        let parts = path.split(separator: ".").map(String.init)
        guard parts.count == 2 else {
            if let range = entry(parts[0], in: 1..<end, indent: 0) {
                lines.replaceSubrange(range, with: value.rendered(key: parts[0], indent: 0))
            } else {
                lines.insert(contentsOf: value.rendered(key: parts[0], indent: 0), at: end)
            }
            return
        }
        guard let parent = entry(parts[0], in: 1..<end, indent: 0) else {
            lines.insert(contentsOf: ["\(parts[0]):"] + value.rendered(key: parts[1], indent: 2), at: end)
            return
        }
        guard Self.inlineValue(lines[parent.lowerBound]).isEmpty || Self.inlineValue(lines[parent.lowerBound]) == "~" else {
            throw .flowStyle(parent: parts[0])
        }
        if Self.inlineValue(lines[parent.lowerBound]) == "~" { lines[parent.lowerBound] = "\(parts[0]):" }
        let indent = childIndent(parent)
        if let range = entry(parts[1], in: parent.lowerBound + 1..<parent.upperBound, indent: indent) {
            lines.replaceSubrange(range, with: value.rendered(key: parts[1], indent: indent))
        } else {
            lines.insert(contentsOf: value.rendered(key: parts[1], indent: indent), at: parent.upperBound)
        }
    }

    /// Removes the field at `path` and the comment lines right above it.
    mutating func remove(_ path: String) {
        guard let end = closing else { return }
        let parts = path.split(separator: ".").map(String.init)
        var range: Range<Int>?
        if parts.count == 1 {
            range = entry(parts[0], in: 1..<end, indent: 0)
        } else if let parent = entry(parts[0], in: 1..<end, indent: 0) {
            range = entry(parts[1], in: parent.lowerBound + 1..<parent.upperBound, indent: childIndent(parent))
        }
        guard var range else { return }
        let indent = Self.indentation(lines[range.lowerBound])
        while range.lowerBound > 1, Self.isComment(lines[range.lowerBound - 1]), Self.indentation(lines[range.lowerBound - 1]) == indent {
            range = range.lowerBound - 1..<range.upperBound
        }
        lines.removeSubrange(range)
    }

    /// Whether the field at `path` is written with no value: `key:` and nothing under it.
    func isEmpty(_ path: String) -> Bool {
        guard let end = closing else { return false }
        let parts = path.split(separator: ".").map(String.init)
        var range = entry(parts[0], in: 1..<end, indent: 0)
        if parts.count == 2, let parent = range {
            range = entry(parts[1], in: parent.lowerBound + 1..<parent.upperBound, indent: childIndent(parent))
        }
        guard let range else { return false }
        return Self.inlineValue(lines[range.lowerBound]).isEmpty
            && lines[range.lowerBound + 1..<range.upperBound].allSatisfy(Self.isBlankOrComment)
    }

    /// The field a 1-based file line belongs to: its top-level key, and the key on the line itself
    /// when it is nested (`("employer", "phone")`); `("", nil)` for a line of the body.
    func field(atLine line: Int) -> (top: String, child: String?)? {
        guard let end = closing, line >= 1, line <= lines.count else { return nil }
        if line - 1 > end { return ("", nil) }
        let own = lines[line - 1]
        let child = Self.indentation(own) > 0 ? Self.key(String(own.drop { $0 == " " || $0 == "-" })) : nil
        for index in stride(from: line - 1, through: 1, by: -1) where Self.indentation(lines[index]) == 0 {
            if let top = Self.key(lines[index]) { return (top, child) }
        }
        return nil
    }

    /// The Markdown body, after the front matter.
    var body: String {
        guard let end = closing else { return "" }
        return lines[(end + 1)...].joined(separator: "\n")
    }

    /// Replaces everything after the front matter with `body`.
    mutating func setBody(_ body: String) {
        guard let end = closing else { return }
        lines.replaceSubrange(end + 1..<lines.count, with: body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    /// The lines of the field `key` at `indent` within `range`: its key line through its last
    /// more-indented (or, at the top, `- ` list) line; comments and blank lines after it belong to
    /// whatever follows.
    private func entry(_ key: String, in range: Range<Int>, indent: Int) -> Range<Int>? {
        guard let start = range.first(where: { Self.indentation(lines[$0]) == indent && Self.key(lines[$0]) == key }) else { return nil }
        var last = start
        var index = start + 1
        while index < range.upperBound {
            let line = lines[index]
            if !Self.isBlankOrComment(line) {
                let depth = Self.indentation(line)
                guard depth > indent || (depth == indent && line.dropFirst(depth).hasPrefix("- ")) else { break }
                last = index
            }
            index += 1
        }
        return start..<last + 1
    }

    /// The indentation of a parent field's children (2 when it has none yet).
    private func childIndent(_ parent: Range<Int>) -> Int {
        lines[parent.lowerBound + 1..<parent.upperBound].filter { !Self.isBlankOrComment($0) }.map(Self.indentation).min() ?? 2
    }

    static func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    static func isComment(_ line: String) -> Bool { line.drop { $0 == " " }.hasPrefix("#") }

    static func isBlankOrComment(_ line: String) -> Bool {
        let content = line.drop { $0 == " " || $0 == "\t" }
        return content.isEmpty || content.hasPrefix("#")
    }

    /// `name` in `  name: value`; nil for a line that is not `key:`.
    static func key(_ line: String) -> String? {
        let content = line.drop { $0 == " " }
        guard let colon = content.firstIndex(of: ":") else { return nil }
        let after = content.index(after: colon)
        guard after == content.endIndex || content[after] == " " else { return nil }
        let key = content[..<colon]
        return !key.isEmpty && key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) ? String(key) : nil
    }

    /// What follows `key:` on its line, without a trailing comment.
    static func inlineValue(_ line: String) -> String {
        guard let colon = line.firstIndex(of: ":") else { return "" }
        var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("#") { value = "" }
        return value
    }
}
