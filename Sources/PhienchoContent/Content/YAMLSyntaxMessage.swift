import PhienchoCore

/// A YAML syntax error said in plain Vietnamese, at the line that holds the mistake, quoting that
/// line and naming the likely fix.
///
/// libyaml often reports a mistake where it noticed it: the line below a key without a colon
/// (usually a `#` comment in files made by `phiencho new`), or the end of the text for a quote
/// never closed. The message goes back to where the mistake is: the start of the key or quote
/// libyaml was reading (its "context" mark), else the nearest line above that is not blank or a
/// comment. The common mistakes are recognised from the line itself; anything else is said with
/// the Vietnamese rendering of libyaml's problem (`YAMLSyntaxMessage+Problems.swift`). libyaml's
/// English never reaches staff.
package struct YAMLSyntaxMessage: Equatable {
    /// 1-based, in the YAML text; columns count Unicode scalars, as libyaml does.
    package var line: Int
    package var column: Int
    package var message: String

    package init(_ error: YAMLTreeBuilder.SyntaxError, yaml: String) {
        let lines = YAMLLines(yaml)
        self = Self.diagnose(error, lines) ?? Self.generic(error, lines)
    }

    private init(line: Int, column: Int, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// Characters Word and other editors put in front of list items; YAML wants "- ".
    package static let bullets: Set<Character> = ["–", "—", "•", "·", "●", "▪", "◦", "‣", "∙", "−", "*", "+", "→", "○", "■", "□", "✓"]

    /// The Vietnamese way to show the `- ` form of a list, used wherever a bullet is found.
    static func listForm(for text: Substring) -> String {
        let item = text.drop { bullets.contains($0) }.trimmingWhitespace(includingNewlines: true)
        return "mỗi mục một dòng, bắt đầu bằng dấu trừ thường và một dấu cách, thụt lề hai dấu cách dưới tên danh sách, ví dụ “  - \(item)”"
    }

    private static func diagnose(_ error: YAMLTreeBuilder.SyntaxError, _ lines: YAMLLines) -> YAMLSyntaxMessage? {
        let contextLine = error.contextLine ?? error.line
        if let quote = lines.firstUnclosedQuote(through: max(error.line, contextLine)) {
            return unclosedQuote(line: quote.line, column: quote.column, lines)
        }
        switch error.problem {
        case "found unexpected end of stream" where error.context == "while scanning a quoted scalar",
             "found unexpected document indicator" where error.context == "while scanning a quoted scalar":
            return unclosedQuote(line: contextLine, column: error.contextColumn ?? 1, lines)
        case "could not find expected ':'":
            let line = error.context == "while scanning a simple key" ? contextLine : lines.contentLine(atOrBefore: error.line)
            return missingColon(line: line, lines)
        case "mapping values are not allowed in this context":
            return misplacedColon(line: error.line, column: error.column, lines)
        case "did not find expected key", "did not find expected '-' indicator":
            return unexpectedLine(line: error.line, column: error.column, expectingItem: error.problem.hasSuffix("indicator"), lines)
        case "block sequence entries are not allowed in this context":
            let line = lines[error.line]
            guard let key = lines.keyLine(error.line) else { return nil }
            return YAMLSyntaxMessage(line: error.line, column: error.column,
                                     "Mục danh sách phải ở dòng riêng. Dòng đang là “\(quoted(line))”; hãy viết “\(key.key):” trên một dòng, rồi mỗi mục một dòng bên dưới, ví dụ “  \(key.value)”.")
        case "found character that cannot start any token":
            let text = lines[error.line]
            guard let character = lines.character(line: error.line, column: error.column), let key = lines.keyLine(error.line),
                  error.column > key.colonColumn else { return nil }
            return YAMLSyntaxMessage(line: error.line, column: error.column,
                                     "Giá trị không được bắt đầu bằng ký tự “\(character)”. Dòng đang là “\(quoted(text))”; hãy đặt cả giá trị trong ngoặc kép: “\(key.key): \(doubleQuoted(key.value))”.")
        case "found unknown escape character", "found invalid Unicode character escape code", "did not find expected hexdecimal number":
            let line = error.contextLine ?? error.line
            return YAMLSyntaxMessage(line: line, column: error.column,
                                     "Trong ngoặc kép, dấu gạch chéo ngược (\\) có nghĩa đặc biệt. Dòng đang là “\(quoted(lines[line]))”; hãy đặt giá trị trong nháy đơn ('…') thay cho ngoặc kép, hoặc viết \\\\ thay cho \\.")
        case "did not find expected ',' or ']'", "did not find expected ',' or '}'":
            let (open, close) = error.problem.hasSuffix("']'") ? ("[", "]") : ("{", "}")
            return YAMLSyntaxMessage(line: contextLine, column: error.contextColumn ?? 1,
                                     "Dấu “\(open)” mở ở dòng này nhưng không được đóng bằng “\(close)” trên cùng dòng. Dòng đang là “\(quoted(lines[contextLine]))”. Hãy thêm “\(close)”, hoặc viết danh sách mỗi mục một dòng bắt đầu bằng “- ”.")
        case YAMLTreeBuilder.tooDeepProblem:
            return YAMLSyntaxMessage(line: error.line, column: error.column,
                                     "Các danh sách lồng nhau quá sâu (quá \(YAMLTreeBuilder.maximumNesting) tầng); phần khai báo không bao giờ cần như vậy.")
        case YAMLTreeBuilder.anotherDocumentProblem:
            return YAMLSyntaxMessage(line: error.line, column: error.column,
                                     "Dòng “\(quoted(lines[error.line]))” bắt đầu một phần khai báo thứ hai; tệp chỉ được có một. Hãy xóa dòng này.")
        default:
            return nil
        }
    }

    private static func unclosedQuote(line: Int, column: Int, _ lines: YAMLLines) -> YAMLSyntaxMessage {
        let text = lines[line]
        let mark = lines.character(line: line, column: column) ?? "\""
        let name = mark == "'" ? "Dấu nháy đơn (')" : "Dấu ngoặc kép (\(mark))"
        let closing: Character = mark == "“" ? "”" : mark == "‘" ? "’" : mark
        return YAMLSyntaxMessage(line: line, column: column,
                                 "\(name) mở ở dòng này nhưng không được đóng. Dòng đang là “\(quoted(text))”; hãy thêm \(closing) vào cuối giá trị: “\(quoted(text))\(closing)”.")
    }

    private static func missingColon(line: Int, _ lines: YAMLLines) -> YAMLSyntaxMessage {
        let text = lines[line]
        let trimmed = text.trimmingWhitespace(includingNewlines: false)
        let column = lines.indentation(line) + 1
        if let first = trimmed.first, bullets.contains(first) {
            return YAMLSyntaxMessage(line: line, column: column,
                                     "Dòng “\(quoted(text))” bắt đầu bằng “\(first)” (dấu đầu dòng của Word). Danh sách viết \(listForm(for: trimmed[...])).")
        }
        let word = trimmed.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        let rest = trimmed.dropFirst(word.count)
        if !word.isEmpty, rest.first == ":", let next = rest.dropFirst().first, next != " " {
            return YAMLSyntaxMessage(line: line, column: column,
                                     "Sau dấu hai chấm phải có một dấu cách. Dòng đang là “\(quoted(text))”; hãy viết “\(word): \(rest.dropFirst())”.")
        }
        if !word.isEmpty, rest.first == " " {
            let value = rest.trimmingWhitespace(includingNewlines: false)
            return YAMLSyntaxMessage(line: line, column: column,
                                     "Thiếu dấu hai chấm (:) sau tên trường “\(word)”. Dòng đang là “\(quoted(text))”; hãy viết “\(word): \(value)”.")
        }
        return YAMLSyntaxMessage(line: line, column: column,
                                 "Dòng “\(quoted(text))” không có dạng “tên trường: giá trị”. Nếu đây là phần tiếp theo của giá trị ở dòng trên, hãy viết cả giá trị trên một dòng; nếu là một trường, hãy thêm dấu hai chấm và một dấu cách sau tên trường.")
    }

    /// libyaml's "mapping values are not allowed": a ": " inside a value, or a `key: value` line
    /// indented under a line that already has a value.
    private static func misplacedColon(line: Int, column: Int, _ lines: YAMLLines) -> YAMLSyntaxMessage? {
        let text = lines[line]
        guard let key = lines.keyLine(line) else { return nil }
        if column > key.colonColumn {
            return YAMLSyntaxMessage(line: line, column: column,
                                     "Giá trị của “\(key.key)” có dấu hai chấm và dấu cách (“: ”) nên phải đặt trong ngoặc kép. Dòng đang là “\(quoted(text))”; hãy viết “\(key.key): \(doubleQuoted(key.value))”.")
        }
        return misindented(line: line, lines)
    }

    /// A line libyaml did not expect where it is: text after a closing quote or bracket, a list
    /// item outside a list, or a line indented differently from the one above.
    private static func unexpectedLine(line: Int, column: Int, expectingItem: Bool, _ lines: YAMLLines) -> YAMLSyntaxMessage? {
        let line = lines.contentLine(atOrBefore: line)
        let text = lines[line]
        let before = lines.prefix(line: line, beforeColumn: column).trimmingWhitespace(includingNewlines: false)
        if column > lines.indentation(line) + 1, let last = before.last, "\"'”’]}".contains(last), let key = lines.keyLine(line) {
            let extra = lines.suffix(line: line, fromColumn: column).trimmingWhitespace(includingNewlines: false)
            if last == "]" || last == "}" {
                return YAMLSyntaxMessage(line: line, column: column,
                                         "Sau dấu “\(last)” đóng còn chữ “\(extra)”. Dòng đang là “\(quoted(text))”; hãy đưa phần đó vào trong ngoặc hoặc xóa nó.")
            }
            let whole = key.value.filter { !"\"'“”".contains($0) }
            return YAMLSyntaxMessage(line: line, column: column,
                                     "Sau dấu “\(last)” đóng còn chữ “\(extra)”. Dòng đang là “\(quoted(text))”; hãy đặt cả giá trị trong ngoặc kép: “\(key.key): \(doubleQuoted(whole[...]))”.")
        }
        if let message = misindented(line: line, lines) { return message }
        if expectingItem {
            return YAMLSyntaxMessage(line: line, column: lines.indentation(line) + 1,
                                     "Dòng “\(quoted(text))” nằm giữa một danh sách nhưng không bắt đầu bằng “- ”. Trong danh sách, \(listForm(for: text.trimmingWhitespace(includingNewlines: false)[...])).")
        }
        if text.trimmingWhitespace(includingNewlines: false).hasPrefix("- ") {
            return YAMLSyntaxMessage(line: line, column: lines.indentation(line) + 1,
                                     "Dòng “\(quoted(text))” là một mục danh sách nhưng dòng trên không mở danh sách. Mục danh sách phải nằm dưới một dòng “tên:” không có giá trị, thụt lề hai dấu cách.")
        }
        return nil
    }

    /// A line whose indentation differs from the line above where it may not.
    private static func misindented(line: Int, _ lines: YAMLLines) -> YAMLSyntaxMessage? {
        guard let previous = lines.previousContentLine(before: line) else { return nil }
        let own = lines.indentation(line), above = lines.indentation(previous)
        let text = quoted(lines[line]), aboveText = quoted(lines[previous])
        if own > above, let parent = lines.keyLine(previous), parent.value.isEmpty {
            return nil
        }
        if own > above, lines.keyLine(previous) != nil {
            let how = own - above == 1
                ? "lệch một dấu cách so với dòng trên “\(aboveText)” (\(above) dấu cách). Các dòng cùng nhóm phải thẳng hàng: hãy"
                : "sâu hơn dòng trên “\(aboveText)” (\(above) dấu cách), nhưng dòng trên đã có giá trị nên không có mục con. Nếu đây là phần tiếp của giá trị dòng trên, hãy viết cả giá trị trên một dòng; nếu không, hãy"
            return YAMLSyntaxMessage(line: line, column: 1, "Dòng “\(text)” thụt lề \(own) dấu cách, \(how) để đúng \(above) dấu cách ở đầu dòng.")
        }
        if own < above, let sibling = lines.siblingIndentation(before: line, above: own), sibling != own {
            let off = abs(sibling - own) == 1 ? ", lệch một dấu cách" : ""
            return YAMLSyntaxMessage(line: line, column: 1,
                                     "Dòng “\(text)” thụt lề \(own) dấu cách, trong khi các dòng cùng nhóm thụt lề \(sibling) dấu cách\(off). Các dòng cùng nhóm phải thẳng hàng: hãy để đúng \(sibling) dấu cách ở đầu dòng.")
        }
        return nil
    }

    private static func generic(_ error: YAMLTreeBuilder.SyntaxError, _ lines: YAMLLines) -> YAMLSyntaxMessage {
        let line = lines.contentLine(atOrBefore: error.line)
        let column = line == error.line ? error.column : lines.indentation(line) + 1
        let shown = lines[line].isEmpty ? "" : " Dòng đang là “\(quoted(lines[line]))”."
        return YAMLSyntaxMessage(line: line, column: column,
                                 "Sai cú pháp YAML: \(problemText(error.problem)).\(shown) Hãy kiểm tra dấu hai chấm sau tên trường, thụt lề bằng dấu cách và các dấu ngoặc kép ở dòng này.")
    }

    /// A line as shown inside “…”: without its indentation, cut at 80 characters.
    package static func quoted(_ line: Substring) -> String {
        let text = line.trimmingWhitespace(includingNewlines: false)
        return text.count > 80 ? String(text.prefix(79)) + "…" : String(text)
    }

    /// A value in double quotes, with its own `"` and `\` escaped.
    static func doubleQuoted(_ value: Substring) -> String {
        var result = "\""
        for character in value.trimmingWhitespace(includingNewlines: false) {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }
}
