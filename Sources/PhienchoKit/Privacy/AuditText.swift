#if canImport(Glibc)
import Glibc
#endif

/// Takes text as UTF-8 bytes or as scalars: where `AuditText.readerViews` sends what it reads.
protocol UTF8Consumer {
    /// Takes `bytes[index..<end]` up to the first `&` or `\` (where `index` is left, for the
    /// caller to decode the reference or escape there), or all of it.
    mutating func appendUntilEscape(_ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int, upTo end: Int)
    /// A Unicode scalar value (valid).
    mutating func append(_ scalar: UInt32)
}

extension UTF8Consumer {
    /// Takes all of `bytes`, `&` and `\` as they are.
    mutating func append(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < bytes.count {
            appendUntilEscape(bytes, from: &index, upTo: bytes.count)
            if index < bytes.count {
                append(UInt32(bytes[index]))
                index += 1
            }
        }
    }
}

/// Collects UTF-8 into an array.
struct ByteCollector: UTF8Consumer {
    var bytes: [UInt8] = []

    mutating func appendUntilEscape(_ source: UnsafeBufferPointer<UInt8>, from index: inout Int, upTo end: Int) {
        var plain = index
        while plain < end, source[plain] != UInt8(ascii: "&"), source[plain] != UInt8(ascii: "\\") { plain += 1 }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[index..<plain]))
        index = plain
    }

    mutating func append(_ scalar: UInt32) {
        guard let scalar = Unicode.Scalar(scalar) else { return }
        if scalar.isASCII { bytes.append(UInt8(scalar.value)) } else { bytes.append(contentsOf: String(scalar).utf8) }
    }
}

/// Receives the normalised views of a text as `AuditFolder` produces them, byte by byte: `AuditText`
/// collects them into arrays (to build patterns), the leak audit runs them straight through its
/// automata without building them.
protocol AuditSink {
    /// The next character of `words` as its automaton symbol (`AhoCorasick.symbol`): 0 for the
    /// space, 1…26 for a–z, 27…36 for 0–9.
    mutating func word(_ symbol: Int)
    /// A digit, appended to `digits` and to `strictDigits`.
    mutating func digit(_ byte: UInt8)
    /// The end of a number in `digits` (a `|`).
    mutating func digitBreak()
    /// The end of a number in `strictDigits` (a `|`).
    mutating func strictBreak()
}

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
struct AuditText: AuditSink {
    private(set) var words: [UInt8] = []
    private(set) var digits: [UInt8] = []
    private(set) var strictDigits: [UInt8] = []

    /// Empty views, for an `AuditFolder` to fill.
    init() {}

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        var folder = AuditFolder(AuditText())
        for scalar in scalars { folder.append(scalar.value) }
        self = folder.finish()
    }

    /// The same from UTF-8 bytes (invalid sequences count as U+FFFD).
    init(utf8 bytes: [UInt8]) {
        var folder = AuditFolder(AuditText())
        bytes.withUnsafeBufferPointer { folder.append(utf8: $0) }
        self = folder.finish()
    }

    mutating func word(_ symbol: Int) { words.append(AhoCorasick.character(symbol)) }
    mutating func digit(_ byte: UInt8) { digits.append(byte); strictDigits.append(byte) }
    mutating func digitBreak() { digits.append(UInt8(ascii: "|")) }
    mutating func strictBreak() { strictDigits.append(UInt8(ascii: "|")) }
}

/// Folds a text into the views described at `AuditText` and hands them to a sink.
struct AuditFolder<Sink: AuditSink>: UTF8Consumer {
    /// How many spaces, dots and hyphens may stand between two digits of one number.
    static var maximumDigitGap: Int { 3 }

    private(set) var sink: Sink
    private var lastWordWasSpace = true
    private var lastDigitWasBreak = true
    private var lastStrictWasBreak = true
    private var digitGap = 0
    // Held here: reading a global table per character would pay its lazy-initialisation check each time.
    private let ascii = AuditFoldTables.ascii
    private let latin = AuditFoldTables.latin
    private let extended = AuditFoldTables.extended

    init(_ sink: Sink) {
        self.sink = sink
        self.sink.word(0)
        self.sink.digitBreak()
        self.sink.strictBreak()
    }

    /// Ends every view and gives the sink back.
    mutating func finish() -> Sink {
        if !lastWordWasSpace { sink.word(0) }
        if !lastDigitWasBreak { sink.digitBreak() }
        if !lastStrictWasBreak { sink.strictBreak() }
        return sink
    }

