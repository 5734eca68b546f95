import PhienchoCore
import PhienchoModel

/// Names and the tags other than sections and variables: comments, delimiters, pragmas, and
/// whether a tag stands alone on its line.
extension TemplateParser {
    // MARK: Names

    mutating func parseName(_ state: State) throws(TemplateError) -> (String, [String]) {
        read(while: \.isWhitespace)
        let text = read(while: { Self.nameCharacters.contains($0) })
        read(while: \.isWhitespace)
        guard try readString(state.endDelimiter) else { throw error(.unfinishedTag) }

        var index = 0
        func readName() -> [Character] {
            let start = index
            while index < text.count, Self.nameCharactersWithoutBrackets.contains(text[index]) { index += 1 }
            return Array(text[start..<index])
        }
        let head = readName()
        if index == text.count { return (String(text), []) }
        guard text[index] == "(" else { throw error(.unfinishedTag) }
        index += 1
        var transforms = [String(head)]
        while true {
            let name = readName()
            guard index < text.count else { throw error(.unfinishedTag) }
            switch text[index] {
            case ")":
                index += 1
                var closing = 0
                while index < text.count, text[index] == ")" {
                    index += 1
                    closing += 1
                }
                guard closing + 1 == transforms.count, index == text.count else { throw error(.unfinishedTag) }
                return (String(name), transforms)
            case "(":
                index += 1
                transforms.append(String(name))
            default:
                throw error(.unfinishedTag)
            }
        }
    }

    mutating func parsePartialName(_ state: State) throws(TemplateError) -> String {
        read(while: \.isWhitespace)
        let text = read(while: { Self.partialNameCharacters.contains($0) })
        read(while: \.isWhitespace)
        guard try readString(state.endDelimiter) else { throw error(.unfinishedTag) }
        return String(text)
    }

    package static func name(_ name: String, _ transforms: [String]) -> Template.Name {
        Template.Name(name, transforms: transforms)
    }

    // MARK: Other tags

    /// swift-mustache's search for the closing delimiter: after a partial match fails, the failing
    /// character is not tried as the start of a new match.
    mutating func skipComment(_ state: State) throws(TemplateError) {
        let delimiter = state.endDelimiter
        let start = position
        var matched = 0
        while let character = current {
            if character == delimiter[matched] {
                matched += 1
                if matched == delimiter.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        position = start
        throw error(.unfinishedTag)
    }

    mutating func parseSetDelimiter(_ state: State) throws(TemplateError) -> State {
        read(while: \.isWhitespace)
        guard let start = read(until: \.isWhitespace) else { throw error(.invalidSetDelimiter) }
        read(while: \.isWhitespace)
        guard let end = read(until: { $0 == "=" || $0.isWhitespace }) else { throw error(.invalidSetDelimiter) }
        read(while: \.isWhitespace)
        guard try readCharacter("="), try readString(state.endDelimiter), !start.isEmpty, !end.isEmpty else {
            throw error(.invalidSetDelimiter)
        }
        var state = state
        state.startDelimiter = start
        state.endDelimiter = end
        state.isPartialDefinitionTopLevel = false
        return state
    }

    /// `{{%CONTENT_TYPE: HTML}}` or `TEXT`; returns whether variables are escaped from here on.
    mutating func parsePragma(_ state: State) throws(TemplateError) -> Bool {
        read(while: \.isWhitespace)
        let variable = read(while: { Self.nameCharactersWithoutBrackets.contains($0) })
        read(while: \.isWhitespace)
        guard (try? readCharacter(":")) == true else { throw error(.invalidPragma) }
        read(while: \.isWhitespace)
        let value = read(while: { Self.nameCharactersWithoutBrackets.contains($0) })
        read(while: \.isWhitespace)
        guard (try? readString(state.endDelimiter)) == true else { throw error(.invalidPragma) }
        guard !variable.isEmpty, !value.isEmpty else { throw error(.invalidPragma) }
        switch (String(variable), String(value)) {
        case ("CONTENT_TYPE", "HTML"): return true
        case ("CONTENT_TYPE", "TEXT"): return false
        default: throw error(.unknownPragma)
        }
    }

    /// Whether the tag just read is alone on its line; if so, the rest of the line (spaces, tabs
    /// and the line break) is consumed.
    mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var index = position
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        if index < characters.count, characters[index].isNewline {
            position = index + 1
            return true
        }
        return false
    }
}
