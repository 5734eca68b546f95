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

enum Fuzz {
    /// Inputs per generator; `FUZZ_ITERATIONS` overrides the default.
    static let iterations = ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 4000
    static let trace = ProcessInfo.processInfo.environment["FUZZ_TRACE"]
    /// The hang guard: one input taking longer than this fails the property.
    static let slowInput: Duration = .seconds(5)

    static let communes = TermList([
        Term(name: "Xuân Trường", kind: .xa), Term(name: "Gia Viễn", kind: .xa), Term(name: "Hoa Lư", kind: .phuong),
    ])
    static let sectors = TermList([Term(name: "Dệt may – Da giày", kind: .sector), Term(name: "Xây dựng", kind: .sector)])
    static let displayPath = "content/vacancies/2026-11/fuzz.md"

    static func file(_ text: String) -> SourceFile {
        SourceFile(relativePath: "vacancies/2026-11/fuzz.md", displayPath: displayPath, text: text)
    }

    // MARK: Properties

    /// Which outcomes the inputs of one generator reached, so a generator that stopped reaching the
    /// validator (e.g. after a format change) fails instead of silently testing nothing.
    struct Coverage {
        var inputs = 0
        var outcomes: [String: Int] = [:]

        mutating func add(_ reached: Set<String>) {
            inputs += 1
            for outcome in reached { outcomes[outcome, default: 0] += 1 }
        }

