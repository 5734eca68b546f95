import Foundation
import Testing
import ZIPFoundation
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

/// Fuzzing the .xlsx reader over mutated real workbooks: the LibreOffice-saved fixture and
/// phiencho's own template, each part mutated (bytes flipped, cut, repeated; huge numbers, merges,
/// entities and elements inserted) and zipped again. The zip package itself is not mutated here:
/// ZIPFoundation 0.9.20 loops forever on a deflate stream cut short, which the reader stops after
/// `XLSXReader.Limits.unpackSeconds` while the loop spins on until the process ends; that case is
/// `Fixtures/import/truncated-deflate.xlsx`, found by this fuzzer, run through the CLI in
/// tests/acceptance/test_import.py. For every
/// input: no crash or trap (a trap ends the test process, failing the run), an answer — rows or one
/// of the reader's failures — and the process's peak memory stays under 200 MB above where it began.
///
/// Bound: `FUZZ_ITERATIONS` inputs (default 300; seconds in a debug build). Seeded: the same inputs
/// every run; `FUZZ_SEED` picks others. A crash ends the process before anything is printed: with
/// `FUZZ_TRACE=/tmp/input.xlsx` each input is written there first.
@Suite("Fuzzing: the .xlsx reader", .serialized)
struct WorkbookFuzzTests {
    static let iterations = ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"].flatMap(Int.init) ?? 300
    static let seed = ProcessInfo.processInfo.environment["FUZZ_SEED"].flatMap(UInt64.init) ?? 32

    /// The parts of a workbook, unzipped.
    static func parts(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive where entry.type == .file {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        return parts
    }

    static func zip(_ parts: [String: Data]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, bytes) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    static let insertions = [
        "<c r=\"A99999999999999999999\"><v>1</v></c>", "<row r=\"18446744073709551616\"/>", "<mergeCell ref=\"A1:XFD1048576\"/>",
        "<mergeCell ref=\"B2:A1\"/>", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "&a;", "<c t=\"s\"><v>999999999999</v></c>",
        "<c t=\"e\"><v>#N/A</v></c>", "<si><t>x</t></si>", "<row>", "</row>", "<c r=\"ZZZZ1\"/>", "<v>1e308</v>", "<v>-0</v>",
        "<sheet name=\"x\" sheetId=\"9\" r:id=\"rId99\"/>", "\u{0}", "]]>", "<![CDATA[", "<c r=\"A1\" s=\"999999999999999999999\"><v>1</v></c>",
    ]

    static func mutate<R: RandomNumberGenerator>(_ bytes: Data, _ rng: inout R) -> Data {
        var data = [UInt8](bytes)
        guard !data.isEmpty else { return Data(insertions.randomElement(using: &rng)!.utf8) }
        switch Int.random(in: 0..<6, using: &rng) {
        case 0:
            for _ in 0..<Int.random(in: 1...8, using: &rng) { data[Int.random(in: 0..<data.count, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng) }
        case 1:
            data.removeSubrange(Int.random(in: 0..<data.count, using: &rng)...)
        case 2:
            let start = Int.random(in: 0..<data.count, using: &rng), end = min(data.count, start + Int.random(in: 1...400, using: &rng))
            let piece = data[start..<end]
            for _ in 0..<Int.random(in: 1...50, using: &rng) { data.insert(contentsOf: piece, at: start) }
        default:
            // Inside the text, just after a `>`, where elements go.
            let closes = data.indices.filter { data[$0] == UInt8(ascii: ">") }
            let at = closes.isEmpty ? 0 : closes.randomElement(using: &rng)! + 1
            data.insert(contentsOf: Array(insertions.randomElement(using: &rng)!.utf8), at: at)
        }
        return Data(data)
    }

    static func peakMemory() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    @Test("Mutated workbooks never crash, always answer, and stay in memory")
    func mutatedWorkbooks() throws {
        let fixture = try Data(contentsOf: XLSXReaderTests.fixtures.appendingPathComponent("quy4-libreoffice.xlsx"))
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        let template = site.root.appendingPathComponent("mau.xlsx")
        guard case .success = ImportTemplate.write(to: template, content: Folder(site.content, shown: "content")) else {
            Issue.record("no template")
            return
        }
        let originals = [try Self.parts(fixture), try Self.parts(Data(contentsOf: template))]
        var rng = SeededGenerator(seed: Self.seed)
        let start = Self.peakMemory()
        var answers: [String: Int] = [:]
        for iteration in 0..<Self.iterations {
            var parts = originals[iteration % originals.count]
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let path = parts.keys.sorted().randomElement(using: &rng)!
                parts[path] = Self.mutate(parts[path]!, &rng)
            }
            let data = try Self.zip(parts)
            if let trace = ProcessInfo.processInfo.environment["FUZZ_TRACE"] { try data.write(to: URL(fileURLWithPath: trace)) }
            let answer: String
            do {
                let sheets = try XLSXReader.read(data).sheets
                answer = "read \(min(sheets.count, 3)) sheets"
            } catch {
                answer = switch error { case .notAWorkbook: "not a workbook"; case .damaged: "damaged"; case .refused: "refused" }
            }
            answers[answer, default: 0] += 1
        }
        #expect(Self.peakMemory() - start < 200 << 20, "peak memory grew by \((Self.peakMemory() - start) >> 20) MB")
        // The mutations reach every kind of answer.
        #expect(answers.keys.contains { $0.hasPrefix("read") } && answers["damaged"] != nil && answers["refused"] != nil, "\(answers)")
    }
}
