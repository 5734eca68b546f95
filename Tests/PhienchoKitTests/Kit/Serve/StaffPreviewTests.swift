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

@Suite("Staff: phiencho serve (files, errors, change detection) and build progress")
struct StaffPreviewTests {
    @Test("Content-Type by file name", arguments: [
        ("index.html", "text/html; charset=utf-8"),
        ("style.1a2b3c4d5e.css", "text/css; charset=utf-8"),
        ("search.0a1b2c3d4e.js", "text/javascript; charset=utf-8"),
        ("manifest.json", "application/json; charset=utf-8"),
        ("sitemap.xml", "application/xml; charset=utf-8"),
        ("rss.xml", "application/rss+xml; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("su-kien.ics", "text/calendar; charset=utf-8"),
        ("README", "application/octet-stream"),
    ])
    func contentTypes(name: String, type: String) {
        #expect(ContentType.forFile(name) == type)
    }

    /// A tiny built site: index, a folder page, a feed, a stylesheet, the 404 page.
    static func builtFolder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("phiencho-staff-serve-\(UUID().uuidString)")
        let files = [
            "index.html": "<h1>Trang chủ</h1>",
            "viec-lam/nb-1/index.html": "<h1>Thợ hàn</h1>",
            "xa-phuong/gia-tran/rss.xml": "<rss/>",
            "assets/style.abc.css": "body{}",
            "404.html": "<h1>Không tìm thấy trang</h1>",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test func filesFoldersRedirectsAndTheSitesOwn404() throws {
        let root = try Self.builtFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let snapshot = PreviewSnapshot(root: root, failure: nil)
        func body(_ response: PreviewResponse) -> String { String(decoding: response.body, as: UTF8.self) }

        let home = PreviewHandler.respond(to: "/", snapshot: snapshot)
        #expect(home.status == 200 && home.type == ContentType.html && body(home) == "<h1>Trang chủ</h1>")
        let page = PreviewHandler.respond(to: "/viec-lam/nb-1/", snapshot: snapshot)
        #expect(page.status == 200 && body(page) == "<h1>Thợ hàn</h1>")
        let redirect = PreviewHandler.respond(to: "/viec-lam/nb-1", snapshot: snapshot)
        #expect(redirect.status == 301 && redirect.headers["Location"] == "/viec-lam/nb-1/")
        let feed = PreviewHandler.respond(to: "/xa-phuong/gia-tran/rss.xml", snapshot: snapshot)
        #expect(feed.status == 200 && feed.type == "application/rss+xml; charset=utf-8")
        let encoded = PreviewHandler.respond(to: "/viec-lam/nb%2D1/index.html", snapshot: snapshot)
        #expect(encoded.status == 200)
        for missing in ["/khong-co/", "/khong-co", "/viec-lam/nb-2/", "/assets/none.css"] {
            let response = PreviewHandler.respond(to: missing, snapshot: snapshot)
            #expect(response.status == 404 && body(response) == "<h1>Không tìm thấy trang</h1>", "\(missing)")
        }
    }

    @Test("Nothing outside the built folder is ever served", arguments: [
        "/../secret.txt", "/%2E%2E/secret.txt", "/viec-lam/../../secret.txt", "/.hidden", "/a/%00/b",
    ])
    func traversalIsRefused(path: String) throws {
        let root = try Self.builtFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("bí mật".utf8).write(to: root.deletingLastPathComponent().appendingPathComponent("secret.txt"))
        try Data("ẩn".utf8).write(to: root.appendingPathComponent(".hidden"))
        let response = PreviewHandler.respond(to: path, snapshot: PreviewSnapshot(root: root, failure: nil))
        #expect(response.status == 404)
        #expect(!String(decoding: response.body, as: UTF8.self).contains("bí mật"))
    }

    @Test func whileTheContentHasErrorsEveryPageShowsThemWithStatus500() throws {
        let root = try Self.builtFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let diagnostics = [Diagnostic(.error, .invalidNumber, path: "content/vacancies/<a>.md", line: 16, column: 11,
                                      "“openings” đang là “<script>alert('x')</script> & \"nhiều\"”.")]
        let snapshot = PreviewSnapshot(root: root, failure: diagnostics)
        for path in ["/", "/viec-lam/nb-1/", "/viec-lam/nb-1", "/khong-co/", "/index.html"] {
            let response = PreviewHandler.respond(to: path, snapshot: snapshot)
            let html = String(decoding: response.body, as: UTF8.self)
            #expect(response.status == 500 && response.type == ContentType.html, "\(path)")
            #expect(html.contains("PC316") && html.contains("lang=\"vi\""))
            #expect(!html.contains("<script>") && !html.contains("<a>.md"))
            #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;nhiều&quot;"))
            #expect(html.contains("content/vacancies/&lt;a&gt;.md, dòng 16, cột 11"))
        }
        // Stylesheets and feeds are not pages: they are still served from the last good build.
        #expect(PreviewHandler.respond(to: "/assets/style.abc.css", snapshot: snapshot).status == 200)
        #expect(PreviewHandler.respond(to: "/xa-phuong/gia-tran/rss.xml", snapshot: snapshot).status == 200)
    }

    @Test func theFingerprintChangesWhenAFileIsSavedAddedOrRemoved() throws {
        let site = try StaffContent()
        defer { site.remove() }
        let folders = [site.content]
        let start = SourceFingerprint(folders: folders)
        #expect(SourceFingerprint(folders: folders) == start)

        try site.write("communes.yml", "- {name: \"Gia Trấn\", kind: xã}\n")
        let saved = SourceFingerprint(folders: folders)
        #expect(saved != start)
        try site.write("vacancies/2026-11/a.md", "---\n")
        let added = SourceFingerprint(folders: folders)
        #expect(added != saved)
        try FileManager.default.removeItem(at: site.url("vacancies/2026-11/a.md"))
        #expect(SourceFingerprint(folders: folders) != added)
        // Hidden files (editor swap files) are not content and do not trigger a rebuild.
        let before = SourceFingerprint(folders: folders)
        try site.write(".site.yml.swp", "x")
        #expect(SourceFingerprint(folders: folders) == before)
    }

    @Test func aBuildReportsItsSixStagesInOrder() throws {
        let site = try StaffContent()
        defer { site.remove() }
        try site.writeVacancy("vacancies/2026-11/a.md", id: "NB-1")
        let stages = StageLog()
        var options = site.buildOptions()
        options.progress = { stages.append($0) }
        let report = Site(options: options).build()
        #expect(report.succeeded, "\(report.diagnostics.staffListed)")
        #expect(stages.all.map(\.number) == Array(1...BuildStage.count))
        #expect(stages.all.last?.line.hasPrefix("[6/6] Ghi ") == true)
        #expect(stages.all.last?.line.contains("vào public") == true)
        // --timings: one measured line per stage, in the same order.
        #expect(report.stageDurations.map(\.stage) == stages.all)
        #expect(report.stageDurations.allSatisfy { $0.duration > .zero })
        #expect(report.timings.first?.hasPrefix("[1/6] Đọc nội dung: ") == true)
        #expect(report.timings.allSatisfy { $0.hasSuffix(" giây)") && $0.contains(" giây (CPU ") })
    }

    @Test func aBuildWithErrorsStopsReportingStagesWhereItStops() throws {
        let site = try StaffContent()
        defer { site.remove() }
        try site.write("vacancies/2026-11/a.md", "không có phần khai báo\n")
        let stages = StageLog()
        var options = site.buildOptions()
        options.progress = { stages.append($0) }
        let report = Site(options: options).build()
        #expect(!report.succeeded)
        #expect(stages.all.map(\.number) == [1, 2])
        #expect(report.stageDurations.map(\.stage.number) == [1, 2])
    }
}

final class StageLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stages: [BuildStage] = []
    func append(_ stage: BuildStage) { lock.withLock { stages.append(stage) } }
    var all: [BuildStage] { lock.withLock { stages } }
}
