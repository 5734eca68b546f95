import PhienchoCore

/// One node of a YAML document as `YAMLTreeBuilder` composes it from libyaml's events: a scalar,
/// a sequence or a mapping, with the 1-based line and column where it starts in the YAML text.
/// Anchors and aliases never reach a tree: the builder refuses them as they appear.
package struct YAMLNode: Sendable {
    /// libyaml's scalar styles, in its numbering.
    package enum ScalarStyle: UInt8, Sendable {
        case any = 0, plain, singleQuoted, doubleQuoted, literal, folded
    }

    package enum Content: Sendable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        /// Keys and values alternating, in document order: each key at an even index, its value after it.
        case mapping([YAMLNode])
    }

    /// A mapping's key-value pairs, read from its alternating nodes.
    package struct Pairs: RandomAccessCollection, Sendable {
        let nodes: [YAMLNode]

        package var startIndex: Int { 0 }
        package var endIndex: Int { nodes.count / 2 }

        package subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) {
            (nodes[2 * position], nodes[2 * position + 1])
        }
    }

    package var content: Content
    /// The explicit tag, or nil when the node has its kind's standard tag (no tag, `!`, `!!str`,
    /// `!!seq`, `!!map`): two keys are the same key when their text and this tag are equal.
    package var tag: String?
    /// 1-based, in the YAML text; columns count Unicode scalars, as libyaml does.
    package var line: Int
    package var column: Int

    package init(_ content: Content, tag: String? = nil, line: Int, column: Int) {
        self.content = content
        self.tag = tag
        self.line = line
        self.column = column
    }

    /// The text of a scalar, whatever its style or tag.
    package var string: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    var scalarStyle: ScalarStyle? {
        if case .scalar(_, let style) = content { return style }
        return nil
    }

    package var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    package var mapping: Pairs? {
        if case .mapping(let nodes) = content { return Pairs(nodes: nodes) }
        return nil
    }

    /// The value of a mapping's key written as plain text (no explicit tag); nil for other nodes.
    package subscript(key: String) -> YAMLNode? {
        guard case .mapping(let nodes) = content else { return nil }
        for index in stride(from: nodes.count - 2, through: 0, by: -2) where nodes[index].tag == nil {
            if case .scalar(let text, _) = nodes[index].content, text == key { return nodes[index + 1] }
        }
        return nil
    }

    /// Whether both nodes hold the same value (text, items, pairs and tags; positions and scalar
    /// styles aside): the YAML notion of two mapping keys being equal.
    func hasSameValue(as other: YAMLNode) -> Bool {
        guard tag == other.tag else { return false }
        switch (content, other.content) {
        case let (.scalar(lhs, _), .scalar(rhs, _)):
            return lhs == rhs
        case let (.sequence(lhs), .sequence(rhs)), let (.mapping(lhs), .mapping(rhs)):
            return lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.hasSameValue(as: $1) }
        default:
            return false
        }
    }
}