        func expectReached(_ required: [String], label: String) {
            if ProcessInfo.processInfo.environment["FUZZ_STATS"] != nil {
                print("\(label): \(inputs) inputs; " + outcomes.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }
                    .joined(separator: ", "))
            }
            guard inputs >= 500 else { return }  // too few inputs to expect every outcome
            for outcome in required {
                #expect(outcomes[outcome, default: 0] > 0, "\(label): no input reached \(outcome) in \(inputs) inputs")
            }
        }
    }

    /// Runs one input through the whole front end and checks every property; returns the outcomes
    /// reached (diagnostic codes, "vacancy" when one was decoded).
    @discardableResult
    static func checkPipeline(_ bytes: [UInt8]) -> Set<String> {
        if let trace { _ = FileManager.default.createFile(atPath: trace, contents: Data(bytes)) }
        let clock = ContinuousClock()
        let started = clock.now
        defer {
            let elapsed = clock.now - started
            #expect(elapsed < slowInput, "one input took \(elapsed) (hang guard \(slowInput)): \(describe(bytes))")
        }
        let physicalLines = bytes.count(where: { $0 == UInt8(ascii: "\n") }) + 1

        switch ContentLoader.decode(Data(bytes)) {
        case .failure(let problem):
            #expect([.invalidUTF8, .emptyFile].contains(problem.code), "decode gave \(problem.code)")
            #expect(!problem.message.isEmpty)
            if let position = problem.position {
                #expect(position.line >= 1 && position.column >= 1, "decode position \(position)")
                #expect(position.line <= physicalLines + 1, "decode line \(position.line) of \(physicalLines) lines")
            }
            // Text that failed decoding never reaches the parser; still, the parser must survive it.
            checkVacancy(String(decoding: bytes, as: UTF8.self), boundLines: false)
            return [problem.code.rawValue]
        case .success(let text):
            #expect(!text.contains("\r"), "decoded text keeps a carriage return")
            #expect(text.contains(where: { !$0.isWhitespace }), "decode accepted a blank file")
            checkSplit(text)
            return checkVacancy(text, boundLines: true)
        }
    }

    /// `FrontMatter.split` returns the file's own lines, at the line numbers it claims.
    static func checkSplit(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let front: FrontMatter
        do {
            front = try FrontMatter.split(text)
        } catch .missingOpening {
            #expect(delimiterWord(lines[0]) != "---", "split: missingOpening but line 1 is a delimiter")
            return
        } catch {
            #expect(delimiterWord(lines[0]) == "---")
            #expect(!lines.dropFirst().contains { ["---", "..."].contains(delimiterWord($0)) },
                    "split: missingClosing but a closing line exists")
            return
        }
        #expect(front.yamlFirstLine == 2)
        #expect(front.bodyFirstLine >= 3 && front.bodyFirstLine <= lines.count + 1,
                "body line \(front.bodyFirstLine) of \(lines.count)")
        guard front.bodyFirstLine >= 3, front.bodyFirstLine <= lines.count + 1 else { return }
        let closing = front.bodyFirstLine - 2  // 0-based index of the closing line
        #expect(["---", "..."].contains(delimiterWord(lines[closing])))
        #expect(front.yaml == lines[1..<closing].joined(separator: "\n"))
        #expect(front.body == lines[(closing + 1)...].joined(separator: "\n"))
    }

    /// Validation returns a vacancy or says why not, at positions inside the file.
    @discardableResult
    static func checkVacancy(_ text: String, boundLines: Bool) -> Set<String> {
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let (vacancy, diagnostics) = Vacancy.decode(file(text), communes: communes, sectors: sectors)
        #expect(vacancy != nil || !diagnostics.isEmpty, "no vacancy and no diagnostic")
        if vacancy != nil {
            #expect(!diagnostics.contains { $0.severity == .error }, "a vacancy despite errors")
        }
        for diagnostic in diagnostics {
            let code = diagnostic.code.rawValue
            #expect(DiagnosticCode(rawValue: code) != nil)
            #expect(code.hasPrefix("PC2") || code.hasPrefix("PC3"), "unexpected code: \(diagnostic.formatted)")
            #expect(diagnostic.path == displayPath)
            #expect(!diagnostic.message.isEmpty)
            #expect(!LibyamlEnglish.appears(in: diagnostic.message), "libyaml's English: \(diagnostic.formatted)")
            if let line = diagnostic.line {
                #expect(line >= 1, "line < 1: \(diagnostic.formatted)")
                if boundLines {
                    #expect(line <= lineCount + 1, "line beyond the file (\(lineCount) lines): \(diagnostic.formatted)")
                }
            }
            if let column = diagnostic.column {
                #expect(column >= 1, "column < 1: \(diagnostic.formatted)")
                #expect(diagnostic.line != nil, "a column without a line: \(diagnostic.formatted)")
            }
        }
        return Set(diagnostics.map(\.code.rawValue)).union(vacancy == nil ? [] : ["vacancy"])
    }

    static func delimiterWord(_ line: Substring) -> String {
        String(line.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }

    static func describe(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(400), as: UTF8.self).debugDescription
    }

    // MARK: Generators

    /// Byte table: every byte once, then tokens that matter to the decoder, splitter and YAML.
    static let byteTokens: [[UInt8]] = (0...255).map { [UInt8($0)] } + [
        "\n", "\n", "\n", "---\n", "...\n", ": ", "- ", "  ", "\t", "\r\n", "\r", "\"", "'", "#", "&a ", "*a",
        "[", "]", "{", "}", ",", "|", ">", "? ", "!!", "%", "\u{FEFF}", "ô", "ệ", "\u{0301}", "\u{2028}", "\u{85}",
        "\u{FFFE}", "😀", "id: ", "title: ", "openings: ", "employer:\n  name: ", "2026-02-30",
    ].map { Array($0.utf8) } + [[0xEF, 0xBB, 0xBF], [0xC3], [0xE1, 0xBB], [0xF0, 0x9F], [0x80], [0xFF], [0xED, 0xA0, 0x80], [0xC0, 0x80]]

    /// Text tokens only (valid UTF-8 once joined): printable ASCII, line breaks and the tokens above.
    static let textTokens: [[UInt8]] = (0x20...0x7E).map { [UInt8($0)] } + byteTokens[256...].filter {
        String(validating: $0, as: UTF8.self) != nil
    } + Array(repeating: [UInt8(ascii: "\n")], count: 12)

    /// A quarter of the inputs are any bytes at all (junk, mostly rejected by the decoder); the rest
    /// are valid UTF-8 so that they reach the splitter and YAML, a third of those after a `---` line.
    static let randomBytes = zip(Gen.int(in: 0...3), Gen.int(in: 0...(byteTokens.count - 1)).array(of: 0...300))
        .map { parts -> [UInt8] in
            let (mode, indices) = parts
            switch mode {
            case 0: return indices.flatMap { byteTokens[$0] }
            case 1: return Array("---\n".utf8) + indices.flatMap { textTokens[$0 % textTokens.count] }
            default: return indices.flatMap { textTokens[$0 % textTokens.count] }
            }
        }

    static let keys = Vacancy.keys + Vacancy.keys + Vacancy.keys + [
        "name", "address", "phone", "email", "website", "commune", "min", "max", "period", "notes",
        "", "tiêu đề", "<<", "Title", "id id", "\"title\"", "'id'", "? id", "-", "é", "0", "~",
    ]
    static let values = [
        "", "NB-2026-001", "nb-2026-001", "-NB", "NB 2026", "Công nhân may", "approved", "draft", "withdrawn", "published",
        "2026-11-01", "2026-12-31", "2026-02-30", "2026-13-01", "26-11-01", "2026-11-01T10:00:00Z", "full_time", "seasonal",
        "5", "0", "-3", "2.5", "1e3", "0x10", "6.500.000", "999999999999999999999", "~", "null", "true", "no",
        "[a, b]", "[]", "{}", "{a: 1}", "{min: 1, max: 2, period: month}", "[Xuân Trường]", "\"quoted\"", "'single'",
        "\"unterminated", "'unterminated", "\"esc \\u00e9 \\x41 \\q\"", "|", ">-", "&anchor value", "&anchor", "*anchor",
        "*missing", "!!str 5", "!!binary aGVsbG8=", "!tag x", "!!map {}", "Xuân Trường", "Xuan Truong", "Gia Viễn",
        "Dệt may – Da giày", "Xây dựng", "month", "hour", "https://x.vn", "javascript:alert(1)", "a@b.vn", "a@@b",
        "0229 3871 000", "12", "# comment", "[", "{", "]", "- item", ": :", "a: b", "\u{0301}", "e\u{0301}", "😀",
        "\u{2028}", "\u{85}", "\u{200B}", "\u{FEFF}", "<script>alert(1)</script>", "---", "...", "%",
        String(repeating: "x", count: 200),
    ]
    /// Weighted: mostly top level and two spaces, now and then odd indentation or a tab.
    static let indents = Array(repeating: "", count: 14) + Array(repeating: "  ", count: 8)
        + [" ", "   ", "    ", "    ", "        ", "  \t"]
    static let specialLines = [
        "---", "...", "", "#comment", "- ", "-", "?", ":", "%YAML 1.2", "%TAG ! tag:x,2000:", "\t", "a: &a [1, 2]",
        "b: [*a, *a, *a]", "<<: *a", "c: &c {x: 1}", "<<: [*c]", "*a : x", "? |", "  block", "--- |", "key: |",
        "  literal line", "key: >", "  folded line", "  - nested", "  -", "'", "\"", "[", "{", "{a: [b, {c: d}]}",
        "\u{FEFF}", "--- ", "---\t", "... ",
    ]

    /// One YAML-ish line from (indent, shape, key, value); shapes 0–5 are `key: value`.
    static func yamlishLine(_ indent: Int, _ shape: Int, _ key: Int, _ value: Int) -> String {
        let pad = indents[indent % indents.count]
        let k = keys[key % keys.count]
        let v = values[value % values.count]
        switch shape {
        case 0...5: return "\(pad)\(k): \(v)"
        case 6: return "\(pad)\(k):"
        case 7: return "\(pad)- \(v)"
        case 8: return "\(pad)- \(k): \(v)"
        case 9: return "\(pad)\(k): &\(["a", "c", "anchor"][value % 3]) \(v)"
        case 10: return "\(pad)\(k): *\(["a", "c", "anchor", "missing"][value % 4])"
        case 11: return specialLines[(key + value) % specialLines.count]
        default: return "\(pad)\(v)"
        }
    }

    static let lineGenerator = zip(Gen.int(in: 0...(indents.count - 1)), Gen.int(in: 0...13), Gen.int(in: 0...(keys.count - 1)),
                                   Gen.int(in: 0...(values.count - 1)))
        .map { line in yamlishLine(line.0, line.1, line.2, line.3) }

    static let openings = Array(repeating: "---\n", count: 12)
        + ["--- \n", "\u{FEFF}---\n", "", "...\n", "---\n---\n", "\n---\n", "---\n\n"]
    static let closings = Array(repeating: "---\n", count: 10) + ["---", "...\n", "--- \t\n", "", "----\n", " ---\n"]
    static let bodies = [
        "", "Mô tả công việc.\n", "# Tiêu đề\n\n- a\n- b\n", "<script>alert(1)</script>\n", "[x](javascript:alert(1))\n",
        "![ảnh](data:image/png;base64,AAAA)\n", "---\nid: x\n---\n", "```\n---\n```\n", "\t\tcode\n", "> trích\n",
    ]
    static let lineEndings = ["\n", "\n", "\n", "\n", "\n", "\n", "\r\n", "\r"]

    static let yamlishDocument = zip(Gen.int(in: 0...(openings.count - 1)), lineGenerator.array(of: 0...24),
                                     Gen.int(in: 0...(closings.count - 1)), Gen.int(in: 0...(bodies.count - 1)),
                                     Gen.int(in: 0...(lineEndings.count - 1)))
        .map { parts -> [UInt8] in
            let (opening, lines, closing, body, ending) = parts
            let text = openings[opening] + lines.map { $0 + "\n" }.joined() + closings[closing] + bodies[body]
            return Array(text.replacingOccurrences(of: "\n", with: lineEndings[ending]).utf8)
        }

    /// Valid vacancy files the mutations start from: every field, a minimal one, a draft.
    static let seeds = [
        """
        ---
        id: NB-2026-001
        title: "Công nhân may: ca ngày"
        status: approved
        posted: 2026-11-01
        expires: 2026-12-31
        employer:
          name: Công ty May Thử Nghiệm
          address: Xóm 4, xã Xuân Trường
          phone: "0229 3871 000"
          email: tuyendung@may.example.vn
          website: https://may.example.vn/
        location:
          commune: Xuân Trường
          address: Cơ sở 2
        sector: Dệt may – Da giày
        employment_type: full_time
        openings: 15
        salary:
          min: 6500000
          max: 9000000
          period: month
        requirements:
          - Nam, nữ từ 18 tuổi
          - 'Biết may: máy 1 kim'
        benefits: [Bảo hiểm xã hội, Ăn trưa]
        tags:
          - nhận lao động nữ
        apply: |
          Nộp hồ sơ tại **phòng nhân sự**, hoặc gọi 0229 3871 000.
        internal:
          ghi_chu: gọi lại thứ Hai
        ---
        Công ty cần **15 công nhân may**.

        ## Quyền lợi
        - Thưởng Tết
        - [Xem thêm](https://may.example.vn/)

        """,
        """
        ---
        id: NB-2026-002
        title: Thợ xây
        status: approved
        posted: 2026-10-01
        expires: 2026-10-30
        employer: {name: Tổ thợ xây Gia Viễn}
        location: {commune: Gia Viễn}
        sector: Xây dựng
        employment_type: seasonal
        openings: 3
        ---
        """,
        "---\r\nid: NB-2026-003\r\ntitle: Bảo vệ\r\nstatus: draft\r\nposted: 2026-11-01\r\nexpires: 2026-11-30\r\n"
            + "employer:\r\n  name: Công ty Bảo vệ\r\nlocation:\r\n  commune: Hoa Lư\r\nsector: Xây dựng\r\n"
            + "employment_type: part_time\r\nopenings: 2\r\nsalary:\r\n  max: 40000\r\n  period: hour\r\n---\r\nCa đêm.\r\n",
    ]
    static let seedBytes = seeds.map { Array($0.utf8) }

    static let insertions: [[UInt8]] = [
        "\t", "---\n", "...\n", "\r", "\n", "&a ", "*a", "\"", "'", ": ", "- ", "[", "{", "|\n", "#", "?", "\u{0}",
        "\u{FEFF}", "\u{2028}", "\u{85}", "\u{0301}", "  ", "!!binary ", "<<: *a\n", "a: &a x\n", "id: NB-2026-001\n",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xEF, 0xBB, 0xBF]]

    /// (kind, position, length, byte) → one edit of `bytes`. Kinds are weighted so that most edited
    /// files stay UTF-8 with their front matter delimiters, and reach YAML and validation.
    static func mutate(_ bytes: inout [UInt8], _ kind: Int, _ position: Int, _ length: Int, _ byte: UInt8) {
        let at = bytes.isEmpty ? 0 : position % (bytes.count + 1)
        let end = min(bytes.count, at + length)
        switch kind {
        case 0 where at < bytes.count:  // bit flip
            bytes[at] ^= 1 << UInt8(length % 8)
        case 1 where at < bytes.count:  // any byte
            bytes[at] = byte
        case 2 where at < bytes.count, 3 where at < bytes.count:  // a printable ASCII byte
            bytes[at] = 0x20 + byte % 0x5F
        case 4, 5, 6:  // deletion
            bytes.removeSubrange(at..<end)
        case 7, 8:  // duplication
            bytes.insert(contentsOf: bytes[at..<end], at: at)
        case 9:  // truncation
            bytes.removeSubrange(at...)
        case 10, 11, 12, 13:  // a token that matters to YAML or the decoder
            bytes.insert(contentsOf: insertions[Int(byte) % insertions.count], at: at)
        case 14:  // a piece moved to the start of the file
            let piece = Array(bytes[at..<end])
            bytes.removeSubrange(at..<end)
            bytes.insert(contentsOf: piece, at: 0)
        default:
            break
        }
    }

    static let mutatedVacancy = zip(Gen.int(in: 0...(seeds.count - 1)),
                                    zip(Gen.int(in: 0...14), Gen.int(in: 0...4095), Gen.int(in: 0...48), Gen.uint8())
                                        .array(of: 1...4))
        .map { parts -> [UInt8] in
            var bytes = seedBytes[parts.0]
            for (kind, position, length, byte) in parts.1 { mutate(&bytes, kind, position, length, byte) }
            return bytes
        }
}
