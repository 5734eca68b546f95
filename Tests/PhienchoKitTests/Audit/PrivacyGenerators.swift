import Foundation
import PropertyBased
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

// Random seekers, clean vacancies and "leak scenarios" (one seeker value planted into one vacancy
// field, disguised) for the property-based privacy tests.
//
// The vacancy vocabulary is kept apart from the seeker vocabulary (no family names, no "xóm/thôn",
// no mobile numbers, landlines only), so clean content can never contain a seeker value by chance.

enum PrivacyRandom {
    static let familyNames = ["Nguyễn", "Trần", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ",
                              "Ngô", "Dương", "Đinh", "Trương", "Lương", "Tạ", "Quách", "Trịnh", "Lã", "Đoàn"]
    static let middleNames = ["Văn", "Thị", "Đức", "Hữu", "Quang", "Ngọc", "Xuân", "Thu", "Công", "Bảo", "Thế"]
    static let givenNames = ["Hùng", "Tuấn", "Lan", "Cường", "Dũng", "Hương", "Thảo", "Hải", "Long", "Nghĩa",
                             "Khánh", "Trọng", "Quý", "Hiếu", "Tâm", "Yến", "Hạnh", "Phúc", "Đạt", "Thắng",
                             "Huyền", "Nhung", "Toàn", "Lực", "Kiên", "Tình", "Hằng", "Ước", "Ánh", "Điệp"]
    static let mobilePrefixes = ["032", "033", "034", "035", "036", "037", "038", "039", "052", "056", "058",
                                 "070", "076", "077", "078", "079", "081", "082", "083", "084", "085", "086",
                                 "088", "089", "090", "091", "092", "093", "094", "096", "097", "098", "099"]
    static let hamlets = ["thôn Vân Thị", "xóm Đông Hạ", "ngõ 42 đường Lê Công Thanh", "thôn Xuân Thành",
                          "xóm Bãi Sậy", "thôn Tùy Hối", "xóm Chùa Ngoài", "thôn Thượng Kỳ"]
    static let seekerCommunes = ["Gia Trấn", "Phủ Lý", "Kim Sơn", "Nam Hoa Lư", "Yên Khánh", "Hoa Lư"]
    static let criminalRecords = ["Chấp hành xong án phạt tù, chưa được xóa án tích", "Đã được xóa án tích",
                                  "Đang chấp hành án treo"]
    static let educations = ["12/12", "9/12", "7/12", "5/12"]
    static let trainings = ["Chưa qua đào tạo", "Lái xe hạng C", "May công nghiệp (sơ cấp)", "Hàn (sơ cấp)"]
    static let skills = ["Phụ hồ, bốc vác", "Lái xe tải", "May máy 1 kim", "Hàn que", "Nấu ăn"]
    static let employments = ["Chưa có việc làm", "Đang làm thời vụ", "Làm tự do"]
    static let experiences = ["Phụ hồ 3 năm", "Lái xe tải 4 năm", "May gia công tại nhà", "Chưa có kinh nghiệm"]
    static let needs = ["Công nhân nhà máy gần nhà", "Lái xe tải hạng C", "Thợ hàn", "Việc làm ca ngày"]
    static let notes = ["", "", "Công an xã giới thiệu", "Có con nhỏ, muốn làm ca ngày gần nhà",
                        "Sức khỏe tốt, làm được ca đêm", "Cần chỗ ở", "Gia đình mong có việc gần nhà",
                        "Chưa có CCCD gắn chip, đang làm lại hồ sơ"]

