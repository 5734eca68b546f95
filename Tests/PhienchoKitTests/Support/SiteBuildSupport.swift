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

/// A site built once into a temporary folder and read back into memory (the folder is then
/// removed), shared by the tests that only read it.
struct BuiltSite: Sendable {
    /// Where the site was built; already removed when `build` returns.
    let output: URL
    let report: BuildReport
    let files: [String: Data]

    static func build(content: URL, now: String, label: String, baseURL: String? = nil) -> BuiltSite {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phiencho-tests-\(label)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("public")
        let report = Site(options: .init(content: Folder(content, shown: "content"), themes: Folder(Paths.themes, shown: "themes"),
                                         output: Folder(output, shown: output.path), baseURL: baseURL, now: date(now))).build()
        return BuiltSite(output: output, report: report, files: readTree(output))
    }

    var htmlPaths: [String] { files.keys.filter { $0.hasSuffix(".html") }.sorted() }

    func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }

    func has(_ path: String) -> Bool { files[path] != nil }
}

/// Attribute values of `href`, `src` and `action` in an HTML text (the default theme always quotes them).
func linkTargets(in html: String) -> [String] {
    var targets: [String] = []
    for attribute in ["href", "src", "action"] {
        let parts = html.components(separatedBy: " \(attribute)=\"").dropFirst()
        for part in parts {
            if let end = part.firstIndex(of: "\"") { targets.append(decodeEntities(String(part[..<end]))) }
        }
    }
    return targets
}

func decodeEntities(_ text: String) -> String {
    text.replacingOccurrences(of: "&#x2F;", with: "/").replacingOccurrences(of: "&#x3D;", with: "=")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
}

/// Resolves a link found on the page at `pagePath` (a file path under the output folder) to the file the
/// server would send: relative to the page's folder, a trailing `/` meaning `index.html`.
/// Nil for links that leave the site (scheme, `//host`) or only point inside the page (`#…`).
/// Absolute paths are resolved under `basePath` (the sub-path of base_url).
func resolveLink(_ href: String, from pagePath: String, basePath: String) -> String? {
    var target = href
    if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
    if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
    if href.hasPrefix("#") || href.hasPrefix("//") { return nil }
    if let colon = target.firstIndex(of: ":"), !target[..<colon].contains("/") { return nil }   // scheme
    var components: [String]
    if target.hasPrefix("/") {
        guard target.hasPrefix(basePath) else { return "<outside base path: \(target)>" }
        components = []
        target = String(target.dropFirst(basePath.count))
    } else {
        components = pagePath.split(separator: "/").dropLast().map(String.init)
    }
    let isFolder = target.isEmpty || target.hasSuffix("/")
    for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
        switch segment {
        case ".": continue
        case "..":
            if components.isEmpty { return "<above the site root: \(href) from \(pagePath)>" }
            components.removeLast()
        default: components.append(String(segment).removingPercentEncoding ?? String(segment))
        }
    }
    if isFolder { components.append("index.html") }
    return components.joined(separator: "/")
}

/// Compares `actual` with the golden file, or rewrites it when `UPDATE_GOLDEN=1`.
/// Content-hashed asset names are replaced by `HASH` so a CSS edit does not churn every golden page.
func expectGolden(_ actual: String, _ goldenPath: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let normalised = normaliseHashes(actual)
    let url = Paths.fixtures.appendingPathComponent("golden").appendingPathComponent(goldenPath)
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(normalised.utf8).write(to: url)
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record("golden file \(goldenPath) is missing; run the tests with UPDATE_GOLDEN=1 to create it",
                     sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected.utf8.elementsEqual(normalised.utf8) { return }
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = normalised.split(separator: "\n", omittingEmptySubsequences: false)
    let first = zip(expectedLines, actualLines).enumerated().first { !$0.element.0.utf8.elementsEqual($0.element.1.utf8) }?.offset
        ?? min(expectedLines.count, actualLines.count)
    let show = { (lines: [Substring]) in first < lines.count ? String(lines[first]) : "<end of file>" }
    Issue.record("""
        \(goldenPath) differs from its golden file at line \(first + 1):
          golden: \(show(expectedLines))
          actual: \(show(actualLines))
        If the change is intended, run the tests with UPDATE_GOLDEN=1 and review the diff.
        """, sourceLocation: sourceLocation)
}

func normaliseHashes(_ text: String) -> String {
    text.replacingOccurrences(of: #"\.[0-9a-f]{10}\.(css|js|json)"#, with: ".HASH.$1", options: .regularExpression)
}
