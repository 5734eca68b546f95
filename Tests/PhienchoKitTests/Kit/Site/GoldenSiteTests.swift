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

/// The fixture site (Fixtures/site) built with the real default theme at 2026-11-22.
///
/// At that day: T-001…T-005 are open (T-003 expires that very day), T-006 expired 12 days ago,
/// T-007 expired more than 90 days ago, T-008 is a draft, T-009 withdrawn, T-010 posted in the future.
/// page_size is 2, so the home listing has 3 pages and Gia Trấn (3 open) has 2.
@Suite("Rendered fixture site")
struct GoldenSiteTests {
    static let site = BuiltSite.build(content: Paths.fixtures.appendingPathComponent("site"), now: "2026-11-22", label: "golden")
    var site: BuiltSite { Self.site }

    static let internalMarker = "NOI-BO-7F3C9-KHONG-DANG"

    @Test func buildSucceeds() {
        #expect(site.report.succeeded, "\(site.report.diagnostics.described)")
        #expect(site.report.diagnostics.isEmpty, "\(site.report.diagnostics.described)")
        #expect(site.report.openCount == 5)
        #expect(site.report.expiredCount == 1)
        #expect(site.report.unpublishedCount == 4)
        #expect(site.report.filesRead == 15)   // 3 settings/lists + 10 vacancies + 2 pages
    }

    @Test("Golden pages", arguments: [
        "index.html", "trang/2/index.html", "viec-lam/t-001/index.html", "viec-lam/t-002/index.html",
        "viec-lam/t-006/index.html", "xa-phuong/index.html", "xa-phuong/gia-tran/index.html",
        "nganh-nghe/bao-ve/index.html", "gioi-thieu/index.html", "404.html",
    ])
    func golden(path: String) throws {
        let html = try #require(site.text(path), "\(path) was not written")
        expectGolden(html, path)
    }

    @Test func expectedTree() {
        for path in [
            "index.html", "trang/2/index.html", "trang/3/index.html",
            "viec-lam/t-001/index.html", "viec-lam/t-002/index.html", "viec-lam/t-003/index.html",
            "viec-lam/t-004/index.html", "viec-lam/t-005/index.html", "viec-lam/t-006/index.html",
            "xa-phuong/index.html", "xa-phuong/gia-tran/index.html", "xa-phuong/gia-tran/trang/2/index.html",
            "xa-phuong/dong-van/index.html", "xa-phuong/hoa-lu/index.html", "xa-phuong/phat-diem/index.html",
            "nganh-nghe/index.html", "nganh-nghe/det-may-da-giay/index.html", "nganh-nghe/xay-dung/index.html",
            "nganh-nghe/nong-nghiep/index.html", "nganh-nghe/bao-ve/index.html",
            "gioi-thieu/index.html", "huong-dan-ung-tuyen/index.html", "404.html",
        ] {
            #expect(site.has(path), "missing \(path)")
        }
        #expect(!site.has("trang/4/index.html"))
        #expect(!site.has("trang/1/index.html"))
        #expect(!site.has("xa-phuong/gia-tran/trang/3/index.html"))
        #expect(!site.has("xa-phuong/dong-van/trang/2/index.html"))
        #expect(site.files.keys.contains { $0.range(of: #"^assets/style\.[0-9a-f]{10}\.css$"#, options: .regularExpression) != nil })
    }

