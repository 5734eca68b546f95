import PhienchoCore
import PhienchoModel

/// Postings collected while documents are tokenised (a block of them, or all), turned into the
/// index's sorted entries at the end. Documents must be added in ascending number.
///
/// Every written form (see `SearchTokenizer.Word`) gets a number the first time it is seen; a
/// run of text is looked up once per block (Vietnamese repeats its syllables), so adding a word
/// costs one lookup and an append.
struct SearchPostings {
    private var formWords: [SearchTokenizer.Word] = []
    private var formNumbers: [ByteKey<String>: Int] = [:]
    /// Documents per form number: holding it anywhere, and in the title.
    private var documents: [[Int]] = []
    private var titleDocuments: [[Int]] = []
    private var next: [String: [String: [Int]]] = [:]
    private var communes: [String: [String: [Int]]] = [:]
    private var sectors: [String: [String: [Int]]] = [:]
    private var runs: [ByteKey<Substring>: [Int]] = [:]
    private var shortTexts: [ByteKey<String>: [Int]] = [:]
    private var placePhrases: [String: [(first: String, phrase: String)]] = [:]

    /// Indexes `document` as number `number`. A synonym group's phrase held by the title or another
    /// text (not a name or a place: "Kho vận – Bốc xếp" files forklift drivers too) adds the other
    /// phrases' words to it, and their adjacency; not title postings (a query word that only
    /// happens to be in a synonym, "vận" of "vận hành xe nâng", must not count as in the title).
    package mutating func add(_ document: SearchIndex.Document, number: Int, synonyms: SynonymList,
                      table: [String: [(phrase: [String], group: Int)]]) {
        let fields: [(Field, String)] = [(.title, document.title)] + document.names.map { (.name, $0) }
            + [document.commune.map { (Field.commune, $0) }, document.sector.map { (Field.sector, $0) }].compactMap { $0 }
            + document.texts.map { (.text, $0) }
        for (field, text) in fields {
            let forms = forms(text)
            let terms = forms.map { formWords[$0].term }
            let hasAdjacency = field != .text
            var pairs = hasAdjacency ? Array(zip(terms, terms.dropFirst())) : []
            for form in forms {
                documents[form].appendOnce(number)
                if field == .title { titleDocuments[form].appendOnce(number) }
            }
            for group in field == .title || field == .text ? SearchIndex.synonymGroups(in: terms, table) : [] {
                for phrase in synonyms.phrases[group] {
                    for word in phrase { documents[form(of: word)].appendOnce(number) }
                    if hasAdjacency { pairs += zip(phrase.map(\.term), phrase.map(\.term).dropFirst()) }
                }
            }
            for (first, second) in pairs { next[first, default: [:]][second, default: []].appendOnce(number) }
            if field == .commune || field == .sector {
                for phrase in phrases(text) {
                    if field == .commune {
                        communes[phrase.first, default: [:]][phrase.phrase, default: []].appendOnce(number)
                    } else {
                        sectors[phrase.first, default: [:]][phrase.phrase, default: []].appendOnce(number)
                    }
                }
            }
        }
    }

    private enum Field { case title, name, commune, sector, text }

    private mutating func form(of word: SearchTokenizer.Word) -> Int {
        if let known = formNumbers[ByteKey(word.form)] { return known }
        formNumbers[ByteKey(word.form)] = formWords.count
        formWords.append(word)
        documents.append([])
        titleDocuments.append([])
        return formWords.count - 1
    }

    /// The form numbers of `text`'s words.
    private mutating func forms(_ text: String) -> [Int] {
        // Short texts (names, places, requirements, tags) repeat whole from document to document.
        let isShort = text.utf8.count <= 80
        if isShort, let known = shortTexts[ByteKey(text)] { return known }
        var forms: [Int] = []
        for run in SearchTokenizer.runs(text) {
            if let known = runs[ByteKey(run)] {
                forms += known
            } else {
                let found = SearchTokenizer.words(ofRun: run).map { form(of: $0) }
                runs[ByteKey(run)] = found
                forms += found
            }
        }
        if isShort { shortTexts[ByteKey(text)] = forms }
        return forms
    }

    /// A place's phrases (each part of a sector's name) and their first terms.
    private mutating func phrases(_ place: String) -> [(first: String, phrase: String)] {
        if let known = placePhrases[place] { return known }
        let found = SearchIndex.sectorParts(place).map { part in
            let terms = SearchTokenizer.terms(part)
            return (first: terms[0], phrase: terms.joined(separator: " "))
        }
        placePhrases[place] = found
        return found
    }

    /// Forgets the lookups of runs and texts (blocks wait for each other in memory before merging).
    mutating func dropCaches() {
        runs = [:]
        shortTexts = [:]
        placePhrases = [:]
    }

    /// Appends the postings of later documents.
    package mutating func append(_ other: SearchPostings) {
        for (number, word) in other.formWords.enumerated() {
            let form = form(of: word)
            documents[form] += other.documents[number]
            titleDocuments[form] += other.titleDocuments[number]
        }
        Self.append(other.next, to: &next)
        Self.append(other.communes, to: &communes)
        Self.append(other.sectors, to: &sectors)
    }

    private static func append(_ other: [String: [String: [Int]]], to table: inout [String: [String: [Int]]]) {
        for (term, keyed) in other {
            for (key, documents) in keyed { table[term, default: [:]][key, default: []] += documents }
        }
    }

    /// The entries, sorted by term; each entry's keyed lists sorted by key (UTF-16 order).
    package func entries() -> [SearchIndex.Entry] {
        func sorted(_ keyed: [String: [Int]]?) -> [(String, [Int])] {
            (keyed ?? [:]).sorted { SearchTokenizer.precedes($0.key, $1.key) }.map { ($0.key, $0.value) }
        }
        var formsOf: [String: [Int]] = [:]
        for (number, word) in formWords.enumerated() { formsOf[word.term, default: []].append(number) }
        return formsOf.keys.sorted(by: SearchTokenizer.precedes).map { term in
            let numbers = formsOf[term]!.sorted { SearchTokenizer.precedes(formWords[$0].form, formWords[$1].form) }
            let all = numbers.count == 1 ? documents[numbers[0]] : Self.union(numbers.map { documents[$0] })
            let title = numbers.count == 1 ? titleDocuments[numbers[0]] : Self.union(numbers.map { titleDocuments[$0] })
            return SearchIndex.Entry(term: term, all: all, title: title,
                                     forms: numbers.map { (form: formWords[$0].form, documents: documents[$0]) },
                                     titleForms: numbers.filter { !titleDocuments[$0].isEmpty }.map { (form: formWords[$0].form, documents: titleDocuments[$0]) },
                                     next: sorted(next[term]).map { (term: $0.0, documents: $0.1) },
                                     communes: sorted(communes[term]).map { (phrase: $0.0, documents: $0.1) },
                                     sectors: sorted(sectors[term]).map { (phrase: $0.0, documents: $0.1) })
        }
    }

    /// The ascending union of ascending lists.
    private static func union(_ lists: [[Int]]) -> [Int] {
        Array(Set(lists.joined())).sorted()
    }
}

extension Array where Element == Int {
    /// Appends `document` unless it is already the last one (documents arrive in order).
    mutating func appendOnce(_ document: Int) {
        if last != document { append(document) }
    }
}
