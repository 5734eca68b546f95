import PhienchoAudit
import PhienchoContent
import PhienchoCore

/// Column titles that only a list of people ("người tìm việc") has, as data: the import refuses a
/// workbook holding any of them, so that the plan's seeker records never travel through the
/// vacancy channel. Compared folded, as words (`Slug`): "Tiền án", "TIEN AN" and "tien_an" alike.
///
/// Besides these, a person's name, an ID number and a birth date (`SensitiveColumn`) count; an
/// employer's or a contact's name does not (`employerWords`).
enum SeekerHeaders {
    /// Found anywhere in a title: the criminal record, the sentence and release, a home address,
    /// in Vietnamese with or without diacritics, and in English.
    static let phrases = [
        // Criminal record and sentence.
        "an tich", "tien an", "tien su", "chap hanh an", "chap hanh xong", "toi danh", "ban an", "muc an", "hinh phat",
        "ra trai", "ra tu", "ngay ra tu", "dac xa", "tha tu",
        "criminal", "criminal record", "conviction", "convicted", "offence", "offense", "sentence", "release date",
        "date of release", "prison", "parole", "probation",
        // Home address.
        "thuong tru", "tam tru", "noi cu tru", "cu tru", "ho khau", "hktt", "que quan", "nguyen quan", "noi o hien nay",
        "cho o hien nay", "home address", "permanent address", "residential address", "place of residence", "hometown",
        "place of origin",
        // ID numbers that `SensitiveColumn` does not name.
        "so dinh danh ca nhan", "citizen id", "identity card", "id number",
    ]

    /// A whole title that names the person it is about ("Người lao động", "Người tìm việc"); inside a
    /// longer title ("Quyền lợi người lao động", "Số người lao động cần tuyển") they describe the job.
    static let wholeTitles = [
        "nguoi lao dong", "ten nguoi lao dong", "nguoi tim viec", "ten nguoi tim viec", "nguoi duoc gioi thieu",
        "doi tuong", "worker", "job seeker", "jobseeker", "applicant", "candidate",
    ]

    /// Words of an employer's or a contact's column: never a list of people.
    static let employerWords = ["don vi", "doanh nghiep", "lien he", "chu co so", "cong ty", "nguoi dai dien", "employer", "company",
                                "contact"]

    /// Whether `header` is a column of a list of people.
    static func isSeekerColumn(_ header: String) -> Bool {
        let folded = Slug.make(header).split(separator: "-").joined(separator: " ")
        let words = " \(folded) "
        func has(_ phrases: [String]) -> Bool { phrases.contains { words.contains(" \($0) ") } }
        if has(employerWords) { return false }
        switch SensitiveColumn.classify(header) {
        case .name, .familyName, .middleName, .givenName, .idNumber, .birthDate: return true
        default: break
        }
        return has(phrases) || wholeTitles.contains(folded)
    }
}
