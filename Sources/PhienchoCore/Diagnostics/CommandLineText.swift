/// The command line's help and argument errors in Vietnamese. swift-argument-parser writes its
/// headings and errors in English; the CLI passes everything it prints through `vietnamese(_:)`,
/// which rewrites each of the parser's fixed phrases. A test runs every mistake staff make on the
/// command line and fails on any English left.
public enum CommandLineText {
    /// Rewrites swift-argument-parser's English in `text`; text that holds none comes back as it is.
    public static func vietnamese(_ text: String) -> String {
        // The parser may write an error right after a help text, on the same line.
        var lines = text.replacingAll(".Error: ", with: ".\n\nError: ").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let atRoot = lines.contains { $0.hasPrefix("Usage: phiencho <subcommand>") }
        for index in lines.indices {
            lines[index] = line(lines[index], atRoot: atRoot)
        }
        return lines.joined(separator: "\n")
    }

    /// The subcommands, for the message about a command that does not exist.
    public static let commands = ["build", "check", "audit", "new", "import", "serve", "report"]

    private static func line(_ line: String, atRoot: Bool) -> String {
        var text = line
        for (english, vietnamese) in headings where text.hasPrefix(english) {
            text = vietnamese + text.dropFirst(english.count)
        }
        text = text.replacingAll("Show help information.", with: "Hiện hướng dẫn này.")
            .replacingAll("<subcommand>", with: "<lệnh>")
            // "(default: …)", and "(values: a, b; default: a)" however the help wraps it.
            .replacingAll("default: ", with: "mặc định: ")
            .replacingAll("(values: ", with: "(giá trị: ")
        if text.hasPrefix("  See 'phiencho help "), let rest = text.between("See 'phiencho help ", and: "' for detailed help.") {
            return "  Xem hướng dẫn của từng lệnh: phiencho help \(rest), ví dụ: phiencho help build"
        }
        if text.hasPrefix("  See '"), let command = text.between("  See '", and: "' for more information.") {
            return "  Xem hướng dẫn đầy đủ: \(command)"
        }
        guard text.hasPrefix("Lỗi: ") else { return text }
        return "Lỗi: " + error(String(text.dropFirst("Lỗi: ".count)), atRoot: atRoot)
    }

    private static let headings = [
        ("OVERVIEW: ", "TỔNG QUAN: "), ("USAGE: ", "CÁCH DÙNG: "), ("ARGUMENTS:", "THAM SỐ:"), ("OPTIONS:", "TÙY CHỌN:"),
        ("SUBCOMMANDS:", "CÁC LỆNH:"), ("Error: ", "Lỗi: "), ("Usage: ", "Cách dùng: "), ("Help: ", "Giải thích: "),
    ]

    /// One of the parser's error sentences.
    private static func error(_ text: String, atRoot: Bool) -> String {
        if let value = text.between("Unexpected argument '", and: "'") {
            return atRoot
                ? "Không có lệnh “\(value)”. Các lệnh là: \(commands.joined(separator: ", "))."
                : "Thừa “\(value)”. Giá trị có dấu cách phải đặt cả trong ngoặc kép, ví dụ \"Thợ may công nghiệp\"."
        }
        if let count = text.between("", and: " unexpected arguments: ") {
            let values = text.dropFirst(count.count + " unexpected arguments: ".count)
            return "Thừa \(count) giá trị: \(quotes(String(values))). Giá trị có dấu cách phải đặt cả trong ngoặc kép."
        }
        if let option = text.between("Unknown option '", and: "'. Did you mean '") {
            let guess = text.between("Did you mean '", and: "'?") ?? ""
            return "Không có tùy chọn “\(option)”. Có phải là “\(guess)”?"
        }
        if let option = text.between("Unknown option '", and: "'") {
            return "Không có tùy chọn “\(option)”. Xem các tùy chọn bằng --help."
        }
        if let option = text.between("Invalid option: ", and: "") {
            return "Tùy chọn “\(option)” không hợp lệ."
        }
        if let option = text.between("Missing value for '", and: "'") {
            return "Thiếu giá trị sau “\(option)”."
        }
        if let argument = text.between("Missing expected argument '", and: "'") {
            return "Thiếu \(argument)."
        }
        if let value = text.between("The value '", and: "' is invalid for '") {
            let option = text.between("' is invalid for '", and: "'") ?? ""
            var message = "Giá trị “\(value)” không dùng được cho “\(option)”."
            if let choices = text.between(". Please provide one of ", and: ".") {
                message += " Chỉ được dùng: \(quotes(choices.replacingAll(" and ", with: ", ").replacingAll(" or ", with: ", ")))."
            }
            return message
        }
        if let option = text.between("The option '", and: "' does not take any value") {
            let value = text.between("but '", and: "' was specified") ?? ""
            return "Tùy chọn “\(option)” không nhận giá trị (đang ghi “\(value)”)."
        }
        if let again = text.between("Value to be set with ", and: " had already been set with ") {
            return "“\(again)” được ghi hai lần; chỉ ghi một lần."
        }
        if text.hasPrefix("Missing required subcommand") {
            return "Thiếu tên lệnh. Các lệnh là: \(commands.joined(separator: ", "))."
        }
        if let choices = text.between("Missing one of: ", and: "") {
            return "Thiếu một trong: \(quotes(choices))."
        }
        if text.hasPrefix("Internal error") {
            return "Lỗi bên trong chương trình khi đọc lệnh; hãy báo cán bộ kỹ thuật."
        }
        return text
    }

    /// 'a', 'b' → “a”, “b”.
    private static func quotes(_ text: String) -> String {
        text.split(separator: ",").map { "“\($0.trimmingWhitespace(includingNewlines: false).trimmingQuotes)”" }.joined(separator: ", ")
    }
}

private extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    /// The text between the first `start` and the first `end` after it ("": to the end).
    func between(_ start: String, and end: String) -> String? {
        guard let opening = start.isEmpty ? startIndex..<startIndex : firstRange(of: start) else { return nil }
        let rest = self[opening.upperBound...]
        if end.isEmpty { return String(rest) }
        guard let range = rest.firstRange(of: end) else { return nil }
        return String(rest[..<range.lowerBound])
    }

    var trimmingQuotes: String {
        var text = self[...]
        while text.first == "'" { text = text.dropFirst() }
        while text.last == "'" { text = text.dropLast() }
        return String(text)
    }
}
