import Foundation

/// Quasi-identifiers in combination: two of one record's in one file, or one next to the record's
/// given name after a form of address.
extension LeakAudit {
    /// Forms of address before a given name ("anh Hùng", "chị Hoa", "bà Lan"), folded.
    static let formsOfAddress = ["anh", "chi", "em", "ong", "ba", "co", "chu", "bac", "chau", "di", "cau", "thim", "mo"]
    /// How far (in characters of the folded words view) a given name may stand from the value.
    static let givenNameReach = 40

    /// `quasi`: per record, per group, the first value found in the file and its pattern.
    func combinations(_ quasi: [Int: [Int: (source: LeakPatterns.Source, pattern: Int)]], path: String,
                      data: Data) -> [Finding] {
        var found: [Finding] = []
        var views: [[UInt8]]?
        for (record, groups) in quasi {
            let values = groups.values.sorted { ($0.source.column, $0.pattern) < ($1.source.column, $1.pattern) }
            if values.count >= 2 {
                found.append(Finding(outputPath: path, source: values[0].source, companion: values[1].source,
                                     evidence: Finding.Evidence(words: true, pattern: patterns.wordPatterns[values[0].pattern])))
                continue
            }
            guard let given = patterns.givenNames[record], let value = values.first else { continue }
            if views == nil {
                let (visible, markup) = AuditText.readerViews(of: [UInt8](data))
                views = [AuditText(utf8: visible).words, AuditText(utf8: markup).words]
            }
            let valuePattern = patterns.wordPatterns[value.pattern]
            if views!.contains(where: { Self.standsNear(given.name, valuePattern, in: $0) }) {
                found.append(Finding(outputPath: path, source: value.source, companion: given.source,
                                     evidence: Finding.Evidence(words: true, pattern: valuePattern)))
            }
        }
        return found
    }

    /// Whether a form of address and `givenName` (" hung ") stand within `givenNameReach` of
    /// `value` in a words view.
    static func standsNear(_ givenName: [UInt8], _ value: [UInt8], in view: [UInt8]) -> Bool {
        let values = occurrences(of: value, in: view)
        guard !values.isEmpty else { return false }
        for form in formsOfAddress {
            let name = [0x20] + Array(form.utf8) + givenName
            for start in occurrences(of: name, in: view) {
                let end = start + name.count
                if values.contains(where: { $0 <= end + givenNameReach && start <= $0 + value.count + givenNameReach }) {
                    return true
                }
            }
        }
        return false
    }

    private static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard needle.count <= haystack.count, let first = needle.first else { return [] }
        var found: [Int] = []
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { found.append(index) }
            index += 1
        }
        return found
    }
}
