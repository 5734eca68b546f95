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
        let outcome = SearchScript.run("phu bep", on: index)
        #expect(outcome.documents == [0, 1, 2, 3])
        #expect(outcome.documents.map { index.cards[$0].href } == ["viec-lam/n-1/", "viec-lam/n-2/", "viec-lam/n-3/", "viec-lam/n-4/"])
    }

    @Test func typedDiacriticsPickTheWordAsWritten() {
        // "may" (sewing) and "máy" (machine) fold alike; the newer machine job would otherwise lead.
        let index = V.index([
            V.vacancy("D-1", title: "Công nhân vận hành máy", posted: "2026-11-20"),
            V.vacancy("D-2", title: "Công nhân may", posted: "2026-11-01"),
        ])
        #expect(V.titles("công nhân may", in: index) == ["Công nhân may", "Công nhân vận hành máy"])
        // a word typed with diacritics must be written so; otherwise the result is approximate
        #expect(V.titles("công nhân máy", in: index) == ["Công nhân vận hành máy"])
        #expect(V.allTitles("công nhân máy", in: index) == ["Công nhân vận hành máy", "Công nhân may"])
        #expect(V.titles("cong nhan may", in: index) == ["Công nhân may", "Công nhân vận hành máy"], "adjacency, not the accent")
        #expect(V.titles("máy", in: index) == ["Công nhân vận hành máy"])
        #expect(V.titles("công nhân mây", in: index).isEmpty && V.allTitles("công nhân mây", in: index).count == 2)
        #expect(V.titles("may", in: index) == ["Công nhân vận hành máy", "Công nhân may"], "no diacritics typed: newest first")
    }

    @Test func wordsNextToEachOtherInTheTitleRankFirst() {
        let index = V.index([
            V.vacancy("J-1", title: "Nhân viên kho, có xe tải", posted: "2026-11-20"),
            V.vacancy("J-2", title: "Lái xe tải", posted: "2026-11-01"),
        ])
        #expect(V.titles("xe tải", in: index) == ["Nhân viên kho, có xe tải", "Lái xe tải"])
        #expect(V.titles("lái xe", in: index) == ["Lái xe tải"])
        #expect(V.titles("tải xe", in: index) == ["Nhân viên kho, có xe tải", "Lái xe tải"], "order matters: neither has tải xe")
    }

    @Test func aCommuneNamedInTheQueryRanksItsVacanciesFirst() {
        // SearchSample's communes: 0 Gia Trấn, 1 Phát Diệm, …; the employer "Gia Trấn" elsewhere
        // also holds every word.
        let gia = V.communes.firstIndex { $0.name == "Gia Trấn" }!
        let other = V.communes.firstIndex { $0.name != "Gia Trấn" }!
        let index = V.index([
            V.vacancy("C-1", title: "Phụ hồ", posted: "2026-11-20", employer: "Công ty Gia Trấn", commune: other),
            V.vacancy("C-2", title: "Phụ hồ", posted: "2026-11-01", commune: gia),
            V.vacancy("C-3", title: "Thợ hàn", posted: "2026-11-21", commune: gia),
        ])
        #expect(V.titles("phu ho gia tran", in: index).count == 2)
        let found = SearchScript.run("phu ho gia tran", on: index)
        #expect(found.documents.prefix(found.complete).map { index.cards[$0].href } == ["viec-lam/c-2/", "viec-lam/c-1/"])
        #expect(index.cards[found.documents[2]].href == "viec-lam/c-3/", "Gia Trấn's welder: a part of the words")
    }

    @Test func aSectorNamedInTheQueryRanksItsVacanciesFirst() {
        let building = V.sectors.firstIndex { $0.name == "Xây dựng" }!
        let farming = V.sectors.firstIndex { $0.name == "Nông nghiệp" }!
        let clothing = V.sectors.firstIndex { $0.name == "Dệt may – Da giày" }!
        let index = V.index([
            V.vacancy("K-1", title: "Thợ phụ", posted: "2026-11-20", sector: farming, description: "Sửa chuồng, phụ xây dựng."),
            V.vacancy("K-2", title: "Thợ phụ", posted: "2026-11-01", sector: building),
            V.vacancy("K-3", title: "Thợ phụ", posted: "2026-11-02", sector: clothing, description: "Xưởng giày da."),
            V.vacancy("K-4", title: "Thợ phụ", posted: "2026-11-03", sector: farming, description: "Xưởng giày da."),
        ])
        #expect(SearchScript.run("thợ phụ xây dựng", on: index).documents.map { index.cards[$0].href }.prefix(2) == ["viec-lam/k-2/", "viec-lam/k-1/"])
        #expect(V.titles("tho phu da giay", in: index) == ["Thợ phụ", "Thợ phụ"])
        #expect(SearchScript.run("tho phu da giay", on: index).documents.map { index.cards[$0].href }.prefix(2) == ["viec-lam/k-3/", "viec-lam/k-4/"],
                "a part of the sector's name (Dệt may – Da giày) names it")
    }

    // MARK: Matching

    @Test func documentsWithAllWordsComeBeforeThoseWithMostAndThoseWithSome() {
        let index = V.index([
            V.vacancy("W-3", title: "Bảo vệ ca đêm", posted: "2026-11-21"),
            V.vacancy("W-2", title: "Thợ hàn", posted: "2026-11-20", description: "Làm ca ngày."),
            V.vacancy("W-1", title: "Thợ hàn ca đêm", posted: "2026-11-01"),
        ])
        let outcome = SearchScript.run("thợ hàn ca đêm", on: index)
        #expect(outcome.documents.map { index.cards[$0].title } == ["Thợ hàn ca đêm", "Thợ hàn", "Bảo vệ ca đêm"])
        #expect(outcome.complete == 1, "the other two are labelled Kết quả gần đúng")
        #expect(Set(V.titles("thợ hàn ca", in: index)) == ["Thợ hàn ca đêm", "Thợ hàn"])
        let unknown = SearchScript.run("thợ hàn ca đêm xyz", on: index)
        #expect(unknown.complete == 0 && unknown.documents.first.map { index.cards[$0].title } == "Thợ hàn ca đêm")
        #expect(SearchScript.run("xyz", on: index).documents.isEmpty)
    }

    @Test func oneTypoIsForgivenInWordsOfFourLettersOrMore() {
        let index = V.index([
            V.vacancy("T-1", title: "Công nhân đóng gói"),
            V.vacancy("T-2", title: "Lái xe tải"),
        ])
        #expect(V.titles("cong nhna", in: index) == ["Công nhân đóng gói"], "two letters swapped")
        #expect(V.titles("congg nhan", in: index) == ["Công nhân đóng gói"], "a letter added")
        #expect(V.titles("cong nhan dongg", in: index) == ["Công nhân đóng gói"], "the last word, still typed")
        #expect(V.titles("dongg goi", in: index) == ["Công nhân đóng gói"])
        let fixed = SearchScript.run("cong nhna", on: index).fixed
        #expect(fixed.map(\.typed) == ["nhna"] && fixed.first?.terms == ["nhân"])
        #expect(V.titles("cinh nhan", in: index).isEmpty, "cinh: a four-letter word two edits away")
        #expect(V.titles("lai xee", in: index).isEmpty, "xee has three letters: no typo tolerance")
        #expect(V.allTitles("lai xee", in: index) == ["Lái xe tải"], "but lái matches: an approximate result")
    }

    @Test func aQueryFindingNothingSuggestsNearWords() {
        let index = V.index([V.vacancy("U-1", title: "Nhân viên bảo vệ")])
        let outcome = SearchScript.run("bbaao vvieen", on: index)
        #expect(outcome.documents.isEmpty, "two edits from five letters are not forgiven")
        #expect(outcome.suggestions == ["bảo viên"], "but suggested, with the diacritics of the titles")
        #expect(SearchScript.run("bap", on: index).suggestions == ["bảo"], "one edit from three letters is suggested only")
        #expect(SearchScript.run("qqqqqq", on: index).suggestions.isEmpty)
    }

    @Test func onlyTheLastWordIsAPrefix() {
        let index = V.index([V.vacancy("P-1", title: "Thợ hàn kết cấu thép")])
        #expect(V.titles("tho ha", in: index) == ["Thợ hàn kết cấu thép"])
        #expect(V.titles("ha tho", in: index).isEmpty, "a word before the last is whole")
        #expect(V.titles("th han", in: index).isEmpty)
        #expect(V.titles("han th", in: index) == ["Thợ hàn kết cấu thép"])
        #expect(V.titles("tho ha ", in: index).isEmpty, "a trailing space ends the prefix")
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
    }

    @Test func emptyQueriesFindAndFetchNothing() {
        let index = V.index(V.synthetic(50))
        let outcomes = SearchScript.run(["", " ", "  ,.;!? – ", "\u{0301}"], on: index)
        for outcome in outcomes {
            #expect(outcome.documents.isEmpty && outcome.shards.isEmpty && outcome.blocks.isEmpty)
        }
    }

    // MARK: What a query fetches

    @Test func aQueryFetchesTheShardsOfItsWordsAndTheBlocksOfTheShownResults() {
        let index = V.index(V.synthetic(2_000))
        let firstTerms = index.makeShards().map(\.firstTerm)
        let outcome = SearchScript.run("thợ điện ca đêm", on: index)
        let shardOf = { (term: String) in firstTerms.lastIndex { !SearchTokenizer.precedes(term, $0) } ?? 0 }
        for word in ["tho", "dien", "ca", "dem"] { #expect(outcome.shards.contains(shardOf(word)), "\(word)") }
        #expect(outcome.shards.count <= 5)
        #expect(!outcome.files.contains { $0.hasPrefix("words-") }, "no vocabulary without a typo")
        #expect(outcome.complete > 0)
        #expect(outcome.blocks == Set(outcome.documents.prefix(10).map { $0 / SearchIndex.blockSize }))
        // every complete result has every word: whole, or as a prefix for the last one
        let hasWord = { (document: Int, word: String, prefix: Bool) in
            index.terms.contains { ($0.term == word || (prefix && $0.term.hasPrefix(word))) && $0.all.contains(document) }
        }
        for document in outcome.documents.prefix(outcome.complete) {
            #expect(hasWord(document, "tho", false) && hasWord(document, "dien", false) && hasWord(document, "ca", false)
                    && hasWord(document, "dem", true))
        }
    }

    @Test func aPrefixReachesIntoAtMostTwoShards() {
        // 600 distinct terms "ngNNN" fill several shards; "viec ng" looks into the first two only.
        let vacancies = (0..<600).map { n in
            V.vacancy(String(format: "G-%03d", n), title: "Việc ng" + String(n + 36 * 36, radix: 36))
        }
        let index = V.index(vacancies)
        let outcome = SearchScript.run("viec ng", on: index)
        #expect(outcome.complete < 600, "the bound keeps a short prefix from fetching every shard")
        #expect(outcome.complete > 0)
        #expect(outcome.shards.count <= 3)
        let last = index.terms.last { $0.term.hasPrefix("ng") }!
        let longer = SearchScript.run("viec \(last.term.dropLast())", on: index)
        #expect(longer.documents.prefix(longer.complete).contains(last.all[0]), "a longer prefix finds its terms wherever they are")
    }
}
