import Foundation

/// The words that label the reader (`labelling-words.txt` in the theme: "tù", "phạm nhân", "tái hòa
/// nhập" …), which a page's `<title>`, meta description and Open Graph text never carry: they are
/// what a chat app shows when a link is shared in a family group. Matched as whole syllables, marks
/// kept, case ignored: "dự án" is not "án phạt", and "tùy" is not "tù".
package struct LabellingWords: Sendable {
    /// Each phrase as its lower-cased syllables.
    let phrases: [[Substring]]

    package static let none = LabellingWords(phrases: [])

    /// One phrase per line; `#` starts a comment line.
    package init(list: String) {
        phrases = list.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { Self.syllables($0) }
            .filter { !$0.isEmpty }
    }

    init(phrases: [[Substring]]) {
        self.phrases = phrases
    }

    /// Whether `text` holds one of the phrases.
    package func labels(_ text: String) -> Bool {
        guard !phrases.isEmpty else { return false }
        let words = Self.syllables(text)
        for phrase in phrases where phrase.count <= words.count {
            for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
                if zip(words[start...], phrase).allSatisfy({ $0 == $1 }) { return true }
            }
        }
        return false
    }

    /// Lower-cased, precomposed (NFC) syllables: runs of letters.
    static func syllables(_ text: String) -> [Substring] {
        let folded = Substring(text.precomposedStringWithCanonicalMapping.lowercased())
        return folded.split(whereSeparator: { !$0.isLetter })
    }
}
