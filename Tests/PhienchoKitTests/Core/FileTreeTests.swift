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

@Suite("FileTree: listing, creating and removing output trees")
struct FileTreeTests {
    @Test("Lists regular files, other entries and folders (parents first), hidden ones included, links not followed")
    func listsEverything() throws {
        let folder = try TemporaryFolder("tree")
        defer { folder.remove() }
        let outside = try TemporaryFolder("tree-outside")
        defer { outside.remove() }
        try outside.write("secret/keep.txt", "keep")
        try folder.write("root/index.html", "a")
        try folder.write("root/.well-known/security.txt", "b")
        try folder.write("root/viec-lam/x/index.html", "c")
        try FileManager.default.createDirectory(at: folder.path("root/empty/deeper"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.path("root/link"), withDestinationURL: outside.path("secret"))

        let listing = try #require(FileTree.list(folder.path("root").path))
        #expect(Set(listing.files) == ["index.html", ".well-known/security.txt", "viec-lam/x/index.html"])
        #expect(listing.others == ["link"])
        #expect(Set(listing.folders) == [".well-known", "viec-lam", "viec-lam/x", "empty", "empty/deeper"])
        for (index, path) in listing.folders.enumerated() where path.contains("/") {
            let parent = String(path[..<path.lastIndex(of: "/")!])
            #expect(listing.folders.firstIndex(of: parent)! < index, "\(parent) before \(path)")
        }
        #expect(FileTree.list(folder.path("missing").path) == nil)
    }

    @Test("Removing a tree removes everything in it but never what a link inside points to")
    func removesWithoutFollowingLinks() throws {
        let folder = try TemporaryFolder("tree")
        defer { folder.remove() }
        let outside = try TemporaryFolder("tree-outside")
        defer { outside.remove() }
        try outside.write("secret/keep.txt", "keep")
        for index in 0..<300 { try folder.write("root/viec-lam/v\(index)/index.html", "\(index)") }
        try folder.write("root/a/b/c/d/e.txt", "deep")
        try FileManager.default.createSymbolicLink(at: folder.path("root/a/link"), withDestinationURL: outside.path("secret"))

        #expect(FileTree.remove(folder.path("root").path))
        #expect(!FileManager.default.fileExists(atPath: folder.path("root").path))
        #expect(FileManager.default.fileExists(atPath: outside.path("secret/keep.txt").path))
        #expect(FileTree.remove(folder.path("root").path), "removing what is gone is fine")
    }

    @Test("Keeping only some folders removes the others, deepest first, and refuses a tree with a file or link")
    func keepsOnlyTheGivenFolders() throws {
        let folder = try TemporaryFolder("tree")
        defer { folder.remove() }
        let root = folder.path("root")
        for path in ["viec-lam/a", "viec-lam/b/c/d", "xa-phuong/x", "assets"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(path), withIntermediateDirectories: true)
        }
        #expect(FileTree.keepOnly(["viec-lam", "viec-lam/a", "viec-lam/z", "assets"], under: root.path) == ["viec-lam", "viec-lam/a", "assets"])
        #expect(FileTree.list(root.path)?.folders.sorted() == ["assets", "viec-lam", "viec-lam/a"])

        try folder.write("root/viec-lam/a/index.html", "a")
        #expect(FileTree.keepOnly(["viec-lam"], under: root.path) == nil)
        #expect(FileTree.list(root.path)?.folders.sorted() == ["assets", "viec-lam", "viec-lam/a"], "left as it was")
        try FileManager.default.removeItem(at: root.appendingPathComponent("viec-lam/a/index.html"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("assets/link"), withDestinationURL: folder.url)
        #expect(FileTree.keepOnly(["assets"], under: root.path) == nil)
    }

    @Test("The folders holding files are every folder above them")
    func foldersHoldingFiles() {
        #expect(FileTree.folders(holding: ["index.html", "viec-lam/a/index.html", "xa-phuong/b/trang/2/index.html", "viec-lam/b/index.html"])
                == ["viec-lam", "viec-lam/a", "viec-lam/b", "xa-phuong", "xa-phuong/b", "xa-phuong/b/trang", "xa-phuong/b/trang/2"])
        #expect(FileTree.folders(holding: ["a.html", "b.css"]).isEmpty)
    }

    @Test("Creating folders creates every parent once and accepts folders that exist")
    func createsFoldersWithParents() throws {
        let folder = try TemporaryFolder("tree")
        defer { folder.remove() }
        try folder.write("root/xa-phuong/keep.txt", "keep")
        let wanted = ["xa-phuong/gia-tran/trang/2", "viec-lam/a", "viec-lam/b", "assets", "xa-phuong"]
        #expect(FileTree.createFolders(wanted, under: folder.path("root").path))
        let listing = try #require(FileTree.list(folder.path("root").path))
        #expect(Set(listing.folders) == ["xa-phuong", "xa-phuong/gia-tran", "xa-phuong/gia-tran/trang", "xa-phuong/gia-tran/trang/2",
                                         "viec-lam", "viec-lam/a", "viec-lam/b", "assets"])
        #expect(listing.files == ["xa-phuong/keep.txt"])
        try folder.write("root/blocker", "a file where a folder should go")
        #expect(!FileTree.createFolders(["blocker/x"], under: folder.path("root").path))
    }
}
