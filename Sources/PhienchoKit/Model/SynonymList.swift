/// `content/synonyms.yml`: groups of words and phrases that name the same job ("lái xe", "tài xế").
/// Applied when the search index is built: a document that holds one phrase of a group is indexed
/// under the words of every other phrase of the group too, so a query in any of them finds it, at no
/// cost to the browser (the query and its downloads stay as they are).
struct SynonymList: Sendable {
    init(phrases: [[[SearchTokenizer.Word]]]) {
        self.phrases = phrases
    }

    /// Each group's phrases as words ("tài xế" → tai/tài, xe/xế), in file order.
    let phrases: [[[SearchTokenizer.Word]]]

    /// Each group's phrases as search terms ("tài xế" → ["tai", "xe"]).
    var groups: [[[String]]] { phrases.map { $0.map { $0.map(\.term) } } }

    static let empty = SynonymList(phrases: [])

    /// The phrases as written, a group a line: what the leak audit reads.
    var text: String {
        phrases.map { group in group.map { $0.map(\.form).joined(separator: " ") }.joined(separator: ", ") }.joined(separator: "\n")
    }
}
