import Foundation
import Testing
@testable import PhienchoCore
@testable import PhienchoKit
@testable import PhienchoModel
@testable import PhienchoRender

/// The vacancy rules of issue 2, one at a time, through `Vacancy.decode` on the sample vacancy.
@Suite("Vacancy validation rules")
struct VacancyValidationTests {
    /// Removes a top-level key and its indented block from the sample vacancy.
    static func removing(_ key: String, from text: String = Sample.vacancy) -> String {
        var lines: [Substring] = []
        var skipping = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("\(key):") { skipping = true; continue }
            if skipping && line.hasPrefix("  ") { continue }
            skipping = false
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    @Test func theSampleIsValid() throws {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy)
        #expect(diagnostics.isEmpty, "\(diagnostics.described)")
        let v = try #require(vacancy)
        #expect(v.id == "NB-T-001")
        #expect(v.slug == "nb-t-001")
        #expect(v.status == .approved)
        #expect(v.posted == date("2026-11-01"))
        #expect(v.expires == date("2026-11-30"))
        #expect(v.commune.name == "Gia Trấn")
        #expect(v.sector.name == "Dệt may – Da giày")
        #expect(v.employmentType == .fullTime)
        #expect(v.openings == 3)
        #expect(v.salary?.min == 6_500_000 && v.salary?.max == 9_000_000 && v.salary?.period == .month)
        #expect(v.employer.website == "https://may.example.vn")
        #expect(v.descriptionHTML == "<p>Xưởng may cần thêm người.</p>\n")
        #expect(v.sourcePath == Sample.path)
    }

    @Test("Every required field, when missing, is PC302 naming the field",
          arguments: ["id", "title", "status", "posted", "expires", "employer", "location", "sector",
                      "employment_type", "openings"])
    func missingRequiredField(key: String) {
        let (vacancy, diagnostics) = Sample.decode(Self.removing(key))
        #expect(vacancy == nil)
        let missing = diagnostics.with(.missingField)
        #expect(missing.count == 1, "\(diagnostics.described)")
        #expect(missing.first?.severity == .error)
        #expect(missing.first?.message.contains("“\(key)”") == true)
    }

