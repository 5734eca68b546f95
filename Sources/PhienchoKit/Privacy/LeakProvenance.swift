import Foundation

/// Where a finding came from in the content, so that staff know what to fix: the content file, the
/// line and the field whose text holds the value. Searched line by line with the audit's own
/// normalisation, only when the audit found something.
struct LeakProvenance {
    struct Location: Sendable, Equatable {
        let path: String
        let line: Int
        /// The front matter key of the line (or of the list it is in), or nil in the Markdown body.
        let field: String?
    }

    let files: [SourceFile]

    /// The first line of the content files holding the finding's value, if any does.
    func locate(_ evidence: LeakAudit.Finding.Evidence) -> Location? {
        for file in files {
            var key: String?
            var inFrontMatter = false
            var delimiters = 0
            for (index, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.trimmingCharacters(in: .whitespaces) == "---", delimiters < 2 {
                    delimiters += 1
                    inFrontMatter = delimiters == 1
                    continue
                }
                if inFrontMatter, let found = Self.key(of: line) { key = found }
                let text = AuditText(line.unicodeScalars)
                let view = evidence.words ? text.words : text.digits
                if Self.contains(view, evidence.pattern) {
                    return Location(path: file.displayPath, line: index + 1, field: inFrontMatter || delimiters == 0 ? key : nil)
                }
            }
        }
        return nil
    }

    /// The key a front matter line sets (`  phone: "…"` → phone), if it sets one.
    private static func key(of line: Substring) -> String? {
        let trimmed = line.drop(while: { $0 == " " || $0 == "-" })
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let name = trimmed[..<colon]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
        return String(name)
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}
