import Foundation

extension SearchIndex {
    /// A shard: its first term and the file holding it.
    struct Shard: Sendable {
        let firstTerm: String
        let file: OutputFile
    }

    /// The files under `tim-kiem/`, manifest last.
    func files() -> [OutputFile] {
        let shards = makeShards()
        var blocks: [OutputFile] = []
        for (number, start) in stride(from: 0, to: cards.count, by: Self.blockSize).enumerated() {
            let json = JSON.array(cards[start..<min(cards.count, start + Self.blockSize)].map { card in
                .array(([card.title, card.href, card.employer, card.commune, card.salary, card.expires] + (card.kind.map { [$0] } ?? [])).map(JSON.string))
            }).serialized
            blocks.append(hashedFile("cards-\(number)", json))
        }
        let manifest = JSON.object([
            ("version", .int(1)),
            ("documents", .int(documentCount)),
            ("blockSize", .int(Self.blockSize)),
            ("shards", .array(shards.map { .array([.string($0.firstTerm), .string(name(of: $0.file))]) })),
            ("blocks", .array(blocks.map { .string(name(of: $0)) })),
        ]).serialized
        return shards.map(\.file) + blocks + [OutputFile(path: Routes.searchManifest, text: manifest)]
    }

    func makeShards() -> [Shard] {
        var shards: [Shard] = []
        var members: [(String, JSON)] = []
        var size = 0
        func flush() {
            guard let first = members.first?.0 else { return }
            shards.append(Shard(firstTerm: first, file: hashedFile("shard-\(shards.count)", JSON.object(members).serialized)))
            members = []
            size = 0
        }
        let encoded = parallelMap(terms.map { ($0.all, $0.title) }) { all, title in
            let postings = JSON.array([.string(Self.encode(all, documentCount: documentCount)),
                                       .string(Self.encode(title, documentCount: documentCount))])
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

    private func hashedFile(_ stem: String, _ text: String) -> OutputFile {
        let data = Data(text.utf8)
        return OutputFile(path: Routes.searchIndex + ContentHash.name(stem + ".json", for: data), data: data)
    }

    private func name(of file: OutputFile) -> String {
        String(file.path.dropFirst(Routes.searchIndex.count))
    }
}
