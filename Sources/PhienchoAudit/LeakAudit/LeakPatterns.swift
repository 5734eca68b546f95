import PhienchoCore
import PhienchoContent

/// What the leak audit searches for, compiled from the seeker records: each value normalised
/// (`AuditText`) and sorted by its role (`SensitiveColumn.Role`), with where it came from. Values and
/// record columns staff reviewed (`audit_allow` in site.yml) are left out.
///
/// - Direct identifiers (names, ID numbers, phones, e-mails, record ids, precise addresses, long
///   notes) are findings wherever they occur. A short note counts for nothing: what fits in a few
///   words is a qualification ("Biết bơi", "Có chứng chỉ lái xe nâng") that vacancies ask for.
/// - Quasi-identifiers (places, birth dates, criminal-record status, education, unrecognised
///   columns) are findings only in combination: two of one record's in one file, or one
///   next to that record's given name after a form of address ("anh Hùng ở thôn Vân Thị"). The parts
///   of one place (thôn, xóm, xã/phường) are one value. A quasi value needs two words and
///   `minimumQuasiLength` letters or digits ("Nam", "12/12" and a birth year alone never count), and
///   one that at least three records and a tenth of them share is a category, not an identifier.
package struct LeakPatterns: Sendable {
    /// Where a pattern came from: enough for staff to find it, never the value itself.
    struct Source: Sendable, Hashable {
        let file: String
        let reference: String
        let column: String
    }

    /// A quasi-identifier and whose it is: `group` tells which values are one (a place's parts);
    /// `source` indexes `quasiSources`. Plain integers: a listing page can hold hundreds of them.
    struct Quasi: Sendable, Hashable {
        let record: Int32
        let group: Int32
        let source: Int32
    }

    /// Letters and digits a quasi value needs to count (in at least two words).
    static let minimumQuasiLength = 6
    /// Words from which a note counts as a direct identifier, copied whole or in large part
    /// (`freeTextShare` of its words in a row).
    static let longFreeTextWords = 8
    static let freeTextShare = 0.6

    var wordPatterns: [[UInt8]] = []
    var wordSources: [[Source]] = []
    var wordQuasi: [[Quasi]] = []
    var quasiSources: [Source] = []
    var digitPatterns: [[UInt8]] = []
    var digitSources: [[Source]] = []
    /// Per record: the index of its given name in `givenNames` and `givenNameSources`, or -1.
    var givenNameIndex: [Int32] = []
    /// Given names as the words view spells them (" hung "), and where each came from.
    var givenNames: [[UInt8]] = []
    var givenNameSources: [Source] = []
    /// Per word pattern: a birth year as a page writes a person's ("sinh nam 1988"), which counts
    /// only outside a range.
    var isBirthYear: [Bool] = []
    /// How a person's birth year is written, folded.
    static let birthYearPhrases = ["sinh nam", "nam sinh", "sn"]

    var count: Int { wordPatterns.count + digitPatterns.count }

    package init(records: [SeekerRecord], allowed: [String] = []) {
        let allow = AuditAllowList(allowed)
        var classes: [String: SensitiveColumn] = [:]
        func kind(_ column: String) -> SensitiveColumn {
            if let known = classes[column] { return known }
            let classified = SensitiveColumn.classify(column)
            classes[column] = classified
            return classified
        }

        var wordIndex: [[UInt8]: Int] = [:]
        var digitIndex: [[UInt8]: Int] = [:]
        func wordSlot(_ pattern: [UInt8]) -> Int {
            if let index = wordIndex[pattern] { return index }
            wordIndex[pattern] = wordPatterns.count
            wordPatterns.append(pattern)
            wordSources.append([])
            wordQuasi.append([])
            isBirthYear.append(false)
            return wordPatterns.count - 1
        }
        func addWords(_ pattern: [UInt8], _ source: Source) {
            guard !allow.words.contains(pattern) else { return }
            let slot = wordSlot(pattern)
            if !wordSources[slot].contains(source) { wordSources[slot].append(source) }
        }
        func addDigits(_ number: [UInt8], _ source: Source) {
            let pattern = Self.searchPattern(number)   // no `|` ends: substring match
            guard !allow.digits.contains(pattern) else { return }
            if let index = digitIndex[pattern] {
                if !digitSources[index].contains(source) { digitSources[index].append(source) }
                return
            }
            digitIndex[pattern] = digitPatterns.count
            digitPatterns.append(pattern)
            digitSources.append([source])
        }

        // Quasi values shared by many records are categories; counted per column and value.
        var holders: [QuasiKey: Set<Int>] = [:]
        var quasiValues: [(record: Int, group: String, pattern: [UInt8], source: Source, shareable: Bool)] = []
        var groupNumbers: [String: Int] = [:]
        var birthYears: Set<[UInt8]> = []

        for (index, record) in records.enumerated() {
            var nameParts: [SensitiveColumn: (String, Source)] = [:]
            var fullName: (String, Source)?
            for field in record.fields {
                let source = Source(file: record.file, reference: record.reference, column: field.column)
                guard !allow.columns.contains(AuditAllowList.key(record.reference, field.column)) else { continue }
                let text = AuditText(field.value.unicodeScalars)
                let words = Self.words(text)
                guard !words.isEmpty else { continue }
                let column = kind(field.column)
                func quasi(_ group: String, _ pattern: [UInt8], shareable: Bool = true) {
                    let tokens = pattern.count(where: { $0 == 0x20 }) - 1
                    guard tokens >= 2, pattern.count(where: { $0 != 0x20 }) >= Self.minimumQuasiLength else { return }
                    quasiValues.append((index, group, pattern, source, shareable))
                    if shareable { holders[QuasiKey(column: field.column, pattern: pattern), default: []].insert(index) }
                }
                switch column {
                case .idNumber, .phone:
                    for number in Self.numbers(inValue: field.value, text, minimumLength: 6) { addDigits(number, source) }
                    continue
                case .name:
                    fullName = fullName ?? (field.value, source)
                    if words.count >= 2 || text.words.count >= 10 { addWords(text.words, source) }
                case .familyName, .middleName, .givenName:
                    nameParts[column] = nameParts[column] ?? (field.value, source)
                case .recordID:
                    for variant in Self.recordIDVariants(words) where variant.count >= 6 { addWords(variant, source) }
                case .email:
                    if text.words.count >= 6 { addWords(text.words, source) }
                case .address:
                    // Read as its parts (`Address`): the parts that find a house are direct, the rest
                    // (thôn, xã …) is the record's place.
                    let address = Address(field.value)
                    let core = address.houseCore
                    if let core {
                        addWords(text.words, source)
                        let names = core.flatMap(\.name).contains { !AddressPart.isNumber($0) }
                        if core.count >= 2 || names {
                            addWords(AuditText(core.map(\.text).joined(separator: " ").unicodeScalars).words, source)
                        }
                    } else {
                        quasi("place", text.words, shareable: false)
                    }
                    for (index, part) in address.parts.enumerated() where !(core?.indices.contains(index) ?? false) {
                        quasi("place", AuditText(part.text.unicodeScalars).words, shareable: false)
                    }
                case .place:
                    quasi("place", text.words, shareable: false)
                    for part in Address(field.value).parts { quasi("place", AuditText(part.text.unicodeScalars).words, shareable: false) }
                case .birthDate:
                    // Day, month and year; a year alone is shared by too many people to count, unless
                    // it is written as this person's birth year ("sinh năm 1988", never in a range:
                    // `LeakAudit.isWrittenAsABirthYear`).
                    if text.digits.count(where: { $0 != UInt8(ascii: "|") }) >= 6, words.count >= 3 {
                        quasi("birth", text.words, shareable: false)
                    }
                    if let year = words.last(where: { $0.count == 4 && $0.allSatisfy { (0x30...0x39).contains($0) } }) {
                        for phrase in Self.birthYearPhrases {
                            let pattern = [0x20] + Array(phrase.utf8) + [0x20] + year + [0x20]
                            birthYears.insert(pattern)
                            quasi("birth", pattern)   // a year many records share is a category
                        }
                    }
                case .freeText:
                    if words.count >= Self.longFreeTextWords {
                        for window in Self.windows(words, share: Self.freeTextShare, minimum: Self.longFreeTextWords) {
                            addWords(window, source)
                        }
                    }
                case .personal, .other:
                    quasi(field.column, text.words)
                case .work, .ignored:
                    break
                }
                // A phone or ID number written into any other cell ("SĐT người nhà 0912 345 678") is
                // searched for on its own, whatever else the cell says.
                for number in Self.numbers(inValue: field.value, text, minimumLength: 9) { addDigits(number, source) }
            }
            // A name split over columns (Họ | Tên đệm | Tên) is searched for joined.
            let parts = [SensitiveColumn.familyName, .middleName, .givenName].compactMap { nameParts[$0] }
            if fullName == nil, parts.count >= 2 {
                let joined = parts.map(\.0).joined(separator: " ")
                let text = AuditText(joined.unicodeScalars)
                if Self.words(text).count >= 2 { addWords(text.words, parts.last!.1) }
            }
            let given = nameParts[.givenName] ?? fullName.map { name in
                (String(name.0.split(whereSeparator: { $0.isWhitespace }).last ?? ""), name.1)
            }
            if let given, case let words = AuditText(given.0.unicodeScalars).words, words.count > 2 {
                givenNameIndex.append(Int32(givenNames.count))
                givenNames.append(words)
                givenNameSources.append(given.1)
            } else {
                givenNameIndex.append(-1)
            }
        }

        let shared = max(3, (records.count + 9) / 10)
        var quasiSourceIndex: [Source: Int] = [:]
        for value in quasiValues {
            if value.shareable, holders[QuasiKey(column: value.source.column, pattern: value.pattern)]?.count ?? 0 >= shared { continue }
            guard !allow.words.contains(value.pattern) else { continue }
            let group = groupNumbers[value.group] ?? groupNumbers.count
            groupNumbers[value.group] = group
            let sourceIndex = quasiSourceIndex[value.source] ?? quasiSources.count
            if sourceIndex == quasiSources.count {
                quasiSourceIndex[value.source] = sourceIndex
                quasiSources.append(value.source)
            }
            let quasi = Quasi(record: Int32(value.record), group: Int32(group), source: Int32(sourceIndex))
            let slot = wordSlot(value.pattern)
            if !wordQuasi[slot].contains(quasi) { wordQuasi[slot].append(quasi) }
            if birthYears.contains(value.pattern) { isBirthYear[slot] = true }
        }
    }

    private struct QuasiKey: Hashable {
        let column: String
        let pattern: [UInt8]
    }
}
