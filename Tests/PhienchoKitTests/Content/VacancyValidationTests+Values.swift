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

/// Field values: sectors, websites, e-mail, choices, empty values and what follows.
extension VacancyValidationTests {
    @Test func sectorsMatchIgnoringCaseAndForm() throws {
        let written = "dệt may – da giày".decomposedStringWithCanonicalMapping
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing("sector: Dệt may – Da giày", with: "sector: \(written)"))
        #expect(diagnostics.isEmpty)
        #expect(try #require(vacancy).sector.slug == "det-may-da-giay")
    }

    @Test func unknownSectorIsPC310WithSuggestion() {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing("sector: Dệt may – Da giày", with: "sector: Xay dung"))
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.unknownSector])
        #expect(diagnostics.first?.line == 16)
        #expect(diagnostics.first?.message.contains("Có phải là “Xây dựng”?") == true)
    }

    @Test("Employer websites other than http(s) with a host are PC312", arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox", "ftp://may.example.vn", "https://", "may.example.vn", "https://may.example.vn/\"onmouseover=x",
    ])
    func websiteRejected(value: String) {
        let quoted = "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing("  website: https://may.example.vn", with: "  website: \(quoted)"))
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.invalidURL], "\(diagnostics.described)")
        #expect(diagnostics.first?.line == 12)
    }

    @Test func websiteHTTPAccepted() {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing("  website: https://may.example.vn", with: "  website: http://may.example.vn/tuyen-dung?x=1"))
        #expect(diagnostics.isEmpty)
        #expect(vacancy?.employer.website == "http://may.example.vn/tuyen-dung?x=1")
    }

    @Test("Bad e-mail is PC313", arguments: ["tuyendung", "a@b", "a b@c.vn", "<a@b.vn>"])
    func badEmail(value: String) {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing("  email: tuyendung@example.vn", with: "  email: \"\(value)\""))
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.invalidEmail])
    }

    @Test("Choices: status and employment_type are PC311 with a suggestion when close", arguments: [
        ("status: approved", "status: published", nil),
        ("status: approved", "status: aproved", "approved"),
        ("status: approved", "status: Approved", "approved"),
        ("employment_type: full_time", "employment_type: fulltime", "full_time"),
    ])
    func invalidChoices(original: String, replacement: String, suggestion: String?) {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing(original, with: replacement))
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.invalidChoice])
        if let suggestion {
            #expect(diagnostics.first?.message.contains("Có phải là “\(suggestion)”?") == true)
        } else {
            #expect(diagnostics.first?.message.contains("Có phải") == false)
        }
    }

    @Test("Empty values are PC314", arguments: ["title: ", "title: ~", "title: \"  \""])
    func emptyValues(line: String) {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing("title: Công nhân may", with: line))
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.emptyValue], "\(diagnostics.described)")
        #expect(diagnostics.first?.line == 3)
    }

    @Test func everyProblemOfAFileIsReportedInOneRun() {
        let text = Sample.vacancy
            .replacing("title: Công nhân may", with: "tittle: Công nhân may")
            .replacing("expires: 2026-11-30", with: "expires: 2026-02-30")
            .replacing("openings: 3", with: "openings: 0")
            .replacing("  commune: Gia Trấn", with: "  commune: Gia Tran")
            .replacing("  website: https://may.example.vn", with: "  website: javascript:alert(1)")
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(vacancy == nil)
        #expect(Set(diagnostics.codes) == [.unknownKey, .invalidDate, .invalidOpenings, .unknownCommune, .invalidURL])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test("A draft's problems are warnings (cảnh báo) and the draft is dropped")
    func draftProblemsAreWarnings() {
        let text = Sample.vacancy
            .replacing("status: approved", with: "status: draft")
            .replacing("openings: 3", with: "openings: 0")
            .replacing("  commune: Gia Trấn", with: "  commune: Gia Tran")
            .replacing("title: Công nhân may", with: "tittle: Công nhân may")
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(vacancy == nil)
        #expect(diagnostics.count == 3, "\(diagnostics.described)")
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        let unknown = diagnostics.with(.unknownKey).first
        #expect(unknown?.formatted.hasPrefix("content/vacancies/nb-t-001.md:3:1: cảnh báo[PC301]: ") == true)
    }

    @Test("A draft whose YAML cannot be read still only warns (tab, duplicate key, syntax, alias, unclosed)", arguments: [
        ("  phone: \"0229 3 861 111\"", "\tphone: \"0229 3 861 111\"", DiagnosticCode.tabIndentation),
        ("openings: 3\n", "openings: 3\ntitle: Trùng\n", .duplicateKey),
        ("title: Công nhân may", "title: \"Công nhân may", .yamlSyntax),
        ("title: Công nhân may", "title: &a Công nhân may", .yamlAnchor),
        ("---\nXưởng may", "Xưởng may", .unclosedFrontMatter),
    ])
    func unreadableDraftOnlyWarns(original: String, replacement: String, code: DiagnosticCode) {
        let text = Sample.vacancy.replacing("status: approved", with: "status: draft").replacing(original, with: replacement)
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [code], "\(diagnostics.described)")
        #expect(diagnostics.allSatisfy { $0.severity == .warning }, "\(diagnostics.described)")
    }

    @Test("The same unreadable YAML in an approved vacancy is an error", arguments: [
        ("  phone: \"0229 3 861 111\"", "\tphone: \"0229 3 861 111\""),
        ("openings: 3\n", "openings: 3\ntitle: Trùng\n"),
        ("---\nXưởng may", "Xưởng may"),
    ])
    func unreadableApprovedIsAnError(original: String, replacement: String) {
        let (_, diagnostics) = Sample.decode(Sample.vacancy.replacing(original, with: replacement))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func aStatusDraftLineInsideAnotherValueDoesNotDemote() {
        // Only a top-level `status:` key counts; here the real status is approved.
        let text = Sample.vacancy.replacing("  address: Xưởng số 2", with: "  address: |\n    status: draft")
            .replacing("openings: 3", with: "openings: 0")
        let (_, diagnostics) = Sample.decode(text)
        #expect(diagnostics.codes == [.invalidOpenings])
        #expect(diagnostics.first?.severity == .error)
    }

    @Test func aValidDraftDecodesWithoutDiagnostics() throws {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing("status: approved", with: "status: draft"))
        #expect(diagnostics.isEmpty)
        #expect(try #require(vacancy).status == .draft)
    }

    @Test("Duplicate key is PC205 at the line of the second occurrence")
    func duplicateKey() {
        let text = Sample.vacancy.replacing("openings: 3\n", with: "openings: 3\ntitle: Thợ may\n")
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(vacancy == nil)
        let duplicates = diagnostics.with(.duplicateKey)
        #expect(duplicates.count == 1, "\(diagnostics.described)")
        #expect(duplicates.first?.line == 19)
        #expect(duplicates.first?.message.contains("“title”") == true)
    }

    @Test("Duplicate nested key is PC205 at the second occurrence's file line")
    func duplicateNestedKey() {
        let text = Sample.vacancy.replacing("  period: month\n", with: "  period: month\n  max: 9500000\n")
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(vacancy == nil)
        let duplicates = diagnostics.with(.duplicateKey)
        #expect(duplicates.count == 1, "\(diagnostics.described)")
        #expect(duplicates.first?.line == 23)
    }

    @Test("Duplicate key whose name also occurs in another mapping: reported at the real duplicate")
    func duplicateKeyNameUsedElsewhere() {
        // `address` is on line 9 (employer) and line 15 (location); the duplicate is on line 16.
        let text = Sample.vacancy.replacing("  address: Xưởng số 2\n", with: "  address: Xưởng số 2\n  address: Xưởng số 3\n")
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(vacancy == nil)
        let duplicates = diagnostics.with(.duplicateKey)
        #expect(duplicates.count == 1, "\(diagnostics.described)")
        #expect(duplicates.first?.line == 16)
        #expect(duplicates.first?.column == 3)
    }

    @Test func duplicateKeyInAFlowMappingIsReportedOnItsLine() {
        let text = Sample.vacancy.replacing("sector: Dệt may – Da giày", with: "sector: Dệt may – Da giày\nsalary2: {min: 1, min: 2}")
        let (_, diagnostics) = Sample.decode(text)
        let duplicates = diagnostics.with(.duplicateKey)
        #expect(duplicates.count == 1, "\(diagnostics.described)")
        #expect(duplicates.first?.line == 17)
    }

    @Test("Tab indentation is PC204 at line:col of the tab")
    func tabIndentation() {
        let text = Sample.vacancy.replacing("  phone: \"0229 3 861 111\"", with: "\tphone: \"0229 3 861 111\"")
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.tabIndentation])
        #expect(diagnostics.first?.formatted.hasPrefix("content/vacancies/nb-t-001.md:10:1: lỗi[PC204]: ") == true)
    }

    @Test func tabAfterSpacesIsReportedAtItsColumn() {
        let text = Sample.vacancy.replacing("  phone: \"0229 3 861 111\"", with: "  \tphone: \"0229 3 861 111\"")
        let (_, diagnostics) = Sample.decode(text)
        #expect(diagnostics.codes == [.tabIndentation])
        #expect(diagnostics.first?.line == 10 && diagnostics.first?.column == 3)
    }

    @Test func tabsInsideValuesAreNotIndentation() {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing("title: Công nhân may", with: "title: \"Công\tnhân may\""))
        #expect(diagnostics.isEmpty, "\(diagnostics.described)")
        #expect(vacancy != nil)
    }

    @Test("A YAML alias bomb (billion laughs) is refused as PC206 without expanding")
    func aliasBomb() {
        var yaml = "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        let text = "---\n" + yaml + "---\nBody\n"
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.yamlAnchor], "\(diagnostics.described)")
        #expect(diagnostics.first?.line == 2)
    }

    @Test func plainAnchorsAndAliasesAreRefusedToo() {
        let text = Sample.vacancy.replacing("title: Công nhân may", with: "title: &t Công nhân may")
            .replacing("  address: Xưởng số 2", with: "  address: *t")
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.yamlAnchor])
        #expect(diagnostics.first?.line == 3)
    }

    @Test func frontMatterThatIsNotAMappingIsAnError() {
        let (vacancy, diagnostics) = Sample.decode("---\n- a\n- b\n---\nBody\n")
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.wrongType])
        let (empty, emptyDiagnostics) = Sample.decode("---\n---\nBody\n")
        #expect(empty == nil)
        #expect(emptyDiagnostics.codes == [.missingField])
    }

    @Test func internalNotesAreAcceptedAndDropped() throws {
        let text = Sample.vacancy.replacing("openings: 3\n", with: "openings: 3\ninternal:\n  nguon: MARKER-ĐỪNG-ĐĂNG\n  ghi_chu: [1, 2]\n")
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(diagnostics.isEmpty)
        let v = try #require(vacancy)
        #expect(!String(describing: v).contains("MARKER"))
    }

    @Test func rawHTMLAndScriptLinksInTheBodyAreNeutralised() throws {
        let body = """
        <script>alert(1)</script>

        [bấm](javascript:alert(1)) [x](data:text/html,abc) [y](vbscript:x) <img src=x onerror=alert(1)>

        # Tiêu đề
        """
        let (vacancy, _) = Sample.decode(Sample.vacancy + body)
        let html = try #require(vacancy).descriptionHTML
        for bad in ["<script", "javascript:", "data:", "vbscript:", "onerror", "<img", "<h1"] {
            #expect(!html.contains(bad), "\(bad) in \(html)")
        }
        #expect(html.contains("<h3>Tiêu đề</h3>"))
    }

    @Test func nfdTextIsStoredAsNFC() throws {
        let title = "Công nhân may mặc xuất khẩu"
        let text = Sample.vacancy.replacing("title: Công nhân may", with: "title: \(title.decomposedStringWithCanonicalMapping)")
            + "Mô tả \("việc làm".decomposedStringWithCanonicalMapping).\n"
        let (vacancy, _) = Sample.decode(text)
        let v = try #require(vacancy)
        #expect(Array(v.title.utf8) == Array(title.precomposedStringWithCanonicalMapping.utf8))
        #expect(v.descriptionHTML.utf8.elementsEqual(v.descriptionHTML.precomposedStringWithCanonicalMapping.utf8))
        #expect(v.descriptionText.contains("việc làm"))
    }
}
