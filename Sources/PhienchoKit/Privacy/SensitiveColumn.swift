/// What a seeker column holds, recognised from its header with or without diacritics, in any case,
/// with `_`, `-` or spaces ("so_cccd", "Số CCCD", "SO CCCD" …).
public enum SensitiveColumn: Sendable, Equatable {
    /// A person's name: always searched for (when it has at least two words).
    case name
    /// CCCD/CMND number: always searched for, digits compared without separators.
    case idNumber
    /// Phone number: always searched for, digits compared without separators, 0/84 prefixes both.
    case phone
    /// The record's own id (ma_ho_so): always searched for.
    case recordID
    /// E-mail address: always searched for.
    case email
    /// A home address: searched for when it occurs in only one record and has at least two words
    /// and `LeakPatterns.minimumAddressLength` letters/digits.
    case address
    /// Categories shared by many people (sex, year of birth, education, skills, job wishes, record
    /// status …): never searched for on their own — a vacancy for "Lái xe tải hạng C" is not a leak
    /// of the seeker who wants such a job.
    case descriptive
    /// Anything else (notes, unknown columns): searched for when the value occurs in only one record
    /// and is long enough to identify someone (`LeakPatterns.minimumUniqueLength` letters/digits,
    /// four words) — short generic phrases such as "Muốn học nghề" are not.
    case other

    public static func classify(_ header: String) -> SensitiveColumn {
        let words = Slug.make(header).split(separator: "-").joined(separator: " ")
        let padded = " \(words) "
        func has(_ phrases: String...) -> Bool { phrases.contains { padded.contains(" \($0) ") } }
        if has("cccd", "cmnd", "cmt", "can cuoc", "dinh danh", "so dinh danh", "id card", "national id", "passport", "ho chieu") { return .idNumber }
        if has("dien thoai", "sdt", "so dt", "dt", "phone", "mobile", "zalo", "di dong") { return .phone }
        if has("email", "e mail", "thu dien tu", "mail") { return .email }
        if has("ma ho so", "ma hs", "ma", "id", "ma so", "record", "record id", "so ho so") { return .recordID }
        if has("dia chi", "address", "noi o", "cho o", "thuong tru", "tam tru", "que quan") { return .address }
        if has("ho ten", "ho va ten", "hoten", "ten", "name", "full name", "nguoi lien he", "ten nguoi") { return .name }
        if has("gioi tinh", "nam sinh", "tuoi", "xa phuong", "xa", "phuong", "huyen", "tinh trang", "an tich",
               "trinh do", "hoc van", "linh vuc", "dao tao", "ky nang", "kinh nghiem", "nhu cau", "viec lam",
               "gender", "sex", "age", "year of birth", "education", "skills", "experience", "stt") { return .descriptive }
        return .other
    }
}
