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

/// Handwritten templates rendered by phiencho's engine and by swift-mustache: the output must be
/// byte for byte the same (or both must refuse the template).
@Suite("Templates: same output as swift-mustache")
struct TemplateDifferentialTests {
    /// One context for every case: each kind of value, nested, with names that repeat at several
    /// levels so lookup down the stack matters.
    static let context: TemplateValue = [
        "name": "Thợ hàn", "html": "<a href=\"x\">Tôm & cá 'tươi'</a>", "empty": "", "zero": 0, "n": 7, "negative": -3,
        "yes": true, "no": false, "missing": .absent,
        "words": ["bốc xếp", "An", "ca đêm", "Ăn trưa"], "numbers": [3, 1, 2], "flags": [true, false], "none": [],
        "mixed": ["a", 1, true],
        "nested": [["a", "b"], ["c"]],
        "one": ["k": "v"], "blank": .object(TemplateObject()),
        "site": ["title": "Phiên chợ", "organization": "Trung tâm DVVL", "page": ["kind": "home"]],
        "items": [
            ["title": "Một", "count": 1, "current": true, "tags": ["x"]],
            ["title": "Hai", "count": 0, "current": false, "tags": []],
            ["title": "Ba & <b>", "count": 12, "name": "riêng"],
        ],
        "crlf": "dòng 1\r\ndòng 2", "multiline": "a\nb\n",
        "partialName": "card", "notAString": 3,
    ]

    static let partials: [String: String] = [
        "card": "<li>{{title}}</li>\n",
        "lines": "một\nhai\n{{name}}\n",
        "nested": "  [\n  {{>lines}}\n  ]\n",
        "partials/row": "{{#items}}\n  <tr>{{title}}</tr>\n{{/items}}\n",
        "layout": "<html>\n{{$head}}<title>mặc định</title>{{/head}}\n<main>\n  {{$main}}\n  trống\n  {{/main}}\n</main>\n{{>footer}}\n</html>\n",
        "footer": "<footer>{{site.organization}}{{$foot}} mặc định{{/foot}}</footer>",
        "base": "[{{$a}}A{{/a}}|{{$b}}B{{/b}}]",
        "middle": "{{<base}}{{$a}}giữa{{/a}}{{/base}}",
        "crlfPartial": "x\r\ny\r\n",
    ]

