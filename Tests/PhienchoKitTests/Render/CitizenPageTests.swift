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

/// The engine's parts of a vacancy a citizen can act on (issue 19); the pages themselves are
/// measured in Chromium by tests/acceptance/test_citizen_pages.py.
@Suite("Citizen pages: titles, days left, links, QR codes, feeds")
struct CitizenPageTests {
    @Test func titlesNameTheJobEmployerAndPlaceAndAreUniqueEvenForTwins() {
        let one = PublicVacancy(makeVacancy("NB-1", posted: "2026-11-01", expires: "2026-11-30"), isExpired: false)
        #expect(SiteRenderer.documentTitles(of: [one], siteTitle: "Phiên chợ")["NB-1"] == "Việc NB-1 – Công ty – xã Gia Trấn | Phiên chợ")
        // Two vacancies with the same job, employer and place get their ids.
        let twins = ["NB-7", "NB-8"].map { id -> PublicVacancy in
            var vacancy = makeVacancy(id, posted: "2026-11-01", expires: "2026-11-30")
            vacancy.title = "Thợ may"
            return PublicVacancy(vacancy, isExpired: false)
        }
        let titles = SiteRenderer.documentTitles(of: twins + [one], siteTitle: "S")
        #expect(titles["NB-7"] == "Thợ may – Công ty – xã Gia Trấn (mã NB-7) | S")
        #expect(titles["NB-8"] == "Thợ may – Công ty – xã Gia Trấn (mã NB-8) | S")
        #expect(titles["NB-1"] == "Việc NB-1 – Công ty – xã Gia Trấn | S")
    }

    @Test("Days left are counted at the build day", arguments: [
        ("2026-11-22", "hết hạn hôm nay"), ("2026-11-23", "còn 1 ngày"), ("2026-12-04", "còn 12 ngày"),
    ])
    func daysLeft(expires: String, said: String) {
        #expect(SiteRenderer.daysLeft(until: date(expires), at: date("2026-11-22")) == said)
        #expect(SiteRenderer.daysLeft(until: date(expires), at: date(expires).adding(days: 1)) == nil)
    }

    @Test func jobPostingLinksAreMadeAbsoluteAndListsAdded() {
        let html = "<p><a href=\"../../huong-dan/\">hướng dẫn</a>, <a href=\"https://x.vn/a?b=1&amp;c=2\">x</a>, <a href=\"#top\">đầu</a>, <img src=\"a.png\" alt=\"\"></p>\n"
        let absolute = JobPosting.absolutizingLinks(html, base: "https://vieclam.example.vn/phien-cho/viec-lam/nb-1/")
        #expect(absolute == "<p><a href=\"https://vieclam.example.vn/phien-cho/huong-dan/\">hướng dẫn</a>, <a href=\"https://x.vn/a?b=1&amp;c=2\">x</a>, <a href=\"#top\">đầu</a>, <img src=\"https://vieclam.example.vn/phien-cho/viec-lam/nb-1/a.png\" alt=\"\"></p>\n")
        #expect(JobPosting.absolutizingLinks("<p>không có liên kết</p>", base: "https://x.vn/") == "<p>không có liên kết</p>")
        var vacancy = makeVacancy("NB-1", posted: "2026-11-01", expires: "2026-11-30")
        vacancy.requirements = ["Đủ 18 <tuổi>"]
        vacancy.benefits = ["Bao ăn"]
        let description = JobPosting.description(of: PublicVacancy(vacancy, isExpired: false), pageURL: "https://x.vn/")
        #expect(description == "<p>Việc NB-1</p>\n<h3>Yêu cầu</h3>\n<ul>\n<li>Đủ 18 &lt;tuổi&gt;</li>\n</ul>\n<h3>Quyền lợi</h3>\n<ul>\n<li>Bao ăn</li>\n</ul>\n")
    }

    @Test func theQRCodeIsOnePathInsideAQuietZoneAndTheSameEveryBuild() throws {
        let url = "https://vieclam.example.vn/phien-cho/viec-lam/nb-2026-001/"
        let svg = try #require(QRCode.svg(for: url, label: "Mã QR <của tin>"))
        #expect(svg == QRCode.svg(for: url, label: "Mã QR <của tin>"))
        #expect(svg.hasPrefix("<svg class=\"qr\" viewBox=\"0 0 41 41\" role=\"img\" aria-label=\"Mã QR &lt;của tin&gt;\"><rect width=\"41\" height=\"41\" fill=\"#fff\"/><path d=\"M4 4.5h7"))
        #expect(svg.hasSuffix("\" stroke=\"#000\"/></svg>"))
        #expect(svg.count(of: "<path") == 1 && !svg.contains("script"))
    }

    @Test func aHotlineIsCheckedLikeAnEmployerPhone() {
        let base = "title: T\nbase_url: https://x.vn/\nprovince: P\norganization: O\n"
        let good = SiteConfig.decode(SourceFile(relativePath: "site.yml", displayPath: "content/site.yml", text: base + "hotline: \"0229 3871 234\"\n"), baseURLOverride: nil)
        #expect(good.0?.hotline == "0229 3871 234")
        let short = SiteConfig.decode(SourceFile(relativePath: "site.yml", displayPath: "content/site.yml", text: base + "hotline: \"113\"\n"), baseURLOverride: nil)
        #expect(short.0 == nil)
        #expect(short.1.map(\.code) == [.invalidChoice] && short.1.first?.line == 5)
    }

    @Test func feedDatesAreNoonInTheSiteZone() {
        #expect(date("2026-11-22").rfc822(utcOffset: 25_200) == "Sun, 22 Nov 2026 12:00:00 +0700")
    }
}