    @Test("Draft, future and long-expired vacancies produce no output; a withdrawn one's address says only that it was withdrawn")
    func unpublishedProduceNothing() {
        let withdrawnPage = "viec-lam/t-009/index.html"
        #expect(site.text(withdrawnPage)?.contains("Tin này đã được gỡ") == true)
        #expect(site.files.keys.filter { $0.hasPrefix("viec-lam/t-009/") } == [withdrawnPage])
        for id in ["t-007", "t-008", "t-009", "t-010"] {
            if id != "t-009" { #expect(!site.files.keys.contains { $0.hasPrefix("viec-lam/\(id)/") }, "\(id) has a page") }
            for (path, data) in site.files where path != withdrawnPage {
                let text = String(decoding: data, as: UTF8.self)
                #expect(!text.contains("viec-lam/\(id)/"), "\(path) links to \(id)")
                #expect(!text.contains(id.uppercased()), "\(path) mentions \(id.uppercased())")
            }
        }
        for marker in ["GONE-MARKER-T007", "DRAFT-MARKER-T008", "WITHDRAWN-MARKER-T009", "FUTURE-MARKER-T010"] {
            #expect(!site.files.values.contains { $0.range(of: Data(marker.utf8)) != nil }, "\(marker) was published")
        }
    }

    @Test("The internal staff notes and the reported results reach no output file")
    func internalNotesNeverPublished() {
        #expect(!site.files.isEmpty)
        for (path, data) in site.files {
            #expect(data.range(of: Data("KET-QUA-5R8W2".utf8)) == nil, "\(path) contains a result's reporter")
            #expect(data.range(of: Data(Self.internalMarker.utf8)) == nil, "\(path) contains the internal marker")
            let folded = VietnameseFolding.fold(String(decoding: data, as: UTF8.self))
            #expect(!folded.contains(VietnameseFolding.fold(Self.internalMarker)), "\(path) contains the internal marker (folded)")
            #expect(!folded.contains("ghi chu noi bo"), "\(path) contains the internal note text")
        }
    }

    @Test("Seeker records reach no output file")
    func seekerRecordsNeverPublished() {
        for (path, data) in site.files {
            let text = String(decoding: data, as: UTF8.self)
            for value in ["SEEKER-MARKER-Q1", "Lưu Thị Ngọc Quyên", "037190123456", "0987650001", "HS-T-0001"] {
                #expect(!text.contains(value), "\(path) contains seeker value \(value)")
            }
        }
    }

    @Test("The expired vacancy keeps its page, marked and noindex, and is in no listing")
    func expiredVacancy() throws {
        let html = try #require(site.text("viec-lam/t-006/index.html"))
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(html.contains("Đã hết hạn nộp hồ sơ"))
        #expect(html.contains("Công nhân cắt chỉ"))
        for (path, data) in site.files where path != "viec-lam/t-006/index.html" {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("viec-lam/t-006/"), "\(path) links to the expired vacancy")
            #expect(!text.contains("Công nhân cắt chỉ"), "\(path) lists the expired vacancy")
        }
    }

    @Test func openVacanciesAreIndexableAndNotMarkedExpired() throws {
        for id in ["t-001", "t-002", "t-003", "t-004", "t-005"] {
            let html = try #require(site.text("viec-lam/\(id)/index.html"))
            #expect(!html.contains("noindex"), "\(id)")
            #expect(!html.contains("Đã hết hạn"), "\(id)")
        }
        // T-003 expires on the build day: still open, listed on page 2.
        #expect(site.text("trang/2/index.html")?.contains("viec-lam/t-003/") == true)
    }

    @Test("Listings: newest posted first, ties by id, page_size per page")
    func listingOrder() throws {
        func listed(_ path: String) throws -> [String] {
            let html = try #require(site.text(path))
            return html.components(separatedBy: "<h3><a href=\"").dropFirst().map { part in
                String(part.prefix { $0 != "\"" }).replacingOccurrences(of: "../", with: "")
            }
        }
        #expect(try listed("index.html") == ["viec-lam/t-001/", "viec-lam/t-002/"])
        #expect(try listed("trang/2/index.html") == ["viec-lam/t-003/", "viec-lam/t-004/"])
        #expect(try listed("trang/3/index.html") == ["viec-lam/t-005/"])
        #expect(try listed("xa-phuong/gia-tran/index.html") == ["viec-lam/t-001/", "viec-lam/t-003/"])
        #expect(try listed("xa-phuong/gia-tran/trang/2/index.html") == ["viec-lam/t-005/"])
        #expect(try listed("xa-phuong/phat-diem/index.html") == [])
        #expect(try listed("nganh-nghe/det-may-da-giay/index.html") == ["viec-lam/t-001/", "viec-lam/t-003/"])
    }

    @Test func accessiblePagination() throws {
        let page2 = try #require(site.text("trang/2/index.html"))
        #expect(page2.contains("<nav class=\"pager\" aria-label=\"Phân trang\">"))
        #expect(page2.contains("<a href=\"../../\" rel=\"prev\">"))
        #expect(page2.contains("<a href=\"../../trang/3/\" rel=\"next\">"))
        #expect(page2.contains("aria-current=\"page\"><span class=\"sr-only\">Trang </span>2</span>"))
        let onePage = try #require(site.text("xa-phuong/dong-van/index.html"))
        #expect(!onePage.contains("class=\"pager\""))
    }

    @Test("Every HTML page: lang=\"vi\", exactly one <h1>, a skip link, main landmark, the organisation in the footer")
    func everyPage() {
        #expect(site.htmlPaths.count >= 20)
        for path in site.htmlPaths {
            let html = site.text(path) ?? ""
            #expect(html.hasPrefix("<!DOCTYPE html>"), "\(path)")
            #expect(html.contains("<html lang=\"vi\">"), "\(path)")
            #expect(html.count(of: "<h1") == 1, "\(path) has \(html.count(of: "<h1")) h1")
            #expect(html.contains("href=\"#noi-dung\"") && html.contains("<main id=\"noi-dung\""), "\(path)")
            #expect(html.contains("Trung tâm Dịch vụ việc làm thử nghiệm"), "\(path)")
            // JavaScript only as an enhancement: the search page's, a vacancy's share and speech buttons,
            // an event's or course's share button; elsewhere the only script element is inert JSON-LD data.
            let isAgendaPage = (path.hasPrefix("su-kien/") || path.hasPrefix("hoc-nghe/")) && path.split(separator: "/").count == 3
            let enhancements = path == "tim-kiem/index.html" || isAgendaPage ? 1
                : path.hasPrefix("viec-lam/") && path != "viec-lam/t-009/index.html" ? 2 : 0
            #expect(html.count(of: "<script") == html.count(of: "<script type=\"application/ld+json\">") + enhancements, "\(path) has a script")
            #expect(html.count(of: "<script src=") == html.count(of: "\" defer></script>"), "\(path): a script that is not deferred")
        }
    }

