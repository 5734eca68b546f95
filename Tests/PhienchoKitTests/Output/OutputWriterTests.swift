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

@Suite("Atomic output")
struct OutputWriterTests {
    static let siteA: [OutputFile] = [
        OutputFile(path: "index.html", text: "<p>trang chủ</p>\n"),
        OutputFile(path: "viec-lam/a/index.html", text: "A\n"),
        OutputFile(path: "viec-lam/b/index.html", text: "B\n"),
        OutputFile(path: "assets/style.css", text: "body{}\n"),
    ]

    func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func firstWriteCreatesTheFolder() throws {
        let folder = try TemporaryFolder("writer")
        defer { folder.remove() }
        let output = folder.path("deep/public")
        let report = try OutputWriter(output: output).write(Self.siteA)
        // The site's four files and the marker by which a later build recognises its output.
        #expect(report == OutputWriter.Report(written: 5, unchanged: 0, removed: 0))
        let tree = readTree(output)
        #expect(tree.count == 5)
        #expect(tree[OutputWriter.markerName] == OutputWriter.marker.data)
        #expect(tree["viec-lam/a/index.html"] == Data("A\n".utf8))
        // Only the output and the lock file remain beside it: no staging folder.
        #expect(names(in: folder.path("deep")) == [".public.phiencho-lock", "public"])
    }

