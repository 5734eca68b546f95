/// The normalised views of a text that the leak audit searches, built in one pass over UTF-8:
///
/// - `words`: letters and digits, folded (no diacritics, lower-case, đ→d, any Unicode form), every
///   run of anything else turned into one space, with a space at both ends — so " nguyen van an "
///   matches only whole words.
/// - `digits`: runs of digits where spaces, dots and hyphens between digits (up to
///   `maximumDigitGap` of them) are removed ("0912 345.678" and "0912 - 345 - 678" →
///   "0912345678"), runs separated by `|`.
/// - `strictDigits`: the same with at most one separator between digits, so that a number written
///   next to another ("037 088 597 395 - 2026") is still seen on its own by the CCCD-shape check.
struct AuditText {
    /// How many spaces, dots and hyphens may stand between two digits of one number.
    static let maximumDigitGap = 3

    private(set) var words: [UInt8] = [0x20]
    private(set) var digits: [UInt8] = [UInt8(ascii: "|")]
    private(set) var strictDigits: [UInt8] = [UInt8(ascii: "|")]

    /// Folded ASCII for every Latin scalar below U+0250 that folds to one letter or digit (0 = none);
    /// other scripts have no ASCII folding.
    private static let foldTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x250)
        for value in 0x80..<0x250 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = VietnameseFolding.fold(String(Character(scalar)))
            if folded.utf8.count == 1, let byte = folded.utf8.first,
               (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                table[value] = byte
            }
        }
        return table
    }()

    /// Folded ASCII for Latin Extended Additional (U+1E00–U+1EFF: ạ, ế, ữ …).
    private static let extendedTable: [UInt8] = (0x1E00...0x1EFF).map { value in
        let folded = VietnameseFolding.fold(String(Character(Unicode.Scalar(value)!)))
        return folded.utf8.count == 1 ? folded.utf8.first! : 0
    }

    /// What may stand between the digits of one number: spaces (also no-break, thin and full-width),
    /// dots and hyphens (also full-width).
    private static let digitSeparators: Set<Unicode.Scalar> = [" ", ".", "-", "\u{A0}", "\u{2009}", "\u{202F}", "\u{3000}", "\u{FF0E}", "\u{FF0D}"]

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        var digitGap = 0
        for scalar in scalars {
            let value = scalar.value
            if (0x300...0x36F).contains(value) { continue }  // combining marks vanish (NFD input)
            var byte: UInt8 = 0
            if value < 0x80 {
                let ascii = UInt8(value)
                if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(ascii) { byte = ascii + 32 }
                else if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(ascii) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ascii) { byte = ascii }
            } else if value < 0x250 {
                byte = Self.foldTable[Int(value)]
            } else if (0x1E00...0x1EFF).contains(value) {
                byte = Self.extendedTable[Int(value - 0x1E00)]
            } else if (0xFF10...0xFF19).contains(value) {   // full-width ０–９ (NFKC: 0–9)
                byte = UInt8(ascii: "0") + UInt8(value - 0xFF10)
            } else if (0xFF21...0xFF3A).contains(value) {   // full-width Ａ–Ｚ
                byte = UInt8(ascii: "a") + UInt8(value - 0xFF21)
            } else if (0xFF41...0xFF5A).contains(value) {   // full-width ａ–ｚ
                byte = UInt8(ascii: "a") + UInt8(value - 0xFF41)
            }
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            if byte != 0 {
                words.append(byte)
            } else if words.last != 0x20 {
                words.append(0x20)
            }
            if isDigit {
                digitGap = 0
                digits.append(byte)
                strictDigits.append(byte)
            } else if digits.last != UInt8(ascii: "|") {
                if Self.digitSeparators.contains(scalar) {
                    digitGap += 1
                } else {
                    digitGap = Self.maximumDigitGap + 1
                }
                if digitGap > 1, strictDigits.last != UInt8(ascii: "|") { strictDigits.append(UInt8(ascii: "|")) }
                if digitGap > Self.maximumDigitGap { digits.append(UInt8(ascii: "|")) }
            }
        }
        if words.last != 0x20 { words.append(0x20) }
        if digits.last != UInt8(ascii: "|") { digits.append(UInt8(ascii: "|")) }
        if strictDigits.last != UInt8(ascii: "|") { strictDigits.append(UInt8(ascii: "|")) }
    }

    /// The text a reader sees: character references decoded (`&#78;`, `&#x4E;`, `&amp;`, `&nbsp;` …),
    /// JSON `\uXXXX` escapes decoded, tags removed (inline ones without a gap, others as a space).
    static func visibleText(of text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let close = scalars[index...].firstIndex(of: ">"), close - index < 2000 {
                let name = String(String.UnicodeScalarView(scalars[(index + 1)..<close])).lowercased()
                    .trimmingPrefix("/").prefix(while: { $0.isLetter })
                if !inlineTags.contains(String(name)) { out.append(" ") }
                index = close + 1
            } else if scalar == "&", let semicolon = scalars[index...].prefix(12).firstIndex(of: ";"),
                      let decoded = decodeReference(String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon]))) {
                out.append(decoded)
                index = semicolon + 1
            } else if scalar == "\\", index + 5 < scalars.count, scalars[index + 1] == "u",
                      let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)...(index + 5)])), radix: 16),
                      let decoded = Unicode.Scalar(value) {
                out.append(decoded)
                index += 6
            } else {
                out.append(scalar)
                index += 1
            }
        }
        return String(out)
    }

    private static let inlineTags: Set<String> = ["a", "b", "i", "em", "strong", "span", "small", "mark", "u", "s", "abbr", "code", "sub", "sup", "time", "q", "cite", "bdi", "bdo", "data", "kbd", "samp", "var", "wbr"]

    private static func decodeReference(_ body: String) -> Unicode.Scalar? {
        if body.hasPrefix("#x") || body.hasPrefix("#X") { return UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
        if body.hasPrefix("#") { return UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init) }
        switch body {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default: return nil
        }
    }
}

private extension String {
    func trimmingPrefix(_ prefix: String) -> Substring { hasPrefix(prefix) ? dropFirst(prefix.count) : self[...] }
}
