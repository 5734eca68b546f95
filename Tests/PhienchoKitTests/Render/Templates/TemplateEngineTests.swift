import Foundation
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

/// What phiencho's engine does on its own: syntax errors with their position, the theme's PC502
/// diagnostic, and the few places it departs from swift-mustache on purpose (docs/theme.md).
@Suite("Templates: errors and deliberate differences")
struct TemplateEngineTests {
    func render(_ text: String, _ context: TemplateValue = [:], partials: [String: String] = [:]) throws -> String {
        var library = TemplateLibrary()
        try library.register(text, named: "main")
        for (name, partial) in partials { try library.register(partial, named: name) }
        return String(decoding: library.render("main", context) ?? [], as: UTF8.self)
    }

    func error(_ text: String) -> TemplateError? {
        do {
            _ = try Template(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func errorsSayWhereAndWhat() throws {
        let unclosed = try #require(error("a\nb {{#x}}\nc"))
        #expect(unclosed.kind == .unclosedSection)
        #expect(unclosed.line == 3)

        let mismatch = try #require(error("<p>\n  {{#vacancies}}\n  {{/vacancy}}\n"))
        #expect(mismatch.kind == .closingTagMismatch(expected: "vacancies"))
        #expect((mismatch.line, mismatch.column) == (3, 6))
        #expect(mismatch.description == "dòng 3, cột 6: thẻ đóng không khớp với thẻ mở (cần {{/vacancies}})")

        let transformed = try #require(error("{{#empty(list)}}x{{/list}}"))
        #expect(transformed.kind == .closingTagMismatch(expected: "empty(list)"))

        let unfinished = try #require(error("ab {{title"))
        #expect(unfinished.kind == .unfinishedTag)
        #expect(unfinished.line == 1)

        #expect(error("{{/x}}")?.kind == .closingTagMismatch(expected: nil))
        #expect(error("{{=<%=}}")?.kind == .invalidSetDelimiter)
        #expect(error("{{<layout}}{{title}}{{/layout}}")?.kind == .tagInsideParent)
        #expect(error("{{$main(x)}}{{/main(x)}}")?.kind == .transformOnBlock)
        #expect(error("{{%CONTENT_TYPE}}")?.kind == .invalidPragma)
        #expect(error("{{%CONTENT_TYPE:XML}}")?.kind == .unknownPragma)
        for kind in [TemplateError.Kind.unfinishedTag, .unclosedSection, .invalidSetDelimiter, .transformOnBlock,
                     .tagInsideParent, .invalidPragma, .unknownPragma, .closingTagMismatch(expected: nil)] {
            #expect(!TemplateError(kind, line: 1, column: 1).message.isEmpty)
        }
    }

    @Test("A theme template that does not parse is PC502 with its line and column")
    func themeDiagnostic() throws {
        let folder = try TemporaryFolder("theme-syntax")
        defer { folder.remove() }
        let templates = folder.url.appendingPathComponent("broken/templates")
        try FileManager.default.createDirectory(at: templates.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("broken/assets"), withIntermediateDirectories: true)
        try Data("body{}".utf8).write(to: folder.url.appendingPathComponent("broken/assets/style.css"))
        for name in Theme.requiredTemplates {
            try Data("<p>{{page.title}}</p>\n".utf8).write(to: templates.appendingPathComponent("\(name).mustache"))
        }
        try Data("<ul>\n{{#vacancies}}\n<li>{{title}</li>\n{{/vacancies}}\n".utf8)
            .write(to: templates.appendingPathComponent("partials/card.mustache"))
        do {
            _ = try Theme.load(themesDirectory: folder.url, name: "broken", displayRoot: "themes")
            Issue.record("the theme loaded")
        } catch {
            let problems = error.list
            #expect(problems.count == 1)
            let problem = try #require(problems.first)
            #expect(problem.code == .themeProblem)
            #expect(problem.path == "themes/broken/templates/partials/card.mustache")
            #expect(problem.line == 3 && problem.column != nil)
            #expect(problem.message.hasPrefix("Mẫu trang sai cú pháp Mustache: "))
        }
    }

    @Test("Objects print their keys in the order they were set")
    func objectOrder() throws {
        let context: TemplateValue = ["o": ["b": 1, "a": "x"], "list": [["z": true, "y": false]]]
        #expect(try render("{{o}}|{{list}}", context) == "[&quot;b&quot;: 1, &quot;a&quot;: &quot;x&quot;]|[[&quot;z&quot;: true, &quot;y&quot;: false]]")
        #expect(try render("{{#enumerated(o)}}{{key}}={{value}};{{/enumerated(o)}}|{{#sorted(o)}}{{key}};{{/sorted(o)}}", context)
            == "b=1;a=x;|a;b;")
    }

    @Test("Escaping works on bytes: a special character followed by a combining mark is escaped too")
    func escapingOnBytes() throws {
        #expect(try render("{{x}}", ["x": "<\u{338} &\u{301} \"'"]) == "&lt;\u{338} &amp;\u{301} &quot;&#39;")
        #expect(try render("{{{x}}}", ["x": "<b>"]) == "<b>")
    }

    @Test("A partial that includes itself stops at the depth limit instead of crashing")
    func recursionLimit() throws {
        let output = try render("{{>loop}}", [:], partials: ["loop": "x{{>loop}}"])
        #expect(output == String(repeating: "x", count: TemplateRenderer.maximumDepth))
        let blocks = try render("{{<parent}}{{$b}}[{{$b}}{{/b}}]{{/b}}{{/parent}}", [:], partials: ["parent": "{{$b}}{{/b}}"])
        #expect(blocks.hasPrefix("[[[") && blocks.count < 1000)
    }

    @Test func integerTransformsWrapRound() throws {
        #expect(try render("{{plusone(n)}} {{minusone(m)}}", ["n": .int(Int.max), "m": .int(Int.min)]) == "\(Int.min) \(Int.max)")
    }

    @Test("Absent keys are missing: lookup goes on down the stack")
    func absentKeys() throws {
        let context: TemplateValue = ["title": "ngoài", "items": [["title": .absent], ["title": "trong"]]]
        #expect(try render("{{#items}}{{title}};{{/items}}", context) == "ngoài;trong;")
        var object = TemplateObject()
        object["a"] = "1"
        object["a"] = nil
        #expect(object.count == 0 && object["a"] == nil)
    }
}
