/// A controlled list (communes.yml or sectors.yml) with lookup that ignores case and Unicode form.
public struct TermList: Sendable {
    public let terms: [Term]
    private let byKey: [String: Term]

    public init(_ terms: [Term]) {
        self.terms = terms
        var byKey: [String: Term] = [:]
        for term in terms { byKey[Term.matchKey(term.name)] = byKey[Term.matchKey(term.name)] ?? term }
        self.byKey = byKey
    }

    public func lookup(_ name: String) -> Term? { byKey[Term.matchKey(name)] }

    func suggestion(for name: String) -> String? { Suggestion.closest(to: name, among: terms.map(\.name)) }
}
