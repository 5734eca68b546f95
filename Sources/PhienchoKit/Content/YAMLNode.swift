/// One node of a YAML document as `YAMLTreeBuilder` composes it from libyaml's events: a scalar,
/// a sequence or a mapping, with the 1-based line and column where it starts in the YAML text.
/// Anchors and aliases never reach a tree: the builder refuses them as they appear.
struct YAMLNode: Sendable {
    /// libyaml's scalar styles, in its numbering.
    enum ScalarStyle: UInt8, Sendable {
        case any = 0, plain, singleQuoted, doubleQuoted, literal, folded
    }

    struct Pair: Sendable {
        var key: YAMLNode
        var value: YAMLNode
    }

    enum Content: Sendable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([Pair])
    }

    var content: Content
    /// The explicit tag, or nil when the node has its kind's standard tag (no tag, `!`, `!!str`,
    /// `!!seq`, `!!map`): two keys are the same key when their text and this tag are equal.
    var tag: String?
    /// 1-based, in the YAML text; columns count Unicode scalars, as libyaml does.
    var line: Int
    var column: Int

    init(_ content: Content, tag: String? = nil, line: Int, column: Int) {
        self.content = content
        self.tag = tag
        self.line = line
        self.column = column
    }

    /// The text of a scalar, whatever its style or tag.
    var string: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    var scalarStyle: ScalarStyle? {
        if case .scalar(_, let style) = content { return style }
        return nil
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value of a mapping's key written as plain text (no explicit tag); nil for other nodes.
    subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.last { $0.key.tag == nil && $0.key.string == key }?.value
    }

    /// Whether both nodes hold the same value (text, items, pairs and tags; positions and scalar
    /// styles aside): the YAML notion of two mapping keys being equal.
    func hasSameValue(as other: YAMLNode) -> Bool {
        guard tag == other.tag else { return false }
        switch (content, other.content) {
        case let (.scalar(lhs, _), .scalar(rhs, _)):
            return lhs == rhs
        case let (.sequence(lhs), .sequence(rhs)):
            return lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.hasSameValue(as: $1) }
        case let (.mapping(lhs), .mapping(rhs)):
            return lhs.count == rhs.count
                && zip(lhs, rhs).allSatisfy { $0.key.hasSameValue(as: $1.key) && $0.value.hasSameValue(as: $1.value) }
        default:
            return false
        }
    }
}