    /// Decodes UTF-8 inline, ASCII through one table lookup; each byte of an invalid sequence counts
    /// as one U+FFFD (any number of them separates words and numbers alike, so how many does not
    /// matter).
    mutating func appendUntilEscape(_ bytes: UnsafeBufferPointer<UInt8>, from start: inout Int, upTo end: Int) {
        var index = start
        defer { start = index }
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                let symbol = ascii[Int(lead)]
                if symbol == AuditFoldTables.escape { return }
                append(symbol: Int(symbol), of: UInt32(lead))
                index += 1
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
            guard length > 0, index + length <= end else {
                append(nonASCII: 0xFFFD)
                index += 1
                continue
            }
            var value = UInt32(lead) & (0xFF >> (length + 1))
            var valid = true
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { valid = false; break }
                value = value << 6 | UInt32(next & 0x3F)
            }
            // Overlong forms, surrogates and values past U+10FFFF are invalid, as in Swift's decoder.
            let minimum: UInt32 = length == 3 ? 0x800 : length == 4 ? 0x10000 : 0x80
            if !valid || value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
                append(nonASCII: 0xFFFD)
                index += 1
                continue
            }
            append(nonASCII: value)
            index += length
        }
    }

    mutating func append(_ value: UInt32) {
        if value < 0x80 {
            let symbol = ascii[Int(value)]
            append(symbol: symbol == AuditFoldTables.escape ? 0 : Int(symbol), of: value)
        } else {
            append(nonASCII: value)
        }
    }

    @inline(__always)
    private mutating func append(nonASCII value: UInt32) {
        if (0x300...0x36F).contains(value) || Self.isInvisible(value) { return }  // combining marks (NFD), invisible characters
        append(symbol: fold(value), of: value)
    }

    /// `symbol`: what `value` folds to, as in `AuditSink.word` (0: no letter or digit).
    @inline(__always)
    private mutating func append(symbol: Int, of value: UInt32) {
        if symbol != 0 {
            sink.word(symbol)
            lastWordWasSpace = false
            if symbol >= AhoCorasick.firstDigitSymbol {
                digitGap = 0
                sink.digit(UInt8(symbol - AhoCorasick.firstDigitSymbol) + UInt8(ascii: "0"))
                lastDigitWasBreak = false
                lastStrictWasBreak = false
                return
            }
        } else if !lastWordWasSpace {
            sink.word(0)
            lastWordWasSpace = true
        }
        if !lastDigitWasBreak {
            digitGap = symbol == 0 && Self.isDigitSeparator(value) ? digitGap + 1 : Self.maximumDigitGap + 1
            if digitGap > 1, !lastStrictWasBreak {
                sink.strictBreak()
                lastStrictWasBreak = true
            }
            if digitGap > Self.maximumDigitGap {
                sink.digitBreak()
                lastDigitWasBreak = true
            }
        }
    }

    private func fold(_ value: UInt32) -> Int {
        if value < 0x250 { return Int(latin[Int(value)]) }
        if (0x1E00...0x1EFF).contains(value) { return Int(extended[Int(value - 0x1E00)]) }
        if (0xFF10...0xFF19).contains(value) { return AhoCorasick.firstDigitSymbol + Int(value - 0xFF10) }  // full-width ０–９ (NFKC: 0–9)
        if (0xFF21...0xFF3A).contains(value) { return 1 + Int(value - 0xFF21) }  // full-width Ａ–Ｚ
        if (0xFF41...0xFF5A).contains(value) { return 1 + Int(value - 0xFF41) }  // full-width ａ–ｚ
        return 0
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
}

/// The folding tables of `AuditFolder`, built once: what each character folds to, as the word
/// automaton's symbol (`AhoCorasick.symbol`; 0 for anything that is not a letter or digit).
enum AuditFoldTables {
    /// In `ascii`: `&` and `\`, where a character reference or a `\u` escape may start.
    static let escape: UInt8 = 0xFF

    /// ASCII: A–Z and a–z → a–z, 0–9 → 0–9, `&` and `\` → `escape`.
    static let ascii: [UInt8] = (0..<0x80).map { value in
        value == UInt8(ascii: "&") || value == UInt8(ascii: "\\") ? escape : asciiSymbol(value)
    }

    /// Latin scalars below U+0250 that fold to one letter or digit; other scripts have no ASCII folding.
    static let latin: [UInt8] = (0..<0x250).map { value in
        guard value >= 0x80 else { return asciiSymbol(UInt8(value)) }
        return single(VietnameseFolding.fold(String(Character(Unicode.Scalar(value)!))))
    }

    /// Latin Extended Additional (U+1E00–U+1EFF: ạ, ế, ữ …).
    static let extended: [UInt8] = (0x1E00...0x1EFF).map { value in
        single(VietnameseFolding.fold(String(Character(Unicode.Scalar(value)!))))
    }

    /// The symbol of an ASCII letter (either case) or digit; 0 for any other ASCII byte.
    private static func asciiSymbol(_ byte: UInt8) -> UInt8 {
        UInt8(AhoCorasick.symbol(byte &- UInt8(ascii: "A") < 26 ? byte + 32 : byte))
    }

    /// The symbol of a folding that is one lower-case ASCII letter or digit, else 0.
    private static func single(_ folded: String) -> UInt8 {
        guard folded.utf8.count == 1, let byte = folded.utf8.first else { return 0 }
        return UInt8(AhoCorasick.symbol(byte))
    }
}

