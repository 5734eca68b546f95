import PhienchoCore
import PhienchoContent

/// The country's administrative units, committed as data (`AdministrativeUnits+Data.swift`, written by
/// `scripts/generate-administrative-units.py`): the 34 provinces and their xã, phường and đặc khu
/// from 1 July 2025, and the 63 former provinces with their districts, which people still write in
/// addresses. The leak audit reads addresses against them: a real place's name is never a street
/// word, however it folds ("Đại Hoàng" is no "đại lộ", "Dương Nội" no "đường").
struct AdministrativeUnits: Sendable {
    /// A province and its units, each written with its kind ("Xã Đại Hoàng", "Huyện Lý Nhân").
    struct Province: Sendable {
        let name: String
        let units: [String]
        /// From the list of 1 July 2025 (else a former province, with its districts).
        let isCurrent: Bool
    }

    let provinces: [Province]

    /// The list as committed.
    static let country = AdministrativeUnits(rows: rows)

    init(rows: [String]) {
        provinces = rows.map { row in
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Province(name: columns[1], units: columns[2].split(separator: "|").map(String.init),
                            isCurrent: columns[0] == "2025")
        }
    }

    /// The provinces from 1 July 2025.
    var currentProvinces: [Province] { provinces.filter(\.isCurrent) }

    /// Every name without its kind, lower-case as written (NFC: "đại hoàng", "a lưới 1") and folded
    /// ("dai hoang"), with the words that begin one, for `Address` to tell a name from an
    /// administrative word.
    struct Names: Sendable {
        var written: Set<String> = []
        var folded: Set<String> = []
        var firstWords: Set<String> = []
        var longest = 1

        func contains(_ words: ArraySlice<String>, folded isFolded: Bool) -> Bool {
            (isFolded ? folded : written).contains(words.joined(separator: " "))
        }
    }

    static let names: Names = {
        var names = Names()
        for province in country.provinces {
            for unit in [province.name] + province.units {
                let words = AddressPart.Level.strippingKind(unit).split(whereSeparator: { $0 == " " || $0 == "-" })
                    .map { Address.lowered(String($0)) }
                // "Quận 12" names no place without its kind: "12" is a house number.
                guard words.contains(where: { $0.contains(where: \.isLetter) }) else { continue }
                names.written.insert(words.joined(separator: " "))
                names.folded.insert(words.map(VietnameseFolding.fold).joined(separator: " "))
                names.firstWords.insert(words[0])
                names.firstWords.insert(VietnameseFolding.fold(words[0]))
                names.longest = max(names.longest, words.count)
            }
        }
        return names
    }()
}
