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

/// File-level rules: what the loader accepts and rejects, and the whole load → validate pipeline.
@Suite("Content loading and cross-file validation")
struct ContentLoaderTests {
    /// A valid content folder plus whatever the test writes; returns (loaded, validated).
    func run(_ setUp: (TemporaryFolder) throws -> Void) throws -> (ContentLoader.Loaded, ContentValidator.Result) {
        let folder = try TemporaryFolder("loader")
        defer { folder.remove() }
        try Sample.writeContent(in: folder)
        try setUp(folder)
        return Sample.validate(folder.path("content"))
    }

    @Test func validFolderGivesACatalog() throws {
        let (loaded, result) = try run { _ in }
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.described)")
        #expect(loaded.filesRead == 5)
        let catalog = try #require(result.catalog)
        #expect(catalog.vacancies.map(\.id) == ["NB-T-001"])
        #expect(catalog.pages.map(\.slug) == ["gioi-thieu"])
        #expect(catalog.communes.terms.count == 4)
        #expect(catalog.site.pageSize == 2)
    }

    @Test func missingContentFolderIsPC106() {
        let loaded = ContentLoader(contentDirectory: URL(fileURLWithPath: "/nonexistent/phiencho-content"), displayRoot: "nope").load()
        #expect(loaded.diagnostics.codes == [.missingFile])
    }

    @Test("Missing site.yml, communes.yml or sectors.yml is PC106", arguments: ["site.yml", "communes.yml", "sectors.yml"])
    func missingRequiredFile(name: String) throws {
        let (_, result) = try run { try FileManager.default.removeItem(at: $0.path("content/\(name)")) }
        #expect(result.catalog == nil)
        #expect(result.diagnostics.codes == [.missingFile], "\(result.diagnostics.described)")
        #expect(result.diagnostics.first?.path == "content/\(name)")
    }

    @Test func duplicateIDsAcrossFilesArePC401() throws {
        let (_, result) = try run { folder in
            // Same id, different case: the URL segment is what must be unique.
            try folder.write("content/vacancies/sub/khac.md", Sample.vacancy.replacing("id: NB-T-001", with: "id: nb-t-001"))
        }
        #expect(result.catalog == nil)
        let duplicates = result.diagnostics.with(.duplicateID)
        #expect(duplicates.count == 1, "\(result.diagnostics.described)")
        #expect(duplicates.first?.severity == .error)
        // Files are read in byte order: nb-t-001.md before sub/khac.md, so the second one is blamed.
        #expect(duplicates.first?.path == "content/vacancies/sub/khac.md")
        #expect(duplicates.first?.message.contains("content/vacancies/nb-t-001.md") == true)
    }

    @Test func aDraftDuplicatingAnIDIsOnlyAWarning() throws {
        let (_, result) = try run { folder in
            try folder.write("content/vacancies/z-draft.md", Sample.vacancy.replacing("status: approved", with: "status: draft"))
        }
        #expect(result.catalog != nil)
        #expect(result.diagnostics.codes == [.duplicateID])
        #expect(result.diagnostics.first?.severity == .warning)
    }

    @Test("A draft sharing an approved vacancy's id never blocks, whichever file comes first")
    func draftDuplicatingAnEarlierFileIsOnlyAWarning() throws {
        let (_, result) = try run { folder in
            // "a-draft.md" sorts before "nb-t-001.md": the draft is the first holder of the id.
            try folder.write("content/vacancies/a-draft.md", Sample.vacancy.replacing("status: approved", with: "status: draft"))
        }
        #expect(result.catalog != nil, "\(result.diagnostics.described)")
        #expect(result.diagnostics.codes == [.duplicateID])
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.diagnostics.first?.path == "content/vacancies/a-draft.md")
    }

    @Test func twoNonDraftsWithOneIDAreAnErrorEvenWithADraftBetween() throws {
        let (_, result) = try run { folder in
            try folder.write("content/vacancies/a-draft.md", Sample.vacancy.replacing("status: approved", with: "status: draft"))
            try folder.write("content/vacancies/z-withdrawn.md", Sample.vacancy.replacing("status: approved", with: "status: withdrawn"))
        }
        #expect(result.catalog == nil)
        #expect(result.diagnostics.errors.codes == [.duplicateID], "\(result.diagnostics.described)")
        #expect(result.diagnostics.errors.first?.path == "content/vacancies/z-withdrawn.md")
        #expect(result.diagnostics.errors.first?.message.contains("content/vacancies/nb-t-001.md") == true)
        #expect(result.diagnostics.warnings.map(\.path) == ["content/vacancies/a-draft.md"])
    }

    @Test("Drafts' problems never block a build")
    func draftsNeverBlock() throws {
        let (_, result) = try run { folder in
            let broken = Sample.vacancy
                .replacing("id: NB-T-001", with: "id: NB-T-002")
                .replacing("status: approved", with: "status: draft")
                .replacing("expires: 2026-11-30", with: "expires: 2026-02-30")
                .replacing("  commune: Gia Trấn", with: "  commune: Không Có")
            try folder.write("content/vacancies/nhap.md", broken)
        }
        let catalog = try #require(result.catalog, "\(result.diagnostics.described)")
        #expect(!result.hasErrors)
        #expect(result.diagnostics.count == 2)
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning && $0.formatted.contains(": cảnh báo[PC") })
        // The broken draft is left out, the good vacancy stays.
        #expect(catalog.vacancies.map(\.id) == ["NB-T-001"])
    }

    @Test func anErrorAnywhereMeansNoCatalog() throws {
        let (_, result) = try run { folder in
            try folder.write("content/vacancies/hong.md", Sample.vacancy.replacing("id: NB-T-001", with: "id: NB-T-009")
                .replacing("openings: 3", with: "openings: -1"))
        }
        #expect(result.catalog == nil)
        #expect(result.diagnostics.codes == [.invalidOpenings])
        #expect(result.diagnostics.first?.formatted.hasPrefix("content/vacancies/hong.md:18:11: lỗi[PC307]: ") == true)
    }

    @Test func emptyFileIsPC103() throws {
        let (_, result) = try run { folder in
            try folder.write("content/vacancies/rong.md", "")
            try folder.write("content/vacancies/trang.md", "  \n\n\t\n")
        }
        #expect(result.catalog == nil)
        #expect(result.diagnostics.codes == [.emptyFile, .emptyFile])
        #expect(Set(result.diagnostics.map(\.path)) == ["content/vacancies/rong.md", "content/vacancies/trang.md"])
    }

    @Test("A settings or list file with only comments is PC103, not silently nothing",
          arguments: ["site.yml", "communes.yml", "sectors.yml"])
    func commentOnlyYAMLFile(name: String) throws {
        let (_, result) = try run { folder in
            try folder.write("content/\(name)", "# Chỉ có dòng chú thích.\n# Chưa có nội dung.\n")
        }
        #expect(result.catalog == nil)
        #expect(result.hasErrors, "a file that yields nothing must say so")
        #expect(result.diagnostics.codes == [.emptyFile], "\(result.diagnostics.described)")
        #expect(result.diagnostics.first?.path == "content/\(name)")
    }

    @Test("Invalid UTF-8 is PC102 with the line and column of the first bad byte")
    func invalidUTF8() throws {
        let (_, result) = try run { folder in
            var bytes = Array("---\nid: NB-T-002\ntitle: Th".utf8)
            bytes += [0xE1, 0xBB]                // a cut-off 3-byte sequence
            bytes += Array(" may\n---\n".utf8)
            try folder.write("content/vacancies/latin.md", Data(bytes))
            // Windows-1258 / Latin-1 saved file.
            try folder.write("content/vacancies/cp1258.md", Data([0x2D, 0x2D, 0x2D, 0x0A, 0x74, 0x3A, 0x20, 0xE0, 0x0A]))
        }
        #expect(result.catalog == nil)
        let bad = result.diagnostics.with(.invalidUTF8)
        #expect(bad.count == 2, "\(result.diagnostics.described)")
        let latin = try #require(bad.first { $0.path.hasSuffix("latin.md") })
        #expect(latin.line == 3 && latin.column == 10)
        let cp = try #require(bad.first { $0.path.hasSuffix("cp1258.md") })
        #expect(cp.line == 2 && cp.column == 4)
    }

    @Test func binaryJunkIsPC102() throws {
        let (_, result) = try run { folder in
            // A PNG header: valid-looking start, then control bytes.
            try folder.write("content/vacancies/anh.md", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]))
            // Valid UTF-8 but NUL bytes inside.
            try folder.write("content/vacancies/nul.md", Data("---\nid: A\u{0}\n---\n".utf8))
        }
        #expect(result.catalog == nil)
        #expect(result.diagnostics.codes == [.invalidUTF8, .invalidUTF8], "\(result.diagnostics.described)")
        let nul = result.diagnostics.first { $0.path.hasSuffix("nul.md") }
        #expect(nul?.line == 2 && nul?.column == 6)
    }

    @Test("A FIFO named like a vacancy file is PC105 and does not stall the build")
    func fifoIsUnreadable() throws {
        let (_, result) = try run { folder in
            #expect(mkfifo(folder.path("content/vacancies/ong.md").path, 0o644) == 0)
        }
        #expect(result.catalog == nil)
        #expect(result.diagnostics.codes == [.unreadable], "\(result.diagnostics.described)")
        #expect(result.diagnostics.first?.path == "content/vacancies/ong.md")
    }

    @Test("A symbolic link inside the content to a file over 1 MiB is PC101, as the file itself would be")
    func linkToLargeFileIsTooLarge() throws {
        let (_, result) = try run { folder in
            try folder.write("content/kho/lon.txt", Data(repeating: UInt8(ascii: "a"), count: ContentLoader.maximumFileSize + 1))
            try FileManager.default.createSymbolicLink(at: folder.path("content/vacancies/lon.md"),
                                                       withDestinationURL: folder.path("content/kho/lon.txt"))
        }
        #expect(result.diagnostics.codes == [.fileTooLarge], "\(result.diagnostics.described)")
    }

    @Test("A file over 1 MiB is PC101 and not parsed; exactly 1 MiB is read")
    func fileTooLarge() throws {
        let (loaded, result) = try run { folder in
            let big = Sample.vacancy.replacing("id: NB-T-001", with: "id: NB-T-BIG")
            var data = Data(big.utf8)
            data.append(Data(repeating: UInt8(ascii: "a"), count: ContentLoader.maximumFileSize + 1 - data.count))
            try folder.write("content/vacancies/lon.md", data)
            var exact = Data(Sample.vacancy.replacing("id: NB-T-001", with: "id: NB-T-EXACT").utf8)
            exact.append(Data(repeating: UInt8(ascii: "a"), count: ContentLoader.maximumFileSize - exact.count))
            try folder.write("content/vacancies/vua.md", exact)
        }
        #expect(result.catalog == nil)
        #expect(result.diagnostics.codes == [.fileTooLarge], "\(result.diagnostics.described)")
        #expect(result.diagnostics.first?.path == "content/vacancies/lon.md")
        #expect(loaded.vacancies.map(\.relativePath) == ["vacancies/nb-t-001.md", "vacancies/vua.md"])
    }

    @Test("A symlink pointing outside content/ is PC104 and never followed")
    func symlinkOutside() throws {
        let outside = try TemporaryFolder("outside")
        defer { outside.remove() }
        let secret = try outside.write("secret.md", Sample.vacancy.replacing("id: NB-T-001", with: "id: SECRET-1"))
        try outside.write("dir/also-secret.md", Sample.vacancy.replacing("id: NB-T-001", with: "id: SECRET-2"))
        let (loaded, result) = try run { folder in
            try FileManager.default.createSymbolicLink(at: folder.path("content/vacancies/link.md"), withDestinationURL: secret)
            try FileManager.default.createSymbolicLink(at: folder.path("content/vacancies/linkdir"),
                                                       withDestinationURL: outside.path("dir"))
            try FileManager.default.createSymbolicLink(atPath: folder.path("content/vacancies/relative.md").path,
                                                       withDestinationPath: "../../../" + outside.url.lastPathComponent + "/secret.md")
        }
        #expect(result.catalog == nil)
        #expect(result.diagnostics.codes == [.symlinkOutside, .symlinkOutside, .symlinkOutside], "\(result.diagnostics.described)")
        #expect(Set(result.diagnostics.map(\.path)) == ["content/vacancies/link.md", "content/vacancies/linkdir", "content/vacancies/relative.md"])
        #expect(loaded.vacancies.count == 1)
        #expect(!loaded.vacancies.contains { $0.text.contains("SECRET") })
        #expect(loaded.filesRead == 5)
    }

    @Test func symlinkOutsideForARequiredFileIsPC104() throws {
        let outside = try TemporaryFolder("outside")
        defer { outside.remove() }
        let site = try outside.write("site.yml", Sample.siteYAML)
        let (_, result) = try run { folder in
            try FileManager.default.removeItem(at: folder.path("content/site.yml"))
            try FileManager.default.createSymbolicLink(at: folder.path("content/site.yml"), withDestinationURL: site)
        }
        #expect(result.diagnostics.codes == [.symlinkOutside])
    }

    @Test func symlinkInsideContentIsFollowed() throws {
        let (loaded, result) = try run { folder in
            try folder.write("content/kho/nb-t-002.md", Sample.vacancy.replacing("id: NB-T-001", with: "id: NB-T-002"))
            try FileManager.default.createSymbolicLink(atPath: folder.path("content/vacancies/link.md").path,
                                                       withDestinationPath: "../kho/nb-t-002.md")
        }
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.described)")
        #expect(loaded.vacancies.map(\.relativePath) == ["vacancies/link.md", "vacancies/nb-t-001.md"])
    }

    @Test func symlinkLoopIsNotFollowedForever() throws {
        let (loaded, _) = try run { folder in
            try FileManager.default.createSymbolicLink(atPath: folder.path("content/vacancies/loop").path,
                                                       withDestinationPath: ".")
        }
        #expect(loaded.vacancies.map(\.relativePath) == ["vacancies/nb-t-001.md"])
    }

    @Test("CRLF line endings, a UTF-8 BOM and NFD text are accepted; text is stored as NFC")
    func crlfBOMNFD() throws {
        let nfd = Sample.vacancy.replacing("id: NB-T-001", with: "id: NB-T-002")
            .decomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "\n", with: "\r\n")
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(nfd.utf8))
        let (loaded, result) = try run { folder in try folder.write("content/vacancies/windows.md", data) }
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.described)")
        let source = try #require(loaded.vacancies.first { $0.relativePath == "vacancies/windows.md" })
        #expect(!source.text.contains("\r"))
        #expect(!source.text.hasPrefix("\u{FEFF}"))
        let vacancy = try #require(result.catalog?.vacancies.first { $0.id == "NB-T-002" })
        let nfc = { (s: String) in Array(s.precomposedStringWithCanonicalMapping.utf8) }
        #expect(Array(vacancy.title.utf8) == nfc("Công nhân may"))
        #expect(Array(vacancy.employer.name.utf8) == nfc("Công ty May Gia Trấn"))
        #expect(Array(vacancy.commune.name.utf8) == nfc("Gia Trấn"))
        #expect(Array(vacancy.descriptionHTML.utf8) == nfc("<p>Xưởng may cần thêm người.</p>\n"))
    }

    @Test func crlfKeepsLineNumbers() throws {
        let text = Sample.vacancy.replacing("expires: 2026-11-30", with: "expires: 2026-02-30").replacingOccurrences(of: "\n", with: "\r\n")
        let (_, result) = try run { folder in try folder.write("content/vacancies/nb-t-001.md", text) }
        #expect(result.diagnostics.codes == [.invalidDate])
        #expect(result.diagnostics.first?.line == 6 && result.diagnostics.first?.column == 10)
    }

    @Test func bomDoesNotShiftColumns() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("---\nid: \"NB T\"\n---\n".utf8))
        let (_, result) = try run { folder in try folder.write("content/vacancies/bom.md", data) }
        let invalid = result.diagnostics.with(.invalidID)
        #expect(invalid.count == 1, "\(result.diagnostics.described)")
        #expect(invalid.first?.line == 2 && invalid.first?.column == 5)
    }

    @Test("File names with spaces and Vietnamese letters are accepted")
    func unusualFileNames() throws {
        let (loaded, result) = try run { folder in
            try folder.write("content/vacancies/tháng 11/tin tuyển dụng số 2.md", Sample.vacancy.replacing("id: NB-T-001", with: "id: NB-T-002"))
            try folder.write("content/vacancies/Đợt 2/việc làm (mới).MD", Sample.vacancy.replacing("id: NB-T-001", with: "id: NB-T-003"))
            try folder.write("content/pages/hướng dẫn ứng tuyển.md", "---\ntitle: Hướng dẫn\n---\nNội dung.\n")
        }
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.described)")
        let catalog = try #require(result.catalog)
        #expect(catalog.vacancies.map(\.id) == ["NB-T-001", "NB-T-002", "NB-T-003"])
        #expect(catalog.pages.map(\.slug).contains("huong-dan-ung-tuyen"))
        #expect(loaded.vacancies.contains { $0.displayPath == "content/vacancies/tháng 11/tin tuyển dụng số 2.md" })
    }

    @Test func onlyMarkdownFilesAndNoHiddenFilesAreRead() throws {
        let (loaded, result) = try run { folder in
            try folder.write("content/vacancies/ghi-chu.txt", "not a vacancy")
            try folder.write("content/vacancies/.nb-t-001.md.swp", "junk")
            try folder.write("content/vacancies/.an/nb.md", "junk")
            try folder.write("content/seekers/ho-so.md", "---\nid: X\n---\n")
            try folder.write("content/pages/sub/khong-doc.md", "junk")
        }
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.described)")
        #expect(loaded.filesRead == 5)
    }
}
