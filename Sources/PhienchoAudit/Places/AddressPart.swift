import PhienchoCore
import PhienchoContent

/// One part of an address as it is written, from one administrative word to the next: "Số 12",
/// "ngõ 5", "đường Trần Phú", "Thôn 6", "xã Đại Hoàng", "thành phố Hà Nội", or a part with no such
/// word ("12/3 Nguyễn Trãi", "Ninh Bình").
struct AddressPart: Sendable, Equatable {
    /// What the part's first word says it is.
    enum Level: Sendable, Equatable {
        /// số, số nhà, SN.
        case house
        /// ngõ, ngách, hẻm, kiệt.
        case alley
        /// đường, phố, đại lộ.
        case street
        /// tổ, tổ dân phố, thôn, xóm, ấp, bản, khu, khu phố, khóm, buôn, làng.
        case village
        /// xã, phường, thị trấn, đặc khu.
        case commune
        /// quận, huyện, thị xã (and a former province's thành phố).
        case district
        /// tỉnh, thành phố.
        case province
        /// A real place's name written without its kind ("Đại Hoàng", "1 Bảo Lộc", "Ninh Bình").
        case name
        /// No administrative word: a number and a street ("12 Trần Phú"), or any other words.
        case plain

        /// Whether it names an administrative unit, whose name follows it.
        var isUnit: Bool { self == .commune || self == .district || self == .province }

        /// The administrative words, lower-case as written (NFC), longest first. Abbreviations
        /// staff use are included; "P." or "Q." are not, being also initials.
        static let words: [(words: [String], level: Level)] = [
            (["tổ", "dân", "phố"], .village), (["khu", "dân", "cư"], .village),
            (["số", "nhà"], .house), (["đại", "lộ"], .street), (["khu", "phố"], .village),
            (["thị", "trấn"], .commune), (["đặc", "khu"], .commune), (["thị", "xã"], .district),
            (["thành", "phố"], .province),
            (["số"], .house), (["sn"], .house),
            (["ngõ"], .alley), (["ngách"], .alley), (["hẻm"], .alley), (["kiệt"], .alley),
            (["đường"], .street), (["phố"], .street),
            (["tổ"], .village), (["tdp"], .village), (["thôn"], .village), (["xóm"], .village), (["ấp"], .village),
            (["bản"], .village), (["khu"], .village), (["kp"], .village), (["khóm"], .village), (["buôn"], .village),
            (["làng"], .village),
            (["xã"], .commune), (["phường"], .commune), (["tt"], .commune),
            (["quận"], .district), (["huyện"], .district), (["tx"], .district),
            (["tỉnh"], .province), (["tp"], .province),
        ]

        /// `words` by their first word, longest first.
        static let table = Dictionary(grouping: words, by: { $0.words[0] })
        /// The same folded, for an address written without diacritics ("Thon 6, xa Dai Hoang").
        static let foldedTable = Dictionary(grouping: words.map { entry in (words: entry.words.map(VietnameseFolding.fold), level: entry.level) },
                                            by: { $0.words[0] })

        /// `name` without the kind it starts with: "Xã Đại Hoàng" → "Đại Hoàng".
        static func strippingKind(_ name: String) -> String {
            let tokens = name.split(separator: " ")
            let lower = tokens.map { Address.lowered(String($0)) }
            for entry in words where entry.level.isUnit && lower.starts(with: entry.words) && tokens.count > entry.words.count {
                return tokens.dropFirst(entry.words.count).joined(separator: " ")
            }
            return name
        }
    }

    let level: Level
    /// The words as written, the administrative word(s) first.
    let words: [String]
    /// How many of `words` are the administrative word(s).
    let kindWords: Int

    package var text: String { words.joined(separator: " ") }
    /// The words after the administrative word(s).
    var name: ArraySlice<String> { words.dropFirst(kindWords) }

    /// A house number, an alley's, 12A, 12/3, 12-14: a word that starts with a digit.
    static func isNumber(_ word: some StringProtocol) -> Bool { word.first?.isNumber ?? false }

    /// Whether the part alone finds a house: "Số 12", "SN 5", "số nhà 7", "12/3", "12 Trần Phú",
    /// "ngõ 5", "hẻm 12 Lê Lợi". A street ("đường Trần Phú", "đường số 5") and a village ("Thôn 6")
    /// do not; nor does a bare number, which needs a street beside it (`Address.houseCore`).
    var findsAHouse: Bool {
        switch level {
        case .house: return name.first.map(Self.isNumber) ?? false
        case .alley: return name.contains(where: Self.isNumber)
        case .plain:
            guard let first = words.first, Self.isNumber(first) else { return false }
            return words.count >= 2 || first.contains("/")
        default: return false
        }
    }

    /// A number alone ("12" in "12, đường Trần Phú").
    var isBareNumber: Bool { level == .plain && words.count == 1 && Self.isNumber(words[0]) }
}
