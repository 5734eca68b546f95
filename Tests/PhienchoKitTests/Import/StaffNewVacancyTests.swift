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

@Suite("Staff: phiencho new")
struct StaffNewVacancyTests {
    static let today = LocalDate(iso: "2026-11-22")!

    @Test func aNewDraftIsAcceptedAsItIsWithWarningsAtMost() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        let created = try NewVacancy(content: Folder(site.content, shown: "content"))
            .create(title: "Thợ hàn cửa sắt", today: Self.today).get()
        #expect(created.id == "NB-2026-001")
        #expect(created.displayPath == "content/vacancies/2026-11/nb-2026-001-tho-han-cua-sat.md")

        let report = site.check()
        #expect(report.errorCount == 0, "\(report.diagnostics.staffListed)")
        #expect(report.diagnostics.allSatisfy { $0.path == created.displayPath }, "\(report.diagnostics.staffListed)")
        #expect(report.openCount == 0)
    }

    @Test func theDraftHasEveryFieldTodayAndThirtyDaysAndCommentsInVietnamese() throws {
        let site = try StaffContent()
        defer { site.remove() }
        let created = try NewVacancy(content: Folder(site.content, shown: site.content.path)).create(title: "Phụ hồ", today: Self.today).get()
        let text = try String(contentsOf: created.url, encoding: .utf8)
        for key in Vacancy.keys {
            #expect(text.contains("\n\(key):"), "missing field \(key)")
        }
        for key in ["name", "address", "phone", "email", "website", "commune", "min", "max", "period"] {
            #expect(text.contains("\n  \(key):"), "missing nested field \(key)")
        }
        #expect(text.contains("\nstatus: draft\n"))
        #expect(text.contains("\nposted: 2026-11-22\n"))
        #expect(text.contains("\nexpires: 2026-12-22\n"))
        // The first names of communes.yml and sectors.yml, so the draft names valid terms.
        #expect(text.contains("  commune: \"Gia Trấn\"\n"))
        #expect(text.contains("\nsector: \"Cơ khí – Hàn\"\n"))
        // Every field line is explained by a comment line above it.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let frontMatter = lines[1..<lines.lastIndex(of: "---")!]
        for (index, line) in zip(frontMatter.indices, frontMatter) where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") && !line.isEmpty {
            let key = line.trimmingCharacters(in: .whitespaces).split(separator: ":").first.map(String.init) ?? ""
            if ["min", "max", "period"].contains(key) { continue }   // explained together above `salary:`
            #expect(lines[index - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#"), "no comment above “\(line)”")
        }
    }

    @Test func filledInAndApprovedTheFileValidatesWithNoProblemAtAll() throws {
        let site = try StaffContent()
        defer { site.remove() }
        let created = try NewVacancy(content: Folder(site.content, shown: site.content.path)).create(title: "Thợ hàn", today: Self.today).get()
        var text = try String(contentsOf: created.url, encoding: .utf8)
        let fills = [
            "status: draft": "status: approved",
            "  name:\n": "  name: Xưởng cơ khí Minh Phát\n",
            "  address:\n  # Số": "  address: Thôn Đông, xã Gia Trấn\n  # Số",
            "  phone:\n": "  phone: \"0229 3871 000\"\n",
            "  email:\n": "  email: tuyendung@minhphat.example.vn\n",
            "  website:\n": "  website: https://minhphat.example.vn\n",
            "  address:\n# Ngành": "  address: Xưởng số 2\n# Ngành",
            "  min:\n": "  min: 7000000\n",
            "  max:\n": "  max: 10000000\n",
            "requirements:\n": "requirements:\n  - Sức khỏe tốt\n",
            "benefits:\n": "benefits:\n  - Bao ăn trưa\n",
            "tags:\n": "tags:\n  - không yêu cầu bằng cấp\n",
            "apply:\n": "apply: \"Gọi 0229 3871 000.\"\n",
            "internal:\n": "internal:\n  ghi_chu: Chủ xưởng đã ký cam kết.\n",
        ]
        for (old, new) in fills {
            #expect(text.contains(old), "the template has no “\(old)”")
            text = text.replacingOccurrences(of: old, with: new)
        }
        text += "Xưởng làm cửa sắt, lan can.\n"
        try Data(text.utf8).write(to: created.url)

        let report = site.check()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.staffListed)")
        #expect(report.openCount == 1)
    }

    @Test func approvedWithoutFillingInIsAnError() throws {
        let site = try StaffContent()
        defer { site.remove() }
        let created = try NewVacancy(content: Folder(site.content, shown: site.content.path)).create(title: "Thợ hàn", today: Self.today).get()
        let text = try String(contentsOf: created.url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "status: draft", with: "status: approved").utf8).write(to: created.url)
        let report = site.check()
        #expect(report.diagnostics.contains { $0.severity == .error && $0.message.contains("employer.name") },
                "\(report.diagnostics.staffListed)")
    }

    @Test func theNextIDFollowsTheLargestNumberOfThatPrefixAndYear() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        try site.writeVacancy("vacancies/2026-08/a.md", id: "NB-2026-007")
        try site.writeVacancy("vacancies/2026-09/b.md", id: "nb-2026-030")        // case does not matter
        try site.writeVacancy("vacancies/2026-09/c.md", id: "NB-2025-099")        // another year
        try site.writeVacancy("vacancies/2026-09/d.md", id: "HN-2026-500")        // another prefix
        try site.write("vacancies/2026-10/broken.md", "---\nid: \"NB-2026-041\"\ntitle: [\n---\n")  // still counts
        let created = try NewVacancy(content: Folder(site.content, shown: site.content.path)).create(title: "Bốc xếp", today: Self.today).get()
        #expect(created.id == "NB-2026-042")
        let second = try NewVacancy(content: Folder(site.content, shown: site.content.path)).create(title: "Bốc xếp", today: Self.today).get()
        #expect(second.id == "NB-2026-043")
    }

    @Test func nextIDIsThreeDigitsAndSkipsTakenOnes() {
        #expect(NewVacancy.nextID(prefix: "VL", year: 2027, taken: []) == "VL-2027-001")
        #expect(NewVacancy.nextID(prefix: "VL", year: 2027, taken: ["vl-2027-001", "vl-2027-x"]) == "VL-2027-002")
        #expect(NewVacancy.nextID(prefix: "VL", year: 2027, taken: ["vl-2027-999"]) == "VL-2027-1000")
    }

    @Test func withoutIDPrefixTheDefaultIsVL() throws {
        let site = try StaffContent()
        defer { site.remove() }
        let created = try NewVacancy(content: Folder(site.content, shown: site.content.path)).create(title: "Thợ may", today: Self.today).get()
        #expect(created.id == "VL-2026-001")
    }

    @Test("An id staff choose that is taken or malformed is refused", arguments: ["nb-2026-007", "NB 7", "-NB", "NB_7", "Mã-1"])
    func chosenIDRefused(id: String) throws {
        let site = try StaffContent()
        defer { site.remove() }
        try site.writeVacancy("vacancies/2026-08/a.md", id: "NB-2026-007")
        let result = NewVacancy(content: Folder(site.content, shown: site.content.path)).create(title: "Thợ hàn", id: id, today: Self.today)
        guard case .failure(.rejected(let message)) = result else {
            Issue.record("expected a refusal, got \(result)")
            return
        }
        #expect(message.contains("Mã tin"))
    }

    @Test func aChosenFreeIDIsUsed() throws {
        let site = try StaffContent()
        defer { site.remove() }
        let created = try NewVacancy(content: Folder(site.content, shown: site.content.path)).create(title: "Thợ hàn", id: "TT-01", today: Self.today).get()
        #expect(created.id == "TT-01")
        #expect(created.url.lastPathComponent == "tt-01-tho-han.md")
    }

    @Test func anExistingFileIsNeverOverwritten() throws {
        let site = try StaffContent()
        defer { site.remove() }
        try site.write("vacancies/2026-11/vl-2026-001-tho-han.md", "giữ nguyên\n")   // no id line: the id is free
        let result = NewVacancy(content: Folder(site.content, shown: site.content.path)).create(title: "Thợ hàn", today: Self.today)
        guard case .failure(.rejected) = result else {
            Issue.record("expected a refusal, got \(result)")
            return
        }
        #expect(try site.read("vacancies/2026-11/vl-2026-001-tho-han.md") == "giữ nguyên\n")
    }

    @Test func titlesWithYAMLSyntaxSurviveIntact() throws {
        let site = try StaffContent()
        defer { site.remove() }
        let title = "Thợ hàn: cửa sắt & \"lan can\" # ca đêm \\ - [gấp]"
        let created = try NewVacancy(content: Folder(site.content, shown: site.content.path)).create(title: title, today: Self.today).get()
        let text = try String(contentsOf: created.url, encoding: .utf8)
        let filled = text.replacingOccurrences(of: "  name:\n", with: "  name: Xưởng Minh Phát\n")
            .replacingOccurrences(of: "salary:\n  min:\n  max:\n  period: month\n", with: "")
        try Data(filled.utf8).write(to: created.url)
        let loaded = ContentLoader(contentDirectory: site.content).load()
        let validated = ContentValidator.validate(loaded)
        #expect(validated.catalog?.vacancies.first?.title == title, "\(validated.diagnostics.staffListed)")
        #expect(created.url.lastPathComponent == "vl-2026-001-tho-han-cua-sat-lan-can-ca-dem-gap.md")
    }

    @Test func brokenSiteSettingsStopNewWithTheirDiagnostics() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB_1")
        defer { site.remove() }
        let result = NewVacancy(content: Folder(site.content, shown: site.content.path)).create(title: "Thợ hàn", today: Self.today)
        guard case .failure(.content(let diagnostics)) = result else {
            Issue.record("expected the site.yml problem, got \(result)")
            return
        }
        #expect(diagnostics.map(\.code) == [.invalidID])
        #expect(!FileManager.default.fileExists(atPath: site.url("vacancies").path))
    }

    @Test func idPrefixInSiteYml() throws {
        let good = try StaffContent(siteExtra: "id_prefix: NB-TT")
        defer { good.remove() }
        let loaded = ContentLoader(contentDirectory: good.content).load()
        let (config, problems) = SiteConfig.decode(loaded.siteConfig!, baseURLOverride: nil)
        #expect(problems.isEmpty && config?.idPrefix == "NB-TT")
        for bad in ["NB_1", "Đ", "-NB", "NB-", "\"\""] {
            #expect(!SiteConfig.isValidIDPrefix(bad.replacingOccurrences(of: "\"", with: "")), "\(bad)")
        }
    }
}
