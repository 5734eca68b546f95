import Foundation
import Testing
@testable import PhienchoKit

@Suite("Search: query rules and ranking")
struct SearchQueryTests {
    typealias V = SearchSample

    // MARK: Ranking

    @Test func drivingJobsComeBeforeJobsMentioningAForklift() {
        let index = V.index([
            V.vacancy("A-1", title: "Công nhân bốc xếp kho hàng", posted: "2026-11-20",
                      description: "Ai có chứng chỉ lái xe nâng được ưu tiên."),
            V.vacancy("A-2", title: "Lái xe tải hạng C", posted: "2026-08-10", description: "Xe tải 8 tấn."),
            V.vacancy("A-3", title: "Thợ hàn", posted: "2026-11-21", description: "Có xe đưa đón."),
            V.vacancy("A-4", title: "Nhân viên giao hàng", posted: "2026-11-21", requirements: ["Có xe máy"]),
        ])
        #expect(V.titles("lái xe", in: index) == ["Lái xe tải hạng C", "Công nhân bốc xếp kho hàng"])
        #expect(V.titles("lai xe", in: index) == ["Lái xe tải hạng C", "Công nhân bốc xếp kho hàng"])
        #expect(V.titles("LÁI XE".decomposedStringWithCanonicalMapping, in: index).first == "Lái xe tải hạng C")
        #expect(V.titles("xe", in: index).first == "Lái xe tải hạng C", "a title match beats newer body matches")
    }

    @Test func drivingJobComesFirstOnTheExampleSite() throws {
        let (loaded, result) = Sample.validate(Paths.content)
        _ = loaded
        let catalog = try #require(result.catalog)
        let open = Publication(catalog.vacancies, at: date("2026-11-22")).open.map { PublicVacancy($0, isExpired: false) }
        let index = SearchIndex(vacancies: open)
        let found = V.titles("lái xe", in: index)
        #expect(found.first == "Lái xe tải hạng C")
        #expect(found.contains("Công nhân bốc xếp kho hàng"), "the forklift mention is found, but after")
        for text in ["cong nhan may", "CÔNG NHÂN MAY", "Công nhân may".decomposedStringWithCanonicalMapping] {
            #expect(V.titles(text, in: index).contains("Công nhân may công nghiệp"), "\(text.debugDescription)")
        }
        #expect(V.titles("dong goi", in: index).first == "Công nhân đóng gói sản phẩm")
    }

    @Test func titleWholeBeatsTitlePrefixBeatsBody() {
        // Newest first in the list, so that every rule has to overcome recency.
        let index = V.index([
            V.vacancy("R-1", title: "Nhân viên bảo vệ", posted: "2026-11-20", description: "Có máy hàn trong xưởng."),  // body whole
            V.vacancy("R-2", title: "Thợ sơn", posted: "2026-11-19", description: "Sơn hàng rào."),                   // body prefix
            V.vacancy("R-3", title: "Bốc xếp hàng hóa", posted: "2026-11-18"),                                        // title prefix
            V.vacancy("R-4", title: "Thợ hàn kết cấu", posted: "2026-11-17"),                                         // title whole
        ])
        #expect(V.titles("han", in: index) == ["Thợ hàn kết cấu", "Bốc xếp hàng hóa", "Nhân viên bảo vệ", "Thợ sơn"])
        // without the prefix (query ends with a space) only whole words match
        #expect(V.titles("han ", in: index) == ["Thợ hàn kết cấu", "Nhân viên bảo vệ"])
    }

    @Test func moreQueryWordsInTheTitleRankFirst() {
        let index = V.index([
            V.vacancy("M-1", title: "Công nhân kho", posted: "2026-11-20", description: "Làm việc ca đêm."),
            V.vacancy("M-2", title: "Bảo vệ ca đêm", posted: "2026-11-01", description: "Trông kho."),
        ])
        #expect(V.titles("kho ca dem", in: index) == ["Bảo vệ ca đêm", "Công nhân kho"])
    }

    @Test func newestFirstOnTies() {
        let index = V.index([
            V.vacancy("N-3", title: "Phụ bếp", posted: "2026-11-03"),
            V.vacancy("N-1", title: "Phụ bếp", posted: "2026-11-10"),
            V.vacancy("N-2", title: "Phụ bếp", posted: "2026-11-10"),
            V.vacancy("N-4", title: "Phụ bếp", posted: "2026-10-01"),
        ])
        let outcome = SearchQuery("phu bep").run(on: index, shards: index.makeShards())
        #expect(outcome.documents == [0, 1, 2, 3])
        #expect(outcome.documents.map { index.cards[$0].href } == ["viec-lam/n-1/", "viec-lam/n-2/", "viec-lam/n-3/", "viec-lam/n-4/"])
    }

