import Foundation
import PhienchoCore
import PhienchoModel

/// The search index over open vacancies (then upcoming events and open courses), split for slow
/// mobile data. The browser script (`themes/default/assets/search.js`) is its only reader and holds
/// the ranking; docs/search.md describes both.
///
/// Documents are the open vacancies in listing order (newest first), so a smaller document number
/// means newer; events and courses follow them. For each term the index keeps every document that
/// contains it (title, employer, commune, sector, tags, requirements, description), the documents
/// whose title contains it, how the term is written (its forms with diacritics, each with its
/// documents), which term follows it in a title, an employer's name, a commune's or a sector's
/// (adjacency; descriptions are left out to keep shards small), and, keyed by their first term, the
/// documents of each commune and sector (or part of a sector's name) whose name starts with it.
/// Files written under `tim-kiem/`:
///
/// - `manifest.json` (small, not hashed, short cache): version 2, document count, block size, the
///   shards (first term and file name), the card blocks, and the vocabulary files by word length.
/// - `shard-N.<hash>.json`: a contiguous range of sorted terms, about `targetShardBytes` each:
///   `{"term": [all, title], "term2": [all, title, {"f" or "v" and "t", "n", "p", "s"}], …}` where
///   `"f"` is the one form the term is written in (left out when it is the term itself),
///   `"v"` maps each form to its documents (relative to `all`) when it is written in several,
///   `"t"` then maps each form titles write it in to those titles' documents (relative to `title`),
///   `"n"` maps a following term to the documents where it follows (relative to the documents
///   holding both terms),
///   `"p"` maps a commune's name ("gia vien") to its documents (relative to `all`), `"s"` a
///   sector's name or part of it ("xay dung", "lai xe" of "Vận tải – Lái xe") to its documents.
/// - `cards-N.<hash>.json`: result cards of documents `N*blockSize ..< (N+1)*blockSize`:
///   `[[title, href, employer, commune, salary, expires], …]`, with a seventh element, the kind
///   (`su-kien`, `hoc-nghe`), on the card of an event or a course.
/// - `words-L.<hash>.json`: the vocabulary of terms of `L` letters (L ≥ 3, not all digits), sorted:
///   `[[term, documents, form?], …]` (form: the commonest, when not the term itself), for typo
///   tolerance and suggestions; fetched only when a query word is not in the index.
///
/// Postings encodings are in `SearchIndex+Postings.swift`.
package struct SearchIndex: Sendable {
    static let blockSize = 16
    static let targetShardBytes = 3_000
    /// Shorter terms are left out of the vocabulary files: typos are corrected from 4 letters, and
    /// one letter removed reaches 3.
    static let vocabularyMinimumLength = 3
    /// Documents per block of the parallel tokenising.
    static let tokenisingBlock = 512

    package struct Card: Sendable, Equatable {
        package var title, href, employer, commune, salary, expires: String
        /// nil for a vacancy; an event's or a course's four fields are organiser, place, (nothing)
        /// and time, or school, place, fee and deadline.
        package var kind: Kind? = nil

        /// The card's seventh element, which `search.js` reads (its `KINDS`).
        package enum Kind: String, Sendable {
            case event = "su-kien"
            case training = "hoc-nghe"
        }
    }

    /// What is searched of a vacancy, event or course.
    package struct Document: Sendable {
        package var title: String
        /// Names whose words' order counts (the employer, organiser or school), as the title's does.
        package var names: [String]
        /// Commune and sector names: a query naming one ranks its documents first (the commune's
        /// before the sector's).
        package var commune: String?
        package var sector: String? = nil
        /// Every other searched text (description, requirements, tags, …).
        var texts: [String]
        package var card: Card
    }

    /// One term of the index and its postings (ascending document numbers).
    package struct Entry: Sendable {
        package let term: String
        package let all: [Int]
        package let title: [Int]
        /// How the term is written, each form with its documents, by form.
        package let forms: [(form: String, documents: [Int])]
        /// How titles write it, each form with its documents.
        let titleForms: [(form: String, documents: [Int])]
        /// Terms that follow this one in a title, name or place, with the documents where they do.
        package let next: [(term: String, documents: [Int])]
        /// Commune names and sector phrases starting with this term, with their documents.
        package let communes: [(phrase: String, documents: [Int])]
        package let sectors: [(phrase: String, documents: [Int])]
    }

    let documentCount: Int
    /// Sorted terms (UTF-16 order).
    package let terms: [Entry]
    let cards: [Card]

    /// The open vacancies, then upcoming events and open courses (their kind on their card).
    package init(vacancies: [PublicVacancy], events: [PublicEvent], trainings: [PublicTraining], synonyms: SynonymList = .empty) {
        let documents = events.map { event in
            Document(title: event.title, names: [event.organiser, event.place].compactMap { $0 },
                     commune: event.commune?.name,
                     texts: [event.kind.label, event.descriptionText],
                     card: Card(title: event.title, href: event.path, employer: event.organiser ?? "",
                                commune: event.commune?.appended(to: event.place) ?? event.place,
                                salary: "", expires: event.when, kind: .event))
        } + trainings.map { course in
            Document(title: course.title, names: [course.provider, course.place],
                     commune: course.commune?.name,
                     texts: ["học nghề", course.descriptionText] + course.support,
                     card: Card(title: course.title, href: course.path, employer: course.provider,
                                commune: course.commune?.appended(to: course.place) ?? course.place,
                                salary: course.costText ?? "", expires: course.registrationDeadline.vietnamese, kind: .training))
        }
        self.init(vacancies: vacancies, documents: documents, synonyms: synonyms)
    }

    package init(vacancies: [PublicVacancy], documents: [Document] = [], synonyms: SynonymList = .empty) {
        let table = synonyms.byFirstTerm
        let vacancyCards = vacancies.map(\.searchCard)
        // Blocks of vacancies are tokenised in parallel; their postings are then appended block by
        // block, in document order, so every postings list comes out sorted.
        let blocks = stride(from: 0, to: vacancies.count, by: Self.tokenisingBlock).map {
            $0..<min($0 + Self.tokenisingBlock, vacancies.count)
        }
        let postings = parallelMap(blocks) { block in
            var postings = SearchPostings()
            for number in block {
                postings.add(Self.document(vacancies[number], card: vacancyCards[number]), number: number, synonyms: synonyms, table: table)
            }
            postings.dropCaches()
            return postings
        }
        var merged = SearchPostings()
        for block in postings { merged.append(block) }
        for (offset, document) in documents.enumerated() {
            merged.add(document, number: vacancies.count + offset, synonyms: synonyms, table: table)
        }
        documentCount = vacancies.count + documents.count
        terms = merged.entries()
        cards = vacancyCards + documents.map(\.card)
    }

    package static func document(_ vacancy: PublicVacancy, card: Card) -> Document {
        Document(title: vacancy.title, names: [vacancy.employerName],
                 commune: vacancy.commune.name, sector: vacancy.sector.name,
                 texts: [vacancy.descriptionText] + vacancy.tags + vacancy.requirements,
                 card: card)
    }

    /// A sector's name in the parts a query may name: "Vận tải – Lái xe" → "Vận tải", "Lái xe".
    static func sectorParts(_ name: String) -> [String] {
        name.components(separatedBy: CharacterSet(charactersIn: "–—-,;/")).filter { !SearchTokenizer.terms($0).isEmpty }
    }

    /// The synonym groups one of whose phrases `terms` holds, word for word in a row ("lái xe tải"
    /// holds "lái xe"), in list order.
    static func synonymGroups(in terms: [String], _ table: [String: [(phrase: [String], group: Int)]]) -> [Int] {
        guard !table.isEmpty else { return [] }
        var found: Set<Int> = []
        for start in terms.indices {
            guard let candidates = table[terms[start]] else { continue }
            for candidate in candidates where terms[start...].starts(with: candidate.phrase) {
                found.insert(candidate.group)
            }
        }
        return found.sorted()
    }
}

private extension PublicVacancy {
    var searchCard: SearchIndex.Card {
        SearchIndex.Card(title: title, href: path, employer: employerName, commune: commune.kindAndName,
                         salary: VietnameseFormat.salary(salary), expires: expires.vietnamese)
    }
}
