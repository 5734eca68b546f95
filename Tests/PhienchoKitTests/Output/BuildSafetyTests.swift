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

/// The promises of a build that never destroys (issue 17), at the level of the engine's types; the
/// acceptance tests (tests/acceptance/test_build_safety.py) run the same cases through the binary.
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

    @Test("The content or themes folder, inside or above them, is never an output, even with --force",
          arguments: ["content", "content/seekers", "content/vacancies/2026-11", ".", "themes", "themes/default/x",
                      "link/inside", "link"])
    func overlappingOutputsAreRefused(output: String) throws {
        let folder = try workspace()
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(atPath: folder.path("link").path, withDestinationPath: "content")
        for force in [false, true] {
            let found = problems(folder, output: output, force: force)
            #expect(found.map(\.code) == [.outputRefused], "\(output) force: \(force)")
        }
    }

    @Test func aFolderPhienchoDidNotWriteNeedsForceAndOneItWroteDoesNot() throws {
        let folder = try workspace()
        defer { folder.remove() }
        #expect(problems(folder, output: "public").isEmpty, "a missing output")
        try FileManager.default.createDirectory(at: folder.path("public"), withIntermediateDirectories: true)
        #expect(problems(folder, output: "public").isEmpty, "an empty output")
        try folder.write("public/ghi-chu.txt", "của người khác\n")
        #expect(problems(folder, output: "public").map(\.code) == [.outputRefused])
        #expect(problems(folder, output: "public", force: true).isEmpty)
        try folder.write(".public.phiencho-lock", "")
        #expect(problems(folder, output: "public").isEmpty, "a site an earlier phiencho wrote, before the marker")
        try FileManager.default.removeItem(at: folder.path(".public.phiencho-lock"))
        #expect(problems(folder, output: "public").map(\.code) == [.outputRefused])
        try folder.write("public/\(OutputWriter.markerName)", "")
        #expect(problems(folder, output: "public").isEmpty, "a site phiencho wrote")
        try FileManager.default.createDirectory(at: folder.path("public/.git"), withIntermediateDirectories: true)
        #expect(problems(folder, output: "public").map(\.code) == [.outputRefused], "a folder with .git")
        try folder.write("file", "x")
        #expect(problems(folder, output: "file", force: true).map(\.code) == [.outputRefused], "a file")
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

    @Test func missingOrMisshapedFoldersAreErrorsAndAMissingPagesFolderIsNot() throws {
        let folder = try workspace()
        defer { folder.remove() }
        func codes() -> [DiagnosticCode] {
            ContentLoader(contentDirectory: folder.path("content"), displayRoot: "content").load().diagnostics.map(\.code)
        }
        #expect(codes().isEmpty)
        try FileManager.default.removeItem(at: folder.path("content/vacancies"))
        #expect(codes() == [.missingFile])
        try folder.write("content/vacancies", "tệp\n")
        try folder.write("content/pages", "tệp\n")
        #expect(codes() == [.notAFolder, .notAFolder])
        try FileManager.default.removeItem(at: folder.path("content/vacancies"))
        try FileManager.default.removeItem(at: folder.path("content/pages"))
        try FileManager.default.createSymbolicLink(atPath: folder.path("content/vacancies").path, withDestinationPath: "/tmp")
        #expect(codes() == [.symlinkOutside])
        try FileManager.default.removeItem(at: folder.path("content/vacancies"))
        try FileManager.default.createDirectory(at: folder.path("content/vacancies"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path("content/vacancies/x.md").path, withDestinationPath: "gone.md")
        #expect(codes() == [.unreadable])
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
