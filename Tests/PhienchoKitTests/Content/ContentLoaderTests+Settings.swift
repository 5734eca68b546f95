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

/// site.yml, communes.yml, sectors.yml and pages: their own rules.
extension ContentLoaderTests {
    @Test("site.yml: an unknown key is PC301 with a suggestion")
    func siteUnknownKey() throws {
        let (_, result) = try run { folder in
            try folder.write("content/site.yml", Sample.siteYAML.replacing("page_size: 2", with: "pagesize: 2"))
        }
        #expect(result.catalog == nil)
        #expect(result.diagnostics.codes == [.unknownKey])
        #expect(result.diagnostics.first?.formatted.hasPrefix("content/site.yml:8:1: lỗi[PC301]: ") == true)
        #expect(result.diagnostics.first?.message.contains("“page_size”") == true)
    }

    @Test("site.yml: a bad base_url is PC312", arguments: [
        "vieclam.example.vn/phien-cho/", "ftp://vieclam.example.vn/", "https:///phien-cho/", "javascript:alert(1)",
        "https://vieclam.example.vn/?a=1", "/phien-cho/",
    ])
    func siteBadBaseURL(value: String) throws {
        let (_, result) = try run { folder in
            try folder.write("content/site.yml", Sample.siteYAML.replacing("base_url: https://vieclam.example.vn/phien-cho/", with: "base_url: \"\(value)\""))
        }
        #expect(result.catalog == nil)
        #expect(result.diagnostics.codes == [.invalidURL], "\(result.diagnostics.described)")
        #expect(result.diagnostics.first?.line == 3 && result.diagnostics.first?.column == 11)
    }

    @Test func siteBaseURLGetsATrailingSlashAndDefaultsApply() throws {
        let (_, result) = try run { folder in
            let minimal = """
            title: Phiên chợ
            base_url: https://vieclam.example.vn/phien-cho
            province: Ninh Bình
            organization: Trung tâm
            """
            try folder.write("content/site.yml", minimal)
        }
        let site = try #require(result.catalog?.site)
        #expect(site.baseURL == "https://vieclam.example.vn/phien-cho/")
        #expect(site.basePath == "/phien-cho/")
        #expect(site.pageSize == 20)
        #expect(site.theme == "default")
        #expect(site.language == "vi")
        #expect(site.timeZone.identifier == "Asia/Ho_Chi_Minh")
        #expect(site.description == "")
    }

    @Test("site.yml: required keys, page_size range, timezone, theme name", arguments: [
        ("title: Phiên chợ việc làm thử\n", "", DiagnosticCode.missingField),
        ("page_size: 2", "page_size: 0", .invalidNumber),
        ("page_size: 2", "page_size: 501", .invalidNumber),
        ("page_size: 2", "page_size: hai", .invalidNumber),
        ("timezone: Asia/Ho_Chi_Minh", "timezone: Asia/Hanoi", .invalidTimezone),
        ("theme: default", "theme: ../../etc", .themeProblem),
    ])
    func siteOtherRules(original: String, replacement: String, code: DiagnosticCode) throws {
        let (_, result) = try run { folder in
            try folder.write("content/site.yml", Sample.siteYAML.replacing(original, with: replacement))
        }
        #expect(result.catalog == nil)
        #expect(result.diagnostics.codes == [code], "\(result.diagnostics.described)")
    }

    @Test func baseURLOverrideReplacesSiteYML() throws {
        let folder = try TemporaryFolder("override")
        defer { folder.remove() }
        try Sample.writeContent(in: folder)
        let loaded = ContentLoader(contentDirectory: folder.path("content"), displayRoot: "content").load()
        let good = ContentValidator.validate(loaded, baseURLOverride: "http://localhost:8080")
        #expect(good.catalog?.site.baseURL == "http://localhost:8080/")
        let bad = ContentValidator.validate(loaded, baseURLOverride: "localhost")
        #expect(bad.catalog == nil)
        #expect(bad.diagnostics.codes == [.invalidURL])
    }

    // MARK: communes.yml and sectors.yml

    @Test("communes.yml: a duplicate name is PC403 (also differing in case or Unicode form)", arguments: [
        "- {name: \"Gia Trấn\", kind: xã}\n",
        "- {name: \"gia trấn\", kind: phường}\n",
        "- {name: \"\("Gia Trấn".decomposedStringWithCanonicalMapping)\", kind: xã}\n",
    ])
    func communesDuplicateName(extra: String) throws {
        let (_, result) = try run { folder in
            try folder.write("content/communes.yml", Sample.communesYAML + extra)
        }
        #expect(result.catalog == nil)
        #expect(result.diagnostics.codes == [.duplicateName], "\(result.diagnostics.described)")
        #expect(result.diagnostics.first?.line == 5)
        #expect(result.diagnostics.first?.path == "content/communes.yml")
    }

    @Test("communes.yml: a key repeated inside one item is PC205 at the repeated line")
    func communesDuplicateKeyInItem() throws {
        let yaml = """
        - name: Gia Trấn
          kind: xã
        - name: Đồng Văn
          kind: phường
          kind: xã
        - name: Hoa Lư
          kind: phường

        """
        let (_, result) = try run { folder in try folder.write("content/communes.yml", yaml) }
        #expect(result.catalog == nil)
        #expect(result.diagnostics.codes == [.duplicateKey], "\(result.diagnostics.described)")
        #expect(result.diagnostics.first?.line == 5 && result.diagnostics.first?.column == 3)
        #expect(result.diagnostics.first?.message.contains("“kind”") == true)
    }

