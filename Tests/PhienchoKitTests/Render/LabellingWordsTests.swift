import Foundation
import Testing
@testable import PhienchoAudit
@testable import PhienchoCore
@testable import PhienchoModel
@testable import PhienchoRender

/// What a shared link shows never labels the reader (issue #34): the theme's list
/// (`themes/default/labelling-words.txt`), matched as whole syllables.
@Suite("Render: words that label the reader")
struct LabellingWordsTests {
    static let words: LabellingWords = {
        let url = Paths.themes.appendingPathComponent("default/\(Theme.labellingWordsFile)")
        return LabellingWords(list: (try? String(contentsOf: url, encoding: .utf8)) ?? "")
    }()

    @Test("The theme's phrases are found in any case, in composed or decomposed marks", arguments: [
        "Dành cho người đã chấp hành xong ÁN PHẠT TÙ", "Hỗ trợ tái hòa nhập cộng đồng", "Hỗ trợ tái hoà nhập",
        "Phạm nhân mãn hạn", "người có tiền án", "Tù", "Hỗ trợ tái hòa nhập".decomposedStringWithCanonicalMapping,
    ])
    func labelling(text: String) {
        #expect(Self.words.labels(text), "\(text)")
    }

    @Test("Words that only share letters or a syllable with a phrase are not labels", arguments: [
        "Công nhân dự án xây dựng", "Tùy theo năng lực", "Phương án bán hàng", "Tư vấn miễn phí",
        "Thợ may công nghiệp", "Lái xe tải hạng C", "Tối thứ bảy", "Bán thời gian", "Hoàn thành lương tháng",
    ])
    func notLabelling(text: String) {
        #expect(!Self.words.labels(text), "\(text)")
    }

    /// Reference data the list was not written against: no province, xã, phường or đặc khu, nor a
    /// former district, is a label — else every vacancy of that place would lose its description.
    @Test func noOfficialPlaceNameLabels() {
        #expect(!Self.words.phrases.isEmpty)
        let labelled = AdministrativeUnits.country.provinces.flatMap { [$0.name] + $0.units }.filter(Self.words.labels)
        #expect(labelled.isEmpty, "\(labelled.prefix(10))")
    }
}
