import PhienchoCore
import PhienchoContent

/// How one seeker value becomes patterns: its words, the spellings of a record id, the long runs of a
/// note, the numbers in a cell. Addresses are read by `Address`.
extension LeakPatterns {
    /// The words of a normalised value (`AuditText.words` without its spaces).
    static func words(_ text: AuditText) -> [ArraySlice<UInt8>] {
        text.words.split(separator: 0x20)
    }

    /// `words` as the words view spells them: one space between, one at each end.
    static func pattern(_ words: some Collection<ArraySlice<UInt8>>) -> [UInt8] {
        var pattern: [UInt8] = [0x20]
        for word in words {
            pattern += word
            pattern.append(0x20)
        }
        return pattern
    }

    /// A record id with and without the separators between its parts ("HS-2026-0001",
    /// "HS20260001", "HS 2026-0001"), as words-view patterns; at most 16 spellings.
    static func recordIDVariants(_ words: [ArraySlice<UInt8>]) -> [[UInt8]] {
        guard !words.isEmpty else { return [] }
        let gaps = min(words.count - 1, 4)
        var variants: [[UInt8]] = []
        for mask in 0..<(1 << gaps) {
            var pattern: [UInt8] = [0x20]
            for (index, word) in words.enumerated() {
                pattern += word
                if index < words.count - 1 && !(index < gaps && mask & (1 << index) != 0) { pattern.append(0x20) }
            }
            pattern.append(0x20)
            variants.append(pattern)
        }
        return variants
    }

    /// Every run of `share` of the words (at least `minimum`), as patterns: a note copied in large
    /// part contains one of them.
    static func windows(_ words: [ArraySlice<UInt8>], share: Double, minimum: Int) -> [[UInt8]] {
        let size = min(words.count, max(minimum, Int((Double(words.count) * share).rounded(.up))))
        return (0...(words.count - size)).map { pattern(words[$0..<($0 + size)]) }
    }

    /// The numbers in a seeker value, each on its own: a cell may hold two phones
    /// ("0912 345 678 / 0987 654 321", "0912345678 - 0987654321"), so runs are taken both as
    /// the audit joins them and split at every gap wider than one separator.
    /// The same for a seeker value, line by line too: a line break joins the digits around it on a
    /// page ("0912<br>345 678"), but between two numbers in a cell it separates them.
    static func numbers(inValue value: String, _ text: AuditText, minimumLength: Int) -> [[UInt8]] {
        let lines = value.split(whereSeparator: \.isNewline)
        guard lines.count > 1 else { return numbers(in: text, minimumLength: minimumLength) }
        var seen: Set<[UInt8]> = []
        return ([text] + lines.map { AuditText($0.unicodeScalars) })
            .flatMap { numbers(in: $0, minimumLength: minimumLength) }
            .filter { seen.insert($0).inserted }
    }

    static func numbers(in text: AuditText, minimumLength: Int) -> [[UInt8]] {
        var seen: Set<[UInt8]> = []
        return (text.digits.split(separator: UInt8(ascii: "|")) + text.strictDigits.split(separator: UInt8(ascii: "|")))
            .map(Array.init)
            .filter { $0.count >= minimumLength && seen.insert($0).inserted }
    }

    /// What is searched for a number: a phone number without its trunk 0 or country code 84
    /// (0912345678 and +84 912 345 678 both contain 912345678, also written "(+84) 912…" or
    /// "+84 (0) 912…"); any other number as it is.
    static func searchPattern(_ number: [UInt8]) -> [UInt8] {
        if number.first == UInt8(ascii: "0"), (10...11).contains(number.count) { return Array(number.dropFirst()) }
        if number.starts(with: Array("84".utf8)), (11...12).contains(number.count) { return Array(number.dropFirst(2)) }
        return number
    }
}

/// `audit_allow` in site.yml: reviewed values (compared folded, numbers by their digits) and
/// `RECORD/COLUMN` entries (`HS-2026-0002/dia_chi`), which leave that column of that record out
/// without anyone copying a seeker's value into site.yml.
struct AuditAllowList {
    var words: Set<[UInt8]> = []
    var digits: Set<[UInt8]> = []
    var columns: Set<String> = []

    init(_ entries: [String]) {
        for entry in entries {
            let text = AuditText(entry.unicodeScalars)
            words.insert(text.words)
            for number in LeakPatterns.numbers(in: text, minimumLength: 1) { digits.insert(LeakPatterns.searchPattern(number)) }
            if let slash = entry.lastIndex(of: "/") {
                columns.insert(Self.key(String(entry[..<slash]), String(entry[entry.index(after: slash)...])))
            }
        }
    }

    /// A record and column compared as staff may type them (any case, with or without diacritics).
    static func key(_ reference: String, _ column: String) -> String {
        Slug.make(reference) + "/" + Slug.make(column)
    }
}
