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

/// By construction: templates, feeds, the search index and JSON-LD see only `PublicSite` and
/// `PublicVacancy`; `internal` notes and everything outside vacancies/ and pages/ never reach them.
@Suite("Privacy: no template can reach internal notes or seeker files")
struct PrivacyProjectionTests {
    /// The reviewed allow-list of what a published vacancy may show. Adding a field to `PublicVacancy`
    /// fails this test on purpose: review that the new field is public, then add it here.
    static let publicVacancyFields = [
        "id", "slug", "title", "isExpired", "posted", "expires",
        "employerName", "employerAddress", "employerPhone", "employerEmail", "employerWebsite",
        "commune", "address", "sector", "employmentType", "openings", "salary",
        "requirements", "benefits", "tags", "applyHTML", "descriptionHTML", "descriptionText",
    ]

    /// The reviewed list of what the render stages receive.
    static let publicSiteFields = ["site", "now", "communes", "sectors", "pages", "open", "expired", "withdrawn", "openByCommune", "openBySector",
                                   "statistics", "employers", "upcomingEvents", "pastEvents", "upcomingEventsByCommune",
                                   "openTrainings", "closedTrainings", "synonyms"]

    static func sampleVacancy() -> Vacancy {
        Vacancy(id: "NB-2026-900", title: "Thợ hàn", status: .approved,
                posted: LocalDate(year: 2026, month: 11, day: 1)!, expires: LocalDate(year: 2026, month: 12, day: 1)!,
                employer: .init(name: "Cơ sở cơ khí Tiến Bộ", address: "Lô C2", phone: "0229 3871 000",
                                email: "a@b.example.vn", website: "https://b.example.vn/"),
                commune: Term(name: "Gia Viễn", kind: .xa), address: "Xưởng chính",
                sector: Term(name: "Cơ khí", kind: .sector), employmentType: .fullTime, openings: 2,
                salary: .init(min: 8_000_000, max: 10_000_000, period: .month), requirements: ["Sức khỏe tốt"],
                benefits: ["Phụ cấp ăn trưa"], tags: ["có bảo hiểm"], applyHTML: "<p>Gọi điện</p>",
                descriptionHTML: "<p>Mô tả</p>", descriptionText: "Mô tả", sourcePath: "content/vacancies/a.md")
    }

    @Test("PublicVacancy's stored fields are exactly the reviewed allow-list")
    func publicVacancyAllowList() {
        let labels = Mirror(reflecting: PublicVacancy(Self.sampleVacancy(), isExpired: false)).children.map(\.label)
        #expect(labels == Self.publicVacancyFields)
    }

