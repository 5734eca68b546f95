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

/// The combinations docs/leak-audit.md promises: a given name after a form of address next to the
/// person's village, and a birth year written as a birth year next to another value of the record.
@Suite("Privacy: quasi-identifiers in combination")
struct PrivacyCombinationTests {
    static let records = [
        PrivacyPatternTests.record("HS-1", [("ho_ten", "Lê Văn Hùng"), ("dia_chi", "Xóm 4, thôn Vân Thị, xã Gia Trấn"),
                                            ("nam_sinh", "1988")]),
        PrivacyPatternTests.record("HS-2026-0001", [("ma_ho_so", "HS-2026-0001"), ("ho_ten", "Nguyễn Văn Hùng"), ("nam_sinh", "1988"),
                                                    ("gioi_tinh", "Nam"), ("xa_phuong", "Gia Trấn"), ("dia_chi", "Xóm 4, thôn Vân Thị")]),
        PrivacyPatternTests.record("HS-2", [("ho_ten", "Trần Thị Mai"), ("dia_chi", "Thôn 6, xã Đại Hoàng"),
                                            ("ngay_sinh", "03/04/1995")]),
    ]

    static func columns(_ text: String) -> [Set<String>] {
        PrivacyPatternTests.findings(text, records).map { Set([$0.source?.column, $0.companion?.column].compactMap { $0 }) }
    }

    @Test("A given name after a form of address next to the person's village", arguments: [
        "<p>Liên hệ anh Hùng ở Xóm 4, thôn Vân Thị.</p>",
        "<p>anh Hùng ở Xóm 4, thôn Vân Thị</p>",
        "<p>Chị Mai ở Thôn 6, xã Đại Hoàng đã có việc.</p>",
    ])
    func givenNameBesideVillage(text: String) {
        #expect(!Self.columns(text).isEmpty, "\(Self.columns(text))")
    }

    @Test("A birth year written as a person's birth year counts with the village", arguments: [
        "<p>Người ở thôn Vân Thị, sinh năm 1988.</p>",
        "<p>Thôn Vân Thị, xã Gia Trấn — năm sinh: 1988</p>",
        "<p>Thôn 6, xã Đại Hoàng. SN 1995.</p>",
    ])
    func birthYearWithVillage(text: String) {
        let found = Self.columns(text)
        #expect(!found.isEmpty && found.allSatisfy { $0.contains("nam_sinh") || $0.contains("ngay_sinh") }, "\(found)")
    }

    @Test("A range of birth years or ages is never a person's", arguments: [
        "<p>Việc ở thôn Vân Thị. Tuyển lao động sinh năm 1980–2004.</p>",
        "<p>Việc ở thôn Vân Thị. Sinh năm 1988 - 2000.</p>",
        "<p>Việc ở thôn Vân Thị. Nam sinh năm 1988 trở về sau.</p>",
        "<p>Việc ở thôn Vân Thị. Sinh năm từ 1988 đến 2004.</p>",
        "<p>Việc ở thôn Vân Thị. Năm 1988 công ty thành lập.</p>",
        "<p>Thôn 6, xã Đại Hoàng. Sinh năm 1995 đến 2005.</p>",
    ])
    func rangesNeverCount(text: String) {
        #expect(Self.columns(text).isEmpty, "\(Self.columns(text))")
    }
}
