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

/// Property-based: every seeker name, phone, CCCD or record id planted into a vacancy — in any case,
/// spacing, Unicode form, digit grouping, with +84 or an HTML character reference — is caught, names
/// the seeker file, the record and the column, never the value; clean content passes.
@Suite("Privacy: planted seeker values are always caught")
struct PrivacyLeakPropertyTests {

    // MARK: Rendered text, audited directly (many cases, fast)

    @Test("Planted value in rendered HTML/JSON is found by LeakAudit.audit(path:data:)")
    func plantedValueInRenderedTextIsFound() async throws {
        await propertyCheck(count: 200, input: PrivacyGen.leak(seekerCount: 1...30, vacancyCount: 1...4, entities: true)) { scenario in
            let (audit, records) = try Self.audit(for: scenario.seekerFileName, scenario.seekerFileText)
            #expect(records.count == scenario.seekers.count, "\(scenario)")

            let path = "viec-lam/\(scenario.vacancies[scenario.vacancyIndex].id.lowercased())/index.html"
            let html = PrivacyRender.page(scenario.plantedVacancies, jsonASCII: scenario.seekers.count % 2 == 0)
            let findings = audit.audit(path: path, data: Data(html.utf8))
            let expected = LeakPatterns.Source(file: scenario.expectedFile, reference: scenario.seeker.recordID,
                                               column: scenario.kind.column)
            #expect(findings.contains { $0.source == expected && $0.outputPath == path },
                    "not caught: \(scenario); findings: \(findings)")

            for diagnostic in audit.diagnostics(for: findings, outputDisplay: "public") {
                #expect(diagnostic.code == .seekerDataLeak || diagnostic.code == .citizenIDShape)
                Self.expectNoValue(in: diagnostic.formatted, scenario)
            }
        }
    }

    @Test("Clean rendered HTML with random seekers has no finding")
    func cleanRenderedTextHasNoFinding() async throws {
        await propertyCheck(count: 60, input: PrivacyGen.clean(seekerCount: 1...40, vacancyCount: 1...6)) { scenario in
            let (audit, records) = try Self.audit(for: scenario.seekerFileName, scenario.seekerFileText)
            #expect(records.count == scenario.seekers.count)
            let html = PrivacyRender.page(scenario.vacancies, jsonASCII: scenario.seekers.count % 2 == 0)
            let findings = audit.audit(path: "index.html", data: Data(html.utf8))
            #expect(findings.isEmpty, "\(scenario): \(findings)")
        }
    }

    // MARK: Full builds (fewer cases, slower)

    @Test("A build with a planted value fails with PC901 naming file, record and column, and writes nothing")
    func buildWithPlantedValueFails() async throws {
        await propertyCheck(count: 14, input: PrivacyGen.leak(seekerCount: 2...12, vacancyCount: 1...3, entities: false)) { scenario in
            let folder = try TemporaryFolder("leak-build")
            defer { folder.remove() }
            try PrivacyContent.writeBase(into: folder, under: "content/")
            try folder.write("content/seekers/\(scenario.seekerFileName)", scenario.seekerFileText)
            for vacancy in scenario.plantedVacancies { try folder.write("content/" + vacancy.fileName, vacancy.markdown) }
            let output = folder.path("public")

            let report = PrivacyBuild.build(content: folder.path("content"), output: output)

            #expect(!report.succeeded, "\(scenario)")
            // The audit, not a content error, must be what stopped the build.
            let otherErrors = report.diagnostics.filter { $0.severity == .error && ![.seekerDataLeak, .citizenIDShape].contains($0.code) }
            #expect(otherErrors.isEmpty, "\(scenario)\n\(PrivacyBuild.describe(report))")
            let leak = report.diagnostics.first { diagnostic in
                // At the content file and line that put the value on the page, naming that page.
                diagnostic.code == .seekerDataLeak && diagnostic.path.hasPrefix("content/vacancies/") && diagnostic.line != nil
                    && diagnostic.message.contains("public/")
                    && diagnostic.message.contains("“\(scenario.kind.column)”")
                    && diagnostic.message.contains(scenario.seeker.recordID)
                    && diagnostic.message.contains(scenario.expectedFile)
            }
            #expect(leak != nil, "\(scenario)\n\(PrivacyBuild.describe(report))")
            for diagnostic in report.diagnostics { Self.expectNoValue(in: diagnostic.formatted, scenario) }

            #expect(!FileManager.default.fileExists(atPath: output.path), "output created: \(scenario)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0 != "content" }
            #expect(leftovers.isEmpty, "left beside the output: \(leftovers)")
        }
    }

    @Test("Clean random content with random seekers builds with no finding")
    func cleanBuildSucceeds() async throws {
        await propertyCheck(count: 6, input: PrivacyGen.clean(seekerCount: 1...30, vacancyCount: 1...4)) { scenario in
            let folder = try TemporaryFolder("clean-build")
            defer { folder.remove() }
            try PrivacyContent.writeBase(into: folder, under: "content/")
            try folder.write("content/seekers/\(scenario.seekerFileName)", scenario.seekerFileText)
            for vacancy in scenario.vacancies { try folder.write("content/" + vacancy.fileName, vacancy.markdown) }
            let output = folder.path("public")

            let report = PrivacyBuild.build(content: folder.path("content"), output: output)

            #expect(report.succeeded, "\(scenario)\n\(PrivacyBuild.describe(report))")
            #expect(PrivacyBuild.privacyDiagnostics(report).isEmpty)
            #expect(report.seekerRecords == scenario.seekers.count)
            #expect(report.openCount == scenario.vacancies.count)
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        }
    }

    // MARK: Helpers

    /// Writes the seeker file into a temporary content folder and builds the audit from it.
    static func audit(for fileName: String, _ text: String) throws -> (LeakAudit, [SeekerRecord]) {
        let folder = try TemporaryFolder("seekers")
        defer { folder.remove() }
        try folder.write("seekers/\(fileName)", text)
        let loaded = SeekerLoader(contentDirectory: folder.url, displayRoot: "content").load()
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        return (LeakAudit(patterns: LeakPatterns(records: loaded.records)), loaded.records)
    }

    /// The planted value — as planted, as in the record, folded, or as digits with or without
    /// separators — does not occur in `message`. The record id is how a finding names the record,
    /// so it is removed first (planting the record id itself is the one case where it is the value).
    static func expectNoValue(in message: String, _ scenario: PrivacyLeakScenario,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let text = message.replacingOccurrences(of: scenario.seeker.recordID, with: "")
        #expect(!text.contains(scenario.planted), "value in message: \(message)", sourceLocation: sourceLocation)
        #expect(!text.contains(scenario.value), "value in message: \(message)", sourceLocation: sourceLocation)
        switch scenario.kind {
        case .name, .recordID:
            #expect(!" \(PrivacyText.folded(text)) ".contains(" \(PrivacyText.folded(scenario.value)) "),
                    "folded value in message: \(message)", sourceLocation: sourceLocation)
        case .phone, .citizenID:
            let value = PrivacyText.digits(scenario.value)
            let core = scenario.kind == .phone ? String(value.dropFirst()) : value
            for run in digitRuns(text) {
                #expect(!run.contains(core), "digits in message: \(message)", sourceLocation: sourceLocation)
            }
        }
    }

    /// Runs of digits in `text`, joined across spaces, dots and hyphens.
    static func digitRuns(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isASCII && $0.isNumber) && !" .-\u{A0}".contains($0) })
            .map { PrivacyText.digits(String($0)) }
            .filter { !$0.isEmpty }
    }
}