    static let titles = ["Công nhân may", "Phụ hồ công trình", "Thợ hàn cửa sắt", "Bốc xếp kho", "Phụ bếp nhà hàng",
                         "Công nhân đóng gói", "Lái xe tải", "Công nhân chế biến nông sản"]
    static let employers = ["Công ty TNHH Gạch Tam Điệp", "Hợp tác xã Rau sạch Yên Mô", "Xưởng mộc Gia Viễn",
                            "Công ty CP Thực phẩm Đồng Xanh", "Công ty TNHH May Hoa Sen", "Cơ sở cơ khí Tiến Bộ"]
    static let employerAddresses = ["Lô C2, khu công nghiệp Gián Khẩu", "Đường 1A, cạnh chợ trung tâm",
                                    "Cụm công nghiệp Khánh Phú", "Quốc lộ 10, gần cầu Điền Hộ"]
    static let workAddresses = ["Xưởng chính", "Nhà máy số 2", "Kho hàng cạnh cổng khu công nghiệp"]
    static let requirements = ["Sức khỏe tốt", "Chăm chỉ, đúng giờ", "Không uống rượu bia khi làm việc",
                               "Biết đọc, biết viết"]
    static let benefits = ["Có bảo hiểm xã hội", "Phụ cấp ăn trưa", "Nghỉ 4 ngày mỗi tháng", "Được đào tạo tại chỗ"]
    static let tags = ["có bảo hiểm", "nhận người chưa có kinh nghiệm", "làm ca ngày", "có chỗ ở"]
    static let sentences = ["Công ty cần người chăm chỉ, chịu khó, muốn làm lâu dài.",
                            "Làm việc theo ca, có phụ cấp ăn trưa và tiền chuyên cần.",
                            "Chúng tôi sẵn lòng nhận người đã chấp hành xong án phạt tù, không hỏi chuyện cũ.",
                            "Được đào tạo tại chỗ, có lương trong thời gian học việc.",
                            "Xưởng ở gần trục đường chính, đi lại thuận tiện.",
                            "Mức lương trả đúng hạn vào ngày 10 hằng tháng."]

    static func pick<R: RandomNumberGenerator>(_ list: [String], _ rng: inout R) -> String {
        list.randomElement(using: &rng)!
    }

    static func digits<R: RandomNumberGenerator>(_ count: Int, _ rng: inout R) -> String {
        String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) })
    }

    static func name<R: RandomNumberGenerator>(_ rng: inout R) -> String {
        var words = [pick(familyNames, &rng), pick(middleNames, &rng)]
        if Bool.random(using: &rng) && Int.random(in: 0..<3, using: &rng) == 0 { words.append(pick(middleNames, &rng)) }
        words.append(pick(givenNames, &rng))
        return words.joined(separator: " ")
    }

    /// 12 digits: province code 001–096, century/sex digit, year of birth, six random digits.
    static func citizenID<R: RandomNumberGenerator>(birthYear: Int, female: Bool, _ rng: inout R) -> String {
        let province = String(format: "%03d", Int.random(in: 1...96, using: &rng))
        let century = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0)
        return province + String(century) + String(format: "%02d", birthYear % 100) + digits(6, &rng)
    }

    static func mobile<R: RandomNumberGenerator>(_ rng: inout R) -> String {
        pick(mobilePrefixes, &rng) + digits(7, &rng)
    }

    static func seekers<R: RandomNumberGenerator>(count: Int, _ rng: inout R) -> [PrivacySeeker] {
        var used: Set<String> = []
        var firstNumber = Int.random(in: 1...9000, using: &rng)
        return (0..<count).map { _ in
            firstNumber += Int.random(in: 1...7, using: &rng)
            let year = Int.random(in: 1965...2004, using: &rng)
            let female = Int.random(in: 0..<4, using: &rng) == 0
            var phone = mobile(&rng)
            while used.contains(phone) { phone = mobile(&rng) }
            used.insert(phone)
            let address = pick(["Xóm", "Tổ", "Số nhà", "Đội"], &rng) + " \(Int.random(in: 1...60, using: &rng)), "
                + pick(hamlets, &rng)
            return PrivacySeeker(
                recordID: String(format: "HS-2026-%04d", firstNumber),
                name: name(&rng), birthYear: String(year), sex: female ? "Nữ" : "Nam",
                citizenID: citizenID(birthYear: year, female: female, &rng), phone: phone,
                commune: pick(seekerCommunes, &rng), address: address,
                criminalRecord: pick(criminalRecords, &rng), education: pick(educations, &rng),
                training: pick(trainings, &rng), skills: pick(skills, &rng), employment: pick(employments, &rng),
                experience: pick(experiences, &rng), need: pick(needs, &rng), note: pick(notes, &rng))
        }
    }

    static func landline<R: RandomNumberGenerator>(_ rng: inout R) -> String {
        "0229 3\(digits(3, &rng)) \(digits(3, &rng))"
    }

    static func vacancies<R: RandomNumberGenerator>(count: Int, _ rng: inout R) -> [PrivacyVacancy] {
        (0..<count).map { index in
            let employer = pick(employers, &rng)
            let posted = LocalDate(year: 2026, month: 10, day: 1)!.adding(days: Int.random(in: 0...50, using: &rng))
            let expires = LocalDate(year: 2026, month: 11, day: 25)!.adding(days: Int.random(in: 0...40, using: &rng))
            return PrivacyVacancy(
                id: String(format: "NB-2026-%03d", index + 1), title: pick(titles, &rng),
                posted: posted.description, expires: expires.description,
                employerName: employer, employerAddress: pick(employerAddresses, &rng),
                employerPhone: landline(&rng),
                employerEmail: "tuyendung\(index + 1)@\(Slug.make(employer).replacingOccurrences(of: "-", with: "")).example.vn",
                commune: pick(PrivacyContent.communes, &rng), address: pick(workAddresses, &rng),
                sector: pick(PrivacyContent.sectors, &rng), openings: Int.random(in: 1...20, using: &rng),
                salaryMin: Bool.random(using: &rng) ? Int.random(in: 5...12, using: &rng) * 1_000_000 : nil,
                requirements: Array(requirements.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng))),
                benefits: Array(benefits.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng))),
                tags: Array(tags.shuffled(using: &rng).prefix(Int.random(in: 0...2, using: &rng))),
                apply: "Gọi \(landline(&rng)) trong giờ hành chính hoặc đến trực tiếp.",
                body: (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                    (0..<Int.random(in: 1...3, using: &rng)).map { _ in pick(sentences, &rng) }.joined(separator: " ")
                })
        }
    }
}

