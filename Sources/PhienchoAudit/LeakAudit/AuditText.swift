import PhienchoCore
import PhienchoContent

/// Takes text as UTF-8 bytes or as scalars: where `AuditText.readerViews` sends what it reads.
protocol UTF8Consumer {
    /// Takes `bytes[index..<end]` up to the first `&`, `\` or `%` (where `index` is left, for the
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
        while plain < end, source[plain] != UInt8(ascii: "&"), source[plain] != UInt8(ascii: "\\"),
              source[plain] != UInt8(ascii: "%") { plain += 1 }
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
