import PhienchoCore

/// The lines of a YAML text, read the way `YAMLSyntaxMessage` needs them: 1-based numbers,
/// columns in Unicode scalars (as libyaml counts), indentation in spaces.
struct YAMLLines {
    private let lines: [Substring]

    package init(_ yaml: String) {
        lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Line `number`, or "" outside the text.
    package subscript(number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    /// Whether the line holds YAML: not blank, not a comment.
    func holdsYAML(_ number: Int) -> Bool {
        let text = self[number].trimmingWhitespace(includingNewlines: false)
        return !text.isEmpty && !text.hasPrefix("#")
    }

    /// `number` when it holds YAML, else the nearest line above that does (1 when none does).
    func contentLine(atOrBefore number: Int) -> Int {
        var line = min(number, lines.count)
        while line > 1 && !holdsYAML(line) { line -= 1 }
        return max(line, 1)
    }

    func previousContentLine(before number: Int) -> Int? {
        var line = number - 1
        while line >= 1 {
            if holdsYAML(line) { return line }
            line -= 1
        }
        return nil
    }

    /// The spaces a line starts with.
    package func indentation(_ number: Int) -> Int {
        self[number].prefix { $0 == " " }.count
    }

    /// The indentation of the nearest line above `number` indented more than `above`: the lines of
    /// the group a line less indented than the one before it was probably meant to join.
    func siblingIndentation(before number: Int, above: Int) -> Int? {
        var line = number - 1
        while line >= 1 {
            if holdsYAML(line) {
                let indentation = indentation(line)
                if indentation <= above { return nil }
                if let previous = previousContentLine(before: line), self.indentation(previous) < indentation {
                    return indentation
                }
            }
            line -= 1
        }
        return nil
    }

    package func character(line: Int, column: Int) -> Character? {
        let scalars = self[line].unicodeScalars
        guard column >= 1, column <= scalars.count else { return nil }
        return Character(scalars[scalars.index(scalars.startIndex, offsetBy: column - 1)])
    }

    /// The line before `column` (1-based, in scalars).
    package func prefix(line: Int, beforeColumn column: Int) -> Substring {
        let text = self[line]
        let scalars = text.unicodeScalars
        let end = scalars.index(scalars.startIndex, offsetBy: max(0, min(column - 1, scalars.count)))
        return Substring(scalars[..<end])
    }

    /// The line from `column` on.
    package func suffix(line: Int, fromColumn column: Int) -> Substring {
        let scalars = self[line].unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: max(0, min(column - 1, scalars.count)))
        return Substring(scalars[start...])
    }

    /// The first line up to `last` whose value opens a quote it does not close on the same line:
    /// YAML lets a quoted value run over several lines, but in front matter that is a quote left
    /// open, and libyaml reports it lines later, where the next quote happens to close it.
    func firstUnclosedQuote(through last: Int) -> (line: Int, column: Int)? {
        for number in 1...max(1, min(last, lines.count)) where holdsYAML(number) {
            let scalars = Array(self[number].unicodeScalars)
            var start = 0
            if let key = keyLine(number) {
                start = key.colonColumn
            } else {
                while start < scalars.count && (scalars[start] == " " || scalars[start] == "-") { start += 1 }
            }
            while start < scalars.count && scalars[start] == " " { start += 1 }
            guard start < scalars.count, scalars[start] == "\"" || scalars[start] == "'" else { continue }
            let quote = scalars[start]
            var index = start + 1, closed = false
            while index < scalars.count {
                if quote == "\"" && scalars[index] == "\\" { index += 2; continue }
                if scalars[index] == quote {
                    if quote == "'" && index + 1 < scalars.count && scalars[index + 1] == "'" { index += 2; continue }
                    closed = true
                    break
                }
                index += 1
            }
            if !closed { return (number, start + 1) }
        }
        return nil
    }

    /// A `key: value` line (or `- key: value`): the key is plain text before the first colon
    /// followed by a space or the end of the line.
    struct KeyLine: Equatable {
        package var key: Substring
        package var value: Substring
        /// 1-based column of the key's colon.
        var colonColumn: Int
    }

    func keyLine(_ number: Int) -> KeyLine? {
        let scalars = Array(self[number].unicodeScalars)
        var start = 0
        while start < scalars.count && (scalars[start] == " " || (scalars[start] == "-" && start + 1 < scalars.count && scalars[start + 1] == " ")) {
            start += 1
        }
        guard start < scalars.count, !"\"'#[{".unicodeScalars.contains(scalars[start]) else { return nil }
        var index = start
        while index < scalars.count {
            if scalars[index] == ":" && (index + 1 == scalars.count || scalars[index + 1] == " ") { break }
            index += 1
        }
        guard index < scalars.count, index > start else { return nil }
        let key = String(String.UnicodeScalarView(scalars[start..<index])).trimmingWhitespace(includingNewlines: false)
        let value = String(String.UnicodeScalarView(scalars[(index + 1)...])).trimmingWhitespace(includingNewlines: false)
        return KeyLine(key: key[...], value: value[...], colonColumn: index + 1)
    }
}
