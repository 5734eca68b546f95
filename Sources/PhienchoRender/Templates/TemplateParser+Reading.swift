import PhienchoCore
import PhienchoModel

/// Reading characters and turning tokens into `Template` nodes.
extension TemplateParser {
    // MARK: Reading

    var atEnd: Bool { position == characters.count }
    package var current: Character? { position < characters.count ? characters[position] : nil }

    @discardableResult
    package mutating func read(while predicate: (Character) -> Bool) -> [Character] {
        let start = position
        while position < characters.count, predicate(characters[position]) { position += 1 }
        return Array(characters[start..<position])
    }

    /// Characters up to one matching `predicate` (not consumed); nil, with nothing consumed, when
    /// the end comes first.
    package mutating func read(until predicate: (Character) -> Bool) -> [Character]? {
        var index = position
        while index < characters.count {
            if predicate(characters[index]) {
                defer { position = index }
                return Array(characters[position..<index])
            }
            index += 1
        }
        return nil
    }

    /// Consumes `string` if the text continues with it. Fewer characters left than `string` has is an
    /// error, as in swift-mustache.
    mutating func readString(_ string: [Character]) throws(TemplateError) -> Bool {
        guard characters.count - position >= string.count else { throw error(.unfinishedTag) }
        for (offset, character) in string.enumerated() where characters[position + offset] != character {
            return false
        }
        position += string.count
        return true
    }

    /// Consumes `character` if it comes next; the end of the text is an error.
    mutating func readCharacter(_ character: Character) throws(TemplateError) -> Bool {
        guard let next = current else { throw error(.unfinishedTag) }
        guard next == character else { return false }
        position += 1
        return true
    }

    package func error(_ kind: TemplateError.Kind) -> TemplateError {
        var line = 1
        var lineStart = 0
        for index in 0..<min(position, characters.count) where characters[index].isNewline {
            line += 1
            lineStart = index + 1
        }
        return TemplateError(kind, line: line, column: position - lineStart + 1)
    }

    // MARK: Nodes

    package func template(_ tokens: [Token]) -> Template {
        Template(nodes: nodes(tokens))
    }

    func nodes(_ tokens: [Token]) -> [Template.Node] {
        tokens.compactMap { token in
            switch token {
            case .text(let characters): .text(Self.bytes(characters))
            case .node(let node): node
            case .blockDefinition: nil
            }
        }
    }

    package static func bytes(_ characters: [Character]) -> [UInt8] {
        Array(String(characters).utf8)
    }
}
