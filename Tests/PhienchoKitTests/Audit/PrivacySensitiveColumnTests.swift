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

/// What each seeker column holds, recognised from its header in any spelling.
@Suite("Privacy: seeker column headers")
struct PrivacySensitiveColumnTests {
    /// The provincial plan's columns.
    static let planColumns: [(String, SensitiveColumn)] = [
        ("ma_ho_so", .recordID),
        ("ho_ten", .name),
        ("nam_sinh", .birthDate),
        ("gioi_tinh", .ignored),
        ("so_cccd", .idNumber),
        ("dien_thoai", .phone),
        ("xa_phuong", .place),
        ("dia_chi", .address),
        ("tinh_trang_an_tich", .personal),
        ("trinh_do_hoc_van", .personal),
        ("linh_vuc_dao_tao", .work),
        ("ky_nang", .work),
        ("tinh_trang_viec_lam", .work),
        ("kinh_nghiem", .work),
        ("nhu_cau_viec_lam", .work),
        ("ghi_chu", .freeText),
    ]

    @Test("The plan's headers", arguments: planColumns)
    func planHeaders(header: String, expected: SensitiveColumn) {
        #expect(SensitiveColumn.classify(header) == expected)
    }

    /// The same columns as staff type them in Excel: diacritics, spaces, any case, other words.
    static let variants: [(String, SensitiveColumn)] = [
        ("Họ và tên", .name), ("HỌ VÀ TÊN", .name), ("Họ tên", .name), ("họ_tên", .name), ("Fullname", .name),
        ("Ho va ten", .name), ("HoTen", .name), ("Full name", .name), ("name", .name),
        ("Họ", .familyName), ("HỌ", .familyName), ("Họ đệm", .middleName), ("Tên đệm", .middleName), ("Tên", .givenName),
        ("Số CCCD", .idNumber), ("SỐ CCCD", .idNumber), ("so cccd", .idNumber), ("Số CMND", .idNumber), ("CCCD", .idNumber),
        ("CCCD/CMND", .idNumber), ("Số định danh cá nhân", .idNumber), ("Căn cước", .idNumber),
        ("SĐT", .phone), ("sđt", .phone), ("SDT", .phone), ("Số ĐT", .phone), ("Điện thoại", .phone), ("phone", .phone),
        ("Số điện thoại", .phone), ("ĐIỆN THOẠI", .phone), ("Di động", .phone), ("Zalo", .phone),
        ("Mã hồ sơ", .recordID), ("MÃ HỒ SƠ", .recordID), ("Mã HS", .recordID), ("Số hồ sơ", .recordID),
        ("Địa chỉ", .address), ("Địa chỉ thường trú", .address), ("Nơi ở hiện nay", .address), ("Address", .address),
        ("Email", .email), ("E-mail", .email), ("Thư điện tử", .email),
        ("Năm sinh", .birthDate), ("Ngày sinh", .birthDate), ("Date of birth", .birthDate), ("Giới tính", .ignored),
        ("Xã/Phường", .place), ("Thôn/Xóm", .place), ("Quê quán", .place), ("Tỉnh", .place),
        ("Tình trạng án tích", .personal), ("Trình độ học vấn", .personal), ("Kỹ năng", .work),
        ("Kinh nghiệm", .work), ("Nhu cầu việc làm", .work), ("STT", .ignored),
        ("Ghi chú", .freeText), ("  Ghi   chú  ", .freeText), ("Hoàn cảnh gia đình", .freeText), ("Sở thích", .other),
    ]

    @Test("Headers with diacritics, spaces and any case", arguments: variants)
    func headerVariants(header: String, expected: SensitiveColumn) {
        #expect(SensitiveColumn.classify(header) == expected)
    }

    @Test("NFD and NFC spellings classify alike")
    func unicodeForms() {
        for (header, _) in Self.variants + Self.planColumns {
            #expect(SensitiveColumn.classify(header.decomposedStringWithCanonicalMapping) == SensitiveColumn.classify(header),
                    "\(header)")
        }
    }

    @Test("Words are matched whole: 'ma' in 'nam sinh' or 'ten' in 'tinh trang' does not count")
    func wholeWords() {
        #expect(SensitiveColumn.classify("nam_sinh") != .recordID)
        #expect(SensitiveColumn.classify("Kỹ năng mềm") == .work)
        #expect(SensitiveColumn.classify("Tình trạng việc làm") == .work)
        #expect(SensitiveColumn.classify("Tình trạng hôn nhân") == .personal, "tình trạng is not tỉnh")
    }
}
