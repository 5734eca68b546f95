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

/// Every seeker file is read whole, or the build stops (issue 16, "no silent gaps"): the shapes
/// government sheets really arrive in are read, and every shape that would hide records is PC903.
@Suite("Privacy: seeker files are read whole or refused")
struct PrivacySeekerShapesTests {
    static let header = "ma_ho_so;ho_ten;so_cccd;dien_thoai"
    static let first = "HS-1;Ngô Thị Hạnh;037185457965;0912345678"
    static let second = "HS-2;Lương Văn Kiên;037088597395;0987654321"

    func load(_ files: [String: Data], links: [String: String] = [:]) throws -> (records: [SeekerRecord], diagnostics: [Diagnostic]) {
        let folder = try TemporaryFolder("shapes")
        defer { folder.remove() }
        for (path, data) in files { try folder.write(path, data) }
        for (path, target) in links {
            try FileManager.default.createDirectory(at: folder.path(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: folder.path(path).path, withDestinationPath: target)
        }
        return SeekerLoader(contentDirectory: folder.url, displayRoot: "content").load()
    }

    func load(_ name: String, _ text: String) throws -> (records: [SeekerRecord], diagnostics: [Diagnostic]) {
        try load(["seekers/\(name)": Data(text.utf8)])
    }

    @Test("Read as they come: tabs in a .csv, a .tsv, Excel's sep= line, title rows, trailing empty cells, hidden files",
          arguments: [
              ("a.csv", "ma_ho_so\tho_ten\tso_cccd\tdien_thoai\nHS-1\tNgô Thị Hạnh\t037185457965\t0912345678\nHS-2\tLương Văn Kiên\t037088597395\t0987654321\n"),
              ("a.tsv", "ma_ho_so\tho_ten\tso_cccd\tdien_thoai\nHS-1\tNgô Thị Hạnh\t037185457965\t0912345678\nHS-2\tLương Văn Kiên\t037088597395\t0987654321\n"),
              ("a.csv", "sep=;\r\n\(header)\r\n\(first)\r\n\(second)\r\n"),
              ("a.csv", "\"sep=;\"\n\(header)\n\(first)\n\(second)\n"),
              ("a.csv", "DANH SÁCH NGƯỜI TÌM VIỆC QUÝ IV/2026;;;\nCông an xã Gia Trấn;;;\n;;;\n\(header)\n\(first)\n\(second)\n"),
              ("a.csv", "DANH SÁCH NGƯỜI TÌM VIỆC\n\(header);;\n\(first);;\n\(second);;\n;;;;;\n"),
              (".ho-so-an.csv", "\(header)\n\(first)\n\(second)\n"),
          ])
    func shapesThatAreRead(name: String, text: String) throws {
        let loaded = try load(name, text)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.formatted))")
        #expect(loaded.records.map(\.reference) == ["HS-1", "HS-2"])
        #expect(loaded.records.first?.fields.map(\.column) == ["ma_ho_so", "ho_ten", "so_cccd", "dien_thoai"])
        #expect(loaded.records.last?.fields.map(\.value) == ["HS-2", "Lương Văn Kiên", "037088597395", "0987654321"])
    }

    @Test("Refused with the line to look at: a quote never closed, a quote joining lines, a row that does not match the header",
          arguments: [
              ("\(header)\n\(first)\nHS-2;\"Lương Văn Kiên;037088597395;0987654321\nHS-3;Đinh Thị Yến;037301234567;0356686735\n", 3),
              ("\(header)\n\(first)\nHS-2;\"Lương Văn Kiên;037088597395;0987654321\nHS-3;\"Đinh Thị Yến\";037301234567;0356686735\n", 3),
              ("\(header)\n\(first)\nHS-2;Lương Văn Kiên;037088597395\n", 3),
              ("\(header)\n\(first)\nHS-2;Lương Văn;Kiên;037088597395;0987654321\n", 3),
          ])
    func shapesThatHideRecords(text: String, line: Int) throws {
        let loaded = try load("a.csv", text)
        #expect(loaded.diagnostics.map(\.code) == [.seekerFileUnreadable])
        #expect(loaded.diagnostics.first?.line == line)
        #expect(loaded.diagnostics.first?.path == "content/seekers/a.csv")
        let message = loaded.diagnostics.first?.message ?? ""
        #expect(!message.contains("Lương") && !message.contains("0987654321") && !message.contains("HS-2"))
    }

    @Test("UTF-16 (with or without its byte order mark) and legacy encodings are refused, each saying what to do")
    func encodings() throws {
        let text = "\(Self.header)\n\(Self.first)\n"
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(text.data(using: .utf16LittleEndian)!)
        let withoutMark = text.data(using: .utf16LittleEndian)!
        let windows1258 = Data("ho_ten\nNg".utf8) + Data([0xF4, 0x20, 0x54, 0x68, 0xD2])   // "Ngô Thị" in CP1258-like bytes
        for (data, word) in [(utf16, "UTF-16"), (withoutMark, "UTF-16"), (windows1258, "UTF-8")] {
            let loaded = try load(["seekers/a.csv": data])
            #expect(loaded.diagnostics.map(\.code) == [.seekerFileUnreadable])
            #expect(loaded.diagnostics.first?.message.contains(word) == true)
            #expect(loaded.records.isEmpty)
        }
    }

    @Test("A seekers folder, sub-folder or file that is a symbolic link is refused, never followed")
    func links() throws {
        let real = ["elsewhere/a.csv": Data("\(Self.header)\n\(Self.first)\n".utf8)]
        var loaded = try load(real, links: ["seekers": "elsewhere"])
        #expect(loaded.diagnostics.map(\.path) == ["content/seekers"])
        loaded = try load(real, links: ["seekers/quy-4": "../elsewhere"])
        #expect(loaded.diagnostics.map(\.path) == ["content/seekers/quy-4"])
        loaded = try load(real, links: ["seekers/b.csv": "../elsewhere/a.csv"])
        #expect(loaded.diagnostics.map(\.path) == ["content/seekers/b.csv"])
        #expect(loaded.diagnostics.allSatisfy { $0.code == .seekerFileUnreadable })
    }

    @Test("A FIFO named like a seeker file is refused without being opened (it would block the build)")
    func fifo() throws {
        let folder = try TemporaryFolder("fifo")
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.path("seekers"), withIntermediateDirectories: true)
        #expect(mkfifo(folder.path("seekers/ho-so.csv").path, 0o644) == 0)
        let loaded = SeekerLoader(contentDirectory: folder.url, displayRoot: "content").load()
        #expect(loaded.diagnostics.map(\.path) == ["content/seekers/ho-so.csv"])
        #expect(loaded.diagnostics.allSatisfy { $0.code == .seekerFileUnreadable })
    }

    @Test("No seekers folder: nothing to audit, and no error")
    func noSeekers() throws {
        let loaded = try load(["vacancies/x.md": Data()])
        #expect(loaded.records.isEmpty && loaded.diagnostics.isEmpty)
    }
}