    // MARK: Matching

    @Test func everyWordMustMatch() {
        let index = V.index([
            V.vacancy("W-1", title: "Thợ hàn ca đêm"),
            V.vacancy("W-2", title: "Thợ hàn", description: "Làm ca ngày."),
            V.vacancy("W-3", title: "Bảo vệ ca đêm"),
        ])
        #expect(V.titles("thợ hàn ca đêm", in: index) == ["Thợ hàn ca đêm"])
        #expect(Set(V.titles("thợ hàn ca", in: index)) == ["Thợ hàn ca đêm", "Thợ hàn"])
        #expect(V.titles("thợ hàn ca đêm xyz", in: index).isEmpty)
        #expect(V.titles("xyz", in: index).isEmpty)
    }

    @Test func onlyTheLastWordIsAPrefix() {
        let index = V.index([V.vacancy("P-1", title: "Thợ hàn kết cấu thép")])
        #expect(V.titles("tho ha", in: index) == ["Thợ hàn kết cấu thép"])
        #expect(V.titles("ha tho", in: index).isEmpty, "a word before the last is whole")
        #expect(V.titles("th han", in: index).isEmpty)
        #expect(V.titles("han th", in: index) == ["Thợ hàn kết cấu thép"])
    }

    @Test func aTrailingSpaceEndsThePrefix() {
        let index = V.index([V.vacancy("S-1", title: "Thợ hàn kết cấu thép")])
        #expect(SearchQuery("tho ha").prefixLast)
        #expect(!SearchQuery("tho ha ").prefixLast)
        #expect(!SearchQuery("tho ha\u{00A0}").prefixLast)
        #expect(SearchQuery("tho ha,").prefixLast, "punctuation is not a space")
        // the script's /\s$/: U+FEFF is a space, U+0085 is not; a trailing combining mark is not
        #expect(!SearchQuery("tho ha\u{FEFF}").prefixLast)
        #expect(SearchQuery("tho ha\u{85}").prefixLast)
        #expect(SearchQuery("tho ha \u{0301}").prefixLast)
        #expect(!SearchQuery("tho ha\n").prefixLast && !SearchQuery("tho ha\u{3000}").prefixLast)
        #expect(!SearchQuery("").prefixLast && !SearchQuery(",,").prefixLast, "no words, nothing to expand")
        #expect(V.titles("tho ha ", in: index).isEmpty)
        #expect(V.titles("tho han ", in: index) == ["Thợ hàn kết cấu thép"])
    }

    @Test func aSingleLetterLastWordIsNotExpanded() {
        let index = V.index([
            V.vacancy("L-1", title: "Lái xe tải hạng C"),
            V.vacancy("L-2", title: "Lái xe tải hạng B2"),
        ])
        #expect(V.titles("lai xe c", in: index) == ["Lái xe tải hạng C"], "a whole one-letter word still matches")
        #expect(V.titles("lai xe t", in: index).isEmpty, "t is not expanded to tai")
        #expect(V.titles("lai xe ta", in: index).count == 2)
        #expect(V.titles("hang b", in: index).isEmpty)
        #expect(V.titles("hang b2", in: index) == ["Lái xe tải hạng B2"])
        let astral = V.index([V.vacancy("L-3", title: "Mẫu 𝐀𝐁")])
        #expect(V.titles("mau 𝐀", in: astral).isEmpty, "one code point, though two UTF-16 units")
        #expect(V.titles("mau 𝐀𝐁", in: astral) == ["Mẫu 𝐀𝐁"])
        let outcome = SearchQuery("lai xe t").run(on: index, shards: index.makeShards())
        #expect(outcome.shards.count <= 3, "no prefix shards fetched for a one-letter word")
    }

    @Test func emptyQueriesFindAndFetchNothing() {
        let index = V.index(V.synthetic(50))
        for text in ["", " ", "  ,.;!? – ", "\u{0301}"] {
            let outcome = SearchQuery(text).run(on: index, shards: index.makeShards())
            #expect(outcome.documents.isEmpty && outcome.shards.isEmpty && outcome.blocks.isEmpty, "\(text.debugDescription)")
            #expect(!SearchQuery(text).prefixLast || SearchQuery(text).words.isEmpty)
        }
    }

    // MARK: What a query fetches