    @Test("Required nested fields: employer.name, location.commune, salary.period",
          arguments: [("  name: Công ty May Gia Trấn\n", "employer.name"),
                      ("  commune: Gia Trấn\n", "location.commune"),
                      ("  period: month\n", "salary.period")])
    func missingNestedField(line: String, path: String) {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing(line, with: ""))
        #expect(vacancy == nil)
        let missing = diagnostics.with(.missingField)
        #expect(missing.count == 1, "\(diagnostics.described)")
        #expect(missing.first?.message.contains("“\(path)”") == true)
    }

    @Test func optionalFieldsMayBeAbsent() throws {
        var text = Sample.vacancy
        for key in ["salary"] { text = Self.removing(key, from: text) }
        text = text.replacing("  address: Xóm 1, xã Gia Trấn\n  phone: \"0229 3 861 111\"\n  email: tuyendung@example.vn\n  website: https://may.example.vn\n", with: "")
            .replacing("  address: Xưởng số 2\n", with: "")
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.described)")
        let v = try #require(vacancy)
        #expect(v.salary == nil)
        #expect(v.employer.phone == nil && v.employer.website == nil && v.address == nil)
        #expect(v.requirements.isEmpty && v.tags.isEmpty && v.applyHTML == nil)
    }

    @Test("Unknown key “tittle” is PC301 at its line and suggests “title”")
    func unknownKeyWithSuggestion() {
        let text = Sample.vacancy.replacing("title: Công nhân may", with: "tittle: Công nhân may")
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(vacancy == nil)
        let unknown = diagnostics.with(.unknownKey)
        #expect(unknown.count == 1)
        #expect(unknown.first?.line == 3 && unknown.first?.column == 1)
        #expect(unknown.first?.message.contains("“tittle”") == true)
        #expect(unknown.first?.message == "Trường “tittle” không có trong mẫu — có phải là “title” (vị trí tuyển dụng)? Trường bắt buộc này đang thiếu, nên hãy sửa tên trường ở dòng này.")
        // One mistake, one message: the missing title is not reported again at the `id:` line.
        #expect(diagnostics.with(.missingField).isEmpty)
        #expect(unknown.first?.formatted == "content/vacancies/nb-t-001.md:3:1: lỗi[PC301]: \(unknown.first!.message)")
    }

    @Test func unknownNestedKeySuggestsTheFullPath() {
        let text = Sample.vacancy.replacing("  website: https://may.example.vn", with: "  webstie: https://may.example.vn")
        let (_, diagnostics) = Sample.decode(text)
        let unknown = diagnostics.with(.unknownKey)
        #expect(unknown.count == 1)
        #expect(unknown.first?.line == 12 && unknown.first?.column == 3)
        #expect(unknown.first?.message == "Trường “employer.webstie” không có trong mẫu — có phải là “employer.website”?")
    }

    @Test func unrelatedUnknownKeyHasNoSuggestion() {
        let text = Sample.vacancy.replacing("openings: 3", with: "openings: 3\nsecret_field: x")
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(vacancy == nil)
        let unknown = diagnostics.with(.unknownKey)
        #expect(unknown.count == 1)
        #expect(unknown.first?.message.contains("Có phải") == false)
    }

    @Test("Wrong types are PC303", arguments: [
        ("title: Công nhân may", "title:\n  - Công nhân may"),
        ("employer:\n  name: Công ty May Gia Trấn\n  address: Xóm 1, xã Gia Trấn\n  phone: \"0229 3 861 111\"\n  email: tuyendung@example.vn\n  website: https://may.example.vn",
         "employer: Công ty May Gia Trấn"),
        ("location:\n  commune: Gia Trấn\n  address: Xưởng số 2", "location: Gia Trấn"),
        ("openings: 3", "openings:\n  - 3"),
        ("openings: 3", "openings: 3\nrequirements: Biết may"),
        ("openings: 3", "openings: 3\ninternal: ghi chú"),
        ("sector: Dệt may – Da giày", "sector: {name: Dệt may}"),
    ])
    func wrongType(original: String, replacement: String) {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing(original, with: replacement))
        #expect(vacancy == nil)
        #expect(diagnostics.with(.wrongType).count == 1, "\(diagnostics.described)")
        #expect(diagnostics.errors.allSatisfy { $0.line != nil }, "\(diagnostics.described)")
    }

    @Test("Invalid ids are PC304", arguments: ["NB 001", "NB_001", "-NB-001", "NB-Ấ01", "NB/001", "nb.001"])
    func invalidID(id: String) {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing("id: NB-T-001", with: "id: \"\(id)\""))
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.invalidID], "\(diagnostics.described)")
        #expect(diagnostics.first?.line == 2 && diagnostics.first?.column == 5)
    }

    @Test func validIDsKeepTheirCaseAndSlugIsLowerCase() throws {
        let (vacancy, _) = Sample.decode(Sample.vacancy.replacing("id: NB-T-001", with: "id: Ab-2026-9"))
        #expect(try #require(vacancy).slug == "ab-2026-9")
        #expect(vacancy?.id == "Ab-2026-9")
    }

    @Test("Impossible or malformed dates are PC305",
          arguments: ["2026-02-30", "2026-13-01", "2026-00-10", "2026-2-3", "30/11/2026", "2026-11-31", "2025-02-29"])
    func impossibleDate(value: String) {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing("posted: 2026-11-01", with: "posted: \(value)"))
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.invalidDate], "\(diagnostics.described)")
        #expect(diagnostics.first?.line == 5)
    }

    @Test func leapDayIsAValidDate() {
        let text = Sample.vacancy.replacing("posted: 2026-11-01", with: "posted: 2028-02-29")
            .replacing("expires: 2026-11-30", with: "expires: 2028-03-01")
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.described)")
        #expect(vacancy?.posted == date("2028-02-29"))
    }

    @Test func expiresBeforePostedIsPC306AtTheExpiresLine() {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing("expires: 2026-11-30", with: "expires: 2026-10-31"))
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.expiresBeforePosted])
        #expect(diagnostics.first?.line == 6)
        #expect(diagnostics.first?.message.contains("31/10/2026") == true)
    }

    @Test func expiresOnThePostedDayIsFine() {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing("expires: 2026-11-30", with: "expires: 2026-11-01"))
        #expect(diagnostics.isEmpty)
        #expect(vacancy != nil)
    }

    @Test("Openings: 0, -1 and past 100,000 are PC307; 2.5, \"3\", 1e3, 3 người, a number past Int are PC316", arguments: [
        ("0", DiagnosticCode.invalidOpenings), ("-1", .invalidOpenings), ("100001", .invalidOpenings),
        ("1000000", .invalidOpenings), ("99999999999999999999", .invalidNumber),
        ("2.5", .invalidNumber), ("\"3\"", .invalidNumber), ("'3'", .invalidNumber), ("1e3", .invalidNumber),
        ("3 người", .invalidNumber), ("0x10", .invalidNumber), ("3,0", .invalidNumber),
    ])
    func invalidOpenings(value: String, code: DiagnosticCode) {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing("openings: 3", with: "openings: \(value)"))
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [code], "\(diagnostics.described)")
        #expect(diagnostics.first?.line == 18 && diagnostics.first?.column == 11)
    }

    @Test func salaryMinAboveMaxIsPC308() {
        let text = Sample.vacancy.replacing("  min: 6500000", with: "  min: 9000001")
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.salaryRange])
        #expect(diagnostics.first?.message.contains("9000001") == true)
    }

    @Test func salaryWithNeitherMinNorMaxIsPC302() {
        let text = Sample.vacancy.replacing("  min: 6500000\n  max: 9000000\n", with: "")
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.missingField], "\(diagnostics.described)")
        #expect(diagnostics.first?.message.contains("salary.min") == true)
    }

    @Test func salaryOnlyMinOrOnlyMaxOrEqualIsFine() throws {
        let onlyMin = Sample.decode(Sample.vacancy.replacing("  max: 9000000\n", with: ""))
        #expect(onlyMin.1.isEmpty)
        #expect(try #require(onlyMin.0).salary?.max == nil)
        let onlyMax = Sample.decode(Sample.vacancy.replacing("  min: 6500000\n", with: ""))
        #expect(onlyMax.1.isEmpty)
        #expect(try #require(onlyMax.0).salary?.min == nil)
        let equal = Sample.decode(Sample.vacancy.replacing("  min: 6500000", with: "  min: 9000000"))
        #expect(equal.1.isEmpty)
    }

    @Test("Salary values must be plain non-negative integers", arguments: ["-5", "6.500.000", "6,5 triệu", "\"6500000\""])
    func salaryValues(value: String) {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing("  min: 6500000", with: "  min: \(value)"))
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.invalidNumber], "\(diagnostics.described)")
        #expect(diagnostics.first?.line == 20)
    }

    @Test func salaryPeriodMustBeKnown() {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing("  period: month", with: "  period: monht"))
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.invalidChoice])
        #expect(diagnostics.first?.message.contains("Có phải là “month”?") == true)
    }

    @Test("Unknown commune “Gia Tran” is PC309 and suggests “Gia Trấn”")
    func unknownCommuneSuggestion() {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing("  commune: Gia Trấn", with: "  commune: Gia Tran"))
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.unknownCommune])
        #expect(diagnostics.first?.line == 14 && diagnostics.first?.column == 12)
        #expect(diagnostics.first?.message.contains("“Gia Tran”") == true)
        #expect(diagnostics.first?.message.contains("Có phải là “Gia Trấn”?") == true)
    }

    @Test func unknownCommuneFarFromEveryNameHasNoSuggestion() {
        let (_, diagnostics) = Sample.decode(Sample.vacancy.replacing("  commune: Gia Trấn", with: "  commune: Thành phố Hồ Chí Minh"))
        #expect(diagnostics.codes == [.unknownCommune])
        #expect(diagnostics.first?.message.contains("Có phải") == false)
    }

    @Test("Communes match ignoring case and Unicode form", arguments: [
        "gia trấn", "GIA TRẤN", "Gia Trấn".decomposedStringWithCanonicalMapping,
        "gIA tRẤN".decomposedStringWithCanonicalMapping,
        // Partly decomposed: â precomposed, the dot below combining.
        "Gia Tr\u{00E2}\u{0301}n",
    ])
    func communeMatching(written: String) throws {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing("  commune: Gia Trấn", with: "  commune: \(written)"))
        #expect(diagnostics.isEmpty, "\(diagnostics.described)")
        let commune = try #require(vacancy).commune
        #expect(Array(commune.name.unicodeScalars) == Array("Gia Trấn".precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(commune.slug == "gia-tran")
    }

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

