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

/// YAML syntax errors said in Vietnamese at the line that holds the mistake (issue 20).
@Suite("YAML syntax errors in plain Vietnamese")
struct YAMLSyntaxMessageTests {
    /// The one diagnostic for a front matter whose first line is file line 2.
    private func said(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        var sink = DiagnosticSink(path: "f.md")
        #expect(YAMLDocument.parse(yaml, firstLine: 2, sink: &sink) == nil, sourceLocation: sourceLocation)
        #expect(sink.diagnostics.count == 1, "\(sink.diagnostics.map(\.formatted))", sourceLocation: sourceLocation)
        return sink.diagnostics.first
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var code: DiagnosticCode = .yamlSyntax
        /// File line and column (the YAML starts at line 2).
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a missing colon, a comment below", yaml: "id: A\nopenings 15\n# Số lượng\nsalary:\n  min: 1\n",
             line: 3, column: 1, message: "Thiếu dấu hai chấm (:) sau tên trường “openings”. Dòng đang là “openings 15”; hãy viết “openings: 15”."),
        Case(name: "no space after the colon", yaml: "id: A\ntitle:Thợ may\n",
             line: 3, column: 1, message: "Sau dấu hai chấm phải có một dấu cách. Dòng đang là “title:Thợ may”; hãy viết “title: Thợ may”."),
        Case(name: "a colon inside a value", yaml: "id: A\napply: Liên hệ: chị Hoa\n# ghi chú\nx: 1\n",
             line: 3, column: 15, message: "Giá trị của “apply” có dấu hai chấm và dấu cách (“: ”) nên phải đặt trong ngoặc kép. Dòng đang là “apply: Liên hệ: chị Hoa”; hãy viết “apply: \"Liên hệ: chị Hoa\"”."),
        Case(name: "a non-breaking space in the indentation", yaml: "id: A\nemployer:\n  name: X\n\u{A0} phone: \"0912\"\n",
             code: .unusualSpace, line: 5, column: 1,
             message: "Dòng này có một “dấu cách” lạ (dấu cách không ngắt dòng, thường có khi dán chữ từ Word hoặc trang web) ở đầu dòng. Hãy xóa khoảng trắng đó và gõ lại bằng phím Space."),
        Case(name: "a non-breaking space after the colon", yaml: "id: A\ntitle:\u{A0}Thợ may\n", code: .unusualSpace, line: 3, column: 7,
             message: "Dòng này có một “dấu cách” lạ (dấu cách không ngắt dòng, thường có khi dán chữ từ Word hoặc trang web) ở sau dấu hai chấm. Hãy xóa khoảng trắng đó và gõ lại bằng phím Space."),
        Case(name: "one space too many", yaml: "id: A\nemployer:\n  name: X\n   phone: \"0912\"\n",
             line: 5, column: 1, message: "Dòng “phone: \"0912\"” thụt lề 3 dấu cách, lệch một dấu cách so với dòng trên “name: X” (2 dấu cách). Các dòng cùng nhóm phải thẳng hàng: hãy để đúng 2 dấu cách ở đầu dòng."),
        Case(name: "one space too few", yaml: "id: A\nemployer:\n  name: X\n phone: \"0912\"\n",
             line: 5, column: 1, message: "Dòng “phone: \"0912\"” thụt lề 1 dấu cách, trong khi các dòng cùng nhóm thụt lề 2 dấu cách, lệch một dấu cách. Các dòng cùng nhóm phải thẳng hàng: hãy để đúng 2 dấu cách ở đầu dòng."),
        Case(name: "indented under a line with a value", yaml: "id: A\ntitle: Thợ may\n\n# ghi chú\n  openings: 2\n",
             line: 6, column: 1, message: "Dòng “openings: 2” thụt lề 2 dấu cách, sâu hơn dòng trên “title: Thợ may” (0 dấu cách), nhưng dòng trên đã có giá trị nên không có mục con. Nếu đây là phần tiếp của giá trị dòng trên, hãy viết cả giá trị trên một dòng; nếu không, hãy để đúng 0 dấu cách ở đầu dòng."),
        Case(name: "an unclosed double quote", yaml: "id: A\ntitle: \"Thợ may\n# ghi chú\nopenings: 1\n",
             line: 3, column: 8, message: "Dấu ngoặc kép (\") mở ở dòng này nhưng không được đóng. Dòng đang là “title: \"Thợ may”; hãy thêm \" vào cuối giá trị: “title: \"Thợ may\"”."),
        Case(name: "an unclosed single quote", yaml: "id: A\ntitle: 'Thợ may\nopenings: 1\n",
             line: 3, column: 8, message: "Dấu nháy đơn (') mở ở dòng này nhưng không được đóng. Dòng đang là “title: 'Thợ may”; hãy thêm ' vào cuối giá trị: “title: 'Thợ may'”."),
        Case(name: "text after the closing quote", yaml: "id: A\ntitle: \"Thợ\" may\n",
             line: 3, column: 14, message: "Sau dấu “\"” đóng còn chữ “may”. Dòng đang là “title: \"Thợ\" may”; hãy đặt cả giá trị trong ngoặc kép: “title: \"Thợ may\"”."),
        Case(name: "Word's bullets", yaml: "id: A\nrequirements:\n– Biết đọc, biết viết\n• Sức khỏe tốt\n",
             line: 4, column: 1, message: "Dòng “– Biết đọc, biết viết” bắt đầu bằng “–” (dấu đầu dòng của Word). Danh sách viết mỗi mục một dòng, bắt đầu bằng dấu trừ thường và một dấu cách, thụt lề hai dấu cách dưới tên danh sách, ví dụ “  - Biết đọc, biết viết”."),
        Case(name: "a list item on the key's line", yaml: "id: A\ntags: - may mặc\n",
             line: 3, column: 7, message: "Mục danh sách phải ở dòng riêng. Dòng đang là “tags: - may mặc”; hãy viết “tags:” trên một dòng, rồi mỗi mục một dòng bên dưới, ví dụ “  - may mặc”."),
        Case(name: "a list item without a list", yaml: "id: A\ntitle: Thợ may\n- may mặc\n",
             line: 4, column: 1, message: "Dòng “- may mặc” là một mục danh sách nhưng dòng trên không mở danh sách. Mục danh sách phải nằm dưới một dòng “tên:” không có giá trị, thụt lề hai dấu cách."),
        Case(name: "list items out of line", yaml: "id: A\ntags:\n  - may\n - dệt\n",
             line: 5, column: 1, message: "Dòng “- dệt” thụt lề 1 dấu cách, trong khi các dòng cùng nhóm thụt lề 2 dấu cách, lệch một dấu cách. Các dòng cùng nhóm phải thẳng hàng: hãy để đúng 2 dấu cách ở đầu dòng."),
        Case(name: "an unclosed bracket", yaml: "id: A\ntags: [may, dệt\nopenings: 1\n",
             line: 3, column: 7, message: "Dấu “[” mở ở dòng này nhưng không được đóng bằng “]” trên cùng dòng. Dòng đang là “tags: [may, dệt”. Hãy thêm “]”, hoặc viết danh sách mỗi mục một dòng bắt đầu bằng “- ”."),
        Case(name: "a value starting with @", yaml: "id: A\napply: @hoa\n",
             line: 3, column: 8, message: "Giá trị không được bắt đầu bằng ký tự “@”. Dòng đang là “apply: @hoa”; hãy đặt cả giá trị trong ngoặc kép: “apply: \"@hoa\"”."),
        Case(name: "a backslash in double quotes", yaml: "id: A\napply: \"C:\\hoso\"\n",
             line: 3, column: 11, message: "Trong ngoặc kép, dấu gạch chéo ngược (\\) có nghĩa đặc biệt. Dòng đang là “apply: \"C:\\hoso\"”; hãy đặt giá trị trong nháy đơn ('…') thay cho ngoặc kép, hoặc viết \\\\ thay cho \\."),
        Case(name: "a value continued on a line of its own", yaml: "id: A\ntitle: Thợ may\ncông nghiệp\n",
             line: 4, column: 1, message: "Dòng “công nghiệp” không có dạng “tên trường: giá trị”. Nếu đây là phần tiếp theo của giá trị ở dòng trên, hãy viết cả giá trị trên một dòng; nếu là một trường, hãy thêm dấu hai chấm và một dấu cách sau tên trường."),
    ]

    @Test(arguments: cases)
    func commonMistake(_ mistake: Case) throws {
        let diagnostic = try #require(said(mistake.yaml))
        #expect(diagnostic.code == mistake.code)
        #expect((diagnostic.line, diagnostic.column) == (mistake.line, mistake.column))
        #expect(diagnostic.message == mistake.message)
    }

    /// Every problem string in the installed libyaml (the one the build links) has a Vietnamese
    /// rendering. The loader's problems are left out: phiencho reads events, never `yaml_parser_load`.
    @Test func everyLibyamlProblemHasAVietnameseRendering() throws {
        let candidates = ["/usr/lib/x86_64-linux-gnu/libyaml-0.so.2", "/usr/lib/aarch64-linux-gnu/libyaml-0.so.2", "/usr/lib/libyaml-0.so.2"]
        let path = try #require(candidates.first { FileManager.default.fileExists(atPath: $0) }, "libyaml-0.so.2 not found")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var strings: [String] = [], run: [UInt8] = []
        for byte in bytes {
            if byte >= 0x20 && byte < 0x7F { run.append(byte); continue }
            if byte == 0 && run.count >= 8 { strings.append(String(decoding: run, as: UTF8.self)) }
            run = []
        }
        let starts = ["found ", "did not find", "could not find", "invalid ", "incomplete ", "unexpected ", "expected low",
                      "input ", "control characters", "block sequence entries", "mapping keys", "mapping values", "Maximum nesting"]
        let loaderOnly: Set = ["found undefined alias", "found duplicate anchor; first occurrence"]
        let problems = Set(strings.filter { text in starts.contains { text.hasPrefix($0) } }).subtracting(loaderOnly)
        #expect(problems.count >= 40, "only \(problems.count) problems read from \(path): \(problems.sorted())")
        for problem in problems.sorted() {
            #expect(YAMLSyntaxMessage.problems[problem] != nil, "no Vietnamese for libyaml's “\(problem)”")
        }
    }

    /// Each problem said with nothing recognisable around it still reads in Vietnamese, with no
    /// English from libyaml.
    @Test(arguments: YAMLSyntaxMessage.problems.keys.sorted())
    func eachRenderingIsVietnameseOnly(problem: String) throws {
        let text = try #require(YAMLSyntaxMessage.problems[problem])
        #expect(!LibyamlEnglish.appears(in: text))
        let said = YAMLSyntaxMessage(.init(problem: problem, line: 1, column: 1, context: "while parsing a block mapping",
                                           contextLine: 1, contextColumn: 1), yaml: "x\n")
        #expect(!LibyamlEnglish.appears(in: said.message), "\(said.message)")
        #expect(said.message.contains(text) || said.message.count > 40, "\(said.message)")
    }

    @Test func aProblemALaterLibyamlAddsIsStillVietnamese() {
        let unknown = YAMLSyntaxMessage(.init(problem: "found something new", line: 1, column: 1), yaml: "x\n")
        #expect(!unknown.message.contains("found"))
    }

    @Test func aProblemOnACommentLineIsReportedAtTheLineAbove() throws {
        // libyaml stops at the comment below an unterminated flow mapping.
        let diagnostic = try #require(said("id: A\ntitle: x\nsalary: {min: 1\n# ghi chú\n\n"))
        #expect(diagnostic.line == 4)
    }

    @Test func unreadableTextIsSaidInVietnamese() {
        var sink = DiagnosticSink(path: "f.md")
        _ = YAMLDocument.parse("a: x\u{80}y\n", firstLine: 2, sink: &sink)
        #expect(sink.diagnostics.map(\.message) == ["Không đọc được phần khai báo: có ký tự điều khiển không nhìn thấy được (thường do dán từ nơi khác); hãy gõ lại dòng đó."])
    }
}

