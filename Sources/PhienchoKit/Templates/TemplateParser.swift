/// Parses Mustache text into `Template` nodes, following swift-mustache 2.1.1's parser step by
/// step (it works on `Character`s, so this does too), including where it departs from the
/// Mustache spec — themes were written against it:
/// - Whether a tag stands alone on its line (and so takes its line's indentation and line break
///   with it) is decided when the tag is read: after a section closes, the line state is the one
///   of the section's *opening* tag.
/// - Spaces and tabs at the very end of the template, after the last line break, are dropped.
/// - The opening delimiter directly followed by a line break is dropped with the tag never read.
/// - A lone opening-delimiter character too close to the end of the text to hold a whole
///   delimiter (`a{` at the end) is a syntax error.
/// - Delimiters set with `{{=<% %>=}}` last until the end of the enclosing section only.
/// - Inside a block override, the indentation of its first line is removed from every line.
/// - A comment, delimiter or pragma tag that is not alone on its line keeps the indentation in
///   front of it for the text that follows.
struct TemplateParser {
    private let characters: [Character]
    private var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        /// Characters of indentation removed from each line of a block override.
        var partialDefinitionIndent: Int?

        func withSectionName(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    /// What the parser reads, before names become `Template.Name`s.
    private enum Token {
        case text([Character])
        case node(Template.Node)
        case blockDefinition(String, Template)
    }

    private static let nameCharactersWithoutBrackets = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    mutating func parseTemplate() throws(TemplateError) -> [Template.Node] {
        nodes(try parse(State()))
    }

    // MARK: Sections

    private mutating func parse(_ initial: State) throws(TemplateError) -> [Token] {
        var tokens: [Token] = []
        var state = initial
        var whiteSpaceBefore: [Character] = []
        while !atEnd {
            if state.newLine {
                let whiteSpace = read(while: { $0 == " " || $0 == "\t" })
                if state.isPartialDefinition && !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = Array(whiteSpace.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = try readUntilDelimiterOrNewline(state)
            if let newline = current, newline.isNewline {
                tokens.append(.text(whiteSpaceBefore + text + [newline]))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = []
                state.newLine = false
            }
            guard let tag = current else { break }

            var setNewLine = false
            switch tag {
            case "#", "^":
                position += 1
                let (name, transforms) = try parseName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = []
                }
                let body = try template(parse(state.withSectionName(name, newLine: setNewLine, transforms: transforms)))
                let parsed = Self.name(name, transforms)
                tokens.append(.node(tag == "#" ? .section(parsed, body) : .invertedSection(parsed, body)))

            case "/":
                position += 1
                let namePosition = position
                let (name, transforms) = try parseName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    position = namePosition
                    throw error(.closingTagMismatch(expected: state.sectionName.map {
                        state.sectionTransforms.isEmpty ? $0 : state.sectionTransforms.joined(separator: "(") + "(" + $0
                            + String(repeating: ")", count: state.sectionTransforms.count)
                    }))
                }
                if !isStandalone(state), !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                }
                return tokens

            case "!":
                position += 1
                try skipComment(state)
                setNewLine = isStandalone(state)

            case "{", "&":
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = []
                }
                position += 1
                let (name, transforms) = try parseName(state)
                if tag == "{" {
                    guard try readCharacter("}") else { throw error(.unfinishedTag) }
                }
                tokens.append(.node(.variable(Self.name(name, transforms), escaped: false)))

            case ">":
                position += 1
                read(while: \.isWhitespace)
                var dynamic = false
                if current == "*" {
                    position += 1
                    dynamic = true
                }
                let name = try parsePartialName(state)
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                }
                var indentation: [UInt8]?
                if isStandalone(state) {
                    setNewLine = true
                    indentation = Self.bytes(whiteSpaceBefore)
                }
                tokens.append(.node(.partial(name: name, dynamic: dynamic, indentation: indentation, overrides: nil)))
                whiteSpaceBefore = []

            case "<":
                position += 1
                read(while: \.isWhitespace)
                let sectionName = try parsePartialName(state)
                let dynamic = sectionName.first == "*"
                let name = dynamic ? String(sectionName.dropFirst()) : sectionName
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                }
                if isStandalone(state) {
                    setNewLine = true
                }
                var overrides: [String: Template] = [:]
                for token in try parse(state.withInheritancePartial(sectionName)) {
                    switch token {
                    case .blockDefinition(let block, let body): overrides[block] = body
                    case .text: break
                    case .node: throw error(.tagInsideParent)
                    }
                }
                tokens.append(.node(.partial(name: name, dynamic: dynamic, indentation: Self.bytes(whiteSpaceBefore), overrides: overrides)))
                whiteSpaceBefore = []

