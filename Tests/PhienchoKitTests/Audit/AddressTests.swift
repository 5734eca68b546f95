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

/// Reading an address as its parts, on the written form; real place names are never street words.
@Suite("Places: addresses read as their parts")
struct AddressTests {
    static func levels(_ value: String) -> [String] {
        Address(value).parts.map { "\($0.level):\($0.text)" }
    }

    @Test("Parts split at commas and before administrative words written as such", arguments: [
        ("Thôn 6, xã Đại Hoàng, tỉnh Ninh Bình", ["village:Thôn 6", "commune:xã Đại Hoàng", "province:tỉnh Ninh Bình"]),
        ("Thôn 6 xã Đại Hoàng", ["village:Thôn 6", "commune:xã Đại Hoàng"]),
        ("Tổ 11, ngõ 42 đường Lê Công Thanh", ["village:Tổ 11", "alley:ngõ 42", "street:đường Lê Công Thanh"]),
        ("Số 12 phố Huế, thành phố Hà Nội", ["house:Số 12", "street:phố Huế", "province:thành phố Hà Nội"]),
        ("Phường 1 Bảo Lộc, Lâm Đồng", ["commune:Phường 1 Bảo Lộc", "name:Lâm Đồng"]),
        ("Thôn 3, xã A Lưới 1, thành phố Huế", ["village:Thôn 3", "commune:xã A Lưới 1", "province:thành phố Huế"]),
        ("phường Văn Miếu - Quốc Tử Giám", ["commune:phường Văn Miếu Quốc Tử Giám"]),
        ("Thon 6, xa Dai Hoang", ["village:Thon 6", "commune:xa Dai Hoang"]),
        ("Thôn 2, Dương Nội", ["village:Thôn 2", "name:Dương Nội"]),
        ("Thon 2, Duong Noi", ["village:Thon 2", "name:Duong Noi"]),
        ("thôn Phố Mới, xã Yên Phong", ["village:thôn Phố Mới", "commune:xã Yên Phong"]),
        ("TP.Hà Nội", ["province:TP Hà Nội"]),
        ("12/3 Nguyễn Trãi", ["plain:12/3 Nguyễn Trãi"]),
    ])
    func parts(value: String, expected: [String]) {
        #expect(Self.levels(value) == expected)
    }

    @Test("House-level addresses, and the parts that find the house", arguments: [
        ("Số 12, đường Đại Hoàng, xã Đại Hoàng", "Số 12 đường Đại Hoàng"),
        ("ngõ 5 Đại Hoàng", "ngõ 5 Đại Hoàng"),
        ("12/3 Trần Phú, phường Ba Đình", "12/3 Trần Phú"),
        ("12, đường Trần Phú", "12 đường Trần Phú"),
        ("SN 7, thôn 6, xã Gia Trấn", "SN 7 thôn 6"),
        ("Số nhà 15 Lê Lợi", "Số nhà 15 Lê Lợi"),
        ("Tổ 11, ngõ 42 đường Lê Công Thanh", "ngõ 42 đường Lê Công Thanh"),
        ("hẻm 12 Lê Lợi, phường 3", "hẻm 12 Lê Lợi"),
    ])
    func precise(value: String, core: String) {
        #expect(Address(value).houseCore?.map(\.text).joined(separator: " ") == core)
    }

    @Test("Village-level addresses find no house, whatever their names fold to", arguments: [
        "Thôn 6, xã Đại Hoàng", "Thôn 6 xã Đại Hoàng, tỉnh Ninh Bình", "Xóm 4, thôn Vân Thị",
        "Tổ 3, phường Dương Nội, thành phố Hà Nội", "Khu 7, xã Lộc Bình", "Thôn 1, Đại Lộc, Quảng Nam",
        "Ấp 5, xã Phú Hòa 1", "Bản 3, xã Ea M’Droh", "Thôn 2, xã Phố Ràng", "đường Trần Phú, phường Ba Đình",
        "Thon 6, xa Dai Hoang, tinh Ninh Binh", "Tổ dân phố 5, phường 1 Bảo Lộc", "Thôn 6, thành phố Huế",
    ])
    func villages(value: String) {
        #expect(Address(value).houseCore == nil, "\(Self.levels(value))")
    }
}
