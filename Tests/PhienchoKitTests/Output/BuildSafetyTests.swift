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

/// The promises of a build that never destroys (issue 17) that only the engine's types can show:
/// the acceptance tests (tests/acceptance/test_build_safety.py) run the binary on the rest — outputs
/// that overlap the content or themes, foreign folders, missing or misshaped content folders.
@Suite("Build safety: outputs, links, folders, messages")
struct BuildSafetyTests {
    /// A working folder with `content/` (site settings and an empty vacancies/) and `themes/`.
    func workspace() throws -> TemporaryFolder {
        let folder = try TemporaryFolder("safety")
        for name in ["site.yml", "communes.yml", "sectors.yml"] {
            try FileManager.default.copyItem(at: Paths.content.appendingPathComponent(name),
                                             to: folder.path("content/\(name)").creatingParent())
        }
        try FileManager.default.createDirectory(at: folder.path("content/vacancies"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.path("themes/default"), withIntermediateDirectories: true)
        return folder
    }

    func problems(_ folder: TemporaryFolder, output: String, force: Bool = false) -> [Diagnostic] {
        OutputGuard(content: Folder(folder.path("content"), shown: "content"), themes: Folder(folder.path("themes"), shown: "themes"),
                    output: Folder(folder.path(output), shown: output), force: force).problems()
    }

    /// What the acceptance tests cannot set up through the binary: a site an earlier phiencho
    /// wrote, before the marker file, is known by the lock file its builds left beside it.
    @Test func aSiteOfAnEarlierPhienchoIsKnownByItsLockFile() throws {
        let folder = try workspace()
        defer { folder.remove() }
        try folder.write("public/index.html", "<h1>Phiên chợ</h1>\n")
        #expect(problems(folder, output: "public").map(\.code) == [.outputRefused])
        try folder.write(".public.phiencho-lock", "")
        #expect(problems(folder, output: "public").isEmpty)
    }

    @Test func aLinkedOutputIsWrittenThroughItsTargetAndTheLinkKept() throws {
        let folder = try TemporaryFolder("safety-link")
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.path("www/site"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path("public").path, withDestinationPath: "www/site")
        try FileManager.default.createSymbolicLink(atPath: folder.path("chain").path, withDestinationPath: "public")
        let real = URL(fileURLWithPath: OutputGuard.realPath(folder.path("www/site").path))
        #expect(OutputWriter.resolvedOutput(folder.path("chain")) == real)
        let files = [OutputFile(path: "index.html", text: "A\n")]
        for _ in 0..<3 { _ = try OutputWriter(output: folder.path("chain")).write(files) }
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("public").path)
        #expect(link == "www/site")
        #expect(readTree(folder.path("www/site")).keys.sorted() == [OutputWriter.markerName, "index.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["chain", "public", "www"])
    }

    @Test func removingATreeNeverFollowsALinkAtItsRoot() throws {
        let folder = try TemporaryFolder("safety-remove")
        defer { folder.remove() }
        try folder.write("precious/keep.txt", "giữ\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path("link").path, withDestinationPath: "precious")
        #expect(FileTree.list(folder.path("link").path) == nil)
        #expect(FileTree.remove(folder.path("link").path))
        #expect(!FileManager.default.fileExists(atPath: folder.path("link").path))
        #expect(readTree(folder.path("precious")).keys.sorted() == ["keep.txt"])
    }

    @Test("Control characters are shown, never obeyed", arguments: [
        ("a\u{1B}[2Jb", "a\\e[2Jb"), ("line\nforged: lỗi", "line\\nforged: lỗi"), ("c1\u{9B}31m", "c1\\u{9B}31m"),
        ("bell\u{07}", "bell\\u{7}"), ("rlo\u{202E}txt", "rlo\\u{202E}txt"), ("Thợ may “Ý Yên”\t", "Thợ may “Ý Yên”\\t"),
    ])
    func controlCharactersAreEscaped(raw: String, shown: String) {
        #expect(TerminalText.escaped(raw) == shown)
        let line = Diagnostic(.error, .unknownKey, path: "content/\(raw).md", line: 2, column: 1, raw).formatted
        #expect(!line.unicodeScalars.contains(where: TerminalText.needsEscape))
        let json = DiagnosticJSON.encode([Diagnostic(.error, .unknownKey, path: raw, raw)])
        #expect(!json.dropLast().unicodeScalars.contains(where: { $0 != "\n" && TerminalText.needsEscape($0) }))
    }

    @Test("The preview server redirects within the site, never to a protocol-relative address",
          arguments: ["//viec-lam", "///viec-lam", "/%2Fviec-lam", "/./viec-lam", "/viec-lam"])
    func redirectsStayOnTheSite(path: String) throws {
        let folder = try TemporaryFolder("safety-preview")
        defer { folder.remove() }
        try folder.write("viec-lam/index.html", "<h1>Việc làm</h1>")
        let response = PreviewHandler.respond(to: path, snapshot: PreviewSnapshot(root: folder.url, failure: nil))
        #expect(response.status == 301 && response.headers["Location"] == "/viec-lam/", "\(path)")
    }
}

private extension URL {
    /// Self, after creating its parent folder.
    func creatingParent() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