    @Test("Every relative link on every page resolves to an output file")
    func relativeLinksResolve() {
        var checked = 0
        for path in site.htmlPaths where path != "404.html" {
            let html = site.text(path) ?? ""
            for href in linkTargets(in: html) where !href.hasPrefix("/") {
                guard let target = resolveLink(href, from: path, basePath: "/phien-cho/") else { continue }
                checked += 1
                #expect(site.has(target), "\(path): \(href) → \(target) does not exist")
            }
        }
        #expect(checked > 200)
    }

    @Test("The 404 page uses the absolute base path, and its links resolve under it")
    func notFoundPage() throws {
        let html = try #require(site.text("404.html"))
        #expect(html.contains("href=\"/phien-cho/assets/style."))
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        for href in linkTargets(in: html) where !href.contains("://") && !href.hasPrefix("#") {
            #expect(href.hasPrefix("/phien-cho/"), "\(href)")
            guard let target = resolveLink(href, from: "404.html", basePath: "/phien-cho/") else { continue }
            #expect(site.has(target), "404.html: \(href) → \(target) does not exist")
        }
    }

    @Test func vacancyPageContent() throws {
        let html = try #require(site.text("viec-lam/t-001/index.html"))
        #expect(html.contains("<dl class=\"summary\">"))
        #expect(html.contains("6.500.000 – 9.000.000 đồng/tháng"))
        #expect(html.contains("<time datetime=\"2026-12-31\">31/12/2026</time>"))
        #expect(html.contains("href=\"tel:02293861111\""))
        #expect(html.contains("Công ty TNHH May &amp; Thêu Gia Trấn"))
        // The body's biggest heading becomes h3, under the page's h2 "Mô tả công việc" (no skipped level).
        #expect(html.contains("<h3>Thời gian làm việc</h3>"))
        #expect(site.text("gioi-thieu/index.html")?.contains("<h2>Ai tổ chức?</h2>") == true, "pages shift by 1")
        #expect(html.contains("<link rel=\"canonical\" href=\"https://vieclam.example.vn/phien-cho/viec-lam/t-001/\">"))
        let t002 = try #require(site.text("viec-lam/t-002/index.html"))
        #expect(t002.contains("Thợ xây &amp; phụ hồ &lt;công trình&gt;"))
        #expect(!t002.contains("<công trình>"))
        #expect(t002.contains("Từ 300.000 đồng/ngày"))
        #expect(t002.contains("href=\"tel:+84912345678\""))
        #expect(site.text("viec-lam/t-003/index.html")?.contains("Thỏa thuận") == true)
        #expect(site.text("viec-lam/t-004/index.html")?.contains("Đến 350.000 đồng/ngày") == true)
        #expect(site.text("viec-lam/t-005/index.html")?.contains("25.000 đồng/giờ") == true)
    }

    @Test func navigationMarksTheCurrentSection() throws {
        let communes = try #require(site.text("xa-phuong/gia-tran/index.html"))
        #expect(communes.contains("<a href=\"../../xa-phuong/\" aria-current=\"page\">Xã/phường</a>"))
        let page = try #require(site.text("gioi-thieu/index.html"))
        #expect(page.contains("<a href=\"../gioi-thieu/\" aria-current=\"page\">Giới thiệu</a>"))
        #expect(page.contains("<a href=\"../huong-dan-ung-tuyen/\">Hướng dẫn ứng tuyển</a>"))
    }

    @Test func termsIndexCountsOpenVacancies() throws {
        let html = try #require(site.text("xa-phuong/index.html"))
        #expect(html.contains("xã Gia Trấn</a> <span class=\"count\">(3 việc làm)</span>"))
        // Communes with open vacancies first, most first; the others in a compact list, not linked.
        let open = try #require(html.range(of: "<ul class=\"terms\">"))
        let compact = try #require(html.range(of: "<ul class=\"terms-compact\">"))
        #expect(open.lowerBound < compact.lowerBound)
        #expect(html[compact.upperBound...].contains("<li>xã Phát Diệm</li>"))
        let counts = html[open.upperBound..<compact.lowerBound].matches(of: /\((\d+) việc làm\)/).map { Int($0.output.1)! }
        #expect(counts == counts.sorted(by: >) && counts.first == 3, "\(counts)")
    }
}
