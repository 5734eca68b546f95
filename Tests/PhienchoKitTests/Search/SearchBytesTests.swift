import Foundation
import Testing
@testable import PhienchoKit

/// What a query downloads, on a synthetic index: a loose guard against the index growing without
/// bound. The real budget (10,000 vacancies, gzip, script included) is checked by the benchmark;
/// no timings here.
@Suite("Search: bytes a query downloads")
struct SearchBytesTests {
    static let index = SearchSample.index(SearchSample.synthetic(2_000))

    /// Raw (uncompressed) bytes of the files a query fetches: manifest, shards, card blocks.
    struct Download {
        var names: Set<String> = []
        var bytes = 0
    }

    static func download(_ text: String, after earlier: Download = Download()) -> Download {
        let files = index.files()
        let shards = index.makeShards()
        // card block N is the file whose name starts with "cards-N."
        let blocks = (0..<(index.documentCount + SearchIndex.blockSize - 1) / SearchIndex.blockSize).map { number in
            files.first { $0.path.hasPrefix("tim-kiem/cards-\(number).") }!
        }
        let manifest = files.last!
        let outcome = SearchQuery(text).run(on: index, shards: shards)
        var result = earlier
        let fetched = [manifest] + outcome.shards.map { shards[$0].file } + outcome.blocks.map { blocks[$0] }
        for file in fetched where !result.names.contains(file.path) {
            result.names.insert(file.path)
            result.bytes += file.data.count
        }
        return result
    }

    @Test func indexHasThe2000Vacancies() {
        #expect(Self.index.documentCount == 2_000)
        #expect(Self.index.files().filter { $0.path.hasPrefix("tim-kiem/cards-") }.count == 2_000 / SearchIndex.blockSize)
    }

    @Test("a first query stays small", arguments: ["công nhân may", "lái xe", "thợ điện ca đêm", "bảo vệ", "đóng gói",
                                                  "tho", "co", "cong nhan may ca ngay co kinh nghiem", "xyz"])
    func firstQuery(_ text: String) {
        let download = Self.download(text)
        // a few shards of ~3 KB, at most 10 card blocks of ~2.5 KB and the manifest: far below 80 KB raw
        #expect(download.bytes <= 80_000, "\(text): \(download.bytes) bytes in \(download.names.count) files")
        #expect(download.names.count <= 1 + 2 * 8 + SearchQuery.resultsShown)
    }

    @Test func aFurtherQueryAddsLittle() {
        let first = Self.download("công nhân may")
        let second = Self.download("công nhân may ca đêm", after: first)
        #expect(second.bytes - first.bytes <= 40_000, "\(second.bytes - first.bytes) more bytes")
    }

    @Test func theWholeIndexIsNeverFetched() {
        let total = Self.index.files().reduce(0) { $0 + $1.data.count }
        let download = Self.download("công nhân")
        #expect(download.bytes * 4 < total, "\(download.bytes) of \(total) bytes")
    }
}
