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
}
