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

@Suite("Search: index builder")
struct SearchIndexBuilderTests {
    // MARK: What is indexed

    @Test func onlyOpenVacanciesInListingOrder() {
        let vacancies = [
            SearchSample.vacancy("T-1", title: "Việc alpha", posted: "2026-11-01"),
            SearchSample.vacancy("T-2", title: "Việc bravo", posted: "2026-11-10"),
            SearchSample.vacancy("T-3", title: "Việc charlie nháp", status: .draft),
            SearchSample.vacancy("T-4", title: "Việc delta rút", status: .withdrawn),
            SearchSample.vacancy("T-5", title: "Việc echo hết hạn", posted: "2026-10-01", expires: "2026-11-01"),
            SearchSample.vacancy("T-6", title: "Việc foxtrot sắp đăng", posted: "2026-12-01"),
            SearchSample.vacancy("T-7", title: "Việc golf", posted: "2026-11-10"),
            SearchSample.vacancy("T-8", title: "Việc hotel hôm nay hết hạn", posted: "2026-11-05", expires: "2026-11-22"),
        ]
        let index = SearchSample.index(vacancies)
        #expect(index.documentCount == 4)
        // newest posted first, ties by slug; the last open day still counts
        #expect(index.cards.map(\.title) == ["Việc bravo", "Việc golf", "Việc hotel hôm nay hết hạn", "Việc alpha"])
        #expect(index.cards.map(\.href) == ["viec-lam/t-2/", "viec-lam/t-7/", "viec-lam/t-8/", "viec-lam/t-1/"])
        for word in ["alpha", "bravo", "golf", "hotel"] { #expect(index.termSet.contains(word), "\(word)") }
        for word in ["charlie", "nhap", "delta", "rut", "echo", "foxtrot", "dang"] { #expect(!index.termSet.contains(word), "\(word)") }
        #expect(index.postings(of: "viec")?.all == [0, 1, 2, 3])
        #expect(index.postings(of: "alpha")?.all == [3])
    }

    /// A vacancy decoded from front matter, with a distinct word in every field.
    static let everyField = """
    ---
    id: NB-T-001
    title: Công nhân may tieudeviec
    status: approved
    posted: 2026-11-01
    expires: 2026-11-30
    employer:
      name: Công ty donvituyendung
      address: Xóm diachidonvi, xã Gia Trấn
      phone: "0229 3 861 111"
      email: thudientu@example.vn
      website: https://trangwebdonvi.example.vn
    location:
      commune: Phát Diệm
      address: Xưởng diachinoilam
    sector: Nông nghiệp
    employment_type: full_time
    openings: 7
    salary:
      min: 6500000
      max: 9000000
      period: month
    requirements:
      - Biết yeucaumot
      - Có yeucauhai
    benefits:
      - Được quyenloiduoc
    tags:
      - nhanthe
    apply: "Gọi cachungtuyen 0912 345 678"
    internal:
      ghi_chu: ghichunoibo
      nguoi_gioi_thieu: nguoigioithieu
    ---
    Mô tả motacongviec **đậm** và [liên kết](https://lienketmota.example.vn).

    """

    @Test func indexesTheSearchableFieldsAndNothingElse() throws {
        let (decoded, problems) = Sample.decode(Self.everyField)
        #expect(problems.errors.isEmpty, "\(problems.described)")
        let vacancy = try #require(decoded)
        let index = SearchIndex(vacancies: [PublicVacancy(vacancy, isExpired: false)])
        let terms = index.termSet

        let searchable = ["Công nhân may tieudeviec", "Công ty donvituyendung", "Phát Diệm", "Nông nghiệp",
                          "nhanthe", "Biết yeucaumot", "Có yeucauhai", vacancy.descriptionText]
        #expect(terms == Set(searchable.flatMap(SearchTokenizer.terms)))
        for word in ["tieudeviec", "donvituyendung", "phat", "diem", "nong", "nghiep", "nhanthe", "yeucaumot",
                     "yeucauhai", "motacongviec", "dam", "lien", "ket"] {
            #expect(terms.contains(word), "\(word) should be a term")
        }
        for word in ["ghichunoibo", "nguoigioithieu", "ghi", "chu",       // internal notes (dropped at decoding)
                     "0229", "861", "111", "thudientu", "trangwebdonvi",  // employer phone, e-mail, website
                     "diachidonvi", "diachinoilam", "xuong",              // addresses
                     "quyenloiduoc", "cachungtuyen", "0912",              // benefits, how to apply
                     "6500000", "6", "500", "9", "7", "thang",            // salary, openings
                     "lienketmota", "https", "gia", "tran", "xa"] {       // link target, employer's commune
            #expect(!terms.contains(word), "\(word) should not be a term")
        }
        // title postings only for title words
        #expect(index.postings(of: "tieudeviec")?.title == [0])
        #expect(index.postings(of: "cong")?.title == [0])
        #expect(index.postings(of: "donvituyendung")?.title == [])
        #expect(index.postings(of: "motacongviec")?.title == [])
    }

    @Test func cardsCarryWhatAResultShows() throws {
        let (decoded, _) = Sample.decode(Self.everyField)
        let index = SearchIndex(vacancies: [PublicVacancy(try #require(decoded), isExpired: false)])
        #expect(index.cards == [SearchIndex.Card(title: "Công nhân may tieudeviec", href: "viec-lam/nb-t-001/",
                                                 employer: "Công ty donvituyendung", commune: "xã Phát Diệm",
                                                 salary: "6.500.000 – 9.000.000 đồng/tháng", expires: date("2026-11-30").vietnamese)])
        let block = try #require(index.files().first { $0.path.hasPrefix("tim-kiem/cards-0.") })
        let cards = try #require(try JSONSerialization.jsonObject(with: block.data) as? [[String]])
        #expect(cards == [["Công nhân may tieudeviec", "viec-lam/nb-t-001/", "Công ty donvituyendung", "xã Phát Diệm",
                           "6.500.000 – 9.000.000 đồng/tháng", date("2026-11-30").vietnamese]])
    }

    @Test func termsAreSortedInUTF16OrderWithoutDuplicates() {
        let index = SearchSample.index(SearchSample.synthetic(300) + [
            SearchSample.vacancy("X-1", title: "Zebra ábc abc Ωmega ωmega ｆｕｌｌ 𝐁old ﬁ"),
        ])
        let terms = index.terms.map(\.term)
        #expect(Set(terms).count == terms.count)
        for (a, b) in zip(terms, terms.dropFirst()) {
            #expect(a.utf16.lexicographicallyPrecedes(b.utf16), "\(a) < \(b)")
        }
        for entry in index.terms {
            #expect(entry.all == entry.all.sorted() && Set(entry.all).count == entry.all.count)
            #expect(Set(entry.title).isSubset(of: Set(entry.all)))
        }
    }

    // MARK: Files

    struct ParsedFiles {
        var manifest: [String: Any]
        var shards: [(first: String, name: String)]
        var blocks: [String]
        var byName: [String: Data]

        /// The JSON of the file `name`, as `type`.
        func json<T>(_ name: String, as type: T.Type, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
            let data = try #require(byName[name], "\(name) is missing", sourceLocation: sourceLocation)
            let object = try JSONSerialization.jsonObject(with: data)
            return try #require(object as? T, sourceLocation: sourceLocation)
        }
    }

    func parse(_ files: [OutputFile]) throws -> ParsedFiles {
        let manifestFile = try #require(files.last)
        #expect(manifestFile.path == "tim-kiem/manifest.json", "manifest last")
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestFile.data) as? [String: Any])
        let shards = try #require(manifest["shards"] as? [[String]]).map { (first: $0[0], name: $0[1]) }
        let blocks = try #require(manifest["blocks"] as? [String])
        var byName: [String: Data] = [:]
        for file in files {
            #expect(file.path.hasPrefix("tim-kiem/"))
            byName[String(file.path.dropFirst("tim-kiem/".count))] = file.data
        }
        return ParsedFiles(manifest: manifest, shards: shards, blocks: blocks, byName: byName)
    }

    /// A shard's terms in file order (JSONSerialization forgets object key order).
    func orderedKeys(_ data: Data) -> [String] {
        var keys: [String] = []
        let text = String(decoding: data, as: UTF8.self)
        var rest = text.dropFirst()   // "{"
        while let quote = rest.firstIndex(of: "\"") {
            let afterQuote = rest[rest.index(after: quote)...]
            guard let close = afterQuote.firstIndex(of: "\"") else { break }
            keys.append(String(afterQuote[..<close]))
            guard let end = afterQuote[close...].firstIndex(of: "]") else { break }
            rest = afterQuote[afterQuote.index(after: end)...]
        }
        return keys
    }

    @Test func shardsAreSortedContiguousAndSmall() throws {
        let index = SearchSample.index(SearchSample.synthetic(2_000))
        let files = try parse(index.files())
        #expect(files.shards.count > 5, "2,000 vacancies need several shards")
        var seen: [String] = []
        for (number, shard) in files.shards.enumerated() {
            let data = try #require(files.byName[shard.name])
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [Any]])
            let keys = orderedKeys(data)
            #expect(Set(keys) == Set(object.keys) && keys.count == object.count)
            #expect(keys.first == shard.first, "manifest names the first term of shard \(number)")
            if keys.count > 1 {
                #expect(data.count <= SearchIndex.targetShardBytes + 2, "shard \(number) has \(data.count) bytes")
            }
            for postings in object.values {
                #expect(postings.count == 2 || (postings.count == 3 && postings[2] is [String: Any]))
            }
            seen += keys
        }
        #expect(seen == index.terms.map(\.term), "the shards hold every term once, in order")
        // no degenerate splitting: a shard ends only when the next term would not fit
        let sizes = files.shards.map { files.byName[$0.name]!.count }
        for (size, next) in zip(sizes, sizes.dropFirst()) { #expect(size + next > SearchIndex.targetShardBytes) }
    }

    @Test func shardPostingsDecodeToTheIndex() throws {
        let index = SearchSample.index(SearchSample.synthetic(500))
        let files = try parse(index.files())
        let count = index.documentCount
        var seen = 0
        var extras: Set<String> = []
        for shard in files.shards {
            let object = try #require(try JSONSerialization.jsonObject(with: files.byName[shard.name]!) as? [String: [Any]])
            for (term, postings) in object {
                let entry = try #require(index.entry(term))
                seen += 1
                let all = SearchIndex.decode(postings[0] as! String, documentCount: count)
                let title = SearchIndex.decode(postings[1] as! String, documentCount: count)
                #expect(all == entry.all && title == entry.title, "\(term)")
                let more = postings.count > 2 ? try #require(postings[2] as? [String: Any]) : [:]
                extras.formUnion(more.keys)
                let keyed = { (key: String, parent: [Int]) -> [String: [Int]] in
                    ((more[key] as? [String: String]) ?? [:]).mapValues { SearchIndex.decode($0, documentCount: count, parent: parent) }
                }
                if let form = more["f"] as? String {
                    #expect(entry.forms.map(\.form) == [form] && form != term)
                } else if more["v"] != nil {
                    #expect(keyed("v", all) == Dictionary(uniqueKeysWithValues: entry.forms.map { ($0.form, $0.documents) }), "\(term)")
                } else {
                    #expect(entry.forms.map(\.form) == [term], "\(term)")
                }
                let next = ((more["n"] as? [String: String]) ?? [:]).map { key, postings in
                    (key, SearchIndex.decode(postings, documentCount: count, parent: SearchIndex.intersection(all, index.entry(key)?.all ?? [])))
                }
                #expect(Dictionary(uniqueKeysWithValues: next) == Dictionary(uniqueKeysWithValues: entry.next.map { ($0.term, $0.documents) }), "\(term)")
                #expect(keyed("p", all) == Dictionary(uniqueKeysWithValues: entry.communes.map { ($0.phrase, $0.documents) }), "\(term)")
                #expect(keyed("s", all) == Dictionary(uniqueKeysWithValues: entry.sectors.map { ($0.phrase, $0.documents) }), "\(term)")
                if more["v"] != nil && !title.isEmpty {
                    #expect(keyed("t", title) == Dictionary(uniqueKeysWithValues: entry.titleForms.map { ($0.form, $0.documents) }), "\(term)")
                }
            }
        }
        #expect(seen == index.terms.count)
        #expect(extras == ["f", "v", "t", "n", "p", "s"], "the sample exercises every kind of extra")
    }

    @Test func titlesKeepTheirFormsNeighboursAndPlaces() throws {
        let index = SearchSample.index([
            SearchSample.vacancy("F-1", title: "Thợ may", commune: 0, sector: 0),
            SearchSample.vacancy("F-2", title: "Vận hành máy may", commune: 1, sector: 1),
        ])
        let may = try #require(index.entry("may"))
        #expect(may.forms.map(\.form) == ["may", "máy"] && may.forms.map(\.documents) == [[0, 1], [1]])
        #expect(try #require(index.entry("may")).next.map(\.term) == ["da", "may"], "titles, and the sector's name")
        #expect(try #require(index.entry("tho")).next.map(\.term) == ["may"])
        #expect(try #require(index.entry("gia")).communes.map(\.phrase) == ["gia tran"])
        #expect(try #require(index.entry("det")).sectors.map(\.phrase) == ["det may"], "Dệt may – Da giày: each part a phrase")
        #expect(try #require(index.entry("da")).sectors.map(\.phrase) == ["da giay"])
        #expect(try #require(index.entry("xay")).sectors.map(\.phrase) == ["xay dung"])
        #expect(try #require(index.entry("may")).titleForms.map(\.form) == ["may", "máy"])
        #expect(index.entry("gia")?.all == [0], "a place's words are searched too")
    }

    @Test func vocabularyFilesListTermsByLength() throws {
        let index = SearchSample.index([SearchSample.vacancy("V-1", title: "Công nhân đóng gói", description: "Ca 12 giờ, 2026.")])
        let files = index.vocabularyFiles()
        #expect(files.map(\.length) == [3, 4])
        let words = { (length: Int) in
            try JSONSerialization.jsonObject(with: files.first { $0.length == length }!.data) as! [[Any]]
        }
        #expect(try words(4).map { $0[0] as! String } == ["cong", "dong", "giay", "nhan", "tran"])
        #expect(try words(4).first { $0[0] as! String == "cong" }?.last as? String == "công")
        #expect(try words(3).map { $0[0] as! String }.contains("gio") && !(try words(4).contains { $0[0] as! String == "2026" }),
                "numbers are left out")
    }

    @Test func aTermBiggerThanAShardGetsAShardOfItsOwn() throws {
        let huge = String(repeating: "m", count: SearchIndex.targetShardBytes + 500)
        let index = SearchSample.index(SearchSample.synthetic(200) + [SearchSample.vacancy("X-1", title: "Việc \(huge)")])
        let files = try parse(index.files())
        let own = try #require(files.shards.first { $0.first == huge })
        let data = try #require(files.byName[own.name])
        #expect(orderedKeys(data) == [huge])
        #expect(data.count > SearchIndex.targetShardBytes)
        for shard in files.shards where shard.first != huge {
            let data = try #require(files.byName[shard.name])
            // "viec" is followed by the huge term in a title: its entry is too big for any shard
            #expect(data.count <= SearchIndex.targetShardBytes + 2 || orderedKeys(data) == ["viec"])
        }
    }

    @Test func manifestListsShardsAndBlocks() throws {
        let index = SearchSample.index(SearchSample.synthetic(100))
        let output = index.files()
        let files = try parse(output)
        #expect(files.manifest["version"] as? Int == 2)
        #expect(files.manifest["documents"] as? Int == 100)
        #expect(files.manifest["blockSize"] as? Int == SearchIndex.blockSize)
        #expect(files.shards.map(\.first) == index.makeShards().map(\.firstTerm))
        #expect(files.blocks.count == (100 + SearchIndex.blockSize - 1) / SearchIndex.blockSize)
        let words = try #require(files.manifest["words"] as? [[Any]])
        #expect(words.map { $0[0] as? Int } == index.vocabularyFiles().map(\.length))
        let listed = Set(files.shards.map(\.name) + files.blocks + words.map { $0[1] as! String } + ["manifest.json"])
        #expect(listed == Set(files.byName.keys), "the manifest lists every file, and only files that exist")
        #expect(output.count == listed.count)
        // card block N holds documents N*blockSize ..< (N+1)*blockSize
        for (number, name) in files.blocks.enumerated() {
            let cards = try files.json(name, as: [[String]].self)
            let range = number * SearchIndex.blockSize ..< min(100, (number + 1) * SearchIndex.blockSize)
            #expect(cards.map { $0[0] } == index.cards[range].map(\.title))
            #expect(cards.allSatisfy { $0.count == 6 })
        }
        #expect(try #require(files.byName["manifest.json"]).count < 2_000, "the manifest stays tiny")
    }

    @Test func everyFileButTheManifestIsNamedWithTheIndexHash() throws {
        let output = SearchSample.index(SearchSample.synthetic(100)).files()
        var hashes: Set<Substring> = []
        for file in output where file.path != "tim-kiem/manifest.json" {
            let name = String(file.path.dropFirst("tim-kiem/".count))
            let match = try #require(name.wholeMatch(of: /(shard|cards|words)-[0-9]+\.([0-9a-f]{10})\.json/), "\(name)")
            hashes.insert(match.2)
        }
        #expect(hashes.count == 1, "one hash, so the manifest's list of names compresses well")
    }

    @Test func sameContentGivesTheSameNamesAndChangedContentNewOnes() throws {
        let vacancies = SearchSample.synthetic(200)
        let first = SearchSample.index(vacancies).files()
        let again = SearchSample.index(vacancies).files()
        #expect(first == again)

        // a new word in one description: every name changes (no stale file can be served with a new
        // manifest), and the content of the card blocks does not
        var changed = vacancies
        changed[150].descriptionText += " Thêm từ zzzmoi."
        let other = SearchSample.index(changed).files()
        let names = { (files: [OutputFile]) in Set(files.map(\.path)) }
        #expect(names(other).intersection(names(first)) == ["tim-kiem/manifest.json"])
        let blocks = { (files: [OutputFile]) in files.filter { $0.path.contains("/cards-") }.map(\.data) }
        #expect(blocks(other) == blocks(first))
        #expect(other.last?.data != first.last?.data)
    }

    @Test func emptySiteHasAnEmptyIndex() throws {
        let index = SearchIndex(vacancies: [])
        let files = try parse(index.files())
        #expect(files.manifest["documents"] as? Int == 0)
        #expect(files.shards.isEmpty && files.blocks.isEmpty)
        let outcome = SearchScript.run("công nhân", on: index)
        #expect(outcome.documents.isEmpty && outcome.suggestions.isEmpty)
        #expect(outcome.shards.isEmpty && outcome.blocks.isEmpty, "no shard to fetch, not shard 0 of none")
    }

    @Test func hostileTextIsEscapedInTheFilesAndReadBackUnchanged() throws {
        let hostile = "<img src=x onerror=alert(1)> & </script><!--"
        let index = SearchSample.index([SearchSample.vacancy("X-1", title: hostile, employer: "\"Quote\" \\ \u{2028}")])
        let block = try #require(index.files().first { $0.path.hasPrefix("tim-kiem/cards-0.") })
        let text = String(decoding: block.data, as: UTF8.self)
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        let cards = try #require(try JSONSerialization.jsonObject(with: block.data) as? [[String]])
        #expect(cards[0][0] == hostile)
        #expect(cards[0][2] == "\"Quote\" \\ \u{2028}")
        #expect(SearchSample.titles("img onerror", in: index) == [hostile])
    }

    // MARK: The example site

    @Test func exampleSiteIndexesItsOpenVacancies() throws {
        let site = BuiltSite.build(content: Paths.content, now: "2026-11-22", label: "search-example")
        #expect(site.report.succeeded, "\(site.report.diagnostics.described)")
        #expect(site.has("tim-kiem/index.html"))
        let searchFiles = site.files.filter { $0.key.hasPrefix("tim-kiem/") && $0.key.hasSuffix(".json") }
            .map { OutputFile(path: $0.key, data: $0.value) }
            .sorted { ($0.path == "tim-kiem/manifest.json" ? 1 : 0, $0.path) < ($1.path == "tim-kiem/manifest.json" ? 1 : 0, $1.path) }
        let files = try parse(searchFiles)
        let cards = try files.blocks.flatMap { name in
            try files.json(name, as: [[String]].self)
        }
        #expect(cards.count == files.manifest["documents"] as? Int)
        let vacancyPages = site.htmlPaths.filter { $0.hasPrefix("viec-lam/") && $0.hasSuffix("/index.html") }
        let openPages = vacancyPages.filter { !(site.text($0) ?? "").contains("<meta name=\"robots\" content=\"noindex\">") }
        #expect(!openPages.isEmpty && openPages.count < vacancyPages.count, "the example has open and expired vacancies")
        #expect(Set(cards.filter { $0.count == 6 }.map { $0[1] + "index.html" }) == Set(openPages))
        // Then the upcoming events and open courses, each with its kind.
        let agenda = cards.filter { $0.count == 7 }
        #expect(Set(agenda.map { "\($0[6]):\($0[1])" }) == ["su-kien:su-kien/sk-2026-001/", "su-kien:su-kien/sk-2027-001/",
                                                            "hoc-nghe:hoc-nghe/hn-2026-001/", "hoc-nghe:hoc-nghe/hn-2026-002/"])
        #expect(cards.prefix(openPages.count).allSatisfy { $0.count == 6 })
        #expect(cards.count == Set(cards.map { $0[1] }).count)
    }
}
