import Testing
@testable import PhienchoKit

/// What each seeker column holds, recognised from its header in any spelling.
@Suite("Privacy: seeker column headers")
struct PrivacySensitiveColumnTests {
    /// The provincial plan's columns.
    static let planColumns: [(String, SensitiveColumn)] = [
        ("ma_ho_so", .recordID),
        ("ho_ten", .name),
        ("nam_sinh", .descriptive),
        ("gioi_tinh", .descriptive),
        ("so_cccd", .idNumber),
        ("dien_thoai", .phone),
        ("xa_phuong", .descriptive),
        ("dia_chi", .address),
        ("tinh_trang_an_tich", .descriptive),
        ("trinh_do_hoc_van", .descriptive),
        ("linh_vuc_dao_tao", .descriptive),
        ("ky_nang", .descriptive),
        ("tinh_trang_viec_lam", .descriptive),
        ("kinh_nghiem", .descriptive),
        ("nhu_cau_viec_lam", .descriptive),
        ("ghi_chu", .other),
    ]

    @Test("The plan's headers", arguments: planColumns)
    func planHeaders(header: String, expected: SensitiveColumn) {
        #expect(SensitiveColumn.classify(header) == expected)
    }

    /// The same columns as staff type them in Excel: diacritics, spaces, any case, other words.
    static let variants: [(String, SensitiveColumn)] = [
        ("Họ và tên", .name), ("HỌ VÀ TÊN", .name), ("Họ tên", .name), ("họ_tên", .name), ("Tên", .name),
        ("Ho va ten", .name), ("HoTen", .name), ("Full name", .name),
        ("Số CCCD", .idNumber), ("SỐ CCCD", .idNumber), ("so cccd", .idNumber), ("Số CMND", .idNumber),
        ("CCCD/CMND", .idNumber), ("Số định danh cá nhân", .idNumber), ("Căn cước", .idNumber),
        ("SĐT", .phone), ("sđt", .phone), ("SDT", .phone), ("Số ĐT", .phone), ("Điện thoại", .phone),
        ("Số điện thoại", .phone), ("ĐIỆN THOẠI", .phone), ("Di động", .phone), ("Zalo", .phone),
        ("Mã hồ sơ", .recordID), ("MÃ HỒ SƠ", .recordID), ("Mã HS", .recordID), ("Số hồ sơ", .recordID),
        ("Địa chỉ", .address), ("Địa chỉ thường trú", .address), ("Nơi ở hiện nay", .address),
        ("Email", .email), ("E-mail", .email), ("Thư điện tử", .email),
        ("Năm sinh", .descriptive), ("Giới tính", .descriptive), ("Xã/Phường", .descriptive),
        ("Tình trạng án tích", .descriptive), ("Trình độ học vấn", .descriptive), ("Kỹ năng", .descriptive),
        ("Kinh nghiệm", .descriptive), ("Nhu cầu việc làm", .descriptive), ("STT", .descriptive),
        ("Ghi chú", .other), ("  Ghi   chú  ", .other), ("Hoàn cảnh gia đình", .other),
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
        #expect(SensitiveColumn.classify("Kỹ năng mềm") == .descriptive)
        #expect(SensitiveColumn.classify("Tình trạng việc làm") == .descriptive)
    }
}
