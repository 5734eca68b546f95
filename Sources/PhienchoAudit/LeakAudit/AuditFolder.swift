import PhienchoCore
import PhienchoContent

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

    /// Latin letters through the Vietnamese folding tables; any other character through
    /// `AuditConfusables` (full-width, mathematical and circled forms, other scripts' digits, and
    /// look-alikes such as a Cyrillic у for y).
    private func fold(_ value: UInt32) -> Int {
        if value < 0x250 { return Int(latin[Int(value)]) }
        if (0x1E00...0x1EFF).contains(value) { return Int(extended[Int(value - 0x1E00)]) }
        return AuditFoldTables.confusable(value)
    }

    /// Invisible in a browser, so "Ngu&shy;yễn" or "0912\u{200B}345678" must read as the word or
    /// number they show: soft hyphen, zero-width characters, word joiner and invisible operators,
    /// directional marks, embeddings, overrides and isolates, variation selectors, tag characters,
    /// the BOM, and the Arabic, Mongolian and Hangul fillers.
    private static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0xAD, 0x61C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x200B...0x200F, 0x202A...0x202E,
             0x2060...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0x1BCA0...0x1BCA3, 0xE0000...0xE007F,
             0xE0100...0xE01EF:
            true
        default:
            false
        }
    }

    /// What people put between the digits of one number: any space, a line break or tab, dots,
    /// hyphens and dashes, slashes, middle dots and bullets, underscores.
    private static func isDigitSeparator(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20, 0x2D, 0x2E, 0x2F, 0x5F, 0xA0, 0xB7, 0x1680, 0x2000...0x200A, 0x2010...0x2015,
             0x2022, 0x2024, 0x2027...0x2029, 0x202F, 0x2044, 0x205F, 0x2212, 0x2215, 0x2219, 0x22C5, 0x3000, 0x30FB,
             0xFE58, 0xFE63, 0xFF0D, 0xFF0E, 0xFF0F, 0xFF3F, 0xFF65:
            true
        default:
            false
        }
    }
}

/// The folding tables of `AuditFolder`, built once: what each character folds to, as the word
/// automaton's symbol (`AhoCorasick.symbol`; 0 for anything that is not a letter or digit).
enum AuditFoldTables {
    /// In `ascii`: `&`, `\` and `%`, where a character reference, a `\u` escape or a percent-encoded
    /// byte may start.
    static let escape: UInt8 = 0xFF

    /// ASCII: A–Z and a–z → a–z, 0–9 → 0–9, `&`, `\` and `%` → `escape`.
    static let ascii: [UInt8] = (0..<0x80).map { value in
        value == UInt8(ascii: "&") || value == UInt8(ascii: "\\") || value == UInt8(ascii: "%") ? escape : asciiSymbol(value)
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

    /// The symbol of a character outside the Latin blocks (`AuditConfusables`), else 0.
    static func confusable(_ value: UInt32) -> Int {
        let codes = AuditConfusables.codes
        var low = 0, high = codes.count
        while low < high {
            let middle = (low + high) / 2
            if codes[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < codes.count && codes[low] == value ? Int(AuditConfusables.symbols[low]) : 0
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
