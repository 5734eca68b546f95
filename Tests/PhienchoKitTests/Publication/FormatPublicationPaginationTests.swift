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

@Suite("Vietnamese formatting")
struct VietnameseFormatTests {
    @Test("Money grouping with dots", arguments: [
        (0, "0"), (5, "5"), (999, "999"), (1_000, "1.000"), (25_000, "25.000"), (100_000, "100.000"),
        (6_500_000, "6.500.000"), (12_345_678, "12.345.678"), (1_000_000_000, "1.000.000.000"), (-1_500, "-1.500"),
    ])
    func number(value: Int, text: String) {
        #expect(VietnameseFormat.number(value) == text)
    }

    @Test("Salary strings", arguments: [
        (Salary(min: 6_500_000, max: 9_000_000, period: .month), "6.500.000 – 9.000.000 đồng/tháng"),
        (Salary(min: 6_500_000, max: nil, period: .month), "Từ 6.500.000 đồng/tháng"),
        (Salary(min: nil, max: 9_000_000, period: .month), "Đến 9.000.000 đồng/tháng"),
        (Salary(min: 300_000, max: 300_000, period: .day), "300.000 đồng/ngày"),
        (Salary(min: 25_000, max: 35_000, period: .hour), "25.000 – 35.000 đồng/giờ"),
        (Salary(min: nil, max: nil, period: .month), "Thỏa thuận"),
    ])
    func salary(value: Salary, text: String) {
        #expect(VietnameseFormat.salary(value) == text)
    }

    @Test func absentSalaryIsThoaThuan() {
        #expect(VietnameseFormat.salary(nil) == "Thỏa thuận")
        // The range dash is an en dash with spaces, as typeset in Vietnamese.
        #expect(VietnameseFormat.salary(.init(min: 1, max: 2, period: .month)).contains(" \u{2013} "))
    }

    @Test func employmentTypes() {
        #expect(VietnameseFormat.employmentType(.fullTime) == "Toàn thời gian")
        #expect(VietnameseFormat.employmentType(.partTime) == "Bán thời gian")
        #expect(VietnameseFormat.employmentType(.seasonal) == "Thời vụ")
        #expect(VietnameseFormat.periodWord(.hour) == "giờ")
    }

    @Test("tel: hrefs keep digits and a leading +", arguments: [
        ("0229 3871 000", "tel:02293871000"),
        ("0229 3 861 111", "tel:02293861111"),
        ("+84 229 3871 000", "tel:+842293871000"),
        ("  +84 (229) 3871-000", "tel:+842293871000"),
        ("0912.345.678 (anh Nam)", "tel:0912345678"),
        ("0912 345 678\" onclick=\"x", "tel:0912345678"),
        ("０９１２", "tel:"),
        ("ĐT: 0229 3871 000", "tel:02293871000"),
        ("0229-3871-000", "tel:02293871000"),
        ("0229 3871 000 – 0912 345 678", "tel:02293871000"),
        ("0229 3871 000 - 0912 345 678", "tel:02293871000"),
        ("0229 3871 000 / 0912 345 678", "tel:02293871000"),
        ("0229 3871 000, máy lẻ 12", "tel:02293871000"),
        ("0229 3871 000 (máy lẻ 12)", "tel:02293871000"),
        ("+84 229 3871 000 hoặc 0912 345 678", "tel:+842293871000"),
    ])
    func telephone(phone: String, href: String) {
        #expect(VietnameseFormat.telephoneHref(phone) == href)
    }
}

/// Builds vacancies directly for the publication rules.
func makeVacancy(_ id: String, status: Vacancy.Status = .approved, posted: String, expires: String) -> Vacancy {
    let commune = Term(name: "Gia Trấn", kind: .xa)
    let sector = Term(name: "Xây dựng", kind: .sector)
    return Vacancy(id: id, title: "Việc \(id)", status: status, posted: date(posted), expires: date(expires),
                   employer: .init(name: "Công ty", address: nil, phone: nil, email: nil, website: nil),
                   commune: commune, address: nil, sector: sector, employmentType: .fullTime, openings: 1, salary: nil,
                   requirements: [], benefits: [], tags: [], applyHTML: nil, descriptionHTML: "", descriptionText: "",
                   sourcePath: "content/vacancies/\(id).md")
}

@Suite("Publication rules")
struct PublicationTests {
    let approved = makeVacancy("A", posted: "2026-11-01", expires: "2026-11-30")