/// What staff probably meant (issue 20): Word's curly quotes, Vietnamese words for allowed values,
/// dates written day first.
@Suite("Suggestions for values staff commonly write")
struct ValueSuggestionTests {
    @Test("A whole value in Word's curly quotes is read without them, with a warning at its line",
          arguments: [("“Thợ may công nghiệp”", "Thợ may công nghiệp", "“", "”"), ("‘Thợ may’", "Thợ may", "‘", "’")])
    func curlyQuotes(written: String, read: String, open: String, close: String) throws {
        let text = Sample.vacancy.replacing("title: Công nhân may", with: "title: \(written)")
            .replacing("  commune: Gia Trấn", with: "  commune: “Gia Trấn”")
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(try #require(vacancy).title == read)
        #expect(vacancy?.commune.name == "Gia Trấn")
        let warnings = diagnostics.with(.typographicQuotes)
        #expect(warnings.map(\.line) == [3, 14])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings.first?.message == "Giá trị của “title” nằm trong dấu ngoặc cong \(open)…\(close) (thường do dán từ Word); chương trình đọc nó không có dấu ngoặc: “\(read)”. Hãy xóa hai dấu ngoặc đó.")
    }

    @Test func quotesInsideAValueStay() throws {
        let text = Sample.vacancy.replacing("title: Công nhân may", with: "title: “Thợ may” và “thợ cắt”")
        let (vacancy, diagnostics) = Sample.decode(text)
        #expect(try #require(vacancy).title == "“Thợ may” và “thợ cắt”")
        #expect(diagnostics.with(.typographicQuotes).isEmpty)
    }

    @Test("Vietnamese words name the allowed value", arguments: [
        ("employment_type: full_time", "employment_type: toàn thời gian", "Giá trị “toàn thời gian” của trường “employment_type” phải viết bằng từ trong mẫu: hãy viết “employment_type: full_time”. Chỉ được dùng: full_time (toàn thời gian), part_time (bán thời gian), seasonal (thời vụ)."),
        ("  period: month", "  period: thang", "Giá trị “thang” của trường “salary.period” phải viết bằng từ trong mẫu: hãy viết “period: month”. Chỉ được dùng: hour (giờ), day (ngày), month (tháng)."),
        ("status: approved", "status: Đã duyệt", "Giá trị “Đã duyệt” của trường “status” phải viết bằng từ trong mẫu: hãy viết “status: approved”. Chỉ được dùng: draft (bản nháp), approved (đã duyệt, được đăng), withdrawn (đã gỡ)."),
    ])
    func vietnameseLabels(original: String, written: String, message: String) {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing(original, with: written))
        #expect(vacancy == nil)
        #expect(diagnostics.codes == [.invalidChoice], "\(diagnostics.described)")
        #expect(diagnostics.first?.message == message)
    }

