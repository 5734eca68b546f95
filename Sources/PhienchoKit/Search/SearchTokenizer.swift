/// Splits text into search terms: fold (see `VietnameseFolding`), then maximal runs of letters and
/// numbers. The browser script (`themes/default/assets/search.js`) tokenises the same way, with
/// `/[\p{L}\p{N}]+/gu`: so this goes scalar by scalar over the general categories L* and N* (not
/// `Character.isLetter`, which also takes symbols such as Ⓐ and keeps joiners U+200C/U+200D inside a
/// grapheme, splitting differently from the script).
enum SearchTokenizer {
    static func terms(_ text: String) -> [String] {
        var folded = VietnameseFolding.fold(text)
        return folded.withUTF8 { bytes in
            var terms: [String] = []
            var runStart = -1
            var index = 0
            while index < bytes.count {
                let (value, length) = bytes.utf8Scalar(at: index)
                let inTerm = value < 0x80 ? isASCIILetterOrDigit(UInt8(value)) : Unicode.Scalar(value).map(isLetterOrNumber) ?? false
                if inTerm {
                    if runStart < 0 { runStart = index }
                } else if runStart >= 0 {
                    terms.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self))
                    runStart = -1
                }
                index += length
            }
            if runStart >= 0 { terms.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart...]), as: UTF8.self)) }
            return terms
        }
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
    }

    /// `\p{L}` or `\p{N}`.
    static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }

    /// Length of a term as the script counts it for the prefix rule: in code points.
    static func length(_ term: String) -> Int { term.unicodeScalars.count }

    /// Whether `term` starts with `prefix`, code unit by code unit (as the script's `indexOf(prefix) === 0`).
    static func term(_ term: String, hasPrefix prefix: String) -> Bool {
        term.utf16.starts(with: prefix.utf16)
    }

    /// Term order shared with the script: UTF-16 code units, as JavaScript compares strings.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }
}
