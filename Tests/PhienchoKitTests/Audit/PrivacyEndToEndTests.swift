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

/// The example content with its realistic seekers CSV, built and audited end to end; a failing audit
/// leaves the previous site untouched.
@Suite("Privacy: example content end to end")
struct PrivacyEndToEndTests {
    /// A value of one record of the example seekers CSV, read here independently of the code under test
    /// (the first records have no quoted fields).
    static func exampleValue(record: String, column: String) throws -> String {
        let url = PrivacyPaths.exampleContent.appendingPathComponent("seekers/ho-so-nguoi-tim-viec.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}\r")) }
        let header = try #require(lines.first).split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(header.firstIndex(of: column))
        let row = try #require(lines.first { $0.hasPrefix(record + ";") }).split(separator: ";", omittingEmptySubsequences: false)
        return String(row[index])
    }

    @Test("The example content builds with zero findings; auditing the built folder finds nothing; a phone added to a page is reported")
    func exampleContent() throws {
        let folder = try TemporaryFolder("example")
        defer { folder.remove() }
        let content = PrivacyPaths.exampleContent
        let output = folder.path("public")

        let report = PrivacyBuild.build(content: content, output: output)
        #expect(report.succeeded, "\(PrivacyBuild.describe(report))")
        #expect(PrivacyBuild.privacyDiagnostics(report).isEmpty, "\(PrivacyBuild.describe(report))")
        #expect(report.seekerRecords == 25)
        #expect(report.openCount > 0)

        let audited = PrivacyBuild.audit(content: content, output: output)
        #expect(audited.succeeded && audited.diagnostics.isEmpty, "\(PrivacyBuild.describe(audited))")
        #expect(audited.seekerRecords == 25)
        let files = privacyReadTree(output)
        #expect(audited.filesRead == files.count)

        // A copy of the site with a seeker's phone appended to one page, written the way people write it.
        let copy = folder.path("copy")
        try FileManager.default.copyItem(at: output, to: copy)
        let phone = try Self.exampleValue(record: "HS-2026-0005", column: "dien_thoai")
        #expect(phone.count == 10)
        let spaced = "\(phone.prefix(4)) \(phone.dropFirst(4).prefix(3)) \(phone.suffix(3))"
        let page = try #require(files.keys.filter { $0.hasSuffix("index.html") && $0.hasPrefix("gioi-thieu") }.first)
        let handle = try FileHandle(forWritingTo: copy.appendingPathComponent(page))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("<p>Cần gấp, gọi anh Dũng: \(spaced)</p>\n".utf8))
        try handle.close()

        let leaked = PrivacyBuild.audit(content: content, output: copy)
        #expect(!leaked.succeeded)
        try #require(leaked.diagnostics.count == 1, "\(PrivacyBuild.describe(leaked))")
        let finding = leaked.diagnostics[0]
        #expect(finding.code == .seekerDataLeak)
        #expect(finding.path == "public/\(page)")
        #expect(finding.message.contains("“dien_thoai”"))
        #expect(finding.message.contains("HS-2026-0005"))
        #expect(finding.message.contains("content/seekers/ho-so-nguoi-tim-viec.csv"))
        #expect(!PrivacyLeakPropertyTests.digitRuns(finding.formatted).contains { $0.contains(phone) })

        // A CCCD in a feed (not HTML) is found too, traced to its record.
        let citizenID = try Self.exampleValue(record: "HS-2026-0003", column: "so_cccd")
        let feed = try #require(files.keys.first { $0.hasSuffix(".xml") })
        try (String(decoding: files[feed]!, as: UTF8.self) + "<!-- \(citizenID) -->").write(to: copy.appendingPathComponent(feed), atomically: true, encoding: .utf8)
        let both = PrivacyBuild.audit(content: content, output: copy)
        let inFeed = both.diagnostics.filter { $0.path == "public/\(feed)" }
        #expect(inFeed.count == 1 && inFeed[0].code == .seekerDataLeak && inFeed[0].message.contains("“so_cccd”")
                && inFeed[0].message.contains("HS-2026-0003"), "\(PrivacyBuild.describe(both))")
    }

    @Test("A build stopped by the audit leaves the previous output byte for byte, mtime for mtime")
    func failedBuildLeavesOutputUntouched() throws {
        let folder = try TemporaryFolder("untouched")
        defer { folder.remove() }
        let content = folder.path("content")
        try FileManager.default.copyItem(at: PrivacyPaths.exampleContent, to: content)
        let output = folder.path("public")

        let first = PrivacyBuild.build(content: content, output: output)
        try #require(first.succeeded, "\(PrivacyBuild.describe(first))")
        let before = PrivacyTreeSnapshot(output)
        let besideBefore = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        #expect(before.files.count > 100)
        Thread.sleep(forTimeInterval: 0.05)

        // An employer quotes a seeker's name in a vacancy that is otherwise a legitimate change.
        let name = try Self.exampleValue(record: "HS-2026-0011", column: "ho_ten")
        // An approved vacancy still open on the build day.
        let vacancies = privacyReadTree(content.appendingPathComponent("vacancies"))
        let open = vacancies.keys.sorted().first { path in
            let text = String(decoding: vacancies[path]!, as: UTF8.self)
            return text.contains("\nstatus: approved\n") && text.contains("\nexpires: 2026-12-")
        }
        let target = content.appendingPathComponent("vacancies").appendingPathComponent(try #require(open))
        var text = try String(contentsOf: target, encoding: .utf8)
        text += "\nĐã nhận anh \(name.uppercased()) vào làm từ tháng trước.\n"
        try text.write(to: target, atomically: true, encoding: .utf8)

        let second = PrivacyBuild.build(content: content, output: output)
        #expect(!second.succeeded)
        #expect(second.diagnostics.contains { $0.code == .seekerDataLeak && $0.message.contains("“ho_ten”") && $0.message.contains("HS-2026-0011") },
                "\(PrivacyBuild.describe(second))")
        #expect(second.written == nil)

        let after = PrivacyTreeSnapshot(output)
        #expect(after.root == before.root)
        #expect(after.folders == before.folders)
        #expect(Set(after.files.keys) == Set(before.files.keys))
        for (path, entry) in before.files where after.files[path] != entry {
            Issue.record("changed: \(path)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == besideBefore)
    }
}
