import Foundation

/// The search index over open vacancies (then upcoming events and open courses), split for slow
/// mobile data.
///
/// Documents are the open vacancies in listing order (newest first), so a smaller document number
/// means newer; events and courses follow them. For each term the index keeps two postings lists: every document that contains the
/// term (title, employer, commune, sector, tags, requirements, description) and the documents whose
/// title contains it. Files written under `tim-kiem/`:
///
/// - `manifest.json` (small, not hashed, short cache): document count, block size, and the names of
///   the shards (with the first term of each) and of the card blocks.
/// - `shard-N.<hash>.json`: a contiguous range of sorted terms, about `targetShardBytes` each:
///   `{"term": ["<all postings>", "<title postings>"], …}`.
/// - `cards-N.<hash>.json`: result cards of documents `N*blockSize ..< (N+1)*blockSize`:
///   `[[title, href, employer, commune, salary, expires], …]`, with a seventh element, the kind
///   (`su-kien`, `hoc-nghe`), on the card of an event or a course.
///
/// Postings are strings: `""` (none), `"d"` + comma-separated base-36 gaps between ascending document
/// numbers (sparse terms), or `"b"` + base64 of a bitmap, bit `i` of byte `i/8` (LSB first) set when
/// document `i` matches (dense terms) — whichever is shorter. A query therefore downloads the script,
/// the manifest, one or two shards per word and the card blocks of the results it shows.
struct SearchIndex: Sendable {
    static let blockSize = 16
    static let targetShardBytes = 3_000

    struct Card: Sendable, Equatable {
        var title, href, employer, commune, salary, expires: String
        /// nil for a vacancy; `su-kien` or `hoc-nghe` for an event or a course, whose four fields
        /// are organiser, place, (nothing) and time, or school, place, fee and deadline.
        var kind: String? = nil
    }

    /// An event or a course: searched as a vacancy is, after the vacancies.
    struct Document: Sendable {
        var title: String
        var texts: [String]
        var card: Card
    }

    let documentCount: Int
    /// Sorted terms (UTF-16 order) with their postings.
    let terms: [(term: String, all: [Int], title: [Int])]
    let cards: [Card]

    /// Documents per block of the parallel tokenising: each block's postings are collected in a
    /// small dictionary, so no set of terms is kept per document.
    static let tokenisingBlock = 512

    /// The open vacancies, then upcoming events and open courses (their kind on their card).
    init(vacancies: [PublicVacancy], events: [PublicEvent], trainings: [PublicTraining], synonyms: SynonymList = .empty) {
        let documents = events.map { event in
            Document(title: event.title,
                     texts: [event.kind.label, event.place, event.commune?.name, event.organiser, event.descriptionText].compactMap { $0 },
                     card: Card(title: event.title, href: event.path, employer: event.organiser ?? "",
                                commune: ([event.place] + (event.commune.map { [$0.kindAndName] } ?? [])).joined(separator: ", "),
                                salary: "", expires: event.when, kind: "su-kien"))
        } + trainings.map { course in
            Document(title: course.title,
                     texts: ["học nghề", course.provider, course.place, course.commune?.name, course.descriptionText].compactMap { $0 } + course.support,
                     card: Card(title: course.title, href: course.path, employer: course.provider,
                                commune: ([course.place] + (course.commune.map { [$0.kindAndName] } ?? [])).joined(separator: ", "),
                                salary: course.costText ?? "", expires: course.registrationDeadline.vietnamese, kind: "hoc-nghe"))
        }
        self.init(vacancies: vacancies, documents: documents, synonyms: synonyms)
    }

    init(vacancies: [PublicVacancy], documents: [Document] = [], synonyms: SynonymList = .empty) {
        let table = synonyms.byFirstTerm
        let groups = synonyms.groups
        // Blocks of documents are tokenised in parallel; their postings are then appended block by
        // block, in document order, so every postings list comes out sorted.
        let blocks = stride(from: 0, to: vacancies.count, by: Self.tokenisingBlock).map {
            $0..<min($0 + Self.tokenisingBlock, vacancies.count)
        }
        let postings = parallelMap(blocks) { block in Self.postings(of: vacancies, in: block, synonyms: table, groups: groups) }
        var all: [String: [Int]] = [:]
        var title: [String: [Int]] = [:]
        for block in postings {
            for (term, documents) in block.all { all[term, default: []].append(contentsOf: documents) }
            for (term, documents) in block.title { title[term, default: []].append(contentsOf: documents) }
        }
        for (offset, document) in documents.enumerated() {
            let number = vacancies.count + offset
            for (text, isTitle) in [(document.title, true)] + document.texts.map({ ($0, false) }) {
                for term in Self.withSynonyms(SearchTokenizer.terms(text), table, groups) {
                    all[term, default: []].appendOnce(number)
                    if isTitle { title[term, default: []].appendOnce(number) }
                }
            }
        }
        documentCount = vacancies.count + documents.count
        terms = all.keys.sorted(by: SearchTokenizer.precedes).map { ($0, all[$0]!, title[$0] ?? []) }
        cards = vacancies.map {
            Card(title: $0.title, href: $0.path, employer: $0.employerName,
                 commune: $0.commune.kindAndName,
                 salary: VietnameseFormat.salary($0.salary), expires: $0.expires.vietnamese)
        } + documents.map(\.card)
    }

