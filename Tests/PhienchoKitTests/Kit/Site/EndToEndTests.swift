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

/// The example content of the repository, built end to end at 2026-11-22.
@Suite("End-to-end build of content/")
struct EndToEndTests {
    static let now = "2026-11-22"
    static let first = BuiltSite.build(content: Paths.content, now: now, label: "e2e-a")
    static let second = BuiltSite.build(content: Paths.content, now: now, label: "e2e-b")

    /// What the content says, read through the engine's own loader (the output tree is what is under test).
    static let catalog: Catalog? = Sample.validate(Paths.content).1.catalog

    /// Names in a controlled list, read without the engine: every `name` value of communes.yml / sectors.yml.
    static func listNames(_ file: String) -> [String] {
        let text = (try? String(contentsOf: Paths.content.appendingPathComponent(file), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("- ") else { return nil }
            var rest = line.dropFirst(2)
            if rest.hasPrefix("{") { rest = rest.dropFirst() }
            guard rest.hasPrefix("name:") else { return nil }
            rest = rest.dropFirst(5).drop { $0 == " " }
            if rest.hasPrefix("\"") {
                return String(rest.dropFirst().prefix { $0 != "\"" })
            }
            return String(rest.prefix { $0 != "," && $0 != "}" }).trimmingCharacters(in: .whitespaces)
        }
    }

    @Test func buildSucceeds() throws {
        let report = Self.first.report
        #expect(report.succeeded, "\(report.diagnostics.described)")
        #expect(report.diagnostics.errors.isEmpty)
        #expect(report.filesRead >= 35)
        // The example has open and expired vacancies, a draft and a withdrawn one.
        #expect(report.openCount >= 20)
        #expect(report.expiredCount >= 1)
        #expect(report.unpublishedCount >= 2)
        let catalog = try #require(Self.catalog)
        #expect(catalog.vacancies.contains { $0.status == .draft })
        #expect(catalog.vacancies.contains { $0.status == .withdrawn })
    }

    @Test func homeAndListingPages() throws {
        let site = Self.first
        let catalog = try #require(Self.catalog)
        let open = Publication(catalog.vacancies, at: date(Self.now)).open
        let pages = (open.count + catalog.site.pageSize - 1) / catalog.site.pageSize
        #expect(site.has("index.html"))
        #expect(pages >= 2, "the example should need more than one listing page")
        for number in 2...max(2, pages) {
            #expect(site.has("trang/\(number)/index.html"), "missing trang/\(number)/")
        }
        #expect(!site.has("trang/\(pages + 1)/index.html"))
        #expect(!site.has("trang/1/index.html"))
        let home = try #require(site.text("index.html"))
        #expect(home.contains("viec-lam/\(open[0].slug)/"))
    }

    @Test("Every open vacancy has its page; expired ones are present and marked; recently withdrawn ones say only that; the rest have none")
    func vacancyPages() throws {
        let site = Self.first
        let catalog = try #require(Self.catalog)
        var open = 0, expired = 0, withdrawn = 0, unpublished = 0
        for vacancy in catalog.vacancies {
            let path = "viec-lam/\(vacancy.slug)/index.html"
            switch Publication.state(of: vacancy, at: date(Self.now)) {
            case .open:
                open += 1
                let html = try #require(site.text(path), "missing \(path)")
                #expect(!html.contains("noindex"))
                #expect(html.contains(vacancy.title.replacingOccurrences(of: "&", with: "&amp;")))
            case .expired:
                expired += 1
                let html = try #require(site.text(path), "missing expired \(path)")
                #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
                #expect(html.contains("Đã hết hạn nộp hồ sơ"))
                #expect(!(site.text("index.html") ?? "").contains("viec-lam/\(vacancy.slug)/"))
            case .unpublished where Publication.answersWithdrawn(vacancy, at: date(Self.now)):
                withdrawn += 1
                let html = try #require(site.text(path), "missing withdrawn \(path)")
                #expect(html.contains("Tin này đã được gỡ") && html.contains("<meta name=\"robots\" content=\"noindex\">"))
                #expect(!html.contains(vacancy.title) && !html.contains(vacancy.employer.name), "\(vacancy.id)'s page tells what was withdrawn")
            case .unpublished:
                unpublished += 1
                #expect(!site.files.keys.contains { $0.hasPrefix("viec-lam/\(vacancy.slug)/") }, "\(vacancy.id) has output")
            }
        }
        #expect(open == site.report.openCount && expired == site.report.expiredCount)
        #expect(expired >= 1 && unpublished >= 2)
        // No other vacancy pages than those.
        let vacancyPages = Set(site.files.keys.filter { $0.hasPrefix("viec-lam/") && $0.hasSuffix("/index.html") })
        #expect(vacancyPages.count == open + expired + withdrawn)
    }

    @Test("xa-phuong/<slug>/ for every commune and nganh-nghe/<slug>/ for every sector")
    func termPages() {
        let site = Self.first
        let communes = Self.listNames("communes.yml")
        let sectors = Self.listNames("sectors.yml")
        #expect(communes.count == 129)
        #expect(sectors.count == 15)
        #expect(site.has("xa-phuong/index.html") && site.has("nganh-nghe/index.html"))
        for name in communes {
            #expect(site.has("xa-phuong/\(Slug.make(name))/index.html"), "missing commune \(name)")
        }
        for name in sectors {
            #expect(site.has("nganh-nghe/\(Slug.make(name))/index.html"), "missing sector \(name)")
        }
        let communeFolders = Set(site.files.keys.filter { $0.hasPrefix("xa-phuong/") && !$0.contains("/trang/") && $0.hasSuffix("/index.html") }
            .map { $0.split(separator: "/")[1] }.filter { $0 != "index.html" })
        #expect(communeFolders.count == communes.count)
    }

    @Test func plainPagesNotFoundAndAssets() throws {
        let site = Self.first
        let pageFiles = try FileManager.default.contentsOfDirectory(atPath: Paths.content.appendingPathComponent("pages").path)
            .filter { $0.hasSuffix(".md") }
        #expect(pageFiles.count == 3)
        for file in pageFiles {
            #expect(site.has("\(file.dropLast(3))/index.html"), "missing page \(file)")
        }
        #expect(site.has("404.html"))
        let css = site.files.keys.filter { $0.range(of: #"^assets/style\.[0-9a-f]{10}\.css$"#, options: .regularExpression) != nil }
        #expect(css.count == 1)
        let stylesheet = try #require(css.first)
        #expect(site.files[stylesheet] == FileManager.default.contents(atPath: Paths.themes.appendingPathComponent("default/assets/style.css").path))
        #expect(site.text("index.html")?.contains("href=\"\(stylesheet)\"") == true)
        #expect(site.text("viec-lam/nb-2026-001/index.html")?.contains("href=\"../../\(stylesheet)\"") == true)
    }

    @Test("The page paths the staging folders are made from, before rendering, are the built site's pages")
    func pagePathsArePredicted() throws {
        let catalog = try #require(Self.catalog)
        let site = PublicSite(catalog: catalog, publication: Publication(catalog.vacancies, at: date(Self.now)))
        let theme = try Theme.load(themesDirectory: Paths.themes, name: catalog.site.theme, displayRoot: "themes")
        let predicted = SiteRenderer(site: site, theme: theme).pagePaths()
        #expect(predicted.count == Set(predicted).count)
        #expect(Set(predicted) == Set(Self.first.htmlPaths))
    }

    @Test func nothingFromInternalNotesOrSeekersIsPublished() throws {
        // Values taken from content/vacancies/2026-08/nb-2026-001-cong-nhan-may.md `internal`.
        let notes = ["Công an xã Kim Sơn giới thiệu", "đã nhận 3 người tái hòa nhập"]
        for (path, data) in Self.first.files {
            let text = String(decoding: data, as: UTF8.self)
            for note in notes { #expect(!text.contains(note), "\(path) contains internal notes") }
        }
    }

    @Test("Two builds into different folders are byte-identical")
    func deterministic() {
        let a = Self.first.files, b = Self.second.files
        #expect(!a.isEmpty)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a where b[path] != data {
            Issue.record("\(path) differs between two builds")
        }
    }

    /// The `phiencho` executable SwiftPM built beside this test binary.
    static var executable: URL? {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("phiencho")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// Builds in separate processes get different hash seeds (dictionary and set order), so only a
    /// build that never depends on that order is byte-identical across them and with this process.
    @Test("Builds in separate processes are byte-identical to each other and to an in-process build")
    func deterministicAcrossProcesses() throws {
        let phiencho = try #require(Self.executable, "the phiencho executable was not found beside \(CommandLine.arguments[0])")
        let folder = try TemporaryFolder("processes")
        defer { folder.remove() }
        var trees: [[String: Data]] = []
        for name in ["a", "b"] {
            let process = Process()
            process.executableURL = phiencho
            process.arguments = ["build", "--content", Paths.content.path, "--themes", Paths.themes.path,
                                 "--output", folder.path(name).path, "--now", Self.now]
            var environment = ProcessInfo.processInfo.environment
            environment.removeValue(forKey: "SWIFT_DETERMINISTIC_HASHING")
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            trees.append(readTree(folder.path(name)))
        }
        #expect(trees[0].count > 100)
        #expect(trees[0].keys.sorted() == Self.first.files.keys.sorted())
        for (path, data) in trees[0] {
            if trees[1][path] != data { Issue.record("\(path) differs between two processes") }
            if Self.first.files[path] != data { Issue.record("\(path) differs between a process and this one") }
        }
    }

    @Test func everyRelativeLinkResolves() {
        let site = Self.first
        for path in site.htmlPaths where path != "404.html" {
            for href in linkTargets(in: site.text(path) ?? "") where !href.hasPrefix("/") {
                guard let target = resolveLink(href, from: path, basePath: "/phien-cho/") else { continue }
                #expect(site.has(target), "\(path): \(href) → \(target)")
            }
        }
    }
}
