import PhienchoCore
import PhienchoContent

/// An address read as its parts, the way a person reads it: split at commas and semicolons, and
/// before every administrative word written as such ("Số 12 đường Trần Phú thôn 6" → "Số 12",
/// "đường Trần Phú", "thôn 6"). Whether a word is administrative is decided on its written form,
/// with diacritics ("đường", never "Dương"; "thành phố", never "phố"), and a real place's name
/// (`AdministrativeUnits`) is never read as one: after "xã", "Đại Hoàng" is a name. Only an
/// address written wholly without diacritics is read folded, where a known place name still wins
/// ("Thon 6, Duong Noi"). Folding is used to compare, never to decide what a word is.
struct Address: Sendable {
    let parts: [AddressPart]

    init(_ value: String) {
        let ascii = value.unicodeScalars.allSatisfy { $0.isASCII }
        var parts: [AddressPart] = []
        for piece in value.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" || $0.isNewline }) {
            parts += Self.parts(of: Self.tokens(piece), ascii: ascii)
        }
        self.parts = parts
    }

    /// Words of a comma-separated piece: split at spaces and at dots between letters ("TP.Hà Nội"),
    /// a dot or colon at a word's end dropped, and dashes and other marks on their own left out.
    static func tokens(_ piece: Substring) -> [String] {
        var tokens: [String] = []
        for raw in piece.split(whereSeparator: \.isWhitespace) {
            guard raw.contains(where: { $0 == "." || $0 == ":" }) else {
                if raw.contains(where: { $0.isLetter || $0.isNumber }) { tokens.append(String(raw)) }
                continue
            }
            var current = ""
            let characters = Array(raw)
            for (index, character) in characters.enumerated() {
                let betweenLetters = index > 0 && index + 1 < characters.count && characters[index - 1].isLetter
                    && characters[index + 1].isLetter
                if character == ".", betweenLetters || index == characters.count - 1 {
                    if current.contains(where: { $0.isLetter || $0.isNumber }) { tokens.append(current) }
                    current = ""
                } else if character == ":", index == characters.count - 1 {
                    continue
                } else {
                    current.append(character)
                }
            }
            if current.contains(where: { $0.isLetter || $0.isNumber }) { tokens.append(current) }
        }
        return tokens
    }

    private static func parts(of tokens: [String], ascii: Bool) -> [AddressPart] {
        let lower = tokens.map { ascii ? VietnameseFolding.fold($0) : Self.lowered($0) }
        let table = ascii ? AddressPart.Level.foldedTable : AddressPart.Level.table
        var parts: [AddressPart] = []
        var current: (level: AddressPart.Level, start: Int, kindWords: Int)?
        var index = 0
        func close(at end: Int) {
            guard let part = current, end > part.start else { return }
            parts.append(AddressPart(level: part.level, words: Array(tokens[part.start..<end]), kindWords: part.kindWords))
        }
        while index < tokens.count {
            // Right after an administrative word comes a name, even one that is also such a word
            // ("thôn Phố Mới", "phố Xã Đàn", "đường Bản Mạ"). A capitalised word (or any, written
            // without diacritics) that begins a real place's name of two words or more is that name
            // ("Đường Lâm", "Duong Noi").
            let followsKind = current.map { index == $0.start + $0.kindWords } ?? false
            if !followsKind, let entry = table[lower[index]]?.first(where: { lower[index...].starts(with: $0.words) }),
               !(ascii || tokens[index].first?.isUppercase == true) || knownName(at: index, lower, folded: ascii) < 2 {
                close(at: index)
                current = (entry.level, index, entry.words.count)
                index += entry.words.count
                // A unit's name is taken whole: "xã Đại Hoàng", "phường Văn Miếu Quốc Tử Giám".
                if entry.level.isUnit { index += knownName(at: index, lower, folded: ascii) }
                continue
            }
            // A part without a kind may be a real place's name, numbers and all ("1 Bảo Lộc").
            if current == nil, case let length = knownName(at: index, lower, folded: ascii), length > 0 {
                parts.append(AddressPart(level: .name, words: Array(tokens[index..<(index + length)]), kindWords: 0))
                index += length
                continue
            }
            if current == nil { current = (.plain, index, 0) }
            index += 1
        }
        close(at: tokens.count)
        return parts
    }

    /// How many words from `start` make the longest real place name (0: none), compared as written
    /// ("Phường Sơn Tây" does not begin "Phương Sơn"), or folded for an address written without
    /// diacritics.
    private static func knownName(at start: Int, _ lower: [String], folded: Bool) -> Int {
        let names = AdministrativeUnits.names
        guard start < lower.count, names.firstWords.contains(lower[start]) else { return 0 }
        for length in stride(from: min(names.longest, lower.count - start), through: 1, by: -1) {
            if names.contains(lower[start..<(start + length)], folded: folded) { return length }
        }
        return 0
    }

    /// A word as names are compared: lower-case, NFC, one apostrophe ("M’Droh", "M'Droh").
    static func lowered(_ word: String) -> String {
        var lower = word.lowercased()
        if lower.unicodeScalars.contains(where: { (0x300...0x36F).contains($0.value) }) {
            lower = lower.precomposedStringWithCanonicalMapping
        }
        if lower.unicodeScalars.contains("’") { lower = String(lower.map { $0 == "’" ? "'" : $0 }) }
        return lower
    }

    /// The parts that find the house: from the first that does ("Số 12", "ngõ 5", "12/3", "12 Trần
    /// Phú", or a bare number next to a street, "12, đường Trần Phú") through the street, alley or
    /// village parts after it, stopping at the commune ("Số 12, đường Trần Phú" of "Số 12, đường
    /// Trần Phú, phường Ba Đình"). Nil when no part finds a house: the address is village-level.
    var houseCore: ArraySlice<AddressPart>? {
        for (index, part) in parts.enumerated() {
            let numberBesideStreet = part.isBareNumber && index + 1 < parts.count
                && [.street, .alley].contains(parts[index + 1].level)
            guard part.findsAHouse || numberBesideStreet else { continue }
            var end = index + 1
            while end < parts.count, [.street, .alley, .village, .plain].contains(parts[end].level) { end += 1 }
            return parts[index..<end]
        }
        return nil
    }
}
