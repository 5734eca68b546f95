/// The identifying values of the seeker records, normalised for searching, with where each came
/// from. Values staff reviewed as false positives (`audit_allow` in site.yml) are left out.
public struct LeakPatterns: Sendable {
    /// Where a pattern came from: enough for staff to find it, never the value itself.
    public struct Source: Sendable, Hashable {
        public let file: String
        public let reference: String
        public let column: String
    }

    /// A value of an unrecognised column counts as identifying when it occurs in one record only and
    /// has this many letters/digits in at least four words.
    public static let minimumUniqueLength = 24
    /// The same for home addresses, in at least two words.
    public static let minimumAddressLength = 10

    var wordPatterns: [[UInt8]] = []
    var wordSources: [[Source]] = []
    var digitPatterns: [[UInt8]] = []
    var digitSources: [[Source]] = []

    public var count: Int { wordPatterns.count + digitPatterns.count }

    public init(records: [SeekerRecord], allowed: [String] = []) {
        let allowedWords = Set(allowed.map { AuditText($0.unicodeScalars).words })
        // Compared as searched: an allowed phone number is allowed in its 0… and +84… forms alike.
        let allowedDigits = Set(allowed.flatMap { Self.numbers(in: AuditText($0.unicodeScalars), minimumLength: 1) }
            .map(Self.searchPattern))

        // Classified once per distinct header, not once per value: 2,000 records × 16 columns would
        // otherwise fold the same sixteen headers 64,000 times.
        var kinds: [String: SensitiveColumn] = [:]
        func kind(_ column: String) -> SensitiveColumn {
            if let known = kinds[column] { return known }
            let classified = SensitiveColumn.classify(column)
            kinds[column] = classified
            return classified
        }

        // How many records hold each normalised "other" value.
        var holders: [[UInt8]: Set<Int>] = [:]
        for (index, record) in records.enumerated() {
            for field in record.fields where [.other, .address].contains(kind(field.column)) {
                holders[AuditText(field.value.unicodeScalars).words, default: []].insert(index)
            }
        }

        var wordIndex: [[UInt8]: Int] = [:]
        var digitIndex: [[UInt8]: Int] = [:]
        func addWords(_ pattern: [UInt8], _ source: Source) {
            guard !allowedWords.contains(pattern) else { return }
            if let index = wordIndex[pattern] { wordSources[index].append(source); return }
            wordIndex[pattern] = wordPatterns.count
            wordPatterns.append(pattern)
            wordSources.append([source])
        }
        func addDigits(_ number: [UInt8], _ source: Source) {
            let pattern = Self.searchPattern(number)   // no `|` ends: substring match
            guard !allowedDigits.contains(pattern) else { return }
            if let index = digitIndex[pattern] { digitSources[index].append(source); return }
            digitIndex[pattern] = digitPatterns.count
            digitPatterns.append(pattern)
            digitSources.append([source])
        }

        for record in records {
            for field in record.fields {
                let value = field.value
                let text = AuditText(value.unicodeScalars)
                let letters = text.words.filter { $0 != 0x20 }.count
                guard letters > 0 else { continue }
                let source = Source(file: record.file, reference: record.reference, column: field.column)
                let digitCount = text.digits.filter { $0 != UInt8(ascii: "|") }.count
                let isNumberShaped = digitCount >= 9 && digitCount == letters
                let column = kind(field.column)
                switch column {
                case .idNumber, .phone:
                    for number in Self.numbers(in: text, minimumLength: 6) { addDigits(number, source) }
                case .name:
                    if text.words.filter({ $0 == 0x20 }).count >= 3 || letters >= 8 { addWords(text.words, source) }
                case .recordID, .email:
                    if letters >= 4 { addWords(text.words, source) }
                case .descriptive:
                    // A phone or ID number written into any cell ("SĐT người nhà 0912 345 678") is
                    // searched for on its own, whatever else the cell says.
                    for number in Self.numbers(in: text, minimumLength: 9) { addDigits(number, source) }
                case .other, .address:
                    let isAddress = column == .address
                    let wordCount = text.words.filter({ $0 == 0x20 }).count - 1
                    for number in Self.numbers(in: text, minimumLength: 9) { addDigits(number, source) }
                    if isNumberShaped {
                        continue
                    } else if holders[text.words]?.count == 1,
                              isAddress ? (letters >= Self.minimumAddressLength && wordCount >= 2)
                                        : (letters >= Self.minimumUniqueLength && wordCount >= 4) {
                        addWords(text.words, source)
                    }
                }
            }
        }
    }

    /// The numbers in a seeker value, each on its own: a cell may hold two phones
    /// ("0912 345 678 / 0987 654 321", "0912345678 - 0987654321"), so runs are taken both as
    /// the audit joins them and split at every gap wider than one separator.
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
