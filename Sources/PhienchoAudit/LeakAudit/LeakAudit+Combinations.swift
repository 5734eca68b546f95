import Foundation
import PhienchoCore
import PhienchoContent

/// Quasi-identifiers in combination: two of one record's in one file, or one within a few words of
/// the record's given name after a form of address ("anh Hùng ở thôn Vân Thị").
extension LeakAudit {
    /// Forms of address before a given name, as written (lower case, NFC). Only these spellings
    /// count: folded, "cô", "chị", "bà", "chú", "bác", "cháu", "dì", "cậu" and "mợ" would be "có",
    /// "chỉ", "ba", "chủ", "Bắc", "Châu", "đi", "cầu" and "Mô", words and place names of any page.
    static let formsOfAddress: Set<String> = ["anh", "chị", "em", "ông", "bà", "cô", "chú", "bác", "cháu", "dì", "cậu",
                                              "thím", "mợ"]
    /// How many words may stand between a form of address and given name and the value.
    static let givenNameReach = 8

    /// A quasi-identifier found in a file, and the pattern that found it.
    struct QuasiHit: Comparable {
        package let value: LeakPatterns.Quasi
        let pattern: Int32

        static func < (lhs: QuasiHit, rhs: QuasiHit) -> Bool {
            (lhs.value.record, lhs.value.group, lhs.pattern) < (rhs.value.record, rhs.value.group, rhs.pattern)
        }
    }

    /// The combinations among `hits`: per record, its first value of each group. A birth year's hit
    /// counts only where the page writes it as one person's (`isWrittenAsABirthYear`), which is
    /// checked only when it could combine: most pages that say "sinh năm 1980–2004" hold no other
    /// value of the same record.
    func combinations(_ hits: [QuasiHit], path: String, data: Data) -> [Finding] {
        guard !hits.isEmpty else { return [] }
        var found: [Finding] = []
        var page: AddressedNames?
        // Most pages address no one: a pass over their bytes spares them the word list.
        lazy var mayAddressSomeone = AddressedNames.mayAddressSomeone(data)
        lazy var pageWords = AuditText(utf8: [UInt8](data)).words
        var birthYearVerdicts: [Int32: Bool] = [:]
        let sorted = hits.sorted()
        var start = 0
        while start < sorted.count {
            let record = sorted[start].value.record
            var end = start
            while end < sorted.count, sorted[end].value.record == record { end += 1 }
            defer { start = end }
            var recordHits = sorted[start..<end]
            let given = Int(patterns.givenNameIndex[Int(record)])
            // Hits are sorted by record, then group: two groups differ somewhere from the first.
            let severalGroups = recordHits.contains { $0.value.group != recordHits.first!.value.group }
            if recordHits.contains(where: { patterns.isBirthYear[Int($0.pattern)] }),
               severalGroups || (given >= 0 && mayAddressSomeone) {
                recordHits = recordHits.filter { hit in
                    guard patterns.isBirthYear[Int(hit.pattern)] else { return true }
                    if let verdict = birthYearVerdicts[hit.pattern] { return verdict }
                    let verdict = Self.isWrittenAsABirthYear(patterns.wordPatterns[Int(hit.pattern)], in: pageWords)
                    birthYearVerdicts[hit.pattern] = verdict
                    return verdict
                }[...]
            }
            var groups: [QuasiHit] = []
            for hit in recordHits where groups.last?.value.group != hit.value.group { groups.append(hit) }
            guard !groups.isEmpty else { continue }
            if groups.count >= 2 {
                let values = groups.map { (source: patterns.quasiSources[Int($0.value.source)], pattern: Int($0.pattern)) }
                    .sorted { ($0.source.column, $0.pattern) < ($1.source.column, $1.pattern) }
                found.append(Finding(outputPath: path, source: values[0].source, companion: values[1].source,
                                     evidence: Finding.Evidence(words: true, pattern: patterns.wordPatterns[values[0].pattern])))
                continue
            }
            // Only integers up to here: most pages hold one place of many records and address no one.
            guard given >= 0, mayAddressSomeone else { continue }
            if page == nil { page = AddressedNames(data) }
            let valuePattern = patterns.wordPatterns[Int(groups[0].pattern)]
            if page!.stands(given: patterns.givenNames[given], near: valuePattern, within: Self.givenNameReach) {
                found.append(Finding(outputPath: path, source: patterns.quasiSources[Int(groups[0].value.source)],
                                     companion: patterns.givenNameSources[given],
                                     evidence: Finding.Evidence(words: true, pattern: valuePattern)))
            }
        }
        return found
    }
}