            case "$":
                position += 1
                let (name, transforms) = try parseName(state)
                guard transforms.isEmpty else { throw error(.transformOnBlock) }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let body = try template(parse(state.withSectionName(name, newLine: setNewLine)))
                    tokens.append(.blockDefinition(name, body))
                } else {
                    if !whiteSpaceBefore.isEmpty {
                        tokens.append(.text(whiteSpaceBefore))
                    }
                    if isStandalone(state) { setNewLine = true }
                    let body = try template(parse(state.withSectionName(name, newLine: setNewLine)))
                    tokens.append(.node(.block(name: name, body, indentation: Self.bytes(whiteSpaceBefore))))
                    whiteSpaceBefore = []
                }

            case "=":
                position += 1
                state = try parseSetDelimiter(state)
                setNewLine = isStandalone(state)

            case "%":
                position += 1
                tokens.append(.node(.contentType(escapes: try parsePragma(state))))
                setNewLine = isStandalone(state)

            default:
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = []
                }
                let (name, transforms) = try parseName(state)
                tokens.append(.node(.variable(Self.name(name, transforms), escaped: true)))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw error(.unclosedSection) }
        return tokens
    }

    /// Text up to the next opening delimiter (consumed) or line break (not consumed).
    private mutating func readUntilDelimiterOrNewline(_ state: State) throws(TemplateError) -> [Character] {
        let first = state.startDelimiter[0]
        var text: [Character] = []
        while let character = current {
            if character == "\n" || character == "\r\n" {
                break
            }
            if character == first {
                if try readString(state.startDelimiter) { break }
                text.append(first)
            } else {
                text.append(character)
            }
            position += 1
        }
        return text
    }

    // MARK: Names

    private mutating func parseName(_ state: State) throws(TemplateError) -> (String, [String]) {
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

    private mutating func parsePartialName(_ state: State) throws(TemplateError) -> String {
        read(while: \.isWhitespace)
        let text = read(while: { Self.partialNameCharacters.contains($0) })
        read(while: \.isWhitespace)
        guard try readString(state.endDelimiter) else { throw error(.unfinishedTag) }
        return String(text)
    }

    private static func name(_ name: String, _ transforms: [String]) -> Template.Name {
        Template.Name(name, transforms: transforms)
    }

    // MARK: Other tags

    /// swift-mustache's search for the closing delimiter: after a partial match fails, the failing
    /// character is not tried as the start of a new match.
    private mutating func skipComment(_ state: State) throws(TemplateError) {
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

    private mutating func parseSetDelimiter(_ state: State) throws(TemplateError) -> State {
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
    private mutating func parsePragma(_ state: State) throws(TemplateError) -> Bool {
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
    private mutating func isStandalone(_ state: State) -> Bool {
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

    // MARK: Reading

    private var atEnd: Bool { position == characters.count }
    private var current: Character? { position < characters.count ? characters[position] : nil }

    @discardableResult
    private mutating func read(while predicate: (Character) -> Bool) -> [Character] {
        let start = position
        while position < characters.count, predicate(characters[position]) { position += 1 }
        return Array(characters[start..<position])
    }

    /// Characters up to one matching `predicate` (not consumed); nil, with nothing consumed, when
    /// the end comes first.
    private mutating func read(until predicate: (Character) -> Bool) -> [Character]? {
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
    private mutating func readString(_ string: [Character]) throws(TemplateError) -> Bool {
        guard characters.count - position >= string.count else { throw error(.unfinishedTag) }
        for (offset, character) in string.enumerated() where characters[position + offset] != character {
            return false
        }
        position += string.count
        return true
    }

    /// Consumes `character` if it comes next; the end of the text is an error.
    private mutating func readCharacter(_ character: Character) throws(TemplateError) -> Bool {
        guard let next = current else { throw error(.unfinishedTag) }
        guard next == character else { return false }
        position += 1
        return true
    }

    private func error(_ kind: TemplateError.Kind) -> TemplateError {
        var line = 1
        var lineStart = 0
        for index in 0..<min(position, characters.count) where characters[index].isNewline {
            line += 1
            lineStart = index + 1
        }
        return TemplateError(kind, line: line, column: position - lineStart + 1)
    }

    // MARK: Nodes

    private func template(_ tokens: [Token]) -> Template {
        Template(nodes: nodes(tokens))
    }

    private func nodes(_ tokens: [Token]) -> [Template.Node] {
        tokens.compactMap { token in
            switch token {
            case .text(let characters): .text(Self.bytes(characters))
            case .node(let node): node
            case .blockDefinition: nil
            }
        }
    }

    private static func bytes(_ characters: [Character]) -> [UInt8] {
        Array(String(characters).utf8)
    }
}
