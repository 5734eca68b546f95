import PhienchoCore

/// `content/synonyms.yml`: groups of words and phrases that name the same job ("lái xe", "tài xế").
/// Applied when the search index is built: a document that holds one phrase of a group is indexed
/// under the words of every other phrase of the group too, so a query in any of them finds it, at no
/// cost to the browser (the query and its downloads stay as they are).
package struct SynonymList: Sendable {
    package init(phrases: [[[SearchTokenizer.Word]]]) {
        self.phrases = phrases
    }

    /// Each group's phrases as words ("tài xế" → tai/tài, xe/xế), in file order.
    package let phrases: [[[SearchTokenizer.Word]]]

    /// Each group's phrases as search terms ("tài xế" → ["tai", "xe"]).
    package var groups: [[[String]]] { phrases.map { $0.map { $0.map(\.term) } } }

    package static let empty = SynonymList(phrases: [])

    /// The phrases as written, a group a line: what the leak audit reads.
    package var text: String {
        phrases.map { group in group.map { $0.map(\.form).joined(separator: " ") }.joined(separator: ", ") }.joined(separator: "\n")
    }

    /// The phrases by their first term, for finding them in a document's terms.
    package var byFirstTerm: [String: [(phrase: [String], group: Int)]] {
        var table: [String: [(phrase: [String], group: Int)]] = [:]
        for (index, group) in groups.enumerated() {
            for phrase in group { table[phrase[0], default: []].append((phrase, index)) }
        }
        return table
    }
}
