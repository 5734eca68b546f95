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

struct FoldingCase: Decodable, Sendable, CustomTestStringConvertible {
    var input: String
    var folded: String
    var note: String?

    var testDescription: String { "\(input.debugDescription) → \(folded.debugDescription)" }

    /// Golden cases shared with the browser search script's tests.
    static let all: [FoldingCase] = {
        let url = Paths.fixtures.appendingPathComponent("folding-cases.json")
        guard let data = try? Data(contentsOf: url), let cases = try? JSONDecoder().decode([FoldingCase].self, from: data) else {
            return []
        }
        return cases
    }()
}

@Suite("Slugs and Vietnamese folding")
struct TextTests {
    @Test func goldenFoldingFileIsPresentAndCoversTheRequiredKinds() {
        let cases = FoldingCase.all
        #expect(cases.count >= 20)
        let inputs = cases.map(\.input)
        #expect(inputs.contains { $0.unicodeScalars.contains("\u{0301}") }, "an NFD case")
        #expect(inputs.contains { $0.contains("Đ") } && inputs.contains { $0.contains("đ") })
        #expect(inputs.contains { $0 != $0.lowercased() && $0.contains { !$0.isASCII } }, "an upper-case Vietnamese case")
        #expect(inputs.contains { $0.allSatisfy(\.isASCII) && !$0.isEmpty }, "an ASCII-only case")
        #expect(inputs.contains { $0.contains("!") || $0.contains("(") }, "a punctuation case")
    }

    @Test("VietnameseFolding.fold matches Fixtures/folding-cases.json", arguments: FoldingCase.all)
    func foldingGolden(_ item: FoldingCase) {
        let folded = VietnameseFolding.fold(item.input)
        // Compare scalars: String == ignores the difference between NFC and NFD.
        #expect(Array(folded.unicodeScalars) == Array(item.folded.unicodeScalars))
    }

    @Test("The table-driven fold equals the definition on random Latin, Vietnamese and mixed text")
    func tableFoldMatchesDefinition() {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x24F, 0x300...0x36F, 0x1E00...0x1EFF, 0x2010...0x206F, 0x370...0x3FF, 0x4E00...0x4E20]
        var random = SeededGenerator(seed: 0xF01D)
        for _ in 0..<3_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                let range = ranges.randomElement(using: &random)!
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)) { text.append(scalar) }
            }
            let input = String(text)
            #expect(Array(VietnameseFolding.fold(input).unicodeScalars) == Array(VietnameseFolding.foldByNormalising(input).unicodeScalars),
                    "\(input.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func foldIsIdempotentAndNFC() {
        for item in FoldingCase.all {
            let once = VietnameseFolding.fold(item.input)
            #expect(Array(VietnameseFolding.fold(once).unicodeScalars) == Array(once.unicodeScalars))
            #expect(Array(once.unicodeScalars) == Array(once.precomposedStringWithCanonicalMapping.unicodeScalars))
        }
    }

    @Test("Slug.make", arguments: [
        ("Gia Trấn", "gia-tran"),
        ("Đồng Văn", "dong-van"),
        ("Dệt may – Da giày", "det-may-da-giay"),
        ("Gia Trấn".decomposedStringWithCanonicalMapping, "gia-tran"),
        ("ĐỒNG VĂN".decomposedStringWithCanonicalMapping, "dong-van"),
        ("Lý Thường Kiệt", "ly-thuong-kiet"),
        ("Cơ khí – Hàn", "co-khi-han"),
        ("Điện – Điện tử", "dien-dien-tu"),
        ("  --Hoa   Lư!! ", "hoa-lu"),
        ("gioi-thieu", "gioi-thieu"),
        ("Hướng dẫn ứng tuyển", "huong-dan-ung-tuyen"),
        ("NB-2026-001", "nb-2026-001"),
        ("a_b.c/d", "a-b-c-d"),
        ("Café", "cafe"),
        ("---", ""),
        ("", ""),
        ("中文", ""),
    ])
    func slug(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test func slugsAreAlwaysURLSafe() {
        for item in FoldingCase.all {
            let slug = Slug.make(item.input)
            #expect(slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"))
        }
    }

    @Test func suggestionUsesFoldedEditDistance() {
        #expect(Suggestion.closest(to: "Gia Tran", among: ["Gia Trấn", "Gia Viễn", "Gia Sinh"]) == "Gia Trấn")
        #expect(Suggestion.closest(to: "tittle", among: Vacancy.keys) == "title")
        #expect(Suggestion.closest(to: "xyz", among: ["Gia Trấn"]) == nil)
        #expect(Suggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggestion.editDistance([], Array("abc")) == 3)
    }
}

@Suite("LocalDate")
struct LocalDateTests {
    @Test func parsesISODates() throws {
        let d = try #require(LocalDate(iso: "2026-11-22"))
        #expect(d.year == 2026 && d.month == 11 && d.day == 22)
        #expect(d.iso == "2026-11-22")
        #expect(d.vietnamese == "22/11/2026")
        #expect(LocalDate(iso: "0001-01-01")?.vietnamese == "01/01/0001")
    }

