import Foundation
import Testing
@testable import PhienchoAudit
@testable import PhienchoContent
@testable import PhienchoCore
@testable import PhienchoImport
@testable import PhienchoKit
@testable import PhienchoModel
@testable import PhienchoOutput
@testable import PhienchoPublication
@testable import PhienchoRender
@testable import PhienchoReport
@testable import PhienchoSpreadsheets

/// The leak audit over every real place of the country (`AdministrativeUnits`, 3,321 xã, phường and
/// đặc khu): a seeker living in a village and an employer in the same village is never a finding;
/// a house-level address still is, whatever the commune is called.
@Suite("Places: the leak audit on every real commune")
struct RealPlacesAuditTests {
    static let villageWords = ["Thôn", "Xóm", "Tổ", "Ấp", "Bản", "Khu"]

    /// A commune's name as a seeker file writes it, and as an employer's address does.
    struct Commune {
        let unit: String
        let name: String
        let province: String
    }

    static let communes: [Commune] = AdministrativeUnits.country.currentProvinces.flatMap { province in
        province.units.map { Commune(unit: $0, name: AddressPart.Level.strippingKind($0), province: province.name) }
    }

    static func record(_ reference: String, commune: String, address: String) -> SeekerRecord {
        SeekerRecord(file: "content/seekers/ho-so.csv", reference: reference,
                     fields: [(column: "xa_phuong", value: commune), (column: "dia_chi", value: address)])
    }

    /// One seeker's address in one of the ways people write it (with or without the commune's kind,
    /// the province, diacritics).
    static func seekerAddress(_ village: String, _ commune: Commune, form: Int) -> String {
        let written = "\(village), \(commune.unit.prefix(1).lowercased())\(commune.unit.dropFirst())"
        switch form % 4 {
        case 0: return written
        case 1: return "\(village), \(commune.name), \(commune.province)"
        case 2: return "\(written.replacingOccurrences(of: ",", with: "")), \(commune.province)"
        default: return VietnameseFolding.fold(written).split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
        }
    }

    @Test("Every commune, every village word numbered 1–30, in every written form: no house is found",
          arguments: AdministrativeUnits.country.currentProvinces.map(\.name))
    func villageAddressesFindNoHouse(province: String) {
        var wrong: [String] = []
        for commune in Self.communes where commune.province == province {
            for word in Self.villageWords {
                for number in 1...30 {
                    let address = Self.seekerAddress("\(word) \(number)", commune, form: number)
                    if Address(address).houseCore != nil { wrong.append(address) }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count): \(wrong.prefix(5))")
    }

    @Test("Every commune, every village word: an employer in the seeker's village is never a finding",
          arguments: AdministrativeUnits.country.currentProvinces.map(\.name))
    func employerInTheSeekersVillage(province: String) {
        var random = SeededGenerator(seed: province.unicodeScalars.reduce(17) { $0 &* 31 &+ UInt64($1.value) })
        let communes = Self.communes.filter { $0.province == province }
        var records: [SeekerRecord] = []
        var pages: [String] = []
        for (index, commune) in communes.enumerated() {
            var page = "<h1>Việc làm ở \(commune.unit)</h1><ul>"
            for word in Self.villageWords {
                let number = Int.random(in: 1...30, using: &random)
                let village = "\(word) \(number)"
                let seekerCommune = number.isMultiple(of: 2) ? commune.unit : commune.name
                records.append(Self.record("HS-\(index)-\(word)-\(number)", commune: seekerCommune,
                                           address: Self.seekerAddress(village, commune, form: Int.random(in: 0...3, using: &random))))
                page += "<li>Công ty \(number): \(village), \(commune.unit), \(commune.province)</li>"
            }
            pages.append(page + "</ul>")
        }
        let audit = LeakAudit(patterns: LeakPatterns(records: records))
        for (commune, page) in zip(communes, pages) {
            let findings = audit.audit(path: "xa-phuong/index.html", data: Data(page.utf8))
            #expect(findings.isEmpty, "\(commune.unit): \(findings.compactMap(\.source?.reference).prefix(5))")
        }
    }

    @Test("Every commune: a house number on a street, an alley or 12/3 named like the commune is still found",
          arguments: AdministrativeUnits.country.currentProvinces.map(\.name))
    func houseLevelAddressesAreFound(province: String) {
        let communes = Self.communes.filter { $0.province == province }
        let forms = { (name: String) in ["Số 12, đường \(name)", "ngõ 5 \(name)", "12/3 \(name)", "số nhà 8 phố \(name)"] }
        var records: [SeekerRecord] = []
        for (index, commune) in communes.enumerated() {
            for (form, address) in forms(commune.name).enumerated() {
                records.append(Self.record("HS-\(index)-\(form)", commune: commune.unit, address: "\(address), \(commune.unit)"))
            }
        }
        let audit = LeakAudit(patterns: LeakPatterns(records: records))
        for (index, commune) in communes.enumerated() {
            for (form, address) in forms(commune.name).enumerated() {
                let page = "<p>Xưởng: \(address), \(commune.province).</p>"
                let found = audit.audit(path: "viec-lam/x/index.html", data: Data(page.utf8))
                    .filter { $0.source?.column == "dia_chi" && $0.companion == nil }.compactMap(\.source?.reference)
                #expect(found.contains("HS-\(index)-\(form)"), "\(address): \(found)")
            }
        }
    }
}
