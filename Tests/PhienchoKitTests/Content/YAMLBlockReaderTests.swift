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

/// The fast block reader must build exactly libyaml's tree whenever it reads a text at all.
@Suite("YAML block reader: the same tree as libyaml, or nothing")
struct YAMLBlockReaderTests {
    /// The tree as text: kind, style, tag, line and column of every node.
    static func describe(_ node: YAMLNode) -> String {
        let place = "@\(node.line):\(node.column)\(node.tag.map { " !\($0)" } ?? "")"
        switch node.content {
        case .scalar(let text, let style): return "\(text.debugDescription)/\(style)\(place)"
        case .sequence(let items): return "[\(items.map(describe).joined(separator: ", "))]\(place)"
        case .mapping(let nodes): return "{\(nodes.map(describe).joined(separator: ", "))}\(place)"
        }
    }

    /// Nil when the fast reader gives up; otherwise whether it agrees with libyaml (recorded if not).
    @discardableResult
    static func compare(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool? {
        var yaml = yaml
        return yaml.withUTF8 { bytes -> Bool? in
            guard let fast = YAMLBlockReader.read(bytes) else { return nil }
            guard case .document(let root) = YAMLTreeBuilder.buildWithLibyaml(utf8: bytes) else {
                Issue.record("the fast reader read what libyaml refuses: \(String(decoding: bytes, as: UTF8.self).debugDescription)",
                             sourceLocation: sourceLocation)
                return false
            }
            let same = describe(fast) == describe(root)
            #expect(same, "\(String(decoding: bytes, as: UTF8.self).debugDescription)\nfast:    \(describe(fast))\nlibyaml: \(describe(root))",
                    sourceLocation: sourceLocation)
            return same
        }
    }

    static func frontMatter(_ bytes: [UInt8]) -> String? {
        guard case .success(let text) = ContentLoader.decode(Data(bytes)) else { return nil }
        return try? FrontMatter.split(text).yaml
    }

    @Test("The example content and the fuzzing seeds: read fast, and the same as libyaml")
    func exampleContent() throws {
        var read = 0, total = 0
        let files = FileManager.default.enumerator(atPath: Paths.content.path)!.compactMap { $0 as? String }
        for file in files.sorted() where file.hasSuffix(".md") || file.hasSuffix(".yml") {
            let data = try Data(contentsOf: Paths.content.appendingPathComponent(file))
            let yaml = file.hasSuffix(".md") ? Self.frontMatter(Array(data)) : String(decoding: data, as: UTF8.self)
            guard let yaml else { continue }
            total += 1
            if Self.compare(yaml) != nil { read += 1 }
        }
        for seed in Fuzz.seeds {
            let yaml = try #require(Self.frontMatter(Array(seed.utf8)))
            total += 1
            if Self.compare(yaml) != nil { read += 1 }
        }
        // Vacancy and page front matter is what the fast reader is for.
        #expect(total > 10 && read * 10 >= total * 7, "read fast: \(read) of \(total)")
    }

    @Test("Shapes at the edge of what the fast reader takes")
    func edgeShapes() {
        let shapes = [
            "a: b\n", "a:  b  \n", "a: \"b\"\n", "a: \"b\" \n", "a: \"\"\n", "a: b\n\n\nc: d\n", "a:\n  b: c\n", "a:\n    b: c\n  d: e\n",
            "a:\n- x\n- y\nb: c\n", "a:\n  - x\n  - y\nb: c\n", "a:\n  -  x\n", "a:\n  - \"x\"\n", "a:\n  -\n", "a:\n - x\n  - y\n",
            "a: b\n  c: d\n", "a: b\n  c\n", "a:\n", "a:\nb: c\n", "a: b: c\n", "a: b:\n", "a: b:c\n", "a: http://x.vn/a\n",
            "a: 12:30\n", "a: x, y [z]\n", "a: \"x\" y\n", "a: \"x\ny\"\n", "a: 'x'\n", "a: -5\n", "a: ~\n", "a: Ngày 5/6\n",
            "a-b: c\n", "_a: b\n", "-a: b\n", "1: 2\n", "a: b\na: c\n", "a:\n  b: c\n  b: d\n", "  a: b\n", "a: b\n c: d\n",
            "a:\n  b:\n    - x\n  c: d\n", "a:\n  b:\n  - x\n", "x: \"ơ ư\"\ntên: b\n", "a: ơ\nb: \"ư\"\n", "a: %x\n", "a: @x\n",
            "a: `x`\n", "a: x\"y\n", "a: x'y\n", "a: [x]\n", "a: {x: y}\n", "a: |\n  x\n", "a: >\n  x\n", "a: &x y\n", "a: *x\n",
            "a: !t y\n", "? a\n: b\n", "a:\n  - x: y\n", "a:\n  - - x\n", "- a\n- b\n", "a\n", "a: b\n---\nc: d\n", "a: b\n...\n",
            "a: x\u{A0}y\n", "a: x\u{85}y\n", "a: x\u{2028}y\n", "a: \u{FEFF}x\n", "a: x\u{FFFE}\n", "a: 🙂\n", "a: b\r\n",
        ]
        for shape in shapes { Self.compare(shape) }
        // The common shapes are read fast.
        for shape in ["a: b\n", "a:\n  b: c\n", "a:\n- x\nb: c\n", "a:\n  - x\n", "a: \"x: y\"\n", "a: http://x.vn/a\n"] {
            #expect(Self.compare(shape) == true, "\(shape.debugDescription)")
        }
    }

