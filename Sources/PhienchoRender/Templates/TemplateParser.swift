import PhienchoCore
import PhienchoModel

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
    package let characters: [Character]
    package var position = 0

    package init(_ text: String) {
        characters = Array(text)
    }

    package struct State {
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
    enum Token {
        case text([Character])
        case node(Template.Node)
        case blockDefinition(String, Template)
    }

    static let nameCharactersWithoutBrackets = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    mutating func parseTemplate() throws(TemplateError) -> [Template.Node] {
        nodes(try parse(State()))
    }

    // MARK: Sections

    package mutating func parse(_ initial: State) throws(TemplateError) -> [Token] {
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
    mutating func readUntilDelimiterOrNewline(_ state: State) throws(TemplateError) -> [Character] {
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
}