    @Test("PublicSite's stored fields are exactly the reviewed list")
    func publicSiteAllowList() throws {
        let site = try Self.examplePublicSite()
        #expect(Mirror(reflecting: site).children.map(\.label) == Self.publicSiteFields)
        // The settings without `audit_allow` (values that look like seeker data), the id prefix
        // and the report's parent body and baseline.
        #expect(Mirror(reflecting: site.site).children.map(\.label)
                == ["title", "description", "baseURL", "language", "timeZone", "province", "organization", "pageSize", "hotline", "email"])
        // A withdrawn vacancy: its address, and the terms its similar vacancies are chosen by.
        let withdrawn = PublicWithdrawnVacancy(id: "NB-1", slug: "nb-1", commune: Term(name: "Gia Viễn", kind: .xa), sector: Term(name: "Cơ khí", kind: .sector))
        #expect(Mirror(reflecting: withdrawn).children.map(\.label) == ["id", "slug", "commune", "sector"])
        #expect(Mirror(reflecting: try #require(site.pages.first)).children.map(\.label) == ["title", "slug", "contentHTML", "contentText"])
    }

    /// Events, courses and employers reach templates only through these reviewed fields.
    @Test("PublicEvent, PublicTraining and PublicEmployer store exactly the reviewed fields")
    func agendaAllowLists() throws {
        let site = try Self.examplePublicSite()
        #expect(Mirror(reflecting: try #require(site.upcomingEvents.first)).children.map(\.label) ==
                ["id", "slug", "title", "kind", "start", "end", "place", "commune", "organiser", "contactPhone", "descriptionHTML",
                 "descriptionText", "isPast"])
        #expect(Mirror(reflecting: try #require(site.openTrainings.first)).children.map(\.label) ==
                ["id", "slug", "title", "provider", "place", "commune", "start", "registrationDeadline", "duration", "cost", "support",
                 "contactPhone", "descriptionHTML", "descriptionText", "isClosed"])
        #expect(Mirror(reflecting: try #require(site.employers.first)).children.map(\.label) == ["slug", "name", "kindLabel", "descriptionHTML", "website", "recognised", "open"])
    }

    /// The statistics page's aggregates: hires only as the province total, nothing per employer,
    /// commune, sector or month (issue 22).
    @Test("PublicStatistics holds only the reviewed aggregates")
    func publicStatisticsAllowList() throws {
        let statistics = try Self.examplePublicSite().statistics
        #expect(Mirror(reflecting: statistics).children.map(\.label) == ["months", "sectors", "posted", "openings", "employers", "hires"])
        #expect(Mirror(reflecting: statistics.months[0]).children.map(\.label) == ["name", "posted", "openings"])
    }

    @Test("Vacancy stores nothing named like internal notes (they are checked, then dropped)")
    func vacancyHasNoInternalField() {
        let vacancy = Self.sampleVacancy()
        var labels = Mirror(reflecting: vacancy).children.compactMap(\.label)
        labels += Mirror(reflecting: vacancy.employer).children.compactMap(\.label).map { "employer." + $0 }
        let forbidden = ["internal", "note", "ghichu", "ghi_chu", "private", "staff", "secret", "noibo", "seeker"]
        for label in labels {
            let folded = label.lowercased()
            #expect(!forbidden.contains { folded.contains($0) }, "Vacancy.\(label)")
        }
    }

    @Test("Nothing reachable from the PublicSite of the example content is a Vacancy or a seeker record")
    func publicSiteReachesNoPrivateType() throws {
        let site = try Self.examplePublicSite()
        #expect(!site.open.isEmpty && !site.expired.isEmpty)
        var seen = 0
        func walk(_ value: Any, _ path: String, depth: Int) {
            seen += 1
            let typeName = String(reflecting: type(of: value))
            #expect(!typeName.hasSuffix(".Vacancy") && !typeName.contains("SeekerRecord") && !typeName.contains("SourceFile"),
                    "\(path): \(typeName)")
            guard depth < 12 else { return }
            for (index, child) in Mirror(reflecting: value).children.enumerated() {
                walk(child.value, path + "." + (child.label ?? "[\(index)]"), depth: depth + 1)
            }
        }
        walk(site, "site", depth: 0)
        #expect(seen > 1_000)
    }

    static func examplePublicSite() throws -> PublicSite {
        let loaded = ContentLoader(contentDirectory: PrivacyPaths.exampleContent, displayRoot: "content").load()
        let catalog = try #require(ContentValidator.validate(loaded).catalog)
        return PublicSite(catalog: catalog, publication: Publication(catalog.vacancies, at: PrivacyPaths.now))
    }

    @Test("A unique marker in internal (also in nested maps and lists), private/ or a seeker's non-identifying column reaches no output file")
    func markersNeverPublished() throws {
        let folder = try TemporaryFolder("internal")
        defer { folder.remove() }
        try PrivacyContent.writeBase(into: folder, under: "content/")
        var rng = SeededGenerator(seed: 99)
        var vacancies = PrivacyRandom.vacancies(count: 3, &rng)
        vacancies[0].internalYAML = [
            "  ghi_chu: \"QZXMARKA Quỳnh nói doanh nghiệp trả chậm lương\"",
            "  nguoi_gioi_thieu:",
            "    ten: \"QZXMARKB Đặng Thị Xuyến\"",
            "    sdt: \"0388 777 999\"",
            "    lich_su:",
            "      - \"QZXMARKC gọi lần 1\"",
            "      - {lan: 2, ket_qua: \"QZXMARKD hẹn lại\"}",
            "  danh_sach: [QZXMARKE, \"QZXMARKF\"]",
        ]
        vacancies[1].internalYAML = ["  QZXMARKG: \"khóa cũng là bí mật\""]
        for vacancy in vacancies { try folder.write("content/" + vacancy.fileName, vacancy.markdown) }
        // Files outside vacancies/ and pages/ are never read by the render path.
        try folder.write("content/private/bao-cao.md", "---\ntitle: QZXMARKH\n---\nQZXMARKI\n")
        try folder.write("content/vacancies-cu/nb-2025-001.md", "---\ntitle: QZXMARKJ\n---\n")
        try folder.write("content/seekers/README.txt", "QZXMARKK")
        // A seeker column the audit does not search (shared categories) must still never be rendered.
        try folder.write("content/seekers/ho-so.csv", "ma_ho_so;ho_ten;ky_nang;nhu_cau_viec_lam\n"
            + "HS-2026-0001;Ngô Thị Hạnh;QZXMARKL;Công nhân\nHS-2026-0002;Lương Văn Kiên;QZXMARKL;Công nhân\n")

        let output = folder.path("public")
        let report = PrivacyBuild.build(content: folder.path("content"), output: output)
        try #require(report.succeeded, "\(PrivacyBuild.describe(report))")

        let files = privacyReadTree(output)
        #expect(files.count > 10)
        for (path, data) in files {
            let raw = String(decoding: data, as: UTF8.self)
            let visible = AuditText.visibleText(of: raw)
            for text in [raw, visible] {
                #expect(!text.contains("QZXMARK"), "\(path)")
                #expect(!VietnameseFolding.fold(text).contains("qzxmark"), "\(path)")
                #expect(!text.contains("Xuyến") && !PrivacyText.folded(text).contains("dang thi xuyen"), "\(path)")
                #expect(!PrivacyLeakPropertyTests.digitRuns(text).contains { $0.contains("0388777999") }, "\(path)")
            }
        }
    }
}
