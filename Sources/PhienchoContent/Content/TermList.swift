import PhienchoCore
import PhienchoModel

/// A controlled list (communes.yml or sectors.yml) with lookup that ignores case and Unicode form.
package struct TermList: Sendable {
    package let terms: [Term]
    private let byKey: [String: Term]
    /// What `lookup` gives for each name exactly as the list writes it, found without lower-casing.
    private let byName: [String: Term]

    package init(_ terms: [Term]) {
        self.terms = terms
        var byKey: [String: Term] = [:]
        for term in terms { byKey[Term.matchKey(term.name)] = byKey[Term.matchKey(term.name)] ?? term }
        self.byKey = byKey
        var byName: [String: Term] = [:]
        for term in terms { byName[term.name] = byKey[Term.matchKey(term.name)] }
        self.byName = byName
    }

    package func lookup(_ name: String) -> Term? { byName[name] ?? byKey[Term.matchKey(name)] }

    /// The closest name, or else the one name that holds every word of `name` ("Cơ khí" → "Cơ khí – Hàn").
    package func suggestion(for name: String) -> String? {
        if let close = Suggestion.closest(to: name, among: terms.map(\.name)) { return close }
        let words = Slug.make(name).split(separator: "-")
        guard !words.isEmpty else { return nil }
        let holding = terms.filter { term in
            let own = Slug.make(term.name).split(separator: "-")
            return words.allSatisfy(own.contains)
        }
        return holding.count == 1 ? holding[0].name : nil
    }
}
