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
