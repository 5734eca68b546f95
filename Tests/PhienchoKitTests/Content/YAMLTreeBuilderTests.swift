import Testing
@testable import PhienchoAudit
@testable import PhienchoContent
@testable import PhienchoCore
@testable import PhienchoImport
@testable import PhienchoKit
@testable import PhienchoModel
@testable import PhienchoOutput
@testable import PhienchoPublication
@testable import PhienchoRender
@testable import PhienchoReport
@testable import PhienchoSpreadsheets

@Suite("YAML tree builder: one pass over libyaml's events")
struct YAMLTreeBuilderTests {
    private func document(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> YAMLNode? {
        guard case .document(let root) = YAMLTreeBuilder.build(yaml) else {
            Issue.record("no document for \(yaml.debugDescription)", sourceLocation: sourceLocation)
            return nil
        }
        return root
    }

    private func problem(_ yaml: String) -> YAMLTreeBuilder.Problem? {
        guard case .problem(let problem) = YAMLTreeBuilder.build(yaml) else { return nil }
        return problem
    }

    // MARK: the tree

    @Test func nodesCarryTheirLineAndColumn() throws {
        let root = try #require(document("id: A\nemployer:\n  name: Xưởng\n  phone: \"0229\"\ntags: [a, 'b']\n"))
        #expect(root.line == 1 && root.column == 1)
        let pairs = try #require(root.mapping)
        #expect(pairs.map { $0.key.string } == ["id", "employer", "tags"])
        let employer = try #require(root["employer"])
        #expect((employer.line, employer.column) == (3, 3))
        let phone = try #require(employer["phone"])
        #expect((phone.line, phone.column) == (4, 10))
        #expect(phone.string == "0229" && phone.scalarStyle == .doubleQuoted)
        let tags = try #require(root["tags"]?.sequence)
        #expect(tags.map(\.string) == ["a", "b"])
        #expect(tags.map(\.column) == [8, 11])
        #expect(tags[1].scalarStyle == .singleQuoted)
    }

    @Test("Columns count Unicode scalars, as libyaml does")
    func columnsCountScalars() throws {
        let root = try #require(document("tên: Gia Trấn\nx: [Trấn, ơ]\n"))
        #expect(root["tên"]?.column == 6)
        #expect(root["x"]?.sequence?.map(\.column) == [5, 11])
    }

    @Test func emptyTextAndCommentsAreNoDocument() {
        for yaml in ["", "# chú thích\n", "\n\n   \n"] {
            guard case .empty = YAMLTreeBuilder.build(yaml) else {
                Issue.record("expected no document for \(yaml.debugDescription)")
                continue
            }
        }
    }

    @Test("A leading U+FEFF of a scalar is dropped, as Foundation's String(bytes:encoding:) did")
    func byteOrderMarkAtTheStartOfAScalar() throws {
        let root = try #require(document("status: \u{FEFF}draft\nb: a\u{FEFF}\n"))
        #expect(root["status"]?.string == "draft")
        #expect(root["b"]?.string == "a\u{FEFF}")
    }

    @Test func standardTagsAreNoTag() throws {
        let root = try #require(document("a: !!str x\nb: ! y\nc: !!int 3\nd: !!map {k: v}\ne: !foo z\n"))
        #expect(root["a"]?.tag == nil)
        #expect(root["b"]?.tag == nil)
        #expect(root["c"]?.tag == "tag:yaml.org,2002:int")
        #expect(root["d"]?.tag == nil)
        #expect(root["e"]?.tag == "!foo")
    }

    @Test func subscriptFindsOnlyUntaggedScalarKeys() throws {
        let root = try #require(document("!foo status: draft\nother: 1\n"))
        #expect(root["status"] == nil)
        #expect(root["other"]?.string == "1")
        #expect(root["other"]?["x"] == nil)
    }

    @Test func hasSameValueIgnoresPositionsAndStyles() throws {
        let root = try #require(document("a: [x, {k: 'v'}]\nb:\n  - \"x\"\n  - k: v\nc: [x, {k: w}]\n"))
        let a = try #require(root["a"]), b = try #require(root["b"]), c = try #require(root["c"])
        #expect(a.hasSameValue(as: b))
        #expect(!a.hasSameValue(as: c))
    }

    @Test("Deep nesting within libyaml's limit builds without recursion")
    func deepNesting() throws {
        let depth = 900
        var node = try #require(document(String(repeating: "[", count: depth) + String(repeating: "]", count: depth)))
        var levels = 1
        while let inner = node.sequence?.first {
            node = inner
            levels += 1
        }
        #expect(levels == depth)
    }

    @Test func nestingBeyondLibyamlsLimitIsASyntaxError() {
        let depth = 1500
        guard case .syntax(let error)? = problem(String(repeating: "[", count: depth) + String(repeating: "]", count: depth)) else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(error.problem == YAMLTreeBuilder.tooDeepProblem)
    }

    // MARK: duplicate keys

    @Test("A repeated key is reported at its second occurrence")
    func duplicateAtSecondOccurrence() {
        #expect(problem("id: A\ntitle: B\nx: 1\ntitle: C\n") == .duplicateKeys([.init(key: "title", line: 4, column: 1)]))
    }

    @Test("Each repeated key once, in key order; a third occurrence adds nothing")
    func severalDuplicates() {
        let yaml = "max: 1\nmin: 2\nmax: 3\nmin: 4\nmax: 5\n"
        #expect(problem(yaml) == .duplicateKeys([.init(key: "max", line: 3, column: 1), .init(key: "min", line: 4, column: 1)]))
    }

    @Test("The first mapping to close with a repeat is the one reported (inner before outer)")
    func innerMappingFirst() {
        let yaml = "title: A\nsalary:\n  min: 1\n  min: 2\ntitle: B\n"
        #expect(problem(yaml) == .duplicateKeys([.init(key: "min", line: 4, column: 3)]))
    }

    @Test func duplicateInAFlowMapping() {
        #expect(problem("s: {min: 1, max: 2, min: 3}\n") == .duplicateKeys([.init(key: "min", line: 1, column: 21)]))
    }

    @Test("Many keys (hashed rather than compared pairwise)")
    func duplicateAmongManyKeys() {
        let yaml = (0..<40).map { "k\($0): \($0)\n" }.joined() + "k7: again\n"
        #expect(problem(yaml) == .duplicateKeys([.init(key: "k7", line: 41, column: 1)]))
    }

    @Test("Keys are equal by text and tag, whatever their quoting")
    func keyEqualityFollowsTags() {
        #expect(problem("title: a\n\"title\": b\n") == .duplicateKeys([.init(key: "title", line: 2, column: 1)]))
        #expect(problem("title: a\n!!str title: b\n") == .duplicateKeys([.init(key: "title", line: 2, column: 1)]))
        #expect(problem("title: a\n!foo title: b\n") == nil)
        #expect(problem("1: a\n!!int 1: b\n") == nil)
    }

    @Test func repeatedSequenceKeysAreNamedUncovertable() {
        #expect(problem("? [a, b]\n: 1\n? [a, b]\n: 2\n") == .duplicateKeys([.init(key: "<uncovertable>", line: 3, column: 3)]))
    }

    @Test("A repeat found before a syntax error is what is reported")
    func duplicateBeforeSyntaxError() {
        #expect(problem("a: {k: 1, k: 2}\nb: [\n") == .duplicateKeys([.init(key: "k", line: 1, column: 11)]))
    }

    // MARK: anchors and aliases

    @Test func anchorsAndAliasesAreRefusedWhereTheyAppear() {
        #expect(problem("title: &t Công nhân\nx: 1\n") == .anchorOrAlias(line: 1, column: 8))
        #expect(problem("a: 1\nb: *t\n") == .anchorOrAlias(line: 2, column: 4))
        #expect(problem("a: &m {k: v}\n") == .anchorOrAlias(line: 1, column: 4))
        #expect(problem("a: &s [1]\n") == .anchorOrAlias(line: 1, column: 4))
    }

    @Test("An anchor anywhere before a syntax error wins over an earlier repeated key")
    func anchorWinsOverDuplicate() {
        #expect(problem("a: 1\na: 2\nb: &x 3\n") == .anchorOrAlias(line: 3, column: 4))
        #expect(problem("a: 1\n---\nb: *x\n") == .anchorOrAlias(line: 3, column: 4))
    }

    @Test("An alias bomb is refused at its first anchor, never expanded")
    func aliasBomb() {
        var yaml = "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1...12 {
            yaml += "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", "))]\n"
        }
        #expect(problem(yaml) == .anchorOrAlias(line: 1, column: 5))
        #expect(problem("*i : x\n") == .anchorOrAlias(line: 1, column: 1))
    }

    // MARK: syntax

    @Test func syntaxErrorsCarryLibyamlsProblemAndMark() {
        guard case .syntax(let error)? = problem("title: \"Công nhân\nx: 1\n") else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(error.problem == "found unexpected end of stream")
        #expect((error.line, error.column) == (3, 1))
        #expect(error.context == "while scanning a quoted scalar")
        #expect((error.contextLine, error.contextColumn) == (1, 8))
    }

    @Test("A second document is reported where it starts")
    func secondDocument() {
        #expect(problem("a: 1\n---\nb: 2\n") == .syntax(.init(problem: YAMLTreeBuilder.anotherDocumentProblem, line: 2, column: 1)))
        #expect(problem("a: 1\n---\nb: [\n") == .syntax(.init(problem: YAMLTreeBuilder.anotherDocumentProblem, line: 2, column: 1)))
    }

    @Test func controlCharactersLibyamlRejectsMakeTheTextUnreadable() {
        guard case .unreadable(let message)? = problem("a: x\u{80}y\n") else {
            Issue.record("expected a reader error")
            return
        }
        #expect(message == "control characters are not allowed")
    }
}