    @Test("Random block documents")
    func randomDocuments() {
        var random = SeededGenerator(seed: 0x9A31)
        var read = 0
        for _ in 0..<4_000 {
            var lines: [String] = []
            Self.mapping(depth: 0, indent: 0, unit: Int.random(in: 1...4, using: &random), into: &lines, &random)
            // Sometimes one line is shifted or replaced, to reach the edges of the block structure.
            if Int.random(in: 0..<3, using: &random) == 0 {
                let line = Int.random(in: 0..<lines.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: lines[line] = " " + lines[line]
                case 1: lines[line] = String(lines[line].drop { $0 == " " })
                default: lines[line] = Self.values.randomElement(using: &random)!
                }
            }
            if Self.compare(lines.joined(separator: "\n") + (Bool.random(using: &random) ? "\n" : "")) != nil { read += 1 }
        }
        #expect(read > 600, "the generator reaches documents the fast reader takes: \(read)")
    }

    static let keys = ["a", "id", "title", "x-y", "b_2", "n1", "tên", "a b", "\"q\"", "-a", "1", "a:b"]
    static let values = ["b", "Công nhân may", "\"Xưởng: ca ngày\"", "\"\"", "x: y", "x:y", "x #y", "http://a.vn/", "12:30", "- x",
                         "-5", "[a, b]", "{a: b}", "'s'", "&a x", "*a", "!t x", "|", ">", "%x", "@x", "`x`", "?", "~", "a\"b",
                         "\"a\" b", "ơ\u{301}", "x\u{A0}y", "Ngày 5/6, ca 2", "\"unclosed", "x  y", "Đ", "0229 3871 000"]

    /// Mostly valid keys and plain values, now and then a tricky one.
    private static func mapping(depth: Int, indent: Int, unit: Int, into lines: inout [String], _ random: inout SeededGenerator) {
        let pad = String(repeating: " ", count: indent)
        func pick(_ pool: [String], _ common: Int) -> String { pool[Int.random(in: 0..<10, using: &random) < 8 ? Int.random(in: 0..<common, using: &random) : Int.random(in: 0..<pool.count, using: &random)] }
        for _ in 0..<Int.random(in: 1...5, using: &random) {
            let key = pick(keys, 6)
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<6:
                lines.append("\(pad)\(key): \(pick(values, 3))")
            case 6..<8 where depth < 3:
                lines.append("\(pad)\(key):")
                mapping(depth: depth + 1, indent: indent + unit, unit: unit, into: &lines, &random)
            default:
                lines.append("\(pad)\(key):")
                let itemPad = Bool.random(using: &random) ? pad : pad + String(repeating: " ", count: unit)
                for _ in 0..<Int.random(in: 1...3, using: &random) { lines.append("\(itemPad)- \(pick(values, 3))") }
            }
        }
    }

    @Test("Mutated vacancy files and YAML-ish documents of the fuzzer", .shrinking)
    func fuzzedDocuments() async {
        await propertyCheck(count: Fuzz.iterations, input: Fuzz.mutatedVacancy) { bytes in
            if let yaml = Self.frontMatter(bytes) { Self.compare(yaml) }
        }
        await propertyCheck(count: Fuzz.iterations, input: Fuzz.yamlishDocument) { bytes in
            if let yaml = Self.frontMatter(bytes) { Self.compare(yaml) }
        }
    }
}