    @Test("A staging folder is made with every folder the files need; discarding it leaves no trace, not even the parents it made")
    func stagingIsDiscardedWithoutTrace() throws {
        let folder = try TemporaryFolder("writer")
        defer { folder.remove() }
        let staging = try OutputWriter(output: folder.path("deep/er/public")).stage(folders: Self.siteA.map(\.path))
        #expect(staging.createdFolders() == ["viec-lam", "viec-lam/a", "viec-lam/b", "assets"])
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: staging.url.appendingPathComponent("viec-lam/b").path, isDirectory: &isFolder))
        #expect(isFolder.boolValue)
        #expect(names(in: folder.path("deep/er")).count == 2)  // the lock file and the staging folder
        staging.discard()
        #expect(names(in: folder.url).isEmpty)
    }

    @Test("Folders the staging was not told of are made when the files are written")
    func unannouncedFoldersAreMadeOnWrite() throws {
        let folder = try TemporaryFolder("writer")
        defer { folder.remove() }
        let writer = OutputWriter(output: folder.path("public"))
        let staging = try writer.stage(folders: ["viec-lam/a/index.html"])
        let files = Self.siteA + [OutputFile(path: "xa-phuong/x/trang/2/index.html", text: "X2\n")]
        #expect(try writer.write(files, into: staging).written == 6)
        let tree = readTree(folder.path("public"))
        #expect(tree.count == 6)
        #expect(tree["viec-lam/b/index.html"] == Data("B\n".utf8))
        #expect(tree["xa-phuong/x/trang/2/index.html"] == Data("X2\n".utf8))
    }

    @Test("A second build of the same output is refused while the first one is staged")
    func stagedOutputIsLocked() throws {
        let folder = try TemporaryFolder("writer")
        defer { folder.remove() }
        let output = folder.path("public")
        let first = try OutputWriter(output: output).stage(folders: [])
        #expect(throws: OutputWriter.WriteError.self) { try OutputWriter(output: output).write(Self.siteA) }
        _ = try OutputWriter(output: output).write(Self.siteA, into: first)
        #expect(readTree(output) == tree(Self.siteA))
        #expect(names(in: folder.url) == [".public.phiencho-lock", "public"])
    }

    @Test("A second write replaces changed files (readers of the old file keep the old bytes)")
    func replacesAtomically() throws {
        let folder = try TemporaryFolder("writer")
        defer { folder.remove() }
        let output = folder.path("public")
        let writer = OutputWriter(output: output)
        _ = try writer.write(Self.siteA)
        let oldHandle = try FileHandle(forReadingFrom: output.appendingPathComponent("index.html"))
        defer { try? oldHandle.close() }
        var siteB = Self.siteA
        siteB[0] = OutputFile(path: "index.html", text: "<p>trang chủ mới</p>\n")
        _ = try writer.write(siteB)
        #expect(readTree(output)["index.html"] == Data("<p>trang chủ mới</p>\n".utf8))
        // The old file was never written in place: an open reader still sees the complete old page.
        #expect(try oldHandle.readToEnd() == Data("<p>trang chủ</p>\n".utf8))
        #expect(names(in: folder.url) == [".public.phiencho-folders", ".public.phiencho-lock", "public"])
    }

    func folders(_ root: URL) -> [String] {
        FileTree.list(root.path)?.folders.sorted() ?? []
    }

    func tree(_ files: [OutputFile]) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: (files + [OutputWriter.marker]).map { ($0.path, $0.data) })
    }

    /// `siteA` written twice into `public`: the second build kept the first one's folders.
    func outputWithKeptFolders() throws -> (folder: TemporaryFolder, output: URL, writer: OutputWriter) {
        let folder = try TemporaryFolder("writer")
        let output = folder.path("public")
        let writer = OutputWriter(output: output)
        _ = try writer.write(Self.siteA)
        _ = try writer.write(Self.siteA)
        return (folder, output, writer)
    }

    @Test("The replaced site's folders are kept beside the output without a file, and the next build reuses them")
    func replacedFoldersAreReused() throws {
        let folder = try TemporaryFolder("writer")
        defer { folder.remove() }
        let output = folder.path("public"), kept = folder.path(".public.phiencho-folders")
        let writer = OutputWriter(output: output)
        _ = try writer.write(Self.siteA)
        var siteB = Self.siteA.filter { $0.path != "viec-lam/b/index.html" }
        siteB.append(OutputFile(path: "viec-lam/c/d/index.html", text: "CD\n"))
        _ = try writer.write(siteB)
        #expect(readTree(kept).isEmpty)
        #expect(folders(kept) == ["assets", "viec-lam", "viec-lam/a", "viec-lam/b"])
        let keptFolder = identity(of: kept.appendingPathComponent("viec-lam/b"))?.inode
        #expect(keptFolder != nil)

        let siteC = Self.siteA.filter { $0.path != "viec-lam/a/index.html" } + [OutputFile(path: "tim-kiem/0.json", text: "{}")]
        _ = try writer.write(siteC)
        #expect(readTree(output) == tree(siteC))
        #expect(folders(output) == ["assets", "tim-kiem", "viec-lam", "viec-lam/b"], "no folder of a withdrawn page is left")
        #expect(identity(of: output.appendingPathComponent("viec-lam/b"))?.inode == keptFolder, "the kept folder was reused")
        #expect(folders(kept) == ["assets", "viec-lam", "viec-lam/a", "viec-lam/c", "viec-lam/c/d"])
        #expect(readTree(kept).isEmpty)
    }

    @Test("A kept folder tree that holds anything but folders is emptied before it is used")
    func keptFoldersWithFilesAreNotPublished() throws {
        let (folder, output, writer) = try outputWithKeptFolders()
        defer { folder.remove() }
        try folder.write(".public.phiencho-folders/viec-lam/a/cu.html", "trang cũ")
        try folder.write(".public.phiencho-folders/x/y/z.html", "trang cũ")
        _ = try writer.write(Self.siteA)
        #expect(readTree(output) == tree(Self.siteA))
        #expect(folders(output) == ["assets", "viec-lam", "viec-lam/a", "viec-lam/b"])
    }

    @Test("A build that stops after taking the kept folders removes them with its staging folder")
    func discardedRebuildLeavesTheOutput() throws {
        let (folder, output, writer) = try outputWithKeptFolders()
        defer { folder.remove() }
        let staging = try writer.stage(folders: ["viec-lam/moi/index.html"])
        #expect(staging.createdFolders() == ["viec-lam", "viec-lam/moi"])
        #expect(folders(staging.url) == ["viec-lam", "viec-lam/moi"])
        staging.discard()
        #expect(names(in: folder.url) == [".public.phiencho-lock", "public"])
        #expect(readTree(output) == tree(Self.siteA))
    }

    @Test("Unchanged files keep inode and mtime; changed ones are new files; removed ones disappear")
    func unchangedFilesKeepIdentity() throws {
        let folder = try TemporaryFolder("writer")
        defer { folder.remove() }
        let output = folder.path("public")
        let writer = OutputWriter(output: output)
        _ = try writer.write(Self.siteA)
        let before = identities(output)
        // Make an mtime change detectable even on coarse clocks.
        Thread.sleep(forTimeInterval: 0.02)
        var siteB = Self.siteA.filter { $0.path != "viec-lam/b/index.html" }
        siteB[1] = OutputFile(path: "viec-lam/a/index.html", text: "A sửa\n")
        siteB.append(OutputFile(path: "viec-lam/c/index.html", text: "C\n"))
        let report = try writer.write(siteB)
        #expect(report == OutputWriter.Report(written: 2, unchanged: 3, removed: 1))   // the marker is unchanged too
        let after = identities(output)
        #expect(after["index.html"] == before["index.html"])
        #expect(after["assets/style.css"] == before["assets/style.css"])
        #expect(after["viec-lam/a/index.html"]?.inode != before["viec-lam/a/index.html"]?.inode)
        #expect(after["viec-lam/b/index.html"] == nil)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("viec-lam/b").path),
                "the removed vacancy's folder disappears too")
        #expect(Set(after.keys) == ["index.html", "assets/style.css", "viec-lam/a/index.html", "viec-lam/c/index.html",
                                    OutputWriter.markerName])
    }

    @Test("Staging folders left by a killed run are removed by the next run")
    func leftoversAreCleaned() throws {
        let folder = try TemporaryFolder("writer")
        defer { folder.remove() }
        let output = folder.path("public")
        _ = try OutputWriter(output: output).write(Self.siteA)
        try folder.write(".public.phiencho-4242-123456/index.html", "half written")
        try folder.write(".public.phiencho-1-2/viec-lam/x/index.html", "half written")
        // Someone else's files and another output's staging folder are not touched.
        try folder.write(".other.phiencho-1-2/keep.txt", "keep")
        try folder.write("public-backup/keep.txt", "keep")
        _ = try OutputWriter(output: output).write(Self.siteA)
        #expect(names(in: folder.url) == [".other.phiencho-1-2", ".public.phiencho-folders", ".public.phiencho-lock", "public", "public-backup"])
    }

    @Test func aBusyLockRefusesToWriteAndTouchesNothing() throws {
        let folder = try TemporaryFolder("writer")
        defer { folder.remove() }
        let output = folder.path("public")
        _ = try OutputWriter(output: output).write(Self.siteA)
        let before = identities(output)
        let lock = open(folder.path(".public.phiencho-lock").path, O_RDWR)
        #expect(lock >= 0)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        #expect(throws: OutputWriter.WriteError.self) {
            try OutputWriter(output: output).write([OutputFile(path: "index.html", text: "mới")])
        }
        #expect(identities(output) == before)
        #expect(readTree(output)["index.html"] == Data("<p>trang chủ</p>\n".utf8))
    }

    @Test func anOutputPathThatIsAFileIsAnErrorAndIsKept() throws {
        let folder = try TemporaryFolder("writer")
        defer { folder.remove() }
        let output = try folder.write("public", "tệp, không phải thư mục")
        #expect(throws: OutputWriter.WriteError.self) { try OutputWriter(output: output).write(Self.siteA) }
        #expect(FileManager.default.contents(atPath: output.path) == Data("tệp, không phải thư mục".utf8))
        #expect(names(in: folder.url) == ["public"], "a build that writes nothing leaves nothing beside the output")
    }

    // MARK: through Site.build

    /// A writable copy of the fixture site and an output folder beside it.
    struct Workspace {
        let folder: TemporaryFolder
        var content: URL { folder.path("content") }
        var output: URL { folder.path("public") }

        init() throws {
            folder = try TemporaryFolder("site")
            try copyTree(Paths.fixtures.appendingPathComponent("site"), to: folder.path("content"))
        }

        func build(now: String = "2026-11-22") -> BuildReport {
            Site(options: .init(content: Folder(content, shown: "content"), themes: Folder(Paths.themes, shown: "themes"),
                                output: Folder(output, shown: output.path), now: date(now))).build()
        }
    }

    @Test("A second identical build writes nothing new: every file keeps its inode and mtime")
    func rebuildKeepsEverything() throws {
        let workspace = try Workspace()
        defer { workspace.folder.remove() }
        let first = workspace.build()
        #expect(first.succeeded, "\(first.diagnostics.described)")
        let before = identities(workspace.output)
        #expect(before.count > 20)
        Thread.sleep(forTimeInterval: 0.02)
        let second = workspace.build()
        #expect(second.succeeded)
        #expect(second.written?.written == 0)
        #expect(second.written?.removed == 0)
        #expect(second.written?.unchanged == before.count)
        #expect(identities(workspace.output) == before)
    }

    @Test("A removed vacancy's page disappears on the next build")
    func removedVacancyDisappears() throws {
        let workspace = try Workspace()
        defer { workspace.folder.remove() }
        #expect(workspace.build().succeeded)
        #expect(FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent("viec-lam/t-004/index.html").path))
        try FileManager.default.removeItem(at: workspace.content.appendingPathComponent("vacancies/2026-11/t-004 thu hoạch lúa.md"))
        let report = workspace.build()
        #expect(report.succeeded)
        #expect((report.written?.removed ?? 0) >= 1)
        #expect(!FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent("viec-lam/t-004").path))
        // Pages that did not mention it keep their identity, e.g. another vacancy's page.
        #expect(readTree(workspace.output)["viec-lam/t-001/index.html"] != nil)
    }

    @Test("When validation fails the output folder is untouched: bytes, inodes and mtimes")
    func failedValidationTouchesNothing() throws {
        let workspace = try Workspace()
        defer { workspace.folder.remove() }
        #expect(workspace.build().succeeded)
        let bytes = readTree(workspace.output)
        let before = identities(workspace.output)
        let folderBefore = identity(of: workspace.output)
        try workspace.folder.write("content/vacancies/2026-11/hong.md",
                                   Sample.vacancy.replacing("expires: 2026-11-30", with: "expires: 2026-02-30"))
        // Also a change that would alter pages, so "untouched" is not trivially true.
        try FileManager.default.removeItem(at: workspace.content.appendingPathComponent("vacancies/2026-11/t-005-bao-ve.md"))
        Thread.sleep(forTimeInterval: 0.02)
        let report = workspace.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.errors.codes.contains(.invalidDate))
        #expect(report.written == nil)
        #expect(readTree(workspace.output) == bytes)
        #expect(identities(workspace.output) == before)
        #expect(identity(of: workspace.output) == folderBefore)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: workspace.folder.url.path)
        #expect(!siblings.contains { $0.hasPrefix(".public.phiencho-") && $0 != ".public.phiencho-lock" })
    }

    @Test("A failed build on a first run creates no output folder")
    func failedFirstBuildCreatesNothing() throws {
        let workspace = try Workspace()
        defer { workspace.folder.remove() }
        try workspace.folder.write("content/vacancies/rong.md", "")
        let report = workspace.build()
        #expect(!report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: workspace.output.path))
    }

    @Test("Site.build cleans staging folders left by a killed build")
    func buildCleansLeftovers() throws {
        let workspace = try Workspace()
        defer { workspace.folder.remove() }
        try workspace.folder.write(".public.phiencho-99999-1/index.html", "half")
        #expect(workspace.build().succeeded)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: workspace.folder.url.path).sorted()
        #expect(siblings == [".public.phiencho-lock", "content", "public"])
    }
}