    @Test("Rejects anything but a real YYYY-MM-DD", arguments: [
        "2026-02-30", "2026-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-01", "2026-01-00",
        "0000-01-01", "2026-1-01", "26-11-22", "2026/11/22", "2026-11-22 ", " 2026-11-22", "２０２６-11-22",
        "2026-11-2a", "+026-11-22", "2026-11-22T00:00", "", "22/11/2026",
    ])
    func rejects(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test("Leap years", arguments: [(2024, true), (2028, true), (2000, true), (2400, true),
                                     (2026, false), (1900, false), (2100, false)])
    func leapYears(year: Int, leap: Bool) {
        #expect(LocalDate.isLeap(year) == leap)
        #expect((LocalDate(year: year, month: 2, day: 29) != nil) == leap)
        #expect(LocalDate.daysIn(month: 2, year: year) == (leap ? 29 : 28))
    }

    @Test func dayNumbersAgreeWithTheUnixEpoch() {
        #expect(date("1970-01-01").dayNumber == 0)
        #expect(date("1969-12-31").dayNumber == -1)
        #expect(date("2000-03-01").dayNumber == 11_017)
        // Cross-check with Foundation: midnight UTC of the day / 86400.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for text in ["2026-11-22", "2024-02-29", "2100-03-01", "1999-12-31"] {
            let d = date(text)
            let instant = calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day))!
            #expect(d.dayNumber == Int(instant.timeIntervalSince1970 / 86_400))
        }
    }

    @Test func dayArithmeticRoundTripsOverFourCenturies() {
        var previous = date("1999-12-31")
        let start = previous.dayNumber
        for offset in 1...(146_097 + 10) {
            let next = LocalDate(dayNumber: start + offset)
            #expect(next.dayNumber == start + offset)
            #expect(previous < next)
            // The successor is the next calendar day.
            let expected = LocalDate(year: previous.year, month: previous.month, day: previous.day + 1)
                ?? LocalDate(year: previous.year, month: previous.month + 1, day: 1)
                ?? LocalDate(year: previous.year + 1, month: 1, day: 1)!
            if next != expected { Issue.record("\(previous) + 1 = \(next), expected \(expected)"); return }
            #expect(LocalDate(iso: next.iso) == next)
            previous = next
        }
    }

    @Test func addingDays() {
        #expect(date("2026-02-28").adding(days: 1) == date("2026-03-01"))
        #expect(date("2028-02-28").adding(days: 1) == date("2028-02-29"))
        #expect(date("2026-12-31").adding(days: 1) == date("2027-01-01"))
        #expect(date("2026-11-30").adding(days: 90) == date("2027-02-28"))
        #expect(date("2027-01-01").adding(days: -1) == date("2026-12-31"))
        #expect(date("2026-11-22").adding(days: 0) == date("2026-11-22"))
    }

    @Test func ordering() {
        #expect(date("2026-11-22") < date("2026-11-23"))
        #expect(date("2026-11-30") < date("2026-12-01"))
        #expect(date("2025-12-31") < date("2026-01-01"))
        #expect(!(date("2026-11-22") < date("2026-11-22")))
        #expect([date("2027-01-01"), date("2026-02-01"), date("2026-01-31")].sorted().map(\.iso)
                == ["2026-01-31", "2026-02-01", "2027-01-01"])
    }

    /// 2026-11-22 00:00 in Hà Nội (+07:00) is 2026-11-21 17:00 UTC.
    static let midnightHanoi = Date(timeIntervalSince1970: 1_795_280_400)

    @Test func theMidnightInstantIsRight() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Self.midnightHanoi)
        #expect([parts.year, parts.month, parts.day, parts.hour, parts.minute] == [2026, 11, 21, 17, 0])
    }

    @Test("today(in: Asia/Ho_Chi_Minh) turns over at local midnight, 17:00 UTC")
    func todayInHoChiMinh() throws {
        let zone = try #require(TimeZone(identifier: "Asia/Ho_Chi_Minh"))
        #expect(LocalDate.today(in: zone, now: Self.midnightHanoi.addingTimeInterval(-1)) == date("2026-11-21"))
        #expect(LocalDate.today(in: zone, now: Self.midnightHanoi) == date("2026-11-22"))
        #expect(LocalDate.today(in: zone, now: Self.midnightHanoi.addingTimeInterval(1)) == date("2026-11-22"))
        #expect(LocalDate.today(in: zone, now: Self.midnightHanoi.addingTimeInterval(86_399)) == date("2026-11-22"))
        #expect(LocalDate.today(in: zone, now: Self.midnightHanoi.addingTimeInterval(86_400)) == date("2026-11-23"))
        // The same instants in UTC are still the previous day until 00:00 UTC.
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(LocalDate.today(in: utc, now: Self.midnightHanoi.addingTimeInterval(1)) == date("2026-11-21"))
        #expect(LocalDate.today(in: utc, now: Self.midnightHanoi.addingTimeInterval(7 * 3600)) == date("2026-11-22"))
    }

    @Test func todayAroundNewYearInHoChiMinh() throws {
        let zone = try #require(TimeZone(identifier: "Asia/Ho_Chi_Minh"))
        // 2027-01-01 00:00 +07:00 = 2026-12-31 17:00 UTC.
        let newYear = Date(timeIntervalSince1970: 1_798_736_400)
        #expect(LocalDate.today(in: zone, now: newYear.addingTimeInterval(-0.5)) == date("2026-12-31"))
        #expect(LocalDate.today(in: zone, now: newYear) == date("2027-01-01"))
    }
}
