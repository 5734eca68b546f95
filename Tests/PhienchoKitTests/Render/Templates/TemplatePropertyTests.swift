import Foundation
import PropertyBased
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

/// Random templates and contexts, rendered by phiencho's engine and by swift-mustache: the output
/// must be byte for byte the same, or both engines must refuse the template.
///
/// Two generators: well-formed templates built as a tree (sections, partials, parents and blocks,
/// comments, set delimiters, pragmas, standalone lines with indentation, transforms) with a random
/// context, and a soup of tag fragments that is mostly not valid Mustache (the parsers must agree
/// on what they refuse). What swift-mustache prints differently on purpose is not generated:
/// objects with several keys printed as text (its dictionary order varies from run to run) and
/// `reversed(list)` printed as text; nor one-character delimiters (swift-mustache 2.1.1 traps on an
/// empty section closed with them). `TEMPLATE_ITERATIONS` sets the number of inputs (default 1500).
@Suite("Templates: random templates render as in swift-mustache")
struct TemplatePropertyTests {
    static let iterations = ProcessInfo.processInfo.environment["TEMPLATE_ITERATIONS"].flatMap { Int($0) } ?? 1500

    @Test("Random well-formed templates and contexts", .shrinking)
    func randomTemplates() async {
        let input = Gen<Int>.int(in: 0...Int(Int32.max)).map { seed -> RandomTemplateCase in
            var generator = RandomTemplates(seed: UInt64(seed))
            return generator.makeCase()
        }
        var refused = 0
        await propertyCheck(count: Self.iterations, input: input) { generated in
            let ours = TemplateOracle.ours(generated.templates, context: generated.context)
            let reference = TemplateOracle.mustache(generated.templates, context: generated.context)
            if reference == .syntaxError { refused += 1 }
            #expect(ours == reference, "\(generated)\nours:      \(ours)\nreference: \(reference)")
        }
        // Most generated templates must parse, or this tests only the error paths.
        #expect(refused < Self.iterations / 4, "\(refused) of \(Self.iterations) templates did not parse")
    }

    @Test("Soup of tag fragments", .shrinking)
    func tagSoup() async {
        let input = Gen.int(in: 0...(RandomTemplates.fragments.count - 1)).array(of: 0...24)
        await propertyCheck(count: Self.iterations * 2, input: input) { indexes in
            let text = indexes.map { RandomTemplates.fragments[$0] }.joined()
            let templates = ["main": text, "p": "<{{ss}}>\n  {{$b}}B{{/b}}\n", "layout": "[{{$b}}d{{/b}}|{{>p}}]\n"]
            if let parsed = try? Template(text), Self.overridesMayRecurse(parsed) { return }
            let ours = TemplateOracle.ours(templates, context: Self.soupContext)
            let reference = TemplateOracle.mustache(templates, context: Self.soupContext)
            #expect(ours == reference, "\(text.debugDescription)\nours:      \(ours)\nreference: \(reference)")
        }
    }
}

extension TemplatePropertyTests {
    /// One key only, so `{{.}}` at the top prints the same in both engines.
    static let soupContext: TemplateValue = ["ss": ["x", "<y>"]]

    /// Whether a block override holds a block or a partial (which may hold one): an override of
    /// `b` holding `{{$b}}` expands itself without end, and swift-mustache then overflows its stack.
    static func overridesMayRecurse(_ template: Template) -> Bool {
        func containsBlockOrPartial(_ template: Template) -> Bool {
            template.nodes.contains { node in
                switch node {
                case .block, .partial: true
                case .section(_, let body), .invertedSection(_, let body): containsBlockOrPartial(body)
                default: false
                }
            }
        }
        return template.nodes.contains { node in
            switch node {
            case .partial(_, _, _, let overrides?): overrides.values.contains(where: containsBlockOrPartial)
            case .section(_, let body), .invertedSection(_, let body), .block(_, let body, _): overridesMayRecurse(body)
            default: false
            }
        }
    }
}

struct RandomTemplateCase: CustomStringConvertible {
    var templates: [String: String]
    var context: TemplateValue

    var description: String {
        templates.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.debugDescription)" }.joined(separator: "\n")
            + "\ncontext: \(context.swiftDescription)"
    }
}