    /// The postings of documents `block` (indexes into `vacancies`): each document once per term.
    private static func postings(of vacancies: [PublicVacancy], in block: Range<Int>, synonyms: [String: [(phrase: [String], group: Int)]],
                                 groups: [[[String]]]) -> (all: [String: [Int]], title: [String: [Int]]) {
        var all: [String: [Int]] = [:]
        var title: [String: [Int]] = [:]
        for document in block {
            let vacancy = vacancies[document]
            func add(_ text: String, title isTitle: Bool = false) {
                for term in withSynonyms(SearchTokenizer.terms(text), synonyms, groups) {
                    all[term, default: []].appendOnce(document)
                    if isTitle { title[term, default: []].appendOnce(document) }
                }
            }
            add(vacancy.title, title: true)
            for text in [vacancy.employerName, vacancy.commune.name, vacancy.sector.name, vacancy.descriptionText] { add(text) }
            for text in vacancy.tags { add(text) }
            for text in vacancy.requirements { add(text) }
        }
        return (all, title)
    }

    /// `terms`, and the terms of every other phrase of each synonym group one of whose phrases
    /// `terms` holds, word for word in a row ("lái xe tải" holds "lái xe": add "tài xế").
    static func withSynonyms(_ terms: [String], _ table: [String: [(phrase: [String], group: Int)]], _ groups: [[[String]]]) -> [String] {
        guard !table.isEmpty else { return terms }
        var found: Set<Int> = []
        for start in terms.indices {
            guard let candidates = table[terms[start]] else { continue }
            for candidate in candidates where !found.contains(candidate.group)
                && terms[start...].starts(with: candidate.phrase) {
                found.insert(candidate.group)
            }
        }
        guard !found.isEmpty else { return terms }
        return terms + found.sorted().flatMap { groups[$0].joined() }
    }

    // MARK: Postings encoding

    static func encode(_ documents: [Int], documentCount: Int) -> String {
        guard !documents.isEmpty else { return "" }
        var sparse: [UInt8] = [UInt8(ascii: "d")]
        var previous = -1
        for document in documents {
            if previous >= 0 { sparse.append(UInt8(ascii: ",")) }
            appendBase36(document - previous - 1, to: &sparse)
            previous = document
        }
        let bitmapBytes = (documentCount + 7) / 8
        guard 1 + (bitmapBytes + 2) / 3 * 4 < sparse.count else { return String(decoding: sparse, as: UTF8.self) }
        var bitmap = [UInt8](repeating: 0, count: bitmapBytes)
        for document in documents { bitmap[document / 8] |= 1 << UInt8(document % 8) }
        return "b" + Data(bitmap).base64EncodedString()
    }

    /// `String(value, radix: 36)` (lower-case digits), appended as bytes.
    private static func appendBase36(_ value: Int, to out: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                let digit = UInt8(rest % 36)
                buffer[count] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                count += 1
                rest /= 36
            } while rest > 0
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }

    static func decode(_ postings: String, documentCount: Int) -> [Int] {
        guard let kind = postings.first else { return [] }
        let body = postings.dropFirst()
        if kind == "b" {
            guard let bitmap = Data(base64Encoded: String(body)) else { return [] }
            return (0..<min(documentCount, bitmap.count * 8)).filter { bitmap[$0 / 8] & (1 << UInt8($0 % 8)) != 0 }
        }
        var previous = -1
        return body.split(separator: ",").compactMap { gap in
            guard let value = Int(gap, radix: 36) else { return nil }
            previous += value + 1
            return previous
        }
    }
}

private extension Array where Element == Int {
    /// Appends `document` unless it is already the last one (documents arrive in order).
    mutating func appendOnce(_ document: Int) {
        if last != document { append(document) }
    }
}
