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

/// `Routes` owns every path: templates link through `{{links.<name>}}`, and the names plain pages
/// may not take are derived from the routes themselves.
@Suite("Routes: templates spell no path")
struct TemplateRoutesTests {
    static let templates = StaffContent.themes.appendingPathComponent("default/templates")

    @Test func noTemplateSpellsARoute() throws {
        let files = FileTree.files(under: Self.templates.path).filter { $0.hasSuffix(".mustache") }
        #expect(files.count > 15)
        let folders = Routes.reserved.filter { !$0.contains("-xml") && !$0.contains("-txt") && !$0.contains("-html") }
        for file in files {
            let text = try String(contentsOf: Self.templates.appendingPathComponent(file), encoding: .utf8)
            #expect(text.range(of: #"\{\{\s*root\s*\}\}[a-z0-9]"#, options: .regularExpression) == nil, "\(file) writes a path after {{root}}")
            for folder in folders.sorted() where text.contains(folder + "/") {
                Issue.record("\(file) spells the route \(folder)/")
            }
        }
    }

    @Test func everyLinkATemplateUsesIsARoute() throws {
        let names = Set(Routes.links.map(\.name))
        for file in FileTree.files(under: Self.templates.path) where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: Self.templates.appendingPathComponent(file), encoding: .utf8)
            let used = text.matches(of: /\{\{\s*links\.(\w+)\s*\}\}/).map { String($0.1) }
            for name in used { #expect(names.contains(name), "\(file): {{links.\(name)}} is no route") }
        }
        // Relative to the page: two folders deep, the communes' index is two levels up.
        let links = SiteRenderer.links(root: "../../")
        guard case .object(let object) = links else { Issue.record("links is not an object"); return }
        #expect(object["communes"] == .string("../../xa-phuong/") && object["home"] == .string("../../"))
    }

    @Test func theReservedNamesAreTheRoutesTopFoldersAndFiles() {
        #expect(Routes.reserved.isSuperset(of: ["viec-lam", "xa-phuong", "nganh-nghe", "trang", "tim-kiem", "assets", "rss-xml",
                                               "sitemap-xml", "404", "index", "thong-ke", "nha-tuyen-dung", "dong-hanh", "su-kien", "hoc-nghe"]))
        for (_, path) in Routes.links where !path.isEmpty {
            #expect(Routes.reserved.contains(String(path.prefix { $0 != "/" && $0 != "." })) || Routes.reserved.contains(Slug.make(path)), "\(path)")
        }
    }
}
