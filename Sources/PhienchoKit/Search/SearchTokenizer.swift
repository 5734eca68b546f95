/// Splits text into search terms: fold (see `VietnameseFolding`), then maximal runs of letters and
/// numbers. The browser script (`themes/default/assets/search.js`) tokenises the same way, with
/// `/[\p{L}\p{N}]+/gu`: so this goes scalar by scalar over the general categories L* and N* (not
/// `Character.isLetter`, which also takes symbols such as Ⓐ and keeps joiners U+200C/U+200D inside a
/// grapheme, splitting differently from the script).
public enum SearchTokenizer {
    public static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in VietnameseFolding.fold(text).unicodeScalars {
            if isLetterOrNumber(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                terms.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { terms.append(String(current)) }
        return terms
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
