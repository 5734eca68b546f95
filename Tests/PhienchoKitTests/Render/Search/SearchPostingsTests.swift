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

/// One case of `Fixtures/postings-cases.json`, shared with the script's tests (tests/js/search.test.mjs).
struct PostingsCase: Decodable, Sendable, CustomTestStringConvertible {
    var note: String?
    var documents: [Int]
    var documentCount: Int
    var encoded: String
    /// The list the documents are encoded within (relative encodings), if any.
    var parent: [Int]?

    var testDescription: String { note ?? encoded }

    static let all: [PostingsCase] = {
        let url = Paths.fixtures.appendingPathComponent("postings-cases.json")
        guard let data = try? Data(contentsOf: url), let cases = try? JSONDecoder().decode([PostingsCase].self, from: data) else {
            return []
        }
        return cases
    }()
}

@Suite("Search: postings encoding")
struct SearchPostingsTests {
    @Test func sharedCasesArePresentAndCoverBothForms() {
        let cases = PostingsCase.all
        #expect(cases.count >= 10)
        #expect(cases.contains { $0.encoded.isEmpty })
        #expect(cases.contains { $0.encoded.hasPrefix("d") })
        #expect(cases.contains { $0.encoded.hasPrefix("b") })
        #expect(cases.contains { $0.documentCount % 8 != 0 && $0.encoded.hasPrefix("b") })
        for kind in ["a", "r", "c"] { #expect(cases.contains { $0.parent != nil && $0.encoded.hasPrefix(kind) }) }
    }

    @Test("encode gives the shared fixture's text", arguments: PostingsCase.all)
    func encodeMatchesFixture(_ item: PostingsCase) {
        if let parent = item.parent {
            #expect(SearchIndex.encode(item.documents, within: parent, documentCount: item.documentCount) == item.encoded)
        } else {
            #expect(SearchIndex.encode(item.documents, documentCount: item.documentCount) == item.encoded)
        }
    }

    @Test("decode gives the shared fixture's documents", arguments: PostingsCase.all)
    func decodeMatchesFixture(_ item: PostingsCase) {
        #expect(SearchIndex.decode(item.encoded, documentCount: item.documentCount, parent: item.parent ?? []) == item.documents)
    }

    @Test func emptyListIsTheEmptyString() {
        #expect(SearchIndex.encode([], documentCount: 0) == "")
        #expect(SearchIndex.encode([], documentCount: 1000) == "")
        #expect(SearchIndex.decode("", documentCount: 1000) == [])
    }

    @Test func sparseListUsesBase36Gaps() {
        // gaps: 5, 0, 35 → "5", "0", "z"; 36 → "10"
        #expect(SearchIndex.encode([5, 6, 42, 79], documentCount: 10_000) == "d5,0,z,10")
        #expect(SearchIndex.decode("d5,0,z,10", documentCount: 10_000) == [5, 6, 42, 79])
    }

    @Test func denseListUsesAnLSBFirstBitmap() {
        // documents 0–7 and 9 of 16: bytes 0xFF, 0x02 → "/wI="; documents 0, 2, 9: 0x05, 0x02 → "BQI="
        let encoded = SearchIndex.encode([0, 1, 2, 3, 4, 5, 6, 7, 9], documentCount: 16)
        #expect(encoded == "b/wI=")
        #expect(SearchIndex.decode("bBQI=", documentCount: 16) == [0, 2, 9])
        // bits past documentCount (padding of the last byte) are ignored
        #expect(SearchIndex.decode("b/w==", documentCount: 5) == [0, 1, 2, 3, 4])
    }

    @Test("round trip", arguments: [
        (Array(0..<1), 1), (Array(0..<7), 7), (Array(0..<8), 8), (Array(0..<9), 9),
        (Array(stride(from: 0, to: 10_000, by: 97)), 10_000),  // sparse
        (Array(stride(from: 1, to: 10_000, by: 2)), 10_000),   // dense
        (Array(0..<10_000), 10_000),                           // every document
        ([9_999], 10_000), ([0, 9_999], 10_000),
        (Array(stride(from: 3, to: 2_000, by: 11)), 2_003),
    ])
    func roundTrip(_ documents: [Int], _ count: Int) {
        let encoded = SearchIndex.encode(documents, documentCount: count)
        #expect(SearchIndex.decode(encoded, documentCount: count) == documents)
    }

    @Test func choosesTheShorterForm() {
        var random = SeededGenerator(seed: 36)
        let randomLists = (0..<300).map { _ -> ([Int], Int) in
            let count = Int.random(in: 1...3_000, using: &random)
            let density = Double.random(in: 0.001...0.6, using: &random)
            return ((0..<count).filter { _ in Double.random(in: 0..<1, using: &random) < density }, count)
        }.filter { !$0.0.isEmpty }
        for (documents, count) in [([3], 10_000), (Array(0..<500), 1_000), (Array(stride(from: 0, to: 1_000, by: 9)), 1_000),
                                   (Array(stride(from: 0, to: 1_000, by: 40)), 1_000), ([0, 1, 2, 39], 40)] + randomLists {
            let sparse = "d" + zip(documents, [-1] + documents).map { String($0 - $1 - 1, radix: 36) }.joined(separator: ",")
            var bitmap = [UInt8](repeating: 0, count: (count + 7) / 8)
            for document in documents { bitmap[document / 8] |= 1 << UInt8(document % 8) }
            let dense = "b" + Data(bitmap).base64EncodedString()
            let encoded = SearchIndex.encode(documents, documentCount: count)
            #expect(encoded.utf8.count == min(sparse.utf8.count, dense.utf8.count))
            #expect(encoded == (dense.utf8.count < sparse.utf8.count ? dense : sparse), "a tie keeps the sparse form")
        }
        #expect(SearchIndex.encode([3], documentCount: 10_000).hasPrefix("d"))
        #expect(SearchIndex.encode(Array(0..<500), documentCount: 1_000).hasPrefix("b"))
    }

    @Test func listsWithinAParentRoundTripAndAreNeverLongerThanAlone() {
        var random = SeededGenerator(seed: 24)
        for _ in 0..<400 {
            let count = Int.random(in: 1...4_000, using: &random)
            let parentDensity = Double.random(in: 0.001...1, using: &random)
            let parent = (0..<count).filter { _ in Double.random(in: 0..<1, using: &random) < parentDensity }
            let density = Double.random(in: 0...1, using: &random)
            let documents = parent.filter { _ in Double.random(in: 0..<1, using: &random) < density }
            let encoded = SearchIndex.encode(documents, within: parent, documentCount: count)
            #expect(SearchIndex.decode(encoded, documentCount: count, parent: parent) == documents, "\(encoded.prefix(12))")
            #expect(encoded.utf8.count <= max(1, SearchIndex.encode(documents, documentCount: count).utf8.count))
        }
        // a list that is not inside its parent falls back to the absolute form
        #expect(SearchIndex.encode([2, 5], within: [1, 2, 3], documentCount: 10) == SearchIndex.encode([2, 5], documentCount: 10))
        #expect(SearchIndex.intersection([1, 3, 5, 7], [0, 3, 4, 7, 9]) == [3, 7])
    }

    @Test func postingsNeedNoEscapingInJSON() {
        for item in PostingsCase.all {
            #expect(JSON.string(item.encoded).serialized == "\"\(item.encoded)\"")
        }
    }
}