// MARK: - Leak scenarios

/// Which seeker value is planted, and the column the finding must name.
enum PrivacyPlantKind: String, CaseIterable, Sendable {
    case name, phone, citizenID, recordID

    var column: String {
        switch self {
        case .name: "ho_ten"
        case .phone: "dien_thoai"
        case .citizenID: "so_cccd"
        case .recordID: "ma_ho_so"
        }
    }

    func value(of seeker: PrivacySeeker) -> String {
        switch self {
        case .name: seeker.name
        case .phone: seeker.phone
        case .citizenID: seeker.citizenID
        case .recordID: seeker.recordID
        }
    }
}

/// Where in a vacancy the value is planted.
enum PrivacyPlantSlot: String, CaseIterable, Sendable {
    case body, title, employerName, employerPhone, employerEmail, employerAddress, tag
}

enum PrivacyDisguise {
    /// Disguises `value` as staff or an employer might write it. Returns the text and the steps applied.
    /// `entities`: may replace one letter/digit with an HTML character reference (raw-text tests only).
    static func apply<R: RandomNumberGenerator>(_ value: String, kind: PrivacyPlantKind, entities: Bool,
                                                _ rng: inout R) -> (String, [String]) {
        var text = value
        var steps: [String] = []
        switch kind {
        case .name, .recordID:
            if kind == .recordID, Bool.random(using: &rng) {
                let separator = PrivacyRandom.pick([" ", ".", "/", " - "], &rng)
                text = text.replacingOccurrences(of: "-", with: separator)
                steps.append("separator “\(separator)”")
            }
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: text = text.uppercased(); steps.append("upper-case")
            case 1: text = text.lowercased(); steps.append("lower-case")
            default: break
            }
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: text = PrivacyText.stripDiacritics(text); steps.append("no diacritics")
            case 1: text = text.decomposedStringWithCanonicalMapping; steps.append("NFD")
            default: break
            }
            if Bool.random(using: &rng) {
                text = text.split(separator: " ", omittingEmptySubsequences: false)
                    .map { String($0) }
                    .joined(separator: String(repeating: " ", count: Int.random(in: 2...4, using: &rng)))
                text = " " + text + "  "
                steps.append("extra spaces")
            }
        case .phone, .citizenID:
            var digits = text
            if kind == .phone, Int.random(in: 0..<3, using: &rng) == 0 {
                digits = String(digits.dropFirst())   // without the trunk 0, after +84
                steps.append("+84")
            }
            let groups: [Int] = kind == .phone
                ? PrivacyRandom.pick(["", "4-3-3", "3-3-4", "3-4-3", "5-5", "2-4-4"], &rng).split(separator: "-").compactMap { Int($0) }
                : PrivacyRandom.pick(["", "3-3-3-3", "4-4-4", "6-6", "2-4-6"], &rng).split(separator: "-").compactMap { Int($0) }
            if !groups.isEmpty {
                let separator = PrivacyRandom.pick([" ", ".", "-", "  ", " - ", " . ", "\u{A0}"], &rng)
                var parts: [String] = []
                var rest = Substring(digits)
                for (index, size) in groups.enumerated() {
                    // Without the trunk 0 the number is one digit shorter: the first group shrinks.
                    let take = index == 0 ? max(1, size - (text.count - digits.count)) : size
                    parts.append(String(rest.prefix(take)))
                    rest = rest.dropFirst(take)
                }
                if !rest.isEmpty { parts.append(String(rest)) }
                digits = parts.joined(separator: separator)
                steps.append("grouped \(groups.map(String.init).joined(separator: "-")) with “\(separator)”")
            }
            if steps.contains("+84") {
                digits = PrivacyRandom.pick(["+84", "+84 ", "84", "+84.", "(+84) ", "+84 (0) ", "(84) "], &rng) + digits
            }
            text = digits
        }
        if entities, Int.random(in: 0..<3, using: &rng) == 0 {
            let scalars = Array(text.unicodeScalars)
            let candidates = scalars.indices.filter { scalars[$0].properties.isAlphabetic || ("0"..."9").contains(scalars[$0]) }
            if let index = candidates.randomElement(using: &rng) {
                let value = scalars[index].value
                var reference = Bool.random(using: &rng) ? "&#\(value);" : "&#x\(String(value, radix: 16, uppercase: Bool.random(using: &rng)));"
                if let name = PrivacyText.namedReferences[value], Bool.random(using: &rng) { reference = "&\(name);" }
                var out = String.UnicodeScalarView(scalars[..<index])
                out.append(contentsOf: reference.unicodeScalars)
                out.append(contentsOf: scalars[(index + 1)...])
                text = String(out)
                steps.append("entity \(reference)")
            }
        }
        return (text, steps)
    }
}