/// libyaml's English, which must never reach staff: its problem texts and its contexts.
enum LibyamlEnglish {
    static let phrases = Array(YAMLSyntaxMessage.problems.keys) + ["while scanning", "while parsing", "not allowed in this context"]

    static func appears(in text: String) -> Bool {
        phrases.contains { text.contains($0) }
    }
}

extension YAMLSyntaxMessageTests {
    @Test("A quote left open is reported where it opens, though libyaml fails lines later at the next quote")
    func quoteClosedByALaterLine() throws {
        let diagnostic = try #require(said("id: A\ntitle: \"Thợ may\n# ghi chú\nemployer:\n  name: X\n  phone: \"0912\"\n"))
        #expect((diagnostic.line, diagnostic.column) == (3, 8))
        #expect(diagnostic.message.hasPrefix("Dấu ngoặc kép (\") mở ở dòng này nhưng không được đóng."))
    }

    @Test func aQuoteInsideABracketListIsStillFound() throws {
        let diagnostic = try #require(said("id: A\ntags: [\"may, dệt]\n"))
        #expect((diagnostic.line, diagnostic.column) == (3, 8))
    }
}

extension YAMLSyntaxMessageTests {
    @Test("Unusual spaces where YAML needs a real one", arguments: [
        ("a: 1\n\u{3000} b: 2\n", 3, 1, "dấu cách rộng"), ("a: 1\n  \u{200B}b: 2\n", 3, 3, "ký tự trắng vô hình"),
        ("tên:\u{A0}Gia Trấn\n", 2, 5, "dấu cách không ngắt dòng"), ("- \u{2003}x\n", 2, 3, "dấu cách rộng"),
        ("a: 1\nb:\u{FEFF}x\n", 3, 3, "ký tự trắng vô hình"),
    ])
    func unusualSpaces(yaml: String, line: Int, column: Int, name: String) throws {
        let diagnostic = try #require(said(yaml))
        #expect(diagnostic.code == .unusualSpace)
        #expect((diagnostic.line, diagnostic.column) == (line, column))
        #expect(diagnostic.message.contains("(\(name),"))
    }

    @Test("Unusual spaces inside a value, a quoted key or a comment are only text",
          arguments: ["title: Thợ\u{A0}may\n", "title: \"a:\u{A0}b\"\n", "# ghi:\u{A0}chú\nx: 1\n", "x: 'a:\u{A0}b'\n"])
    func unusualSpacesInText(yaml: String) {
        var sink = DiagnosticSink(path: "f.md")
        #expect(YAMLDocument.parse(yaml, firstLine: 2, sink: &sink) != nil)
        #expect(sink.diagnostics.isEmpty)
    }
}
