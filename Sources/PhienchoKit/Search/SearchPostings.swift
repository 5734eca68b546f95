/// Postings collected while documents are tokenised (a block of them, or all), turned into the
/// index's sorted entries at the end. Documents must be added in ascending number.
struct SearchPostings {
    private var all: [String: [Int]] = [:]
    private var title: [String: [Int]] = [:]
    private var forms: [String: [String: [Int]]] = [:]
    private var next: [String: [String: [Int]]] = [:]
    private var places: [String: [String: [Int]]] = [:]

    /// Indexes `document` as number `number`. A synonym group's phrase held by a text adds the other
    /// phrases' terms to it; held by the title, their forms and their inner adjacency too.
    mutating func add(_ document: SearchIndex.Document, number: Int, synonyms: SynonymList,
                      table: [String: [(phrase: [String], group: Int)]]) {
        var words = SearchTokenizer.words(document.title)
        var pairs = Array(zip(words.map(\.term), words.map(\.term).dropFirst()))
        for group in SearchIndex.synonymGroups(in: words.map(\.term), table) {
            for phrase in synonyms.phrases[group] {
                words += phrase
                pairs += zip(phrase.map(\.term), phrase.map(\.term).dropFirst())
            }
        }
        for word in words {
            all[word.term, default: []].appendOnce(number)
            title[word.term, default: []].appendOnce(number)
            forms[word.term, default: [:]][word.form, default: []].appendOnce(number)
        }
        for (first, second) in pairs { next[first, default: [:]][second, default: []].appendOnce(number) }
        for text in document.texts {
            let terms = SearchTokenizer.terms(text)
            for term in terms { all[term, default: []].appendOnce(number) }
            for group in SearchIndex.synonymGroups(in: terms, table) {
                for term in synonyms.groups[group].joined() { all[term, default: []].appendOnce(number) }
            }
        }
        for place in document.places {
            let terms = SearchTokenizer.terms(place)
            guard let first = terms.first else { continue }
            for term in terms { all[term, default: []].appendOnce(number) }
            places[first, default: [:]][terms.joined(separator: " "), default: []].appendOnce(number)
        }
    }

    /// Appends the postings of later documents.
    mutating func append(_ other: SearchPostings) {
        for (term, documents) in other.all { all[term, default: []] += documents }
        for (term, documents) in other.title { title[term, default: []] += documents }
        Self.append(other.forms, to: &forms)
        Self.append(other.next, to: &next)
        Self.append(other.places, to: &places)
    }

    private static func append(_ other: [String: [String: [Int]]], to table: inout [String: [String: [Int]]]) {
        for (term, keyed) in other {
            for (key, documents) in keyed { table[term, default: [:]][key, default: []] += documents }
        }
    }

    /// The entries, sorted by term; each entry's keyed lists sorted by key (UTF-16 order).
    func entries() -> [SearchIndex.Entry] {
        func sorted(_ keyed: [String: [Int]]?) -> [(String, [Int])] {
            (keyed ?? [:]).sorted { SearchTokenizer.precedes($0.key, $1.key) }.map { ($0.key, $0.value) }
        }
        return all.keys.sorted(by: SearchTokenizer.precedes).map { term in
            SearchIndex.Entry(term: term, all: all[term]!, title: title[term] ?? [],
                              forms: sorted(forms[term]).map { (form: $0.0, documents: $0.1) },
                              next: sorted(next[term]).map { (term: $0.0, documents: $0.1) },
                              places: sorted(places[term]).map { (phrase: $0.0, documents: $0.1) })
        }
    }
}

extension Array where Element == Int {
    /// Appends `document` unless it is already the last one (documents arrive in order).
    mutating func appendOnce(_ document: Int) {
        if last != document { append(document) }
    }
}
