/// `phiencho check --format json`: the diagnostics as a JSON array, for a content repository's own CI.
///
/// Each element is `{"path", "line", "column", "severity", "code", "message"}` in that order; line and
/// column are 1-based or `null` when the problem has no position; severity is `"error"` or
/// `"warning"`; code is the stable `PCnnn` code of the staff guide. One element per line, UTF-8.
public enum DiagnosticJSON {
    public static func encode(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "[]\n" }
        let lines = diagnostics.map { object($0) }
        return escapingTerminalControls("[\n  " + lines.joined(separator: ",\n  ") + "\n]\n")
    }

    /// C1 controls and bidirectional marks are valid raw in JSON but act on a terminal that shows
    /// it; they can only stand inside strings here, so each is written as a `\uXXXX` escape.
    private static func escapingTerminalControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0.value >= 0x7F && TerminalText.needsEscape($0) }) else { return json }
        var out = ""
        for scalar in json.unicodeScalars {
            if scalar.value >= 0x7F, TerminalText.needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    package static func object(_ diagnostic: Diagnostic) -> String {
        var out = "{"
        func member(_ key: String, _ value: String, last: Bool = false) {
            JSON.writeString(key, into: &out)
            out += ":" + value + (last ? "" : ",")
        }
        func string(_ text: String) -> String {
            var quoted = ""
            JSON.writeString(text, into: &quoted)
            return quoted
        }
        member("path", string(diagnostic.path))
        member("line", diagnostic.line.map(String.init) ?? "null")
        member("column", diagnostic.column.map(String.init) ?? "null")
        member("severity", string(diagnostic.severity.rawValue))
        member("code", string(diagnostic.code.rawValue))
        member("message", string(diagnostic.message), last: true)
        return out + "}"
    }
}
