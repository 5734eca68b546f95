/// Splits text into search terms: fold (see `VietnameseFolding`), then maximal runs of letters and
/// numbers. The browser script (`themes/default/assets/search.js`) tokenises the same way, with
/// `/[\p{L}\p{N}]+/gu`: so this goes scalar by scalar over the general categories L* and N* (not
/// `Character.isLetter`, which also takes symbols such as Ⓐ and keeps joiners U+200C/U+200D inside a
/// grapheme, splitting differently from the script).
package enum SearchTokenizer {
    package static func terms(_ text: String) -> [String] {
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

    /// A search term and the form it was written in: lower-case NFC with its diacritics ("máy" for
    /// the term "may").
    package struct Word: Sendable, Equatable {
        package var term: String
        package var form: String
    }

    /// The terms of `text` with their written forms: runs of letters, marks and numbers, each
    /// lower-cased (NFC) and folded into terms; a run that folds into one term keeps its form, any
    /// other run's terms are their own forms. The script's `words` does the same, and
    /// `Fixtures/search-cases.json` pins both.
    package static func words(_ text: String) -> [Word] {
        runs(text).flatMap { words(ofRun: $0) }
    }

    /// Maximal runs of letters, marks and numbers (\p{L}, \p{M}, \p{N}), as written.
    package static func runs(_ text: String) -> [Substring] {
        var runs: [Substring] = []
        var start: String.Index? = nil
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let inRun = scalar.value < 0x80 ? isASCIILetterOrDigit(UInt8(scalar.value))
                : (0x300..<0x370).contains(scalar.value) || isLetterMarkOrNumber(scalar)
            if inRun {
                if start == nil { start = index }
            } else if let first = start {
                runs.append(text[first..<index])
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let first = start { runs.append(text[first...]) }
        return runs
    }

    /// The words of one run (see `runs`).
    package static func words(ofRun run: Substring) -> [Word] {
        if run.utf8.allSatisfy({ $0 < 0x80 }) {
            let term = run.lowercased()
            return [Word(term: term, form: term)]
        }
        // Latin letters and Vietnamese precomposed ones lower-case to NFC; anything else (a combining
        // mark, another script) goes through Foundation's normalisation.
        let isSimple = run.unicodeScalars.allSatisfy { $0.value < 0x250 || (0x1E00..<0x1F00).contains($0.value) }
        let form = isSimple ? run.lowercased()
            : String(run).precomposedStringWithCanonicalMapping.lowercased().precomposedStringWithCanonicalMapping
        let terms = terms(form)
        return terms.count == 1 ? [Word(term: terms[0], form: form)] : terms.map { Word(term: $0, form: $0) }
    }

    /// `\p{L}`, `\p{M}` or `\p{N}`: one lookup of the general category.
    private static func isLetterMarkOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        let category = scalar.properties.generalCategory
        switch category {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return isLetterOrNumber(category: category)
        }
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
    }

    /// `\p{L}` or `\p{N}`.
    static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        isLetterOrNumber(category: scalar.properties.generalCategory)
    }

    private static func isLetterOrNumber(category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }

    /// Length of a term as the script counts it for the prefix rule: in code points.
    package static func length(_ term: String) -> Int { term.unicodeScalars.count }

    /// Whether `term` starts with `prefix`, code unit by code unit (as the script's `indexOf(prefix) === 0`).
    package static func term(_ term: String, hasPrefix prefix: String) -> Bool {
        term.utf16.starts(with: prefix.utf16)
    }

    /// Term order shared with the script: UTF-16 code units, as JavaScript compares strings.
    package static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }
}
