import Foundation
import PhienchoCore
import PhienchoModel

extension SearchIndex {
    /// A shard: its first term and its text.
    struct Shard: Sendable {
        let firstTerm: String
        package let data: Data
    }

    /// The files under `tim-kiem/`, manifest last. Every other file is named `<stem>.<hash>.json`
    /// with one hash of the whole index: adding or removing a vacancy renumbers the documents, so
    /// nearly every file changes anyway, and one repeated hash keeps the manifest's list of names
    /// small (it compresses to a few bytes a name), which every first query downloads.
    package func files() -> [OutputFile] {
        let shards = makeShards()
        let blocks = stride(from: 0, to: cards.count, by: Self.blockSize).map { start in
            Data(JSON.array(cards[start..<min(cards.count, start + Self.blockSize)].map { card in
                .array(([card.title, card.href, card.employer, card.commune, card.salary, card.expires] + (card.kind.map { [$0.rawValue] } ?? [])).map(JSON.string))
            }).serialized.utf8)
        }
        let words = vocabularyFiles()
        let all = shards.map(\.data) + blocks + words.map(\.data)
        let generation = ContentHash.hex(Data(all.map(ContentHash.hex).joined().utf8))
        let name = { (stem: String, number: Int) in "\(stem)-\(number).\(generation).json" }
        let manifest = JSON.object([
            ("version", .int(2)),
            ("documents", .int(documentCount)),
            ("blockSize", .int(Self.blockSize)),
            ("shards", .array(shards.enumerated().map { .array([.string($1.firstTerm), .string(name("shard", $0))]) })),
            ("blocks", .array(blocks.indices.map { .string(name("cards", $0)) })),
            ("words", .array(words.map { .array([.int($0.length), .string(name("words", $0.length))]) })),
        ]).serialized
        return shards.enumerated().map { OutputFile(path: Routes.searchIndex + name("shard", $0), data: $1.data) }
            + blocks.enumerated().map { OutputFile(path: Routes.searchIndex + name("cards", $0), data: $1) }
            + words.map { OutputFile(path: Routes.searchIndex + name("words", $0.length), data: $0.data) }
            + [OutputFile(path: Routes.searchManifest, text: manifest)]
    }

    func makeShards() -> [Shard] {
        var shards: [Shard] = []
        var members: [(String, JSON)] = []
        var size = 0
        func flush() {
            guard let first = members.first?.0 else { return }
            shards.append(Shard(firstTerm: first, data: Data(JSON.object(members).serialized.utf8)))
            members = []
            size = 0
        }
        let allOf = Dictionary(uniqueKeysWithValues: terms.map { ($0.term, $0.all) })
        let encoded = parallelMap(terms) { entry in
            let postings = shardEntry(entry, allOf: allOf)
            return (postings, postings.serialized.utf8.count)
        }
        for (entry, (postings, postingsSize)) in zip(terms, encoded) {
            let entrySize = entry.term.utf8.count + postingsSize + 4
            if size > 0 && size + entrySize > Self.targetShardBytes { flush() }
            members.append((entry.term, postings))
            size += entrySize
        }
        flush()
        return shards
    }

    /// `[all, title]`, and the object of forms, following terms and places when there are any. A
    /// following term's documents are given within those holding both terms (`allOf` the terms).
    func shardEntry(_ entry: Entry, allOf: [String: [Int]]) -> JSON {
        let count = documentCount
        var extras: [(String, JSON)] = []
        if entry.forms.count == 1, entry.forms[0].form != entry.term {
            extras.append(("f", .string(entry.forms[0].form)))
        } else if entry.forms.count > 1 {
            extras.append(("v", .object(entry.forms.map { ($0.form, .string(Self.encode($0.documents, within: entry.all, documentCount: count))) })))
            if !entry.titleForms.isEmpty {
                extras.append(("t", .object(entry.titleForms.map { ($0.form, .string(Self.encode($0.documents, within: entry.title, documentCount: count))) })))
            }
        }
        if !entry.next.isEmpty {
            extras.append(("n", .object(entry.next.map { next in
                let both = Self.intersection(entry.all, allOf[next.term] ?? [])
                return (next.term, .string(Self.encode(next.documents, within: both, documentCount: count)))
            })))
        }
        for (key, places) in [("p", entry.communes), ("s", entry.sectors)] where !places.isEmpty {
            extras.append((key, .object(places.map { ($0.phrase, .string(Self.encode($0.documents, within: entry.all, documentCount: count))) })))
        }
        let postings: [JSON] = [.string(Self.encode(entry.all, documentCount: count)), .string(Self.encode(entry.title, documentCount: count))]
        return .array(extras.isEmpty ? postings : postings + [.object(extras)])
    }

    /// The vocabulary by term length: `[[term, documents, form?], …]` per length, the form being
    /// how the term is most often written (for suggestions), left out when it is the term itself.
    func vocabularyFiles() -> [(length: Int, data: Data)] {
        var byLength: [Int: [JSON]] = [:]
        for entry in terms {
            let length = SearchTokenizer.length(entry.term)
            guard length >= Self.vocabularyMinimumLength, !entry.term.unicodeScalars.allSatisfy({ $0.properties.numericType != nil }) else { continue }
            var row: [JSON] = [.string(entry.term), .int(entry.all.count)]
            if let form = entry.forms.max(by: { $0.documents.count < $1.documents.count || ($0.documents.count == $1.documents.count && SearchTokenizer.precedes($1.form, $0.form)) })?.form,
               form != entry.term {
                row.append(.string(form))
            }
            byLength[length, default: []].append(.array(row))
        }
        return byLength.keys.sorted().map { length in
            (length, Data(JSON.array(byLength[length]!).serialized.utf8))
        }
    }
}