    @Test func outcomeNamesTheShardsOfEachWordAndTheBlocksOfTheShownResults() {
        let index = V.index(V.synthetic(2_000))
        let shards = index.makeShards()
        let firstTerms = shards.map(\.firstTerm)
        let outcome = SearchQuery("thợ điện ca đêm").run(on: index, shards: shards)
        for word in ["tho", "dien", "ca", "dem"] {
            #expect(outcome.shards.contains(SearchQuery.shard(for: word, firstTerms: firstTerms)), "\(word)")
        }
        #expect(outcome.shards.count <= 4 + SearchQuery.maximumPrefixShards - 1)
        #expect(!outcome.documents.isEmpty)
        #expect(outcome.blocks == Set(outcome.documents.prefix(SearchQuery.resultsShown).map { $0 / SearchIndex.blockSize }))
        // every result has every word: whole, or as a prefix for the last one
        let hasWord = { (document: Int, word: String, prefix: Bool) in
            index.terms.contains { ($0.term == word || (prefix && $0.term.hasPrefix(word))) && $0.all.contains(document) }
        }
        for document in outcome.documents {
            #expect(hasWord(document, "tho", false) && hasWord(document, "dien", false) && hasWord(document, "ca", false)
                    && hasWord(document, "dem", true))
        }
    }

    @Test func shardForFindsTheRangeHoldingATerm() {
        let firstTerms = ["a", "ca", "cab", "cac", "cad", "d"]
        #expect(SearchQuery.shard(for: "0", firstTerms: firstTerms) == 0, "before every first term: the first shard")
        #expect(SearchQuery.shard(for: "a", firstTerms: firstTerms) == 0)
        #expect(SearchQuery.shard(for: "bz", firstTerms: firstTerms) == 0)
        #expect(SearchQuery.shard(for: "ca", firstTerms: firstTerms) == 1)
        #expect(SearchQuery.shard(for: "caa", firstTerms: firstTerms) == 1)
        #expect(SearchQuery.shard(for: "cab", firstTerms: firstTerms) == 2)
        #expect(SearchQuery.shard(for: "cb", firstTerms: firstTerms) == 4)
        #expect(SearchQuery.shard(for: "zzz", firstTerms: firstTerms) == 5)
        #expect(SearchQuery.shard(for: "x", firstTerms: ["a"]) == 0)
        #expect(SearchQuery.shard(for: "x", firstTerms: []) == 0)
    }

    @Test func prefixShardsStayWithinBounds() {
        let firstTerms = ["a", "ca", "cab", "cac", "cad", "d"]
        #expect(SearchQuery.prefixShards(for: "ca", firstTerms: firstTerms) == [1, 2], "at most maximumPrefixShards")
        #expect(SearchQuery.prefixShards(for: "cac", firstTerms: firstTerms) == [3])
        #expect(SearchQuery.prefixShards(for: "c", firstTerms: firstTerms) == [0, 1])
        #expect(SearchQuery.prefixShards(for: "cb", firstTerms: firstTerms) == [4])
        #expect(SearchQuery.prefixShards(for: "d", firstTerms: firstTerms) == [5])
        #expect(SearchQuery.prefixShards(for: "zz", firstTerms: firstTerms) == [5])
        #expect(SearchQuery.prefixShards(for: "0", firstTerms: firstTerms) == [0])
        #expect(SearchQuery.maximumPrefixShards == 2)
    }

    @Test func aPrefixReachesIntoAtMostTwoShards() throws {
        // 600 distinct terms "ngNNN" fill several shards; "viec ng" looks into the first two only.
        let vacancies = (0..<600).map { n in
            V.vacancy(String(format: "G-%03d", n), title: "Việc ng" + String(n + 36 * 36, radix: 36))
        }
        let index = V.index(vacancies)
        let shards = index.makeShards()
        let firstTerms = shards.map(\.firstTerm)
        let spanned = Set(index.terms.filter { $0.term.hasPrefix("ng") }.map { SearchQuery.shard(for: $0.term, firstTerms: firstTerms) })
        #expect(spanned.count > 2, "the fixture spreads the ng… terms over \(spanned.count) shards")

        let range = SearchQuery.prefixShards(for: "ng", firstTerms: firstTerms)
        #expect(range.count == SearchQuery.maximumPrefixShards)
        let reachable = Set(index.terms.filter { $0.term.hasPrefix("ng") && range.contains(SearchQuery.shard(for: $0.term, firstTerms: firstTerms)) }
            .flatMap(\.all))
        let outcome = SearchQuery("viec ng").run(on: index, shards: shards)
        #expect(Set(outcome.documents) == reachable)
        #expect(outcome.documents.count < 600, "the bound keeps a short prefix from fetching every shard")
        #expect(outcome.shards.isSubset(of: Set(range).union([SearchQuery.shard(for: "viec", firstTerms: firstTerms)])))
        // a longer prefix narrows the range and finds its terms wherever they are
        let last = try #require(index.terms.last { $0.term.hasPrefix("ng") })
        #expect(SearchQuery("viec \(last.term.dropLast())").run(on: index, shards: shards).documents.contains(last.all[0]))
    }
}
