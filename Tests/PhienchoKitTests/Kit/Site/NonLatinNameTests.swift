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

/// A name in a script that folds to no ASCII letter still gets a page, at a stable address staff are told.
@Suite("Staff: names in other scripts")
struct NonLatinNameTests {
    @Test("Slugs of names in other scripts are stable and distinct", arguments: ["大華", "ООО Ромашка", "ไทย", "株式会社"])
    func stableSlugs(name: String) {
        let slug = Slug.path(name)
        #expect(slug.wholeMatch(of: /x-[0-9a-f]{8}/) != nil || !Slug.make(name).isEmpty, "\(slug)")
        #expect(Slug.path(name.decomposedStringWithCanonicalMapping) == slug)
        #expect(Slug.path("Công ty Đại Hoa") == "cong-ty-dai-hoa")
        #expect(Slug.path("—") == "")
    }

    @Test("An employer named 大華 has its page and the warning names its address")
    func employerPage() throws {
        let folder = try TemporaryFolder("script")
        defer { folder.remove() }
        try PrivacyContent.writeBase(into: folder, under: "content/")
        var rng = SeededGenerator(seed: 7)
        var vacancy = PrivacyRandom.vacancies(count: 1, &rng)[0]
        vacancy.employerName = "大華"
        try folder.write("content/" + vacancy.fileName, vacancy.markdown)
        let report = PrivacyBuild.build(content: folder.path("content"), output: folder.path("public"))
        #expect(report.succeeded, "\(PrivacyBuild.describe(report))")
        let slug = Slug.path("大華")
        let warning = report.diagnostics.first { $0.code == .nonLatinName }
        #expect(warning?.message.contains("nha-tuyen-dung/\(slug)/") == true, "\(PrivacyBuild.describe(report))")
        #expect(FileManager.default.fileExists(atPath: folder.path("public/nha-tuyen-dung/\(slug)/index.html").path))
        let page = try String(contentsOf: folder.path("public/viec-lam/\(vacancy.id.lowercased())/index.html"), encoding: .utf8)
        #expect(page.contains("nha-tuyen-dung/\(slug)/"))
    }
}