extension LeakAudit {
    /// Whether `pattern` (" sinh nam 1988 ") stands in `words` at least once as one person's birth
    /// year, not as the start of a range: "sinh năm 1980–2004", "sinh năm 1988 đến 2000", "sinh năm
    /// 1988 trở về sau" describe who a vacancy is for.
    static func isWrittenAsABirthYear(_ pattern: [UInt8], in words: [UInt8]) -> Bool {
        let rangeWords: Set<[UInt8]> = ["den", "toi", "tro", "hoac"].reduce(into: []) { $0.insert(Array($1.utf8)) }
        var start = 0
        while start + pattern.count <= words.count {
            defer { start += 1 }
            guard words[start..<(start + pattern.count)].elementsEqual(pattern) else { continue }
            let next = words[(start + pattern.count)...].prefix(while: { $0 != 0x20 })
            let isYear = next.count == 4 && next.allSatisfy { (0x30...0x39).contains($0) }
            if !isYear && !rangeWords.contains(Array(next)) { return true }
        }
        return false
    }
}

/// A page's words, folded as the audit folds them, with each form of address written as such
/// marked, and where each addressed name ("anh Hùng") stands: built once per page that needs it.
struct AddressedNames {
    /// Folded words; a form of address is `nil`.
    private var words: [[UInt8]?] = []
    /// Folded given name → the indexes of the words that follow a form of address with it.
    private var addressed: [[UInt8]: [Int]] = [:]

    init(_ data: Data) {
        let (visible, markup) = AuditText.readerViews(of: [UInt8](data))
        for view in [visible, markup] {
            let text = String(decoding: view, as: UTF8.self)
            for raw in text.split(whereSeparator: { $0.isWhitespace || $0.isPunctuation || $0.isSymbol }) {
                if LeakAudit.formsOfAddress.contains(raw.lowercased().precomposedStringWithCanonicalMapping) {
                    words.append(nil)
                    continue
                }
                for word in AuditText(raw.unicodeScalars).words.split(separator: 0x20) {
                    if words.last == .some(nil) { addressed[Array(word), default: []].append(words.count) }
                    words.append(Array(word))
                }
            }
            words.append(nil)
        }
    }

    /// The forms of address as bytes, lower-case and capitalised, each followed by a space, by first byte.
    private static let needles: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for form in LeakAudit.formsOfAddress {
            for spelling in [form, form.prefix(1).uppercased() + form.dropFirst()] {
                let bytes = Array(spelling.utf8) + [0x20]
                table[Int(bytes[0])].append(bytes)
            }
        }
        return table
    }()

    /// Whether `data` holds a form of address as a word of its own (not "thanh " or "Thanh "), in
    /// one pass over its bytes.
    static func mayAddressSomeone(_ data: Data) -> Bool {
        let needles = Self.needles
        return data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
            var previous: UInt8 = 0x20
            for index in 0..<buffer.count {
                let byte = buffer[index]
                defer { previous = byte }
                let candidates = needles[Int(byte)]
                // A letter before it (ASCII or any byte of a multi-byte letter) makes it part of a word.
                guard !candidates.isEmpty, previous < 0x80, !((previous | 0x20) >= 0x61 && (previous | 0x20) <= 0x7A) else { continue }
                for needle in candidates where index + needle.count <= buffer.count {
                    if (0..<needle.count).allSatisfy({ buffer[index + $0] == needle[$0] }) { return true }
                }
            }
            return false
        }
    }

    /// Whether `given` (" hung ") follows a form of address within `reach` words of `value`.
    func stands(given: [UInt8], near value: [UInt8], within reach: Int) -> Bool {
        let name = Array(given.dropFirst().dropLast())
        guard let positions = addressed[name] else { return false }
        let valueWords = value.split(separator: 0x20).map(Array.init)
        guard let first = valueWords.first else { return false }
        for position in positions {
            let low = max(0, position - reach - valueWords.count), high = min(words.count, position + reach + 1)
            for start in low..<high where words[start] == first && start + valueWords.count <= words.count {
                if (0..<valueWords.count).allSatisfy({ words[start + $0] == valueWords[$0] }) { return true }
            }
        }
        return false
    }
}