    @Test("A date written day first gets its YYYY-MM-DD form", arguments: [
        ("31/12/2026", "2026-12-31"), ("1.12.2026", "2026-12-01"), ("31-12-2026", "2026-12-31"), ("2026/12/31", "2026-12-31"), ("2026-12-1", "2026-12-01"),
    ])
    func dayFirstDates(written: String, iso: String) {
        let (_, diagnostics) = Sample.decode(Sample.vacancy.replacing("expires: 2026-11-30", with: "expires: \(written)"))
        #expect(diagnostics.codes == [.invalidDate], "\(diagnostics.described)")
        #expect(diagnostics.first?.message == "Ngày “\(written)” ở trường “expires” phải viết theo dạng NĂM-THÁNG-NGÀY: hãy viết “expires: \(iso)”.")
    }

    @Test func anImpossibleDayFirstDateGetsTheGeneralMessage() {
        let (_, diagnostics) = Sample.decode(Sample.vacancy.replacing("expires: 2026-11-30", with: "expires: 31/02/2026"))
        #expect(diagnostics.first?.message.contains("ngày phải có thật") == true)
    }

    @Test func wordBulletsInAListSayTheDashForm() {
        let text = Sample.vacancy.replacing("openings: 3", with: "openings: 3\nrequirements:\n  – Đủ 18 tuổi\n  • Sức khỏe tốt")
        let (_, diagnostics) = Sample.decode(text)
        #expect(diagnostics.codes == [.wrongType], "\(diagnostics.described)")
        #expect(diagnostics.first?.message == "Danh sách “requirements” đang dùng dấu đầu dòng “–” của Word. Hãy viết mỗi mục một dòng, bắt đầu bằng dấu trừ thường và một dấu cách, thụt lề hai dấu cách dưới tên danh sách, ví dụ “  - Đủ 18 tuổi”.")
    }
}