/// Builds random templates as text, tracking the delimiters in force (they last to the end of the
/// enclosing section) and whether `{{.}}` would show a plain value.
struct RandomTemplates {
    var rng: SeededGenerator

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    static let fragments = [
        "{{", "}}", "{{", "}}", "{", "}", "#", "^", "/", "!", ">", "<", "$", "&", "=", "%", "*", ".", "(", ")",
        "a", "t", "ss", "xs", "b", "p", "layout", " ", "  ", "\t", "\n", "\n", "\r\n", "<%", "%>", "x",
        "{{#t}}", "{{/t}}", "{{^ss}}", "{{/ss}}", "{{#ss}}", "{{.}}", "{{a}}", "{{{a}}}", "{{>p}}", "{{<layout}}",
        "{{/layout}}", "{{$b}}", "{{/b}}", "{{=<% %>=}}", "<%a%>", "{{! c }}", "{{%CONTENT_TYPE:TEXT}}",
        "{{count(ss)}}", "{{empty(", "ệ", "\u{301}", "😀",
    ]

    static let texts = ["x", " ", "  ", "\t", "\n", "\n", "\n", "\r\n", "Xin chào", "<&>\"'", "ệ", "😀", "}", "=", "(", ")",
                        "a b", "Đ", "{ "]
    static let strings = ["", "a", "Thợ hàn", "<b>&amp;</b>", "'\"", "dòng 1\ndòng 2", "ăn TRƯA", "😀 e\u{301}", "x y z"]

    /// Names that show as plain text: strings, numbers, booleans, lists of those, one-key objects.
    static let variables = [
        "a", "b", "n", "z", "t", "f", "e", "o.a", "o.n", ".a", "p.a", "p", "ss", "ns", "bs", "missing", "xs.a", "o.xs.a",
        "count(ss)", "first(ss)", "last(ns)", "uppercased(a)", "lowercased(b)", "capitalized(a)", "reversed(a)",
        "plusone(n)", "minusone(z)", "even(n)", "odd(z)", "equalzero(z)", "empty(e)", "empty(ss)", "index()",
        "plusone(index())", "first()", "last()", "sorted(ss)", "sorted(ns)", "count(o)", "count(xs)", "empty(a)",
        "uppercased(first(ss))", "nope(a)", "count(reversed(ns))",
    ]
    /// Section names, and whether their items (or value) show as plain text under `{{.}}`:
    /// true, false, or nil for "the context does not change" (booleans).
    static let sections: [(String, Bool?)] = [
        ("t", nil), ("f", nil), ("ss", true), ("ns", true), ("bs", true), ("xs", false), ("o", false), ("p", false),
        ("e", true), ("n", true), ("z", true), ("a", true), ("missing", nil), ("o.xs", false), ("empty(ss)", nil),
        ("equalzero(z)", nil), ("reversed(ss)", true), ("sorted(ns)", true), ("first()", nil), ("last()", nil),
        ("even()", nil), ("first(xs)", false), ("empty(e)", nil), ("xs.t", nil),
    ]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    mutating func pick<T>(_ list: [T]) -> T { list[int(0...(list.count - 1))] }

    mutating func makeCase() -> RandomTemplateCase {
        let partial = template(depth: 1, plainDot: false, partials: false)
        let partialWithBlock = template(depth: 1, plainDot: false, partials: false) + "{{$b1}}p2 mặc định{{/b1}}\n"
        let layout = "<html>\n" + template(depth: 1, plainDot: false, partials: false) + "  {{$b1}}\n  mặc định {{a}}\n  {{/b1}}\n"
            + (chance(50) ? "{{>p2}}\n" : "") + "[{{$b2}}{{n}}{{/b2}}]\n" + (chance(50) ? "  {{>p1}}\n" : "") + "</html>"
        let main = template(depth: 3, plainDot: false, partials: true)
        return RandomTemplateCase(templates: ["main": main, "p1": partial, "p2": partialWithBlock, "layout": layout], context: context())
    }

    // MARK: Templates

    private struct Delimiters {
        var open = "{{"
        var close = "}}"
        func tag(_ body: String) -> String { open + body + close }
    }

    mutating func template(depth: Int, plainDot: Bool, partials: Bool) -> String {
        var delimiters = Delimiters()
        return pieces(depth: depth, plainDot: plainDot, partials: partials, blocks: true, delimiters: &delimiters)
    }

    /// `blocks` is false inside a block override: an override of `b1` holding `{{$b1}}` would expand
    /// itself without end.
    private mutating func pieces(depth: Int, plainDot: Bool, partials: Bool, blocks: Bool, delimiters: inout Delimiters) -> String {
        var out = ""
        for _ in 0..<int(0...6) {
            out += piece(depth: depth, plainDot: plainDot, partials: partials, blocks: blocks, delimiters: &delimiters)
        }
        return out
    }

    /// A tag either inline or alone on its line (with indentation and trailing blanks).
    private mutating func placed(_ tag: String) -> String {
        guard chance(45) else { return tag }
        return pick(["", "  ", "\t", " "]) + tag + pick(["", "", " ", "\t"]) + pick(["\n", "\n", "\r\n"])
    }

