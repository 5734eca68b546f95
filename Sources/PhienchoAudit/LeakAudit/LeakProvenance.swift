import Foundation
import PhienchoCore
import PhienchoContent

/// Where a finding came from in the content, so that staff know what to fix: the content file, the
/// line and the field whose text holds the value. Searched with the audit's own normalisation, only
/// when the audit found something, for every value at once: each content line is folded once and
/// run through one automaton of all the values.
struct LeakProvenance {
    struct Location: Sendable, Equatable {
        let path: String
        let line: Int
        /// The front matter key of the line (or of the list it is in), or nil in the Markdown body.
        let field: String?
    }

    let files: [SourceFile]

    /// For each value, the first line of the content files holding it, if any does.
    func locate(_ evidence: [LeakAudit.Finding.Evidence]) -> [Location?] {
        guard !evidence.isEmpty, !files.isEmpty else { return evidence.map { _ in nil } }
        let wordIndexes = evidence.indices.filter { evidence[$0].words && !evidence[$0].pattern.isEmpty }
        let digitIndexes = evidence.indices.filter { !evidence[$0].words && !evidence[$0].pattern.isEmpty }
        let words = AhoCorasick(patterns: wordIndexes.map { evidence[$0].pattern }, alphabet: .words)
        let digits = AhoCorasick(patterns: digitIndexes.map { evidence[$0].pattern }, alphabet: .digits)
        // Per file, the first line of each value it holds; the first file in order wins.
        let perFile = parallelMap(files) { file -> [Int: Location] in
            var found: [Int: Location] = [:]
            var key: String?
            var inFrontMatter = false
            var delimiters = 0
            for (index, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.trimmingCharacters(in: .whitespaces) == "---", delimiters < 2 {
                    delimiters += 1
                    inFrontMatter = delimiters == 1
                    continue
                }
                if inFrontMatter, let name = Self.key(of: line) { key = name }
                let text = AuditText(line.unicodeScalars)
                let location = Location(path: file.displayPath, line: index + 1, field: inFrontMatter || delimiters == 0 ? key : nil)
                for match in Self.matches(text.words, words, .words) where found[wordIndexes[match]] == nil {
                    found[wordIndexes[match]] = location
                }
                for match in Self.matches(text.digits, digits, .digits) where found[digitIndexes[match]] == nil {
                    found[digitIndexes[match]] = location
                }
            }
            return found
        }
        return evidence.indices.map { index in perFile.lazy.compactMap { $0[index] }.first }
    }

    /// The patterns of `automaton` found in `view`.
    private static func matches(_ view: [UInt8], _ automaton: AhoCorasick, _ alphabet: AhoCorasick.Alphabet) -> Set<Int> {
        guard !view.isEmpty else { return [] }
        return automaton.transitions.withUnsafeBufferPointer { table in
            var scanner = AhoCorasick.Scanner(table: table)
            for byte in view { scanner.step(symbol: alphabet.symbol(byte)) }
            return Set(scanner.matched.flatMap(automaton.patterns(endingAt:)))
        }
    }

    /// The key a front matter line sets (`  phone: "…"` → phone), if it sets one.
    private static func key(of line: Substring) -> String? {
        let trimmed = line.drop(while: { $0 == " " || $0 == "-" })
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let name = trimmed[..<colon]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
        return String(name)
    }
}
