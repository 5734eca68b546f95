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

    static let files = index.files()

    /// Raw bytes of what `texts` fetch one after the other, the script left out.
    static func download(_ texts: [String]) -> [Download] {
        let sizes = Dictionary(uniqueKeysWithValues: files.map { (String($0.path.dropFirst("tim-kiem/".count)), $0.data.count) })
        return SearchScript.run(texts, on: index).map { outcome in
            let names = outcome.files.filter { sizes[$0] != nil }
            return Download(names: Set(names), bytes: names.reduce(0) { $0 + sizes[$1]! })
        }
    }

    @Test func indexHasThe2000Vacancies() {
        #expect(Self.index.documentCount == 2_000)
        #expect(Self.files.filter { $0.path.hasPrefix("tim-kiem/cards-") }.count == 2_000 / SearchIndex.blockSize)
    }

    @Test("a first query stays small", arguments: ["công nhân may", "lái xe", "thợ điện ca đêm", "bảo vệ", "đóng gói",
                                                  "tho", "co", "cong nhan may ca ngay co kinh nghiem", "xyz"])
    func firstQuery(_ text: String) {
        let download = Self.download([text])[0]
        // a few shards of ~3 KB, at most 10 card blocks of ~2.5 KB and the manifest: far below 80 KB raw
        #expect(download.bytes <= 80_000, "\(text): \(download.bytes) bytes in \(download.names.count) files")
        #expect(download.names.count <= 1 + 2 * 8 + 10)
    }

    @Test func aFurtherQueryAddsLittle() {
        let second = Self.download(["công nhân may", "công nhân may ca đêm"])[1]
        #expect(second.bytes <= 40_000, "\(second.bytes) more bytes")
    }

    @Test func theWholeIndexIsNeverFetched() {
        let total = Self.files.reduce(0) { $0 + $1.data.count }
        let download = Self.download(["công nhân"])[0]
        #expect(download.bytes * 4 < total, "\(download.bytes) of \(total) bytes")
    }
}