    private mutating func piece(depth: Int, plainDot: Bool, partials: Bool, blocks: Bool, delimiters: inout Delimiters) -> String {
        switch int(0...19) {
        case 0...5:
            return pick(Self.texts)
        case 6...9:
            var names = Self.variables
            if plainDot { names += [".", ".", ""] }
            let name = pick(names)
            switch int(0...5) {
            case 0 where delimiters.close == "}}": return delimiters.tag("{" + name) + "}"
            case 1: return delimiters.tag("& " + name)
            case 2: return delimiters.tag(" " + name + " ")
            default: return delimiters.tag(name)
            }
        case 10...13 where depth > 0:
            let (name, itemsPlain) = pick(Self.sections)
            let inverted = chance(30)
            // An inverted section over an empty `reversed(list)` puts it on the stack, and swift-mustache
            // prints that as `ReversedCollection<…>(_base: [])`.
            let innerPlain = inverted ? plainDot && !name.hasPrefix("reversed(") : (itemsPlain ?? plainDot)
            var inner = delimiters
            let body = pieces(depth: depth - 1, plainDot: innerPlain, partials: partials, blocks: blocks, delimiters: &inner)
            return placed(delimiters.tag((inverted ? "^" : "#") + name)) + body + placed(inner.tag("/" + name))
        case 14 where partials:
            return placed(delimiters.tag("> " + pick(["p1", "p2", "nope"])))
        case 15 where partials:
            var out = placed(delimiters.tag("<layout"))
            for block in ["b1", "b2", "b3"] where chance(50) {
                var inner = delimiters
                let body = pieces(depth: 1, plainDot: false, partials: false, blocks: false, delimiters: &inner)
                out += placed(delimiters.tag("$" + block)) + body + placed(inner.tag("/" + block))
                if chance(20) { out += placed(delimiters.tag("! note")) }
            }
            return out + placed(delimiters.tag("/layout"))
        case 16:
            return placed(delimiters.tag("! " + pick(["ghi chú", "", "a\nb", "{ x }"])))
        case 17:
            let next = pick([("<%", "%>"), ("{{", "}}"), ("[[", "]]"), ("%%", ";;")])
            let tag = delimiters.tag("=" + next.0 + " " + next.1 + "=")
            delimiters.open = next.0
            delimiters.close = next.1
            return placed(tag)
        case 18:
            return placed(delimiters.tag("%CONTENT_TYPE:" + pick(["TEXT", "HTML"])))
        case 19 where blocks:
            let block = pick(["b1", "b2"])
            return placed(delimiters.tag("$" + block)) + pick(Self.texts) + placed(delimiters.tag("/" + block))
        default:
            return pick(Self.texts)
        }
    }

    // MARK: Contexts

    mutating func context() -> TemplateValue {
        var root = TemplateObject()
        let keys: [(String, (inout RandomTemplates) -> TemplateValue)] = [
            ("a", { .string($0.pick(Self.strings)) }), ("b", { .string($0.pick(Self.strings)) }),
            ("n", { .int($0.int(-3...20)) }), ("z", { .int($0.pick([0, 0, 1, -1, 2])) }),
            ("t", { .bool($0.chance(70)) }), ("f", { .bool($0.chance(30)) }), ("e", { _ in "" }),
            ("ss", { $0.list { .string($0.pick(Self.strings)) } }), ("ns", { $0.list { .int($0.int(-5...50)) } }),
            ("bs", { $0.list { .bool($0.chance(50)) } }), ("xs", { $0.list { $0.object(nested: false) } }),
            ("o", { $0.object(nested: true) }), ("p", { $0.chance(80) ? ["a": .string($0.pick(Self.strings))] : .object(TemplateObject()) }),
        ]
        for (key, make) in keys where chance(85) { root[key] = make(&self) }
        return .object(root)
    }

    private mutating func list(_ item: (inout RandomTemplates) -> TemplateValue) -> TemplateValue {
        .list((0..<int(0...3)).map { _ in item(&self) })
    }

    private mutating func object(nested: Bool) -> TemplateValue {
        var object = TemplateObject()
        if chance(60) { object["a"] = .string(pick(Self.strings)) }
        if chance(50) { object["n"] = .int(int(0...9)) }
        if chance(50) { object["t"] = .bool(chance(50)) }
        if chance(40) { object["ss"] = list { .string($0.pick(Self.strings)) } }
        if nested, chance(50) { object["xs"] = list { $0.object(nested: false) } }
        return .object(object)
    }
}
