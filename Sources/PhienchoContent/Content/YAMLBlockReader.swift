import PhienchoCore

/// A fast reader for the plain block YAML staff write in front matter: `key: value` lines, nested
/// mappings under `key:`, and `- item` lists of scalars, with plain or double-quoted values.
///
/// It builds exactly the tree `YAMLTreeBuilder` builds from libyaml's events (texts, styles,
/// lines and columns; `Tests/…/YAMLBlockReaderTests` compares the two on the example content and
/// on random documents) and gives up — returning nil — on anything else: comments, flow
/// collections, block scalars, single quotes, escapes, tags, anchors, empty values, multi-line
/// values, repeated keys, unusual characters or indentation. What it gives up on, libyaml reads,
/// and libyaml reports every problem, so diagnostics never depend on this reader.
enum YAMLBlockReader {
    package static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLNode? {
        guard hasOnlyPlainCharacters(bytes) else { return nil }
        var reader = Reader(bytes: bytes, lines: lines(of: bytes))
        guard let first = reader.lines.first, first.indent == 0, let root = reader.mapping(indent: 0),
              reader.index == reader.lines.count else { return nil }
        return root
    }

    /// A line that is not blank: where its text starts (after the indentation) and ends (before the
    /// line break and trailing spaces).
    private struct Line {
        package let number: Int
        package let start: Int
        package let indent: Int
        package let end: Int
    }

    private static func lines(of bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        var number = 1
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var text = start
            while text < end, bytes[text] == UInt8(ascii: " ") { text += 1 }
            var last = end
            while last > text, bytes[last - 1] == UInt8(ascii: " ") { last -= 1 }
            if text < last { lines.append(Line(number: number, start: start, indent: text - start, end: last)) }
            number += 1
            start = end + 1
        }
        return lines
    }

    /// No tab, carriage return, control character, C1 control, line or paragraph separator, U+FEFF,
    /// U+FFFE/U+FFFF, backslash (escapes) or `#` (comments): libyaml treats those specially.
    private static func hasOnlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"):
                break
            case 0..<0x20, 0x7F, UInt8(ascii: "\\"), UInt8(ascii: "#"):
                return false
            case 0xC2 where index + 1 < count && bytes[index + 1] < 0xA0:       // U+0080–U+009F
                return false
            case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                return false                                                     // U+2028, U+2029
            case 0xEF where index + 2 < count && ((bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF)
                                                  || (bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE)):
                return false                                                     // U+FEFF, U+FFFE, U+FFFF
            default:
                break
            }
            index += 1
        }
        return true
    }

    private struct Reader {
        package let bytes: UnsafeBufferPointer<UInt8>
        package let lines: [Line]
        package var index = 0

        package init(bytes: UnsafeBufferPointer<UInt8>, lines: [Line]) {
            self.bytes = bytes
            self.lines = lines
        }

        /// The mapping whose keys start at column `indent + 1`, from the current line on.
        package mutating func mapping(indent: Int) -> YAMLNode? {
            let first = lines[index]
            var nodes: [YAMLNode] = []
            var keys: [String] = []
            while index < lines.count, lines[index].indent == indent {
                let line = lines[index]
                guard let colon = keyEnd(line) else { return nil }
                let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[(line.start + indent)..<colon]), as: UTF8.self)
                guard !keys.contains(key) else { return nil }
                keys.append(key)
                nodes.append(YAMLNode(.scalar(key, .plain), line: line.number, column: indent + 1))
                var valueStart = colon + 1
                while valueStart < line.end, bytes[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
                index += 1
                if valueStart < line.end {
                    guard let value = scalar(line, from: valueStart), index == lines.count || lines[index].indent <= indent else { return nil }
                    nodes.append(value)
                    continue
                }
                guard index < lines.count else { return nil }
                let next = lines[index]
                if isSequenceItem(next), next.indent >= indent {
                    guard let value = sequence(indent: next.indent) else { return nil }
                    nodes.append(value)
                } else if next.indent > indent {
                    guard let value = mapping(indent: next.indent) else { return nil }
                    nodes.append(value)
                } else {
                    return nil
                }
            }
            guard index == lines.count || lines[index].indent < indent else { return nil }
            return YAMLNode(.mapping(nodes), line: first.number, column: indent + 1)
        }

        /// The list whose `-` markers are at column `indent + 1`; items are scalars on one line.
        package mutating func sequence(indent: Int) -> YAMLNode? {
            let first = lines[index]
            var items: [YAMLNode] = []
            while index < lines.count, lines[index].indent == indent, isSequenceItem(lines[index]) {
                let line = lines[index]
                var valueStart = line.start + indent + 1
                while valueStart < line.end, bytes[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
                guard valueStart < line.end, let item = scalar(line, from: valueStart) else { return nil }
                items.append(item)
                index += 1
                guard index == lines.count || lines[index].indent <= indent else { return nil }
            }
            return YAMLNode(.sequence(items), line: first.number, column: indent + 1)
        }

        private func isSequenceItem(_ line: Line) -> Bool {
            let dash = line.start + line.indent
            return bytes[dash] == UInt8(ascii: "-") && (dash + 1 == line.end || bytes[dash + 1] == UInt8(ascii: " "))
        }

        /// The position of the `:` ending a key of ASCII letters, digits, `_` and `-` (not first),
        /// followed by a space or the end of the line.
        private func keyEnd(_ line: Line) -> Int? {
            var position = line.start + line.indent
            guard position < line.end, isKeyByte(bytes[position]), bytes[position] != UInt8(ascii: "-") else { return nil }
            while position < line.end, isKeyByte(bytes[position]) { position += 1 }
            guard position < line.end, bytes[position] == UInt8(ascii: ":"),
                  position + 1 == line.end || bytes[position + 1] == UInt8(ascii: " ") else { return nil }
            return position
        }

        private func isKeyByte(_ byte: UInt8) -> Bool {
            (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }

        /// A scalar from `start` to the end of `line`: double-quoted (closing on the same line) or
        /// plain (no indicator first, no `: ` inside, no `:` at the end). Everything before `start`
        /// on the line is ASCII, so the column is the byte offset.
        private func scalar(_ line: Line, from start: Int) -> YAMLNode? {
            let column = start - line.start + 1
            let first = bytes[start]
            if first == UInt8(ascii: "\"") {
                var close = start + 1
                while close < line.end, bytes[close] != UInt8(ascii: "\"") { close += 1 }
                guard close + 1 == line.end else { return nil }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<close]), as: UTF8.self)
                return YAMLNode(.scalar(text, .doubleQuoted), line: line.number, column: column)
            }
            switch first {
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                 UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
                return nil
            default:
                break
            }
            var position = start
            while position < line.end {
                if bytes[position] == UInt8(ascii: ":"), position + 1 == line.end || bytes[position + 1] == UInt8(ascii: " ") {
                    return nil
                }
                position += 1
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<line.end]), as: UTF8.self)
            return YAMLNode(.scalar(text, .plain), line: line.number, column: column)
        }
    }
}