/// A vacancy listing as a theme might render it: text nodes, attributes, links and JSON-LD.
/// Planted values may carry one HTML character reference (`&#…;`, `&name;`), which is kept as is.
enum PrivacyRender {
    static func escape(_ text: String) -> String {
        var out = ""
        var characters = Array(text)[...]
        func startsReference(_ rest: ArraySlice<Character>) -> Bool {
            if rest.first == "#" { return true }
            let name = rest.prefix { $0.isASCII && $0.isLetter }
            return !name.isEmpty && rest.dropFirst(name.count).first == ";"
        }
        while let character = characters.popFirst() {
            switch character {
            case "&" where startsReference(characters): out.append("&")
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    static func page(_ vacancies: [PrivacyVacancy], jsonASCII: Bool) -> String {
        var html = "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<title>Việc làm – Phiên chợ</title>\n"
        for vacancy in vacancies {
            html += "<meta name=\"description\" content=\"\(escape(vacancy.title)) – \(escape(vacancy.employerName))\">\n"
        }
        html += "</head>\n<body>\n<main>\n"
        for vacancy in vacancies {
            html += """
            <article class="vacancy">
              <h1>\(escape(vacancy.title))</h1>
              <p class="employer"><strong>\(escape(vacancy.employerName))</strong></p>
              <dl>
                <dt>Địa chỉ</dt><dd>\(escape(vacancy.employerAddress))</dd>
                <dt>Điện thoại</dt><dd><a href="tel:\(PrivacyText.digits(vacancy.employerPhone))">\(escape(vacancy.employerPhone))</a></dd>
                <dt>Thư điện tử</dt><dd><a href="mailto:\(escape(vacancy.employerEmail))">\(escape(vacancy.employerEmail))</a></dd>
                <dt>Nơi làm việc</dt><dd>\(escape(vacancy.address)), \(escape(vacancy.commune))</dd>
              </dl>
              <ul class="tags">\(vacancy.tags.map { "<li><a href=\"#\">\(escape($0))</a></li>" }.joined())</ul>
              \(vacancy.body.map { "<p>\(escape($0))</p>" }.joined(separator: "\n  "))
            </article>
            <script type="application/ld+json">{"@type":"JobPosting","title":\(PrivacyText.jsonString(vacancy.title, asciiOnly: jsonASCII)),"hiringOrganization":{"name":\(PrivacyText.jsonString(vacancy.employerName, asciiOnly: jsonASCII)),"telephone":\(PrivacyText.jsonString(vacancy.employerPhone, asciiOnly: jsonASCII))},"description":\(PrivacyText.jsonString(vacancy.body.joined(separator: "\n"), asciiOnly: jsonASCII))}</script>

            """
        }
        return html + "</main>\n</body>\n</html>\n"
    }
}
