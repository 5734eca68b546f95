/// A controlled list (communes.yml or sectors.yml) with lookup that ignores case and Unicode form.
struct TermList: Sendable {
    let terms: [Term]
    private let byKey: [String: Term]
    /// What `lookup` gives for each name exactly as the list writes it, found without lower-casing.
    private let byName: [String: Term]

    init(_ terms: [Term]) {
        self.terms = terms
        var byKey: [String: Term] = [:]
        for term in terms { byKey[Term.matchKey(term.name)] = byKey[Term.matchKey(term.name)] ?? term }
        self.byKey = byKey
        var byName: [String: Term] = [:]
        for term in terms { byName[term.name] = byKey[Term.matchKey(term.name)] }
        self.byName = byName
    }

    func lookup(_ name: String) -> Term? { byName[name] ?? byKey[Term.matchKey(name)] }

    func suggestion(for name: String) -> String? { Suggestion.closest(to: name, among: terms.map(\.name)) }
}
