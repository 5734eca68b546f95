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

/// Vacancies for the search tests, built directly (no YAML) so that thousands of them are cheap.
enum SearchSample {
    static let communes = Sample.communes.terms
    static let sectors = Sample.sectors.terms

    /// A validated vacancy with only the fields a test names; the rest are plain and distinct.
    static func vacancy(_ id: String, title: String, posted: String = "2026-11-01", expires: String = "2026-12-31",
                        status: Vacancy.Status = .approved, employer: String = "Công ty Mẫu", phone: String? = nil,
                        address: String? = nil, commune: Int = 0, sector: Int = 0, requirements: [String] = [],
                        benefits: [String] = [], tags: [String] = [], description: String = "",
                        salary: Salary? = nil) -> Vacancy {
        Vacancy(id: id, title: title, status: status, posted: date(posted), expires: date(expires),
                employer: .init(name: employer, address: nil, phone: phone, email: nil, website: nil),
                commune: communes[commune], address: address, sector: sectors[sector], employmentType: .fullTime,
                openings: 1, salary: salary, requirements: requirements, benefits: benefits, tags: tags,
                applyHTML: nil, descriptionHTML: "<p>\(description)</p>", descriptionText: description,
                sourcePath: "content/vacancies/\(id.lowercased()).md")
    }

    /// What the build indexes: the open vacancies of `vacancies` at `now`, in listing order.
    static func open(_ vacancies: [Vacancy], now: String = "2026-11-22") -> [PublicVacancy] {
        Publication(vacancies, at: date(now)).open.map { PublicVacancy($0, isExpired: false) }
    }

    static func index(_ vacancies: [Vacancy], now: String = "2026-11-22") -> SearchIndex {
        SearchIndex(vacancies: open(vacancies, now: now))
    }

    /// Runs `text` with the browser script and returns the titles that match every word, best first.
    static func titles(_ text: String, in index: SearchIndex) -> [String] {
        let outcome = SearchScript.run(text, on: index)
        return outcome.documents.prefix(outcome.complete).map { index.cards[$0].title }
    }

    /// Every title found, best first, those matching only some words (“Kết quả gần đúng”) included.
    static func allTitles(_ text: String, in index: SearchIndex) -> [String] {
        SearchScript.run(text, on: index).documents.map { index.cards[$0].title }
    }

    /// `count` synthetic, open vacancies over a small realistic vocabulary (titles, employers, sectors,
    /// text); each title ends with its number, so every vacancy also has a term of its own.
    static func synthetic(_ count: Int) -> [Vacancy] {
        let jobs = ["Công nhân may", "Lái xe tải hạng C", "Thợ hàn", "Phụ hồ", "Bảo vệ", "Công nhân đóng gói",
                    "Nhân viên bán hàng", "Thợ điện", "Phụ bếp", "Bốc xếp kho", "Thợ mộc", "Chăn nuôi lợn",
                    "Trồng rau an toàn", "Thợ sơn tĩnh điện", "Lắp ráp linh kiện điện tử", "Giao hàng xe máy"]
        let qualifiers = ["ca ngày", "ca đêm", "thời vụ", "học việc", "có kinh nghiệm", "làm tại nhà", "theo giờ", "dài hạn"]
        let employers = ["Công ty May Gia Trấn", "Hợp tác xã Nông nghiệp Yên Mô", "Công ty TNHH Vận tải Hoàng Phát",
                         "Công ty CP Kho vận Đồng Văn", "Xưởng mộc Phát Diệm", "Nhà hàng Hoa Lư"]
        let phrases = ["Được đóng bảo hiểm xã hội đầy đủ.", "Có chỗ ở miễn phí cho người ở xa.",
                       "Không phân biệt quá khứ, chỉ cần chăm chỉ.", "Được đào tạo tại chỗ.",
                       "Làm việc trong nhà xưởng thoáng mát.", "Có xe đưa đón công nhân.",
                       "Lương trả đúng ngày mùng 5 hằng tháng.", "Ưu tiên người ở gần."]
        return (0..<count).map { n in
            let job = jobs[n % jobs.count]
            let day = 1 + (n / 100) % 28
            return vacancy(String(format: "SYN-%05d", n), title: "\(job) \(qualifiers[(n / jobs.count) % qualifiers.count]) số \(n)",
                           posted: String(format: "2026-%02d-%02d", 1 + (n / 2800) % 10, day),
                           employer: employers[n % employers.count] + " \(n % 97)",
                           commune: n % communes.count, sector: n % sectors.count,
                           requirements: ["Từ 18 tuổi", "Sức khỏe tốt"], tags: n % 3 == 0 ? ["có bảo hiểm"] : ["làm ca"],
                           description: (0..<4).map { phrases[(n + $0 * 3) % phrases.count] }.joined(separator: " ") + " Mã \(n * 7919 % 100_000).",
                           salary: .init(min: 6_000_000 + (n % 9) * 500_000, max: nil, period: .month))
        }
    }
}

extension SearchIndex {
    /// Terms of the index, for membership checks.
    var termSet: Set<String> { Set(terms.map(\.term)) }

    func postings(of term: String) -> (all: [Int], title: [Int])? {
        entry(term).map { ($0.all, $0.title) }
    }

    func entry(_ term: String) -> Entry? { terms.first { $0.term == term } }
}
