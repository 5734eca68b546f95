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

@Suite("Front matter splitting and file positions")
struct FrontMatterTests {
    @Test func splitsYAMLAndBodyWithLineNumbers() throws {
        let text = "---\nid: A\ntitle: B\n---\nBody line one\nBody line two\n"
        let split = try FrontMatter.split(text)
        #expect(split.yaml == "id: A\ntitle: B")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "Body line one\nBody line two\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func delimitersMayCarryTrailingSpacesAndTabs() throws {
        let split = try FrontMatter.split("---   \nid: A\n--- \t\nBody\n")
        #expect(split.yaml == "id: A")
        #expect(split.body == "Body\n")
        #expect(split.bodyFirstLine == 4)
    }

    @Test func closingDotsAreAccepted() throws {
        let split = try FrontMatter.split("---\nid: A\nx: 1\n...\nBody\n")
        #expect(split.yaml == "id: A\nx: 1")
        #expect(split.bodyFirstLine == 5)
        #expect(split.body == "Body\n")
    }

    @Test func openingDotsAreNotADelimiter() {
        #expect(throws: FrontMatter.SplitError.missingOpening) { try FrontMatter.split("...\nid: A\n---\n") }
    }

    @Test func missingOpening() {
        #expect(throws: FrontMatter.SplitError.missingOpening) { try FrontMatter.split("id: A\n---\nBody\n") }
        #expect(throws: FrontMatter.SplitError.missingOpening) { try FrontMatter.split(" ---\nid: A\n---\n") }
        #expect(throws: FrontMatter.SplitError.missingOpening) { try FrontMatter.split("----\nid: A\n---\n") }
    }

    @Test func missingClosing() {
        #expect(throws: FrontMatter.SplitError.missingClosing) { try FrontMatter.split("---\nid: A\ntitle: B\n") }
        #expect(throws: FrontMatter.SplitError.missingClosing) { try FrontMatter.split("---") }
    }

    @Test func onlyTheFirstClosingLineCloses() throws {
        let split = try FrontMatter.split("---\nid: A\n---\nBody\n---\nMore\n")
        #expect(split.yaml == "id: A")
        #expect(split.body == "Body\n---\nMore\n")
        #expect(split.bodyFirstLine == 4)
    }

    @Test func emptyFrontMatterAndEmptyBody() throws {
        let split = try FrontMatter.split("---\n---\n")
        #expect(split.yaml == "")
        #expect(split.body == "")
        #expect(split.bodyFirstLine == 3)
    }

    @Test func indentedDashesInsideYAMLDoNotClose() throws {
        let split = try FrontMatter.split("---\nlist:\n  ---\n---\n")
        #expect(split.yaml == "list:\n  ---")
        #expect(split.bodyFirstLine == 5)
    }

    // MARK: positions in diagnostics are file line:col

    @Test("A bad date on file line 6 is reported at 6:10, the column of its value")
    func badDateReportedAtFileLine() {
        let text = Sample.vacancy.replacing("expires: 2026-11-30", with: "expires: 2026-02-30")
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(vacancy == nil)
        let bad = diagnostics.with(.invalidDate)
        #expect(bad.count == 1)
        #expect(bad.first?.line == 6)
        #expect(bad.first?.column == 10)
        #expect(bad.first?.formatted.hasPrefix("content/vacancies/nb-t-001.md:6:10: lỗi[PC305]: ") == true)
    }

    @Test("A nested value's position: salary.min on line 20, column 8")
    func nestedValuePosition() {
        let text = Sample.vacancy.replacing("  min: 6500000\n  max: 9000000", with: "  min: 9500000\n  max: 9000000")
        let (_, diagnostics) = Sample.decode(text)
        let bad = diagnostics.with(.salaryRange)
        #expect(bad.count == 1)
        #expect(bad.first.map { ($0.line, $0.column) } ?? (0, 0) == (20, 8))
    }

    @Test("A Markdown image in the body is reported at its file line")
    func bodyPositionsAreFileLines() {
        // Body starts on line 24; the image is on the body's third line → file line 26, column 5.
        let text = Sample.vacancy + "\nXem ![ảnh xưởng](https://example.com/a.png)\n"
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(vacancy != nil)
        let images = diagnostics.with(.imageRemoved)
        #expect(images.count == 1)
        #expect(images.first?.severity == .warning)
        #expect(images.first?.line == 26)
        #expect(images.first?.column == 5)
        #expect(vacancy?.descriptionHTML.contains("<img") == false)
        #expect(vacancy?.descriptionHTML.contains("ảnh xưởng") == true)
    }

    @Test func yamlSyntaxErrorIsReportedAtAFileLine() {
        let text = Sample.vacancy.replacing("title: Công nhân may", with: "title: \"Công nhân may")
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(vacancy == nil)
        let syntax = diagnostics.with(.yamlSyntax)
        #expect(syntax.count == 1)
        // The unterminated quote opens on line 3; libyaml reports the scan from there on.
        #expect((syntax.first?.line ?? 0) >= 3)
        #expect((syntax.first?.line ?? 99) <= 23)
    }

    @Test func missingClosingDelimiterIsPC202AtLine1() {
        let (vacancy, diagnostics) = Sample.decode("---\nid: NB-1\ntitle: A\n\nNo closing line.\n")
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.unclosedFrontMatter])
        #expect(diagnostics.first?.formatted.hasPrefix("content/vacancies/nb-t-001.md:1:1: lỗi[PC202]: ") == true)
    }

    @Test func missingOpeningDelimiterIsPC201() {
        let (vacancy, diagnostics) = Sample.decode("id: NB-1\ntitle: A\n")
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.missingFrontMatter])
        #expect(diagnostics.first?.line == 1)
    }
}