    static let cases: [(String, String)] = [
        // Variables
        ("variable", "Xin chào {{name}}!"),
        ("escaped", "{{html}}|{{{html}}}|{{&html}}|{{& html }}|{{{ html }}}"),
        ("scalars", "{{n}} {{zero}} {{negative}} {{yes}} {{no}} {{empty}}|{{missing}}|{{nothing}}"),
        ("dotted", "{{site.title}} {{site.page.kind}} {{site.nothing.kind}} {{site.title.x}} {{site..title}} {{site.title.}}"),
        ("dotted stack", "{{#items}}{{site.title}}:{{title}}:{{name}} {{/items}}"),
        ("dotted stops at first match", "{{#site}}{{#page}}{{site.title}}|{{title}}{{/page}}{{/site}}"),
        ("implicit iterator", "{{#words}}[{{.}}]{{/words}}{{#numbers}}{{.}}{{/numbers}}{{#flags}}{{.}}{{/flags}}"),
        ("top member", "{{#items}}{{.title}}/{{.name}}/{{.site.title}}{{/items}}"),
        ("empty name", "{{#words}}<{{}}>{{/words}}{{#numbers}}{{ }}{{/numbers}}"),
        ("lists printed", "{{words}} {{numbers}} {{flags}} {{none}} {{mixed}} {{nested}} {{one}} {{blank}}"),
        ("line breaks in values", "{{crlf}}|{{multiline}}|{{{crlf}}}"),
        // Sections
        ("bool sections", "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^yes}}y{{/yes}}{{^no}}n{{/no}}"),
        ("list sections", "{{#items}}<{{title}}>{{/items}}{{#none}}X{{/none}}{{^none}}rỗng{{/none}}{{^items}}Z{{/items}}"),
        ("object section", "{{#site}}{{title}}/{{organization}}/{{name}}{{/site}}{{^site}}-{{/site}}"),
        ("string and zero are truthy", "{{#empty}}[{{.}}]{{/empty}}{{#zero}}<{{.}}>{{/zero}}{{^empty}}e{{/empty}}{{^zero}}z{{/zero}}"),
        ("absent", "{{#missing}}A{{/missing}}{{^missing}}không có{{/missing}}{{#nothing}}B{{/nothing}}"),
        ("inverted empty list pushes it", "{{^none}}{{.}}|{{name}}{{/none}}"),
        ("empty object is truthy", "{{#blank}}[{{name}}]{{/blank}}{{^blank}}-{{/blank}}"),
        ("nested sections", "{{#items}}{{#tags}}{{title}}:{{.}};{{/tags}}{{^tags}}{{title}} không thẻ;{{/tags}}{{/items}}"),
        ("section over a list item flag", "{{#items}}{{#current}}*{{/current}}{{title}} {{/items}}"),
        ("sequence context", "{{#words}}{{#first()}}[{{/first()}}{{index()}}{{.}}{{#last()}}]{{/last()}}{{^last()}},{{/last()}}{{/words}}"),
        ("sequence even odd", "{{#numbers}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{plusone(index())}} {{/numbers}}"),
        ("sequence context kept by bool section", "{{#items}}{{#yes}}{{index()}}{{/yes}}{{/items}}"),
        ("sequence context lost in object section", "{{#items}}{{#site}}[{{index()}}]{{/site}}{{/items}}"),
        ("sequence context outside a list", "[{{index()}}{{first()}}]{{^first()}}không{{/first()}}"),
        // Comments
        ("comments", "a{{! một chú thích }}b\n  {{! đứng riêng }}\nc\n{{!\nnhiều\ndòng\n}}\nd"),
        ("comment keeps indentation for next text", "  {{!x}} y\n  {{!x}}{{name}}\n"),
        // Standalone lines and whitespace
        ("standalone sections", "<ul>\n  {{#items}}\n  <li>{{title}}</li>\n  {{/items}}\n</ul>\n"),
        ("standalone inverted", "a\n  {{^none}}  \n  rỗng\n  {{/none}}\t\nb"),
        ("not standalone", "a {{#yes}}\nb\n{{/yes}} c\n"),
        ("crlf standalone", "a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\nc"),
        ("standalone at end without newline", "a\n{{#yes}}b{{/yes}}\n  {{#no}}x{{/no}}"),
        ("standalone at end after spaces", "a\n{{#no}}\n{{/no}}   "),
        ("trailing spaces at end dropped", "a\n   "),
        ("line state after section close", "{{#yes}}\nx{{/yes}}{{#yes}}\ny\n{{/yes}}\n"),
        ("line state after inline open", "x{{#yes}}\n{{/yes}}\n{{#yes}}\nz\n{{/yes}}\n"),
        ("delimiter then line break", "a{{\nb}}c"),
        ("tabs and spaces", "\t{{#yes}}\t\n\tx\n\t{{/yes}}\n"),
        // Partials
        ("partial", "<ul>{{#items}}{{>card}}{{/items}}</ul>"),
        ("standalone partial indentation", "<div>\n    {{>lines}}\n</div>\n"),
        ("nested partial indentation", "x\n  {{>nested}}\ny"),
        ("partial in folder", "<table>\n  {{> partials/row}}\n</table>"),
        ("missing partial", "a{{>nope}}b\n  {{>nope}}\nc"),
        ("partial inline is not indented", "  {{>lines}} x\n"),
        ("dynamic partial", "{{#items}}{{>*partialName}}{{/items}}{{>*notAString}}{{>*nothing}}"),
        ("crlf partial indentation", "  {{>crlfPartial}}\n"),
        // Set delimiters
        ("set delimiters", "{{=<% %>=}}<%name%> {{name}} <%#yes%>có<%/yes%><%={{ }}=%>{{name}}"),
        ("delimiters scoped to a section", "{{#yes}}{{=| |=}}|name||/yes|{{name}}"),
        ("standalone set delimiters", "a\n  {{=[ ]=}}  \n[name]\n"),
        ("odd delimiters", "{{=%% ;;=}}%%name;; %%{html;;}"),
        // Inheritance
        ("parent with overrides", "{{<layout}}\n{{$main}}\n  <p>{{name}}</p>\n  <p>hai</p>\n{{/main}}\n{{/layout}}\n"),
        ("parent defaults", "{{<layout}}{{/layout}}"),
        ("override in a partial", "{{<layout}}{{$foot}} ghi đè {{name}}{{/foot}}{{$head}}<title>{{site.title}}</title>{{/head}}{{/layout}}"),
        ("nested parents", "{{<middle}}{{$b}}con{{/b}}{{/middle}}"),
        ("outer override wins", "{{<middle}}{{$a}}ngoài{{/a}}{{/middle}}"),
        ("block outside a parent", "[{{$head}}mặc định {{name}}{{/head}}]"),
        ("parent in a section", "{{#items}}{{<base}}{{$a}}{{title}}{{/a}}{{/base}};{{/items}}"),
        ("parent with comments and text", "{{<base}}\n  {{! ghi chú }}\n  văn bản bị bỏ qua\n  {{$b}}  thụt lề\n    sâu hơn\n  {{/b}}\n{{/base}}"),
        ("indented parent", "  {{<base}}{{$a}}x\ny{{/a}}{{/base}}\n"),
        ("dynamic parent", "{{<*partialName}}{{/*partialName}}"),
        // Transforms
        ("string transforms", "{{uppercased(name)}} {{lowercased(site.title)}} {{capitalized(words)}} {{reversed(name)}} {{empty(empty)}} {{empty(name)}}"),
        ("capitalized", "{{#words}}{{capitalized(.)}} {{/words}}"),
        ("integer transforms", "{{plusone(n)}} {{minusone(zero)}} {{equalzero(zero)}} {{equalzero(n)}} {{even(n)}} {{odd(n)}} {{odd(negative)}} {{even(negative)}}"),
        ("list transforms", "{{count(words)}} {{first(words)}} {{last(numbers)}} {{count(none)}} {{empty(none)}} {{empty(words)}} {{first(none)}}|{{sorted(words)}} {{sorted(numbers)}} {{sorted(mixed)}}|{{sorted(flags)}}"),
        ("reversed list section", "{{#reversed(words)}}{{.}},{{/reversed(words)}}{{#sorted(numbers)}}{{.}}{{/sorted(numbers)}}"),
        ("chained transforms", "{{plusone(count(words))}} {{equalzero(count(none))}} {{uppercased(first(words))}} {{first(sorted(words))}} {{count(reversed(numbers))}}"),
        ("transforms in sections", "{{^empty(items)}}có{{/empty(items)}}{{#empty(none)}}rỗng{{/empty(none)}}{{^equalzero(n)}}{{n}}{{/equalzero(n)}}{{#equalzero(zero)}}0{{/equalzero(zero)}}"),
        ("transforms over the wrong kind", "[{{count(name)}}{{plusone(name)}}{{uppercased(n)}}{{empty(yes)}}{{first(site)}}{{nope(name)}}{{count(missing)}}]"),
        ("object transforms", "{{count(site)}} {{empty(site)}} {{empty(blank)}} {{count(blank)}}{{#sorted(site)}} {{key}}{{/sorted(site)}}"),
        ("transforms of items", "{{#items}}{{#equalzero(count)}}không{{/equalzero(count)}}{{^equalzero(count)}}{{count}}{{/equalzero(count)}};{{/items}}"),
        ("transform of the implicit iterator", "{{#numbers}}{{plusone(.)}}{{/numbers}}"),
        // Content type
        ("text content type", "{{html}}{{%CONTENT_TYPE: TEXT}}{{html}}{{#yes}}{{html}}{{/yes}}{{>footer}}"),
        ("html content type", "{{%CONTENT_TYPE:TEXT}}{{html}}{{%CONTENT_TYPE:HTML}}{{html}}"),
        // Odd text
        ("lone braces", "a { b } {c} }} { x"),
        ("lone braces before a tag", "{ {{name}} }"),
        ("unicode", "Tiếng Việt 😀 {{name}} e\u{301} {{html}}"),
        // Templates swift-mustache refuses
        ("refused: unclosed section", "{{#yes}}a"),
        ("refused: wrong closing tag", "{{#yes}}a{{/no}}"),
        ("refused: closing without opening", "a{{/yes}}"),
        ("refused: unfinished tag", "a {{name"),
        ("refused: unfinished triple", "{{{name}}"),
        ("refused: bad name", "{{na me}}"),
        ("refused: bad transform", "{{a(b}}"),
        ("refused: too many brackets", "{{a(b))}}"),
        ("refused: brace at the end", "a{"),
        ("refused: brace and space at the end", "a { b } {"),
        ("refused: space before the ampersand", "{{ & html }}"),
        ("refused: bad delimiters", "{{=<%=}}"),
        ("refused: transform on a block", "{{$a(b)}}{{/a(b)}}"),
        ("refused: variable inside a parent", "{{<base}}{{name}}{{/base}}"),
        ("refused: section inside a parent", "{{<base}}{{#yes}}{{/yes}}{{/base}}"),
        ("refused: delimiters inside a parent", "{{<base}}{{=| |=}}|$a|x|/a||/base|"),
        ("refused: unknown pragma", "{{%FOO:BAR}}"),
        ("refused: unknown content type", "{{%CONTENT_TYPE:JSON}}"),
        ("refused: unfinished comment", "{{! no end"),
        ("refused: section closing with transform mismatch", "{{#empty(none)}}x{{/none}}"),
    ]

