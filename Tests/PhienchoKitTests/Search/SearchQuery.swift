@testable import PhienchoKit

/// The query rules of the browser script, in Swift, for the tests that pin ranking (the benchmark
/// counts a query's bytes with the script itself, bench/query-bytes.js). Keep in step with `themes/default/assets/search.js`.
///
/// - Every query word must match. The last word also matches as a prefix (while typing), unless the
///   query ends with a space; a prefix is expanded only when it has at least `minimumPrefixLength`
///   code points, and only over the terms of at most `maximumPrefixShards` shards. Terms compare by
///   UTF-16 code units, as JavaScript strings do.
/// - Rank: more query words whole in the title, then more words in the title at all (prefixes too),
///   then more words matched whole anywhere, then newest (smaller document number).
public struct SearchQuery: Sendable {
    public static let minimumPrefixLength = 2
    public static let maximumPrefixShards = 2
    public static let resultsShown = 10

    public let words: [String]
    public let prefixLast: Bool

    public init(_ text: String) {
        words = SearchTokenizer.terms(text)
        prefixLast = !words.isEmpty && !Self.endsWithSpace(text)
    }

    /// Whether the text ends with white space as the script's `/\s$/` sees it: the last code point
    /// is Unicode White_Space other than U+0085, or U+FEFF.
    static func endsWithSpace(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return false }
        return last == "\u{FEFF}" || (last.properties.isWhitespace && last != "\u{85}")
    }

    /// What running the query fetches and finds.
    public struct Outcome: Sendable {
        public var documents: [Int] = []
        /// Indexes into the shard list that the query downloads.
        public var shards: Set<Int> = []
        /// Card blocks needed to show the first `resultsShown` results.
        public var blocks: Set<Int> = []
    }

    public func run(on index: SearchIndex, shards: [SearchIndex.Shard]) -> Outcome {
        var outcome = Outcome()
        guard !words.isEmpty, !shards.isEmpty else { return outcome }   // no open vacancy: nothing to fetch
        let firstTerms = shards.map(\.firstTerm)
        let lookup = Dictionary(uniqueKeysWithValues: index.terms.map { ($0.term, (all: Set($0.all), title: Set($0.title))) })
        var perWord: [(all: Set<Int>, title: Set<Int>, exact: Set<Int>, titleExact: Set<Int>)] = []
        for (position, word) in words.enumerated() {
            let shard = Self.shard(for: word, firstTerms: firstTerms)
            outcome.shards.insert(shard)
            var all = lookup[word]?.all ?? []
            var title = lookup[word]?.title ?? []
            let exact = all
            let titleExact = title
            if prefixLast && position == words.count - 1 && SearchTokenizer.length(word) >= Self.minimumPrefixLength {
                let range = Self.prefixShards(for: word, firstTerms: firstTerms)
                outcome.shards.formUnion(range)
                let allowed = Set(range)
                for entry in index.terms where SearchTokenizer.term(entry.term, hasPrefix: word) && entry.term != word
                    && allowed.contains(Self.shard(for: entry.term, firstTerms: firstTerms)) {
                    all.formUnion(entry.all)
                    title.formUnion(entry.title)
                }
            }
            perWord.append((all, title, exact, titleExact))
        }
        var candidates = perWord[0].all
        for word in perWord.dropFirst() { candidates.formIntersection(word.all) }
        let ranked: [(document: Int, titleWhole: Int, inTitle: Int, whole: Int)] = candidates.map { document in
            let titleWhole = perWord.filter { $0.titleExact.contains(document) }.count
            let inTitle = perWord.filter { $0.title.contains(document) }.count
            let whole = perWord.filter { $0.exact.contains(document) }.count
            return (document, titleWhole, inTitle, whole)
        }
        outcome.documents = ranked.sorted { a, b in
            if a.titleWhole != b.titleWhole { return a.titleWhole > b.titleWhole }
            if a.inTitle != b.inTitle { return a.inTitle > b.inTitle }
            if a.whole != b.whole { return a.whole > b.whole }
            return a.document < b.document
        }.map(\.document)
        outcome.blocks = Set(outcome.documents.prefix(Self.resultsShown).map { $0 / SearchIndex.blockSize })
        return outcome
    }

    /// The shard whose range holds `term`: the last one whose first term is not after it.
    static func shard(for term: String, firstTerms: [String]) -> Int {
        var low = 0, high = firstTerms.count - 1, found = 0
        while low <= high {
            let middle = (low + high) / 2
            if SearchTokenizer.precedes(term, firstTerms[middle]) { high = middle - 1 } else { found = middle; low = middle + 1 }
        }
        return found
    }

    /// Shards that may hold terms starting with `prefix`, at most `maximumPrefixShards`.
    static func prefixShards(for prefix: String, firstTerms: [String]) -> [Int] {
        let first = shard(for: prefix, firstTerms: firstTerms)
        var shards = [first]
        var next = first + 1
        while next < firstTerms.count, SearchTokenizer.term(firstTerms[next], hasPrefix: prefix), shards.count < maximumPrefixShards {
            shards.append(next)
            next += 1
        }
        return shards
    }
}