    @Test func siteDuplicateKeyIsReportedAtTheSecondLine() throws {
        let (_, result) = try run { folder in
            try folder.write("content/site.yml", Sample.siteYAML + "title: Trùng\n")
        }
        #expect(result.diagnostics.codes == [.duplicateKey], "\(result.diagnostics.described)")
        #expect(result.diagnostics.first?.line == 10 && result.diagnostics.first?.column == 1)
    }

    @Test func communesWithTheSameSlugArePC402() throws {
        let (_, result) = try run { folder in
            try folder.write("content/communes.yml", Sample.communesYAML + "- {name: \"Hòa Lư\", kind: xã}\n")
        }
        #expect(result.diagnostics.codes == [.duplicateSlug])
        #expect(result.diagnostics.first?.message.contains("hoa-lu") == true)
    }

    @Test("communes.yml: item rules", arguments: [
        ("- {name: \"Phát Diệm\", kind: xã}", "- {name: \"Phát Diệm\", kind: thị trấn}", DiagnosticCode.invalidChoice),
        ("- {name: \"Phát Diệm\", kind: xã}", "- {name: \"Phát Diệm\"}", .missingField),
        ("- {name: \"Phát Diệm\", kind: xã}", "- {name: \"Phát Diệm\", kind: xã, ma: 1}", .unknownKey),
        ("- {name: \"Phát Diệm\", kind: xã}", "- {name: \"--\", kind: xã}", .invalidChoice),
        ("- {name: \"Phát Diệm\", kind: xã}", "- Phát Diệm", .wrongType),
    ])
    func communeItemRules(original: String, replacement: String, code: DiagnosticCode) throws {
        let (_, result) = try run { folder in
            try folder.write("content/communes.yml", Sample.communesYAML.replacing(original, with: replacement))
        }
        #expect(result.catalog == nil)
        #expect(result.diagnostics.codes == [code], "\(result.diagnostics.described)")
        #expect(result.diagnostics.first?.line == 4)
    }

    @Test func communeKindsAndCodes() throws {
        let list = Sample.decodeTerms(Sample.communesYAML + "- {name: \"Cồn Thoi\", kind: đặc khu}\n", isCommunes: true)
        #expect(list.terms.map(\.kind) == [.xa, .phuong, .phuong, .xa, .dacKhu])
        #expect(list.lookup("hoa lư")?.code == "14362")
        #expect(list.lookup("Hoa Lu") == nil)
    }

    @Test func listsThatAreNotListsOrAreEmpty() throws {
        let notAList = try run { folder in try folder.write("content/sectors.yml", "name: Xây dựng\n") }.1
        #expect(notAList.diagnostics.codes == [.wrongType])
        let empty = try run { folder in try folder.write("content/sectors.yml", "[]\n") }.1
        #expect(empty.diagnostics.codes == [.emptyFile])
        let sectorKind = try run { folder in try folder.write("content/sectors.yml", "- {name: Xây dựng, kind: xã}\n") }.1
        #expect(sectorKind.diagnostics.codes == [.unknownKey])
    }

    // MARK: pages

    @Test("Pages: title required, only title allowed, reserved names refused", arguments: [
        ("pages/a.md", "---\n---\nText\n", DiagnosticCode.missingField),
        ("pages/a.md", "---\ntitle: A\nauthor: B\n---\nText\n", .unknownKey),
        ("pages/a.md", "title: A\n", .missingFrontMatter),
        ("pages/a.md", "---\ntitle: A\n", .unclosedFrontMatter),
        ("pages/viec-lam.md", "---\ntitle: A\n---\nText\n", .duplicateSlug),
        ("pages/Trang.md", "---\ntitle: A\n---\nText\n", .duplicateSlug),
        ("pages/---.md", "---\ntitle: A\n---\nText\n", .duplicateSlug),
    ])
    func pageRules(path: String, text: String, code: DiagnosticCode) throws {
        let (_, result) = try run { folder in try folder.write("content/" + path, text) }
        #expect(result.catalog == nil)
        #expect(result.diagnostics.codes == [code], "\(result.diagnostics.described)")
    }

    @Test func twoPagesWithTheSameSlugArePC402() throws {
        let (_, result) = try run { folder in
            try folder.write("content/pages/Giới thiệu.md", "---\ntitle: B\n---\nText\n")
        }
        #expect(result.diagnostics.codes == [.duplicateSlug])
    }

    @Test func diagnosticsAreSortedByPathThenLine() throws {
        let (_, result) = try run { folder in
            try folder.write("content/vacancies/b.md", Sample.vacancy.replacing("id: NB-T-001", with: "id: B")
                .replacing("openings: 3", with: "openings: 0").replacing("posted: 2026-11-01", with: "posted: x"))
            try folder.write("content/vacancies/a.md", "")
        }
        let formatted = result.diagnostics.map(\.formatted)
        #expect(formatted.count == 3)
        #expect(formatted[0].hasPrefix("content/vacancies/a.md: lỗi[PC103]: "))
        #expect(formatted[1].hasPrefix("content/vacancies/b.md:5:9: lỗi[PC305]: "))
        #expect(formatted[2].hasPrefix("content/vacancies/b.md:18:11: lỗi[PC307]: "))
    }
}
