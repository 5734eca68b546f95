import Foundation
import Testing
@testable import PhienchoContent
@testable import PhienchoCore
@testable import PhienchoModel

/// Phone numbers in running text become `tel:` links (issue #34), written as people write them,
/// and nothing else that is made of digits does.
@Suite("Content: phone numbers in text")
struct PhoneNumberTests {
    /// Mobile prefixes of the networks and landline area codes, from the numbering plan.
    static let mobilePrefixes = ["032", "033", "034", "035", "036", "037", "038", "039", "052", "056", "058", "059", "070", "076",
                                 "077", "078", "079", "081", "082", "083", "084", "085", "086", "088", "089", "090", "091", "092",
                                 "093", "094", "096", "097", "098", "099"]
    static let areaCodes = ["024", "028", "0229", "0226", "0228", "0237", "0236", "0292", "0203", "0251"]

    /// A number as someone would type it, and the digits it dials.
    static func written(_ random: inout SeededGenerator) -> (text: String, dials: String) {
        let separators = [" ", ".", "-", ""]
        let separator = separators[Int(random.next() % 4)]
        if random.next() % 2 == 0 {
            let prefix = mobilePrefixes[Int(random.next() % UInt64(mobilePrefixes.count))]
            let rest = (0..<7).map { _ in String(random.next() % 10) }.joined()
            let groups = [String(prefix.dropFirst(0)) + rest.prefix(1), String(rest.dropFirst(1).prefix(3)), String(rest.suffix(3))]
            if random.next() % 5 == 0 {
                return ("+84 " + String(groups[0].dropFirst()) + " " + groups[1] + " " + groups[2], "+84" + (prefix + rest).dropFirst())
            }
            return (groups.joined(separator: separator), prefix + rest)
        }
        let area = areaCodes[Int(random.next() % UInt64(areaCodes.count))]
        let local = (0..<(11 - area.count)).map { _ in String(random.next() % 10) }.joined()
        let split = local.count - 3
        if random.next() % 4 == 0 {
            return ("(\(area)) \(local.prefix(split)) \(local.suffix(3))", area + local)
        }
        return ([area, String(local.prefix(split)), String(local.suffix(3))].joined(separator: separator), area + local)
    }

    static let sentences = ["Gọi %@ để hẹn.", "ĐT: %@", "Liên hệ anh Tuấn (%@) trong giờ hành chính.", "%@", "gọi %@, gặp chị Lan",
                            "Số máy: %@; hoặc đến xưởng."]

    @Test func everyNumberAsPeopleWriteItIsFoundWhole() {
        var random = SeededGenerator(seed: 34)
        for _ in 0..<3_000 {
            let number = Self.written(&random)
            let sentence = Self.sentences[Int(random.next() % UInt64(Self.sentences.count))].replacingOccurrences(of: "%@", with: number.text)
            let found = PhoneNumbers.ranges(in: sentence).map { String(sentence[$0]) }
            #expect(found == [number.text], "\(sentence)")
            #expect(found.first.map(VietnameseFormat.telephoneHref) == "tel:" + number.dials, "\(sentence)")
        }
    }

    @Test("Digits that are no phone number stay text", arguments: [
        "Hạn nộp 05/01/2027.", "Ngày 05.01.2027", "Lương 6.500.000 – 9.000.000 đồng/tháng", "Mã tin NB-2026-001", "Năm 2026",
        "Số lượng 20 người, ca 7 giờ 30", "CCCD 001234567890", "Mã số thuế 0101234567-001", "Tài khoản 0123456", "Lô C2-05",
    ])
    func notNumbers(text: String) {
        #expect(PhoneNumbers.ranges(in: text).isEmpty, "\(text): \(PhoneNumbers.ranges(in: text).map { text[$0] })")
    }

    @Test func markdownLinksNumbersButNotInsideLinksOrCode() {
        var sink = DiagnosticSink(path: "test.md")
        let html = Markdown.render("Gọi **0912 345 678** hoặc [0229 3871 234](https://a.vn/) hoặc `0987 654 321`.", firstLine: nil, sink: &sink).html
        #expect(html.contains(#"<strong><a href="tel:0912345678">0912 345 678</a></strong>"#), "\(html)")
        #expect(html.contains(#"href="https://a.vn/">0229 3871 234</a>"#) && !html.contains("tel:02293871234"), "\(html)")
        #expect(html.contains("<code>0987 654 321</code>"), "\(html)")
        let text = Markdown.render("Gọi 0912 345 678.", firstLine: nil, sink: &sink).text
        #expect(text == "Gọi 0912 345 678.", "the plain text the audit and feeds read keeps the number as written")
    }

    @Test func aCentreNumberThatIsNotTheHotlineIsAWarningAtItsPlace() {
        let file = SourceFile(relativePath: "pages/a.md", displayPath: "content/pages/a.md",
                              text: "---\ntitle: A\n---\nGọi chủ xưởng 0912 345 678. Đường dây nóng: 0229 3 888 000.\nTrung tâm Dịch vụ việc làm: 0229 3871 234.\n")
        let found = HotlineConsistency.diagnostics(hotline: "0229 3871 234", organization: "Trung tâm Dịch vụ việc làm tỉnh Ninh Bình", files: [file])
        #expect(found.map(\.code) == [.hotlineMismatch])
        #expect(found.first.map { ($0.line, $0.column) } ?? (0, 0) == (4, 45), "\(found)")
    }
}