/// Random seekers and clean vacancies, and one seeker value planted into one vacancy field.
struct PrivacyLeakScenario: Sendable, CustomStringConvertible {
    var seekers: [PrivacySeeker]
    var vacancies: [PrivacyVacancy]
    var seekerFileName: String
    var seekerFileText: String
    var target: Int
    var kind: PrivacyPlantKind
    var slot: PrivacyPlantSlot
    var vacancyIndex: Int
    var planted: String
    var steps: [String]

    var seeker: PrivacySeeker { seekers[target] }
    var value: String { kind.value(of: seeker) }
    var expectedFile: String { "content/seekers/\(seekerFileName)" }

    /// The vacancies with the value planted.
    var plantedVacancies: [PrivacyVacancy] {
        var result = vacancies
        var vacancy = result[vacancyIndex]
        let isNumber = kind == .phone || kind == .citizenID
        switch slot {
        case .body:
            let index = vacancy.body.count / 2
            vacancy.body.insert("Liên hệ \(planted) để biết thêm chi tiết.", at: index)
        case .title: vacancy.title += " (gặp \(planted))"
        case .employerName: vacancy.employerName += " – \(planted)"
        case .employerAddress: vacancy.employerAddress = "\(planted), \(vacancy.employerAddress)"
        case .employerPhone: vacancy.employerPhone = isNumber ? planted : "\(vacancy.employerPhone) – \(planted)"
        case .employerEmail:
            // An e-mail has no spaces (they become dots: "nguyễn.văn.hùng@…") and none of the
            // characters the validator refuses in an address, such as the brackets of "(84) 58…".
            // (A `;` stays: it ends the character references that some plants carry.)
            let local = String(planted.filter { !"<>\"'(),:".contains($0) }.map { $0.isWhitespace ? "." : $0 })
            vacancy.employerEmail = local + "@congty.example.vn"
        case .tag: vacancy.tags.insert(planted, at: vacancy.tags.isEmpty ? 0 : Int(vacancy.tags.count / 2))
        }
        result[vacancyIndex] = vacancy
        return result
    }