    @Test("Handwritten template", arguments: cases)
    func handwritten(_ name: String, _ template: String) {
        var templates = Self.partials
        templates["main"] = template
        let ours = TemplateOracle.ours(templates, context: Self.context)
        let reference = TemplateOracle.mustache(templates, context: Self.context)
        #expect(ours == reference, "\(name): \(template.debugDescription)\nours:      \(ours)\nreference: \(reference)")
        #expect((reference == .syntaxError) == name.hasPrefix("refused: "), "\(name): \(reference)")
    }

    /// Each partial alone, as the main template.
    @Test("Partials on their own", arguments: partials.keys.sorted())
    func partialsAlone(_ name: String) {
        let ours = TemplateOracle.ours(Self.partials, main: name, context: Self.context)
        let reference = TemplateOracle.mustache(Self.partials, main: name, context: Self.context)
        #expect(ours == reference, "\(name)\nours:      \(ours)\nreference: \(reference)")
    }

    /// The default theme's own templates, with a context shaped like a real page's.
    @Test("The default theme renders the same", arguments: ["home", "listing", "vacancy", "terms", "term", "page", "search", "404"])
    func defaultTheme(_ page: String) throws {
        let folder = Paths.themes.appendingPathComponent("default/templates")
        var templates: [String: String] = [:]
        for relative in FileTree.files(under: folder.path) where relative.hasSuffix(".mustache") {
            templates[String(relative.dropLast(".mustache".count))] = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
        }
        let ours = TemplateOracle.ours(templates, main: page, context: Self.pageContext)
        let reference = TemplateOracle.mustache(templates, main: page, context: Self.pageContext)
        #expect(ours == reference, "\(page)\nours:      \(ours)\nreference: \(reference)")
    }

