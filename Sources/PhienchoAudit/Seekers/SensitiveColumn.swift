import PhienchoCore
import PhienchoContent

/// What a seeker column holds, recognised from its header with or without diacritics, in any case,
/// with `_`, `-` or spaces, in Vietnamese or English ("so_cccd", "Số CCCD", "SO CCCD", "phone" …).
///
/// Each kind has a `Role` in the leak audit (docs/leak-audit.md explains them to staff):
/// - direct identifiers are findings wherever they occur: names, ID numbers, phones, e-mails,
///   record ids, an address precise enough to find a house, a long free text copied whole or in
///   large part;
/// - quasi-identifiers identify nobody alone: they are findings only when two of one record's occur
///   in one output file, or one occurs next to that record's given name;
/// - the rest never count: values that describe the work rather than the person (the job wanted,
///   skills, training field, employment status, experience) meet vacancy text by nature, and sex,
///   age or a row number identify no one.
package enum SensitiveColumn: Sendable, Equatable, CaseIterable {
    /// The full name (họ tên).
    case name
    /// A name split over columns, as government sheets do: Họ, Họ đệm/Tên đệm, Tên. Joined into
    /// the full name; `givenName` alone is the name a person is called by.
    case familyName, middleName, givenName
    case idNumber, phone, email, recordID
    /// A home address: precise ones (số nhà, ngõ, ngách, hẻm, kiệt, a numbered street) are direct;
    /// village-level ones (thôn, xóm, ấp, bản, tổ dân phố) are part of the place.
    case address
    /// Thôn, xóm, xã/phường, huyện, quê quán: with `address`, one place (one quasi-identifier).
    case place
    /// Birth date: a quasi-identifier when it has day, month and year; a year alone is too common.
    case birthDate
    /// Notes (ghi chú, nhu cầu, hoàn cảnh): direct when long and copied whole or in large part;
    /// a short note ("Biết bơi") is a qualification vacancies ask for, and never counts.
    case freeText
    /// Criminal-record status, education, marital status …: quasi-identifiers.
    case personal
    /// The job wanted, skills, training field, employment status, experience: never counted.
    case work
    /// Sex, age, row number: never counted.
    case ignored
    /// Anything unrecognised: a quasi-identifier.
    case other

    enum Role: Sendable { case direct, quasi, never }

    /// The role of the column's values (an address or free text may be direct or quasi by its value).
    var role: Role {
        switch self {
        case .name, .familyName, .middleName, .givenName, .idNumber, .phone, .email, .recordID: .direct
        case .address, .freeText: .direct
        case .place, .birthDate, .personal, .other: .quasi
        case .work, .ignored: .never
        }
    }

    /// How `phiencho audit --explain` names the class, in Vietnamese.
    package var explanation: String {
        switch self {
        case .name: "họ tên — luôn tìm"
        case .familyName: "họ — ghép với tên đệm và tên thành họ tên, luôn tìm"
        case .middleName: "tên đệm — ghép thành họ tên, luôn tìm"
        case .givenName: "tên — ghép thành họ tên, luôn tìm; tên gọi đứng cạnh một thông tin khác của hồ sơ cũng bị báo"
        case .idNumber: "số CCCD/CMND — luôn tìm, so các chữ số"
        case .phone: "số điện thoại — luôn tìm, mọi cách viết (0…, +84…)"
        case .email: "thư điện tử — luôn tìm"
        case .recordID: "mã hồ sơ — luôn tìm, có hay không có dấu phân cách"
        case .address: "địa chỉ — có số nhà, ngõ, ngách, hẻm, kiệt hay số đường thì luôn tìm; cấp thôn, xóm thì tính là nơi ở"
        case .place: "nơi ở (thôn, xóm, xã/phường) — chỉ báo khi đi cùng một thông tin khác của cùng hồ sơ"
        case .birthDate: "ngày sinh — đủ ngày, tháng, năm thì chỉ báo khi đi cùng một thông tin khác; năm sinh riêng thì không"
        case .freeText: "ghi chú — từ 8 chữ trở lên thì luôn tìm khi bị chép nguyên hay phần lớn; ghi chú ngắn thì không tìm"
        case .personal: "thông tin cá nhân (án tích, học vấn…) — chỉ báo khi đi cùng một thông tin khác của cùng hồ sơ"
        case .work: "mô tả công việc (nghề mong muốn, kỹ năng, đào tạo, kinh nghiệm) — không tìm"
        case .ignored: "giới tính, tuổi, số thứ tự — không tìm"
        case .other: "cột chưa nhận ra — chỉ báo khi đi cùng một thông tin khác của cùng hồ sơ"
        }
    }

    package static func classify(_ header: String) -> SensitiveColumn {
        let words = Slug.make(header).split(separator: "-").joined(separator: " ")
        let padded = " \(words) "
        func has(_ phrases: String...) -> Bool { phrases.contains { padded.contains(" \($0) ") } }
        func exactly(_ phrases: String...) -> Bool { phrases.contains(words) }
        if exactly("stt", "tt", "so thu tu", "no") { return .ignored }
        if has("cccd", "cmnd", "cmt", "can cuoc", "dinh danh", "so dinh danh", "id card", "national id", "passport", "ho chieu") { return .idNumber }
        if has("dien thoai", "sdt", "so dt", "dt", "phone", "mobile", "zalo", "di dong", "tel", "telephone") { return .phone }
        if has("email", "e mail", "thu dien tu", "mail") { return .email }
        if has("ho dem", "ten dem", "middle name") { return .middleName }
        if exactly("ho", "family name", "last name", "surname") { return .familyName }
        if exactly("ten", "given name", "first name", "ten goi") { return .givenName }
        if has("ma ho so", "ma hs", "ma", "id", "ma so", "record", "record id", "so ho so") { return .recordID }
        if has("ho ten", "ho va ten", "hoten", "name", "fullname", "full name", "nguoi lien he", "ten nguoi") { return .name }
        if has("nhu cau viec lam", "viec lam mong muon", "nghe mong muon", "cong viec mong muon", "nganh nghe mong muon",
               "ky nang", "skill", "skills", "linh vuc dao tao", "nganh dao tao", "nghe dao tao", "dao tao", "training",
               "tinh trang viec lam", "viec lam", "kinh nghiem", "experience", "job", "employment", "nghe nghiep") { return .work }
        if has("ngay sinh", "nam sinh", "sinh ngay", "ngay thang nam sinh", "date of birth", "dob", "birth", "birthday", "year of birth") { return .birthDate }
        if has("gioi tinh", "gender", "sex", "tuoi", "age") { return .ignored }
        if has("dia chi", "address", "noi o", "cho o", "thuong tru", "tam tru", "cu tru") { return .address }
        // Before places: "tình trạng" holds "tỉnh" once folded.
        if has("an tich", "tinh trang", "trinh do", "hoc van", "education", "hon nhan", "dan toc", "ton giao", "suc khoe",
               "criminal", "marital") { return .personal }
        if has("que quan", "xa phuong", "xa", "phuong", "huyen", "tinh", "thon", "xom", "to dan pho", "ap", "ban",
               "commune", "ward", "district", "province", "village", "hamlet") { return .place }
        if has("ghi chu", "note", "notes", "nhu cau", "hoan canh", "mo ta", "nguyen vong", "comment", "comments") { return .freeText }
        return .other
    }
}
