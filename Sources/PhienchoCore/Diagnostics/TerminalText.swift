/// Text from content (file names, keys, values) made safe to print on a staff member's terminal.
///
/// A file name or a YAML value may hold ESC, a line break or a C1 control: printed as it is, it
/// could move the cursor, forge a diagnostic line or set the terminal's title. Every message
/// phiencho prints goes through `escaped`, which shows such characters as `\n`, `\t`, `\e` or
/// `\u{…}`. Bidirectional overrides and isolates are shown the same way, since they reorder what the
/// reader sees. Everything else, Vietnamese letters included, is printed as it is.
public enum TerminalText {
    /// `text` with every control character written out visibly; a backslash stays a backslash.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{1B}": out += "\\e"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// Each line of `text` escaped, the line breaks between them kept (for multi-line messages).
    public static func escapedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }.joined(separator: "\n")
    }

    /// C0 and C1 controls, DEL, and the bidirectional embeddings, overrides, isolates and marks.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: false
        }
    }
}