    @Test("draft, withdrawn and future vacancies are unpublished", arguments: [
        (Vacancy.Status.draft, "2026-11-15"), (.withdrawn, "2026-11-15"), (.draft, "2026-12-05"), (.withdrawn, "2026-12-05"),
    ])
    func unpublishedStatuses(status: Vacancy.Status, now: String) {
        let v = makeVacancy("A", status: status, posted: "2026-11-01", expires: "2026-11-30")
        #expect(Publication.state(of: v, at: date(now)) == .unpublished)
    }

    @Test func futureVacancyIsUnpublishedUntilItsPostedDay() {
        #expect(Publication.state(of: approved, at: date("2026-10-31")) == .unpublished)
        #expect(Publication.state(of: approved, at: date("2026-11-01")) == .open)
    }

    @Test("Open from posted through the whole expires day; expired the day after")
    func openThroughExpiresDay() {
        #expect(Publication.state(of: approved, at: date("2026-11-15")) == .open)
        #expect(Publication.state(of: approved, at: date("2026-11-30")) == .open)
        #expect(Publication.state(of: approved, at: date("2026-12-01")) == .expired)
    }

    @Test("Expired pages stay through day 89 after expiry and are gone from day 90 (expires + 90 days)")
    func retentionBoundaryIsDay90() {
        #expect(Publication.expiredRetentionDays == 90)
        // expires 2026-11-30: day 89 = 2027-02-27, day 90 = 2027-02-28.
        #expect(Publication.state(of: approved, at: date("2027-02-27")) == .expired)
        #expect(Publication.state(of: approved, at: date("2027-02-28")) == .unpublished)
        #expect(Publication.state(of: approved, at: date("2030-01-01")) == .unpublished)
    }

    @Test func aDayLongVacancy() {
        let v = makeVacancy("A", posted: "2026-11-22", expires: "2026-11-22")
        #expect(Publication.state(of: v, at: date("2026-11-21")) == .unpublished)
        #expect(Publication.state(of: v, at: date("2026-11-22")) == .open)
        #expect(Publication.state(of: v, at: date("2026-11-23")) == .expired)
    }

    @Test("Listing order: newest posted first, ties by id (URL segment order)")
    func ordering() {
        let vacancies = [
            makeVacancy("NB-003", posted: "2026-11-10", expires: "2026-12-31"),
            makeVacancy("nb-001", posted: "2026-11-20", expires: "2026-12-31"),
            makeVacancy("NB-002", posted: "2026-11-20", expires: "2026-12-31"),
            makeVacancy("NB-010", posted: "2026-11-20", expires: "2026-12-31"),
            makeVacancy("NB-000", posted: "2026-11-01", expires: "2026-11-15"),   // expired
            makeVacancy("NB-999", posted: "2026-11-01", expires: "2026-11-10"),   // expired
            makeVacancy("NB-500", status: .draft, posted: "2026-11-01", expires: "2026-12-31"),
            makeVacancy("NB-600", status: .withdrawn, posted: "2026-11-01", expires: "2026-12-31"),
            makeVacancy("NB-700", posted: "2026-11-23", expires: "2026-12-31"),   // future
            makeVacancy("NB-800", posted: "2026-01-01", expires: "2026-02-01"),   // long gone
        ]
        let publication = Publication(vacancies, at: date("2026-11-22"))
        #expect(publication.open.map(\.id) == ["nb-001", "NB-002", "NB-010", "NB-003"])
        #expect(publication.expired.map(\.id) == ["NB-000", "NB-999"])
        var report = BuildReport()
        report.count(vacancies, at: date("2026-11-22"))
        #expect((report.openCount, report.expiredCount, report.unpublishedCount, report.draftCount, report.withdrawnCount) == (4, 2, 4, 1, 1))
        report.filesRead = 12
        #expect(report.summary.hasPrefix("Đã đọc 12 tệp: 4 tin đang tuyển, 2 tin hết hạn, 1 bản nháp, 1 tin đã gỡ, 2 tin chưa tới ngày đăng hoặc hết hạn đã lâu; thời gian "))
        // Input order does not matter.
        let reversed = Publication(vacancies.reversed(), at: date("2026-11-22"))
        #expect(reversed.open.map(\.id) == publication.open.map(\.id))
        #expect(reversed.expired.map(\.id) == publication.expired.map(\.id))
    }
}

