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
        let allowedDigits = Set(allowed.map { AuditText($0.unicodeScalars).digits })

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
        func addDigits(_ digits: [UInt8], _ source: Source) {
            let pattern = Array(digits.dropFirst().dropLast())   // without the `|` ends: substring match
            guard !allowedDigits.contains(digits), !pattern.contains(UInt8(ascii: "|")) else { return }
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
                    if digitCount >= 6 { addDigits(text.digits, source); addPhoneVariant(text.digits, source, addDigits) }
                case .name:
                    if text.words.filter({ $0 == 0x20 }).count >= 3 || letters >= 8 { addWords(text.words, source) }
                case .recordID, .email:
                    if letters >= 4 { addWords(text.words, source) }
                case .descriptive:
                    if isNumberShaped { addDigits(text.digits, source) }
                case .other, .address:
                    let isAddress = column == .address
                    let wordCount = text.words.filter({ $0 == 0x20 }).count - 1
                    if isNumberShaped {
                        addDigits(text.digits, source)
                        addPhoneVariant(text.digits, source, addDigits)
                    } else if holders[text.words]?.count == 1,
                              isAddress ? (letters >= Self.minimumAddressLength && wordCount >= 2)
                                        : (letters >= Self.minimumUniqueLength && wordCount >= 4) {
                        addWords(text.words, source)
                    }
                }
            }
        }
    }

    /// A phone written 0912… is also searched for as 84912… and the other way round.
    private func addPhoneVariant(_ digits: [UInt8], _ source: Source, _ add: ([UInt8], Source) -> Void) {
        let body = Array(digits.dropFirst().dropLast())
        if body.first == UInt8(ascii: "0"), body.count >= 9 {
            add([UInt8(ascii: "|")] + Array("84".utf8) + body.dropFirst() + [UInt8(ascii: "|")], source)
        } else if body.starts(with: Array("84".utf8)), body.count >= 10 {
            add([UInt8(ascii: "|"), UInt8(ascii: "0")] + body.dropFirst(2) + [UInt8(ascii: "|")], source)
        }
    }
}
