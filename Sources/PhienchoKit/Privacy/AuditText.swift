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

    // What may stand between the digits of one number (`isDigitSeparator`): spaces (also no-break,
    // thin and full-width), dots and hyphens (also full-width).

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        for scalar in scalars { append(scalar.value) }
        finish()
    }

    /// The same from UTF-8 bytes, decoded inline (invalid sequences count as U+FFFD).
    init(utf8 bytes: some Collection<UInt8>) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): append(scalar.value)
            case .error: append(0xFFFD)
            case .emptyInput: break loop
            }
        }
        finish()
    }

    private var digitGap = 0

    private mutating func append(_ value: UInt32) {
        if (0x300...0x36F).contains(value) { return }  // combining marks vanish (NFD input)
        if Self.isInvisible(value) { return }            // so do characters a reader never sees
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
            if Self.isDigitSeparator(value) {
                digitGap += 1
            } else {
                digitGap = Self.maximumDigitGap + 1
            }
            if digitGap > 1, strictDigits.last != UInt8(ascii: "|") { strictDigits.append(UInt8(ascii: "|")) }
            if digitGap > Self.maximumDigitGap { digits.append(UInt8(ascii: "|")) }
        }
    }

    private mutating func finish() {
        if words.last != 0x20 { words.append(0x20) }
        if digits.last != UInt8(ascii: "|") { digits.append(UInt8(ascii: "|")) }
        if strictDigits.last != UInt8(ascii: "|") { strictDigits.append(UInt8(ascii: "|")) }
    }

    /// Soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM: invisible in a browser, so
    /// "Ngu&shy;yễn" or "0912\u{200B}345678" must read as the word or number they show.
    private static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0xAD, 0x200B...0x200D, 0x2060...0x2064, 0xFEFF: true
        default: false
        }
    }

    private static func isDigitSeparator(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x2E, 0x2D, 0xA0, 0x2009, 0x202F, 0x3000, 0xFF0E, 0xFF0D: true
        default: false
        }
    }

    /// The text a reader sees: character references decoded (`&#78;`, `&#x4E;`, `&amp;`, `&nbsp;` …),
    /// JSON `\uXXXX` escapes decoded, tags removed (inline ones without a gap, others as a space).
    static func visibleText(of text: String) -> String {
        String(decoding: visibleUTF8(of: Array(text.utf8)), as: UTF8.self)
    }

    /// `visibleText` over UTF-8 bytes, without building Strings on the way (the audit's hot path).
    static func visibleUTF8(of bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let count = bytes.count
        var index = 0
        func appendScalar(_ value: UInt32) {
            guard let scalar = Unicode.Scalar(value) else { return }
            out.append(contentsOf: String(scalar).utf8)
        }
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), let close = bytes[index..<min(count, index + 2000)].firstIndex(of: UInt8(ascii: ">")) {
                var nameStart = index + 1
                if nameStart < close, bytes[nameStart] == UInt8(ascii: "/") { nameStart += 1 }
                var nameEnd = nameStart
                while nameEnd < close, isASCIILetter(bytes[nameEnd]) { nameEnd += 1 }
                if !isInlineTag(bytes[nameStart..<nameEnd]) { out.append(0x20) }
                index = close + 1
            } else if byte == UInt8(ascii: "&"), let semicolon = bytes[index..<min(count, index + 12)].firstIndex(of: UInt8(ascii: ";")),
                      let decoded = decodeReference(bytes[(index + 1)..<semicolon]) {
                appendScalar(decoded)
                index = semicolon + 1
            } else if byte == UInt8(ascii: "\\"), index + 5 < count, bytes[index + 1] == UInt8(ascii: "u"),
                      let value = hexValue(bytes[(index + 2)...(index + 5)]), Unicode.Scalar(value) != nil {
                appendScalar(value)
                index += 6
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isInlineTag(_ name: ArraySlice<UInt8>) -> Bool {
        guard !name.isEmpty, name.count <= 6 else { return false }
        return inlineTags.contains(String(decoding: name.map { $0 | 0x20 }, as: UTF8.self))
    }

    private static func hexValue(_ digits: some Collection<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for digit in digits {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value * 16 + UInt32(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value * 16 + UInt32(digit - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = value * 16 + UInt32(digit - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        return value
    }

    private static func decodeReference(_ body: ArraySlice<UInt8>) -> UInt32? {
        let text = String(decoding: body, as: UTF8.self)
        if text.hasPrefix("#x") || text.hasPrefix("#X") { return UInt32(text.dropFirst(2), radix: 16).flatMap { Unicode.Scalar($0)?.value } }
        if text.hasPrefix("#") { return UInt32(text.dropFirst()).flatMap { Unicode.Scalar($0)?.value } }
        switch text {
        case "amp": return 0x26
        case "lt": return 0x3C
        case "gt": return 0x3E
        case "quot": return 0x22
        case "apos": return 0x27
        case "nbsp": return 0x20
        case "shy": return 0xAD
        default: return namedLetters[text]
        }
    }

    /// HTML's named references for the letters Vietnamese is written with: the Latin-1 ones
    /// (`&agrave;`, `&Ecirc;`, `&ugrave;` … from base letter + grave/acute/circ/tilde/uml/ring/cedil)
    /// and ă, đ, ĩ, ũ. "H&ugrave;ng" is "Hùng" to a reader, so it must be to the audit.
    private static let namedLetters: [String: UInt32] = {
        var table: [String: UInt32] = ["Abreve": 0x102, "abreve": 0x103, "Dstrok": 0x110, "dstrok": 0x111,
                                       "Itilde": 0x128, "itilde": 0x129, "Utilde": 0x168, "utilde": 0x169]
        let marks: [(String, UInt32)] = [("grave", 0x300), ("acute", 0x301), ("circ", 0x302), ("tilde", 0x303),
                                         ("uml", 0x308), ("ring", 0x30A), ("cedil", 0x327)]
        for base in "AEIOUYNCaeiouync".unicodeScalars {
            for (name, mark) in marks {
                var pair = String.UnicodeScalarView()
                pair.append(base)
                pair.append(Unicode.Scalar(mark)!)
                let composed = String(pair).nfc.unicodeScalars
                if composed.count == 1, let scalar = composed.first, (0xC0...0xFF).contains(scalar.value) {
                    table[String(base) + name] = scalar.value
                }
            }
        }
        return table
    }()

    private static let inlineTags: Set<String> = ["a", "b", "i", "em", "strong", "span", "small", "mark", "u", "s", "abbr", "code", "sub", "sup", "time", "q", "cite", "bdi", "bdo", "data", "kbd", "samp", "var", "wbr"]
}