@Suite("Pagination")
struct PaginationTests {
    @Test func pagePaths() {
        let home = Pagination(itemCount: 45, pageSize: 20, basePath: "")
        #expect(home.pageCount == 3)
        #expect(home.path(ofPage: 1) == "")
        #expect(home.path(ofPage: 2) == "trang/2/")
        #expect(home.path(ofPage: 3) == "trang/3/")
        let commune = Pagination(itemCount: 3, pageSize: 2, basePath: "xa-phuong/gia-tran/")
        #expect(commune.path(ofPage: 1) == "xa-phuong/gia-tran/")
        #expect(commune.path(ofPage: 2) == "xa-phuong/gia-tran/trang/2/")
    }

    @Test("Page count", arguments: [(0, 20, 1), (1, 20, 1), (20, 20, 1), (21, 20, 2), (40, 20, 2), (41, 20, 3), (5, 1, 5)])
    func pageCount(items: Int, size: Int, pages: Int) {
        #expect(Pagination(itemCount: items, pageSize: size, basePath: "").pageCount == pages)
    }

    @Test func ranges() {
        let p = Pagination(itemCount: 45, pageSize: 20, basePath: "")
        #expect(p.range(ofPage: 1) == 0..<20)
        #expect(p.range(ofPage: 2) == 20..<40)
        #expect(p.range(ofPage: 3) == 40..<45)
        #expect(Pagination(itemCount: 0, pageSize: 20, basePath: "").range(ofPage: 1) == 0..<0)
        // Every item is on exactly one page.
        let all = (1...p.pageCount).flatMap { Array(p.range(ofPage: $0)) }
        #expect(all == Array(0..<45))
    }

    /// Page numbers with `nil` for a gap, as the template sees them.
    func links(_ p: Pagination, around page: Int) -> [Int?] {
        p.pageLinks(around: page).map { $0["gap"]?.bool == true ? nil : $0["number"]?.int }
    }

    @Test func windowedLinksWithGaps() {
        let p = Pagination(itemCount: 500, pageSize: 1, basePath: "")
        #expect(links(p, around: 1) == [1, 2, 3, nil, 500])
        #expect(links(p, around: 4) == [1, 2, 3, 4, 5, 6, nil, 500])
        // A gap would hide only page 2: page 2 is shown instead.
        #expect(links(p, around: 5) == [1, 2, 3, 4, 5, 6, 7, nil, 500])
        #expect(links(p, around: 6) == [1, nil, 4, 5, 6, 7, 8, nil, 500])
        #expect(links(p, around: 250) == [1, nil, 248, 249, 250, 251, 252, nil, 500])
        #expect(links(p, around: 500) == [1, nil, 498, 499, 500])
        let small = Pagination(itemCount: 5, pageSize: 1, basePath: "")
        #expect(links(small, around: 3) == [1, 2, 3, 4, 5])
        #expect(links(Pagination(itemCount: 0, pageSize: 1, basePath: ""), around: 1) == [1])
    }

    @Test func currentFlagAndHrefs() {
        let p = Pagination(itemCount: 30, pageSize: 10, basePath: "nganh-nghe/xay-dung/")
        let items = p.pageLinks(around: 2)
        #expect(items.map { $0["current"]?.bool } == [false, true, false])
        #expect(items.map { $0["href"]?.text } == ["nganh-nghe/xay-dung/", "nganh-nghe/xay-dung/trang/2/", "nganh-nghe/xay-dung/trang/3/"])
    }

    @Test func contextPrevNext() {
        let p = Pagination(itemCount: 30, pageSize: 10, basePath: "")
        let first = p.context(forPage: 1)
        #expect(first["hasPages"]?.bool == true)
        #expect(first["prev"] == nil)
        #expect(first["next"]?["href"]?.text == "trang/2/")
        let middle = p.context(forPage: 2)
        #expect(middle["prev"]?["href"]?.text == "")
        #expect(middle["next"]?["href"]?.text == "trang/3/")
        let last = p.context(forPage: 3)
        #expect(last["next"] == nil)
        #expect(last["current"]?.int == 3 && last["total"]?.int == 3)
        let single = Pagination(itemCount: 3, pageSize: 10, basePath: "").context(forPage: 1)
        #expect(single["hasPages"]?.bool == false)
        #expect(single["prev"] == nil && single["next"] == nil)
    }
}
