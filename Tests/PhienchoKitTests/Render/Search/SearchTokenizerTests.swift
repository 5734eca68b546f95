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

@Suite("Search: tokenising")
struct SearchTokenizerTests {
    /// Compares scalars, since String == ignores the difference between NFC and NFD.
    private func scalars(_ terms: [String]) -> [[Unicode.Scalar]] { terms.map { Array($0.unicodeScalars) } }

    @Test func vietnameseSentenceBecomesFoldedWords() {
        #expect(SearchTokenizer.terms("Công nhân may, công nghiệp!") == ["cong", "nhan", "may", "cong", "nghiep"])
    }

    @Test("NFC, NFD, upper case and no diacritics give the same terms", arguments: [
        "Công nhân may công nghiệp",
        "Công nhân may công nghiệp".decomposedStringWithCanonicalMapping,
        "CÔNG NHÂN MAY CÔNG NGHIỆP",
        "CÔNG NHÂN MAY CÔNG NGHIỆP".decomposedStringWithCanonicalMapping,
        "cong nhan may cong nghiep",
        "  Cong   NHAN\tmay\ncông-nghiệp ",
    ])
    func formsAgree(_ text: String) {
        #expect(scalars(SearchTokenizer.terms(text)) == scalars(["cong", "nhan", "may", "cong", "nghiep"]))
    }

    @Test func dWithStrokeFoldsToD() {
        #expect(SearchTokenizer.terms("Đóng gói") == ["dong", "goi"])
        #expect(SearchTokenizer.terms("ĐÓNG GÓI".decomposedStringWithCanonicalMapping) == ["dong", "goi"])
    }

    @Test func digitsStayInsideTerms() {
        #expect(SearchTokenizer.terms("Thợ hàn (CO2), lương 8.000.000đ/tháng") == ["tho", "han", "co2", "luong", "8", "000", "000d", "thang"])
        #expect(SearchTokenizer.terms("Lái xe hạng C, ca 2") == ["lai", "xe", "hang", "c", "ca", "2"])
        #expect(SearchTokenizer.terms("2026") == ["2026"])
    }

    @Test func punctuationAndSymbolsSeparateTerms() {
        #expect(SearchTokenizer.terms("CNC-Operator_2026") == ["cnc", "operator", "2026"])
        #expect(SearchTokenizer.terms("“Xanh lại ước mơ” – 100% miễn phí…") == ["xanh", "lai", "uoc", "mo", "100", "mien", "phi"])
        #expect(SearchTokenizer.terms("a/b\\c.d@e+f#g") == ["a", "b", "c", "d", "e", "f", "g"])
        #expect(SearchTokenizer.terms("👷 thợ xây 🧱") == ["tho", "xay"])
    }

    @Test func emptyAndSeparatorOnlyTextHasNoTerms() {
        #expect(SearchTokenizer.terms("").isEmpty)
        #expect(SearchTokenizer.terms("  ,.;!? – … ").isEmpty)
        #expect(SearchTokenizer.terms("\u{0301}\u{0300}").isEmpty, "lone combining marks are stripped")
    }

    /// The script splits on anything that is not `\p{L}` or `\p{N}`, code point by code point; the
    /// Swift tokenizer must do the same (same terms in the index as in the query).
    @Test func letterAndNumberCategoriesMatchTheScript() {
        // U+200C/U+200D (joiners, Cf) extend a grapheme but are not letters: they separate terms.
        #expect(SearchTokenizer.terms("thợ\u{200C}hàn") == ["tho", "han"])
        #expect(SearchTokenizer.terms("thợ\u{200D}hàn") == ["tho", "han"])
        // Soft hyphen and zero-width space (Cf) separate terms too.
        #expect(SearchTokenizer.terms("công\u{00AD}nhân") == ["cong", "nhan"])
        #expect(SearchTokenizer.terms("công\u{200B}nhân") == ["cong", "nhan"])
        // Circled letters are Other_Alphabetic symbols (So), not letters (\p{L}).
        #expect(SearchTokenizer.terms("ⓐb") == ["b"])
        // Other numbers (No) and letter numbers (Nl) are numbers.
        #expect(SearchTokenizer.terms("tầng ² Ⅻ ½") == ["tang", "²", "ⅻ", "½"])
        // Capital sigma always lowers to σ (no final-sigma context), in the script too.
        #expect(SearchTokenizer.terms("ΟΔΟΣ Σ") == ["οδοσ", "σ"])
        // Letters outside the BMP are one code point each.
        #expect(SearchTokenizer.terms("𝐀𝐁 x") == ["𝐀𝐁", "x"])
        #expect(SearchTokenizer.length("𝐀") == 1 && SearchTokenizer.length("cong") == 4)
    }

    @Test func prefixesCompareCodeUnits() {
        #expect(SearchTokenizer.term("nghiep", hasPrefix: "ngh"))
        #expect(SearchTokenizer.term("nghiep", hasPrefix: "nghiep"))
        #expect(!SearchTokenizer.term("ngh", hasPrefix: "nghiep"))
        #expect(SearchTokenizer.term("𝐀𝐁", hasPrefix: "𝐀"))
        #expect(SearchTokenizer.precedes("a", "b") && SearchTokenizer.precedes("ab", "abc") && !SearchTokenizer.precedes("b", "ab"))
        // UTF-16 order, as JavaScript compares: U+FF41 (ａ) sorts after U+1D41A (𝐚, surrogates D835 DC1A)
        #expect(SearchTokenizer.precedes("𝐚", "ａ"))
    }

    @Test("tokenising folded golden text gives the words of the folded text", arguments: FoldingCase.all)
    func goldenCasesTokeniseTheFoldedText(_ item: FoldingCase) {
        let fromInput = SearchTokenizer.terms(item.input)
        let fromFolded = SearchTokenizer.terms(item.folded)
        #expect(scalars(fromInput) == scalars(fromFolded))
        for term in fromInput {
            #expect(term.unicodeScalars.allSatisfy { $0.properties.generalCategory.isLetterOrNumber }, "\(term.debugDescription)")
        }
    }

    @Test("tokenising cases shared with the script", arguments: TokenisingCase.all)
    func sharedTokenisingCases(_ item: TokenisingCase) {
        #expect(scalars(SearchTokenizer.terms(item.input)) == scalars(item.terms))
        let words = SearchTokenizer.words(item.input)
        #expect(words.map { [scalars([$0.term]), scalars([$0.form])] } == item.words.map { [scalars([$0[0]]), scalars([$0[1]])] })
        #expect(words.map(\.term) == SearchTokenizer.terms(item.input), "words and terms split alike")
    }

    @Test func theSharedCasesAreThere() {
        #expect(TokenisingCase.all.count >= 20)
        #expect(TokenisingCase.all.contains { $0.input.unicodeScalars.contains("\u{0301}") })
    }
}

/// `Fixtures/search-cases.json` (`tokenising`): text, its terms, and its words as [term, form];
/// tests/js/search.test.mjs runs the same cases against the script.
struct TokenisingCase: Decodable, Sendable, CustomTestStringConvertible {
    var input: String
    var note: String
    var terms: [String]
    var words: [[String]]

    var testDescription: String { note }

    static let all: [TokenisingCase] = {
        struct File: Decodable { var tokenising: [TokenisingCase] }
        let url = Paths.fixtures.appendingPathComponent("search-cases.json")
        guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return file.tokenising
    }()
}

extension Unicode.GeneralCategory {
    var isLetterOrNumber: Bool {
        switch self {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }
}