    static let card: TemplateValue = [
        "title": "Công nhân may <ca ngày>", "href": "viec-lam/t-1/", "employer": "Công ty \"Hoa Sen\"", "commune": "Gia Trấn",
        "communeHref": "xa-phuong/gia-tran/", "sector": "Dệt may", "sectorHref": "nganh-nghe/det-may/", "salary": "Thỏa thuận",
        "expires": "31/12/2026", "expiresISO": "2026-12-31", "posted": "01/11/2026", "postedISO": "2026-11-01",
        "employmentType": "Toàn thời gian", "openings": 5,
    ]

    static let pageContext: TemplateValue = [
        "root": "../../", "site": ["title": "Phiên chợ", "description": "", "organization": "Trung tâm", "province": "Ninh Bình", "language": "vi"],
        "page": ["title": "Trang", "documentTitle": "Trang – Phiên chợ", "description": "Mô tả", "canonical": "https://x.vn/a/", "noindex": true, "kind": "vacancy"],
        "assets": ["css": "assets/style.1.css", "search": "assets/search.2.js"], "build": ["date": "22/11/2026", "dateISO": "2026-11-22"],
        "nav": [["label": "Trang chủ", "href": "", "current": true], ["label": "Xã/phường", "href": "xa-phuong/", "current": false]],
        "feeds": [["title": "Việc làm mới", "href": "https://x.vn/rss.xml"]], "rss": ["href": "rss.xml", "title": "Việc làm mới", "url": "https://x.vn/rss.xml"],
        "vacancies": [card, card], "openCount": 2,
        "pagination": ["hasPages": true, "current": 2, "total": 9, "prev": ["href": "trang/1/"],
                       "pages": [["number": 1, "href": "", "current": false, "gap": false], ["gap": true, "current": false],
                                 ["number": 2, "href": "trang/2/", "current": true, "gap": false]]],
        "communes": [["name": "Gia Trấn", "kindLabel": "xã", "href": "xa-phuong/gia-tran/", "count": 0]],
        "terms": [["name": "Gia Trấn", "kindLabel": "xã", "href": "xa-phuong/gia-tran/", "count": 0], ["name": "Hoa Lư", "kindLabel": "phường", "href": "h/", "count": 3]],
        "isCommunes": true, "isCommune": true, "term": ["name": "Gia Trấn", "kindLabel": "xã", "href": "xa-phuong/gia-tran/", "count": 3],
        "contentHTML": "<p>Nội dung</p>", "structuredDataHTML": "<script>{}</script>",
        "vacancy": [
            "title": "Thợ hàn", "href": "viec-lam/t-2/", "employer": "Xưởng", "commune": "Gia Trấn", "communeHref": "x/", "sector": "Cơ khí",
            "sectorHref": "y/", "salary": "Từ 6.500.000 đồng/tháng", "expires": "01/01/2027", "expiresISO": "2027-01-01", "posted": "01/11/2026",
            "postedISO": "2026-11-01", "employmentType": "Thời vụ", "openings": 2, "id": "T-2", "expired": true, "employerAddress": "Lô C2",
            "employerPhone": "0229 3871 000", "employerPhoneHref": "tel:02293871000", "hasContact": true,
            "requirements": ["Sức khỏe tốt", "Biết đọc & viết"], "benefits": [], "tags": ["ca ngày"], "hasRequirements": true,
            "hasBenefits": false, "hasTags": true, "descriptionHTML": "<p>Mô tả</p>", "hasApply": false,
        ],
    ]
}
