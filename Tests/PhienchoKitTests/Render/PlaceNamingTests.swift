import Foundation
import Testing
@testable import PhienchoAudit
@testable import PhienchoCore
@testable import PhienchoModel

/// An address never repeats its commune (issue #34): a place that names its commune is shown
/// without it added again, and one that does not gets it.
@Suite("Render: a place names its commune once")
struct PlaceNamingTests {
    @Test("Places that name the commune", arguments: [
        "Trung tâm Giáo dục nghề nghiệp, xã Kim Sơn", "Hội trường Ủy ban nhân dân xã Kim Sơn", "Kim Sơn",
        "Nhà văn hóa XÃ KIM SƠN, số 2 đường Lê Thái Tổ", "Số 5, Kim Sơn",
    ])
    func named(place: String) {
        #expect(Term(name: "Kim Sơn", kind: .xa).isNamed(in: place))
        #expect(Term(name: "Kim Sơn", kind: .xa).appended(to: place) == place)
    }

    @Test("Places that do not", arguments: [
        "Nhà văn hóa thôn 3", "Trạm y tế xã Kim Sơn Đông", "Đường Kim Sơn Tây", "Nhà văn hóa Kim Sơn", "Kim Son",
    ])
    func notNamed(place: String) {
        #expect(!Term(name: "Kim Sơn", kind: .xa).isNamed(in: place))
        #expect(Term(name: "Kim Sơn", kind: .xa).appended(to: place) == "\(place), xã Kim Sơn")
    }

    /// Over the official list (data the rule was not written against): in every province, a hall
    /// "of" each xã, phường or đặc khu names it and no other unit of the province, and an address
    /// without a unit names none.
    @Test func everyUnitOfEveryProvinceIsNamedByItsHallAndNoOther() {
        var wrong: [String] = []
        for province in AdministrativeUnits.country.currentProvinces {
            let terms = province.units.compactMap(Self.term)
            for (index, term) in terms.enumerated() {
                let hall = "Hội trường Ủy ban nhân dân \(term.kindAndName)"
                if !term.isNamed(in: hall) { wrong.append("\(hall) ↛ \(term.kindAndName)") }
                for (other, otherTerm) in terms.enumerated() where other != index && otherTerm.name != term.name {
                    if otherTerm.isNamed(in: hall) { wrong.append("\(hall) → \(otherTerm.kindAndName)") }
                }
                if term.isNamed(in: "Nhà văn hóa thôn 3, số 12") { wrong.append("thôn 3 → \(term.kindAndName)") }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count): \(wrong.prefix(8))")
    }

    static func term(_ unit: String) -> Term? {
        for (prefix, kind) in [("Xã ", Term.Kind.xa), ("Phường ", .phuong), ("Đặc khu ", .dacKhu)] where unit.hasPrefix(prefix) {
            return Term(name: String(unit.dropFirst(prefix.count)), kind: kind)
        }
        return nil
    }
}
