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

/// Runs queries with the real browser script (`themes/default/assets/search.js`) under node, through
/// `bench/query-bytes.js`, over an index's files written to a temporary folder: the ranking lives
/// in the script only, so the Swift tests ask it rather than a copy of its rules.
struct SearchScript {
    /// What one query found and fetched.
    struct Outcome: Decodable {
        /// Document numbers, best first.
        var documents: [Int]
        /// How many of the first `documents` match every word (the rest are "Kết quả gần đúng").
        var complete: Int
        /// Typed word and the index terms searched instead.
        var fixed: [Fixed]
        var suggestions: [String]
        /// Bytes (gzip) of the files this query fetched that earlier queries of the run had not.
        var bytes: Int
        /// Names of those files.
        var files: [String]

        struct Fixed: Decodable {
            var typed: String
            var terms: [String]
            init(typed: String, terms: [String]) { self.typed = typed; self.terms = terms }
            init(from decoder: Decoder) throws {
                var list = try decoder.unkeyedContainer()
                typed = try list.decode(String.self)
                terms = try list.decode([String].self)
            }
        }

        /// Numbers of the shards fetched (`shard-N.<hash>.json`).
        var shards: Set<Int> { Set(files.compactMap { Self.number(in: $0, after: "shard-") }) }
        /// Numbers of the card blocks fetched.
        var blocks: Set<Int> { Set(files.compactMap { Self.number(in: $0, after: "cards-") }) }

        private static func number(in name: String, after stem: String) -> Int? {
            guard name.hasPrefix(stem) else { return nil }
            return Int(name.dropFirst(stem.count).prefix { $0.isNumber })
        }
    }

    /// Runs `queries` one after the other in one page (files fetched once).
    static func run(_ queries: [String], on index: SearchIndex) -> [Outcome] {
        do {
            let folder = try TemporaryFolder("search")
            defer { folder.remove() }
            for file in index.files() { try folder.write(file.path, file.data) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["node", Paths.repoRoot.appendingPathComponent("bench/query-bytes.js").path,
                                 folder.path("tim-kiem").path] + queries
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
            return try JSONDecoder().decode([Outcome].self, from: data)
        } catch {
            Issue.record("could not run the search script under node (scripts/setup.sh installs it): \(error)")
            return queries.map { _ in Outcome(documents: [], complete: 0, fixed: [], suggestions: [], bytes: 0, files: []) }
        }
    }

    static func run(_ query: String, on index: SearchIndex) -> Outcome {
        run([query], on: index)[0]
    }
}
