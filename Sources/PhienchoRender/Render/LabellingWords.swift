import Foundation

/// The words that label the reader (`labelling-words.txt` in the theme: "tù", "phạm nhân", "tái hòa
/// nhập" …), which a page's `<title>`, meta description and Open Graph text never carry: they are
/// what a chat app shows when a link is shared in a family group. Matched as whole syllables, marks
/// kept, case ignored: "dự án" is not "án phạt", and "tùy" is not "tù".
package struct LabellingWords: Sendable {
    /// Each phrase as its lower-cased syllables.
    let phrases: [[Substring]]
    /// The UTF-8 bytes of each phrase's first syllable.
    let firstSyllables: [[UInt8]]

    package static let none = LabellingWords(phrases: [])

    /// One phrase per line; `#` starts a comment line.
    package init(list: String) {
        self.init(phrases: list.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { Self.syllables($0.precomposedStringWithCanonicalMapping.lowercased()) }
            .filter { !$0.isEmpty })
    }

    init(phrases: [[Substring]]) {
        self.phrases = phrases
        firstSyllables = Array(Set(phrases.map { Array($0[0].utf8) })).sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Whether `text` holds one of the phrases.
    package func labels(_ text: String) -> Bool {
        guard !phrases.isEmpty else { return false }
        // Most texts hold no phrase's first syllable at all: a byte search says so without
        // splitting them. Content is NFC already; combining marks (U+0300–U+036F) are composed first.
        let lowered = text.utf8.contains(where: { $0 == 0xCC || $0 == 0xCD })
            ? text.precomposedStringWithCanonicalMapping.lowercased() : text.lowercased()
        let bytes = Array(lowered.utf8)
        guard firstSyllables.contains(where: { Self.occurs($0, in: bytes) }) else { return false }
        let words = Self.syllables(lowered)
        for phrase in phrases where phrase.count <= words.count {
            for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
                if zip(words[start...], phrase).allSatisfy({ $0 == $1 }) { return true }
            }
        }
        return false
    }

    private static func occurs(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= bytes.count else { return false }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == first && bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// Syllables: runs of letters of an already lower-cased, precomposed text.
    static func syllables(_ text: String) -> [Substring] {
        Substring(text).split(whereSeparator: { !$0.isLetter })
    }
}