extension AuditText {
    /// The text a reader sees: character references decoded (`&#78;`, `&#x4E;`, `&amp;`, `&nbsp;` …),
    /// JSON `\uXXXX` escapes decoded, tags removed (inline ones without a gap, others as a space).
    static func visibleText(of text: String) -> String {
        String(decoding: readerViews(of: Array(text.utf8)).visible, as: UTF8.self)
    }

    /// What the audit searches in a file, in one pass without building Strings:
    /// - `visible`: the text a reader sees (`visibleText`);
    /// - `markup`: what is inside the tags (attribute values, comments, `<!DOCTYPE>` …), one tag per
    ///   line, with character references and `\uXXXX` escapes decoded as a browser decodes them in
    ///   attribute values (`href="tel:&#48;912…"`).
    /// Together they hold every byte of the file once.
    static func readerViews(of bytes: [UInt8]) -> (visible: [UInt8], markup: [UInt8]) {
        var visible = ByteCollector(), markup = ByteCollector()
        visible.bytes.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { readerViews(of: $0, visible: &visible, markup: &markup) }
        return (visible.bytes, markup.bytes)
    }

    /// The same, handed to consumers as it is produced (the audit folds it straight into its automata).
    static func readerViews<Visible: UTF8Consumer, Markup: UTF8Consumer>(
        of bytes: UnsafeBufferPointer<UInt8>, visible: inout Visible, markup: inout Markup
    ) {
        let count = bytes.count
        var index = 0
        while index < count {
            decode(bytes, from: &index, upTo: find(UInt8(ascii: "<"), in: bytes, from: index, to: count) ?? count, into: &visible)
            guard index < count else { break }
            guard let close = find(UInt8(ascii: ">"), in: bytes, from: index, to: min(count, index + 2000)) else {
                visible.append(UInt32(UInt8(ascii: "<")))   // no tag: an ordinary character
                index += 1
                continue
            }
            var nameStart = index + 1
            if nameStart < close, bytes[nameStart] == UInt8(ascii: "/") { nameStart += 1 }
            var nameEnd = nameStart
            var name: UInt64 = 0
            while nameEnd < close, isASCIILetter(bytes[nameEnd]) {
                name = name << 8 | UInt64(bytes[nameEnd] | 0x20)
                nameEnd += 1
            }
            if !(1...6).contains(nameEnd - nameStart) || !isInlineTag(name) { visible.append(0x20) }
            index += 1
            decode(bytes, from: &index, upTo: close, into: &markup)
            markup.append(UInt32(UInt8(ascii: "\n")))
            index = close + 1
        }
    }

    /// The first `byte` in `bytes[from..<end]`, or nil.
    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        guard from < end, let found = memchr(bytes.baseAddress! + from, Int32(byte), end - from) else { return nil }
        return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Hands `bytes[index..<end]` to `out`, decoding references and escapes.
    private static func decode<Out: UTF8Consumer>(_ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int, upTo end: Int,
                                                  into out: inout Out) {
        while index < end {
            out.appendUntilEscape(bytes, from: &index, upTo: end)
            guard index < end else { return }
            if bytes[index] == UInt8(ascii: "&"), let semicolon = find(UInt8(ascii: ";"), in: bytes, from: index, to: min(end, index + 12)),
               let decoded = decodeReference(bytes[(index + 1)..<semicolon]) {
                if Unicode.Scalar(decoded) != nil { out.append(decoded) }
                index = semicolon + 1
            } else if bytes[index] == UInt8(ascii: "\\"), index + 5 < end, bytes[index + 1] == UInt8(ascii: "u"),
                      let value = hexValue(bytes[(index + 2)...(index + 5)]), Unicode.Scalar(value) != nil {
                out.append(value)
                index += 6
            } else {
                out.append(UInt32(bytes[index]))
                index += 1
            }
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// Whether a tag does not separate words on screen ("<b>Ng</b>uyễn" reads "Nguyễn"): a, abbr, b,
    /// bdi, bdo, cite, code, data, em, i, kbd, mark, q, s, samp, small, span, strong, sub, sup,
    /// time, u, var, wbr. `name`: the tag name's letters, lower-cased, packed into one integer as
    /// `readerViews` reads them (a switch over constants compiles to a few comparisons).
    static func isInlineTag(_ name: UInt64) -> Bool {
        switch name {
        case 0x61, 0x62, 0x69, 0x71, 0x73, 0x75,                  // a b i q s u
             0x656d,                                              // em
             0x626469, 0x62646f, 0x6b6264, 0x737562, 0x737570,    // bdi bdo kbd sub sup
             0x766172, 0x776272,                                  // var wbr
             0x61626272, 0x63697465, 0x636f6465, 0x64617461,      // abbr cite code data
             0x6d61726b, 0x73616d70, 0x7370616e, 0x74696d65,      // mark samp span time
             0x736d616c6c, 0x7374726f6e67:                        // small strong
            true
        default:
            false
        }
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

    private static func decodeReference(_ body: Slice<UnsafeBufferPointer<UInt8>>) -> UInt32? {
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

}