    var description: String {
        "plant \(kind.rawValue) “\(value)” of \(seeker.recordID) as “\(planted)” [\(steps.joined(separator: ", "))] "
            + "into \(slot.rawValue) of \(vacancies[vacancyIndex].id); \(seekers.count) seekers in \(seekerFileName), "
            + "\(vacancies.count) vacancies"
    }

    static func random<R: RandomNumberGenerator>(seekerCount: ClosedRange<Int>, vacancyCount: ClosedRange<Int>,
                                                 entities: Bool, _ rng: inout R) -> PrivacyLeakScenario {
        let seekers = PrivacyRandom.seekers(count: Int.random(in: seekerCount, using: &rng), &rng)
        let vacancies = PrivacyRandom.vacancies(count: Int.random(in: vacancyCount, using: &rng), &rng)
        let (name, text) = seekerFile(seekers, &rng)
        let target = Int.random(in: 0..<seekers.count, using: &rng)
        let kind = PrivacyPlantKind.allCases.randomElement(using: &rng)!
        let (planted, steps) = PrivacyDisguise.apply(kind.value(of: seekers[target]), kind: kind, entities: entities, &rng)
        return PrivacyLeakScenario(seekers: seekers, vacancies: vacancies, seekerFileName: name, seekerFileText: text,
                                   target: target, kind: kind, slot: PrivacyPlantSlot.allCases.randomElement(using: &rng)!,
                                   vacancyIndex: Int.random(in: 0..<vacancies.count, using: &rng),
                                   planted: planted, steps: steps)
    }

    /// A CSV in any of the shapes Excel produces, or (one time in four) a YAML list.
    static func seekerFile<R: RandomNumberGenerator>(_ seekers: [PrivacySeeker], _ rng: inout R) -> (String, String) {
        if Int.random(in: 0..<4, using: &rng) == 0 {
            return ("ho-so.yml", PrivacySeekerFile.yaml(seekers))
        }
        return ("ho-so-nguoi-tim-viec.csv",
                PrivacySeekerFile.csv(seekers, semicolon: Bool.random(using: &rng), bom: Bool.random(using: &rng),
                                      crlf: Bool.random(using: &rng), quoteAll: Int.random(in: 0..<5, using: &rng) == 0))
    }
}

/// Random seekers and clean vacancies, nothing planted.
struct PrivacyCleanScenario: Sendable, CustomStringConvertible {
    var seekers: [PrivacySeeker]
    var vacancies: [PrivacyVacancy]
    var seekerFileName: String
    var seekerFileText: String

    var description: String { "\(seekers.count) seekers in \(seekerFileName), \(vacancies.count) vacancies" }
}

enum PrivacyGen {
    static func leak(seekerCount: ClosedRange<Int>, vacancyCount: ClosedRange<Int>, entities: Bool)
        -> Generator<PrivacyLeakScenario, Shrink.None<PrivacyLeakScenario>> {
        Generator { rng in
            PrivacyLeakScenario.random(seekerCount: seekerCount, vacancyCount: vacancyCount, entities: entities, &rng)
        }
    }

    static func clean(seekerCount: ClosedRange<Int>, vacancyCount: ClosedRange<Int>)
        -> Generator<PrivacyCleanScenario, Shrink.None<PrivacyCleanScenario>> {
        Generator { rng in
            let seekers = PrivacyRandom.seekers(count: Int.random(in: seekerCount, using: &rng), &rng)
            let vacancies = PrivacyRandom.vacancies(count: Int.random(in: vacancyCount, using: &rng), &rng)
            let (name, text) = PrivacyLeakScenario.seekerFile(seekers, &rng)
            return PrivacyCleanScenario(seekers: seekers, vacancies: vacancies, seekerFileName: name, seekerFileText: text)
        }
    }
}
