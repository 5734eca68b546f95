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

/// Classic XSS vectors in Markdown (vacancy bodies, `apply`, pages): nothing executable may come out.
@Suite("Markdown safety")
struct MarkdownSafetyTests {
    static let vectors = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](  javascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](jav&#x09;ascript:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;avascript&#x3A;alert(1))",
        "[x](java%0ascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](file:///etc/passwd)",
        "<javascript:alert(1)>",
        "[x]: javascript:alert(1)\n\n[y][x]",
        "[x](\"onmouseover=alert(1))",
        "[x](https://a.example/\"onmouseover=\"alert(1))",
        "![x](javascript:alert(1))",
        "![x\"onerror=\"alert(1)](x)",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<style>body{display:none}</style>",
        "`<script>alert(1)</script>`",
        "```\n<script>alert(1)</script>\n```",
        "<!-- <script>alert(1)</script> -->",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<<script>script>alert(1)<</script>/script>",
    ]

    /// Every href/src value as a browser would read it: entities decoded, ASCII whitespace and controls removed.
    static func urls(in html: String) -> [String] {
        linkTargets(in: html).map { raw in
            var value = raw
            // Numeric entities.
            while let range = value.range(of: #"&#(x[0-9a-fA-F]+|[0-9]+);?"#, options: .regularExpression) {
                let body = value[range].dropFirst(2).filter { $0 != ";" }
                let code = body.hasPrefix("x") || body.hasPrefix("X") ? UInt32(body.dropFirst(), radix: 16) : UInt32(body)
                value.replaceSubrange(range, with: code.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? "")
            }
            value = value.replacingOccurrences(of: "&colon;", with: ":").replacingOccurrences(of: "&Tab;", with: "\t")
                .replacingOccurrences(of: "&NewLine;", with: "\n")
            return String(value.unicodeScalars.filter { $0.value > 0x20 }.map(Character.init)).lowercased()
        }
    }

    static func assertSafe(_ html: String, _ vector: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lower = html.lowercased()
        for bad in ["<script", "<img", "<svg", "<iframe", "<style", "<div", "<a href=\"javascript"] {
            #expect(!lower.contains(bad), "\(vector.debugDescription) → \(html.debugDescription)", sourceLocation: sourceLocation)
        }
        #expect(lower.range(of: #"<[a-z][^>]*\son[a-z]+\s*="#, options: .regularExpression) == nil,
                "event handler attribute: \(html.debugDescription)", sourceLocation: sourceLocation)
        for url in urls(in: html) {
            for scheme in ["javascript:", "vbscript:", "data:", "file:"] {
                #expect(!url.hasPrefix(scheme), "\(vector.debugDescription) → \(url)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("Vacancy body", arguments: vectors)
    func body(vector: String) throws {
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy + "\n" + vector + "\n")
        let v = try #require(vacancy, "\(diagnostics.described)")
        Self.assertSafe(v.descriptionHTML, vector)
    }

    @Test("apply field", arguments: vectors)
    func apply(vector: String) throws {
        let quoted = "\"" + vector.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
        let (vacancy, diagnostics) = Sample.decode(Sample.vacancy.replacing("openings: 3\n", with: "openings: 3\napply: \(quoted)\n"))
        let v = try #require(vacancy, "\(diagnostics.described)")
        Self.assertSafe(try #require(v.applyHTML), vector)
    }

    @Test func safeLinksSurvive() throws {
        let (vacancy, _) = Sample.decode(Sample.vacancy + "\n[trang](https://vieclam.example.vn/) [thư](mailto:a@b.vn) [gọi](tel:0229)\n")
        let html = try #require(vacancy).descriptionHTML
        #expect(html.contains("href=\"https://vieclam.example.vn/\""))
        #expect(html.contains("href=\"mailto:a@b.vn\""))
        #expect(html.contains("href=\"tel:0229\""))
    }
}
