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

/// The staff guide's "Danh sách mã lỗi" table is what staff read when a code appears: it must list
/// every code the generator can emit, and no code that no longer exists.
@Suite("Staff: the staff guide lists every diagnostic code")
struct StaffDocumentedCodesTests {
    static let guide = StaffContent.repoRoot.appendingPathComponent("docs/huong-dan-nhan-vien.md")

    /// The `PCnnn` codes in the first column of the table under the "Danh sách mã lỗi" heading.
    static func documentedCodes() throws -> [String] {
        let text = try String(contentsOf: guide, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let heading = lines.firstIndex(where: { $0.hasPrefix("#") && $0.contains("Danh sách mã lỗi") }) else {
            Issue.record("docs/huong-dan-nhan-vien.md has no “Danh sách mã lỗi” heading")
            return []
        }
        var codes: [String] = []
        var inTable = false
        for line in lines[(heading + 1)...] {
            if line.hasPrefix("#") { break }                      // the next section
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("|") else {
                if inTable { break } else { continue }            // the table ended, or has not started
            }
            inTable = true
            let firstCell = trimmed.dropFirst().split(separator: "|", omittingEmptySubsequences: false).first ?? ""
            let cell = firstCell.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`*"))
            if cell.count == 5, cell.hasPrefix("PC"), cell.dropFirst(2).allSatisfy(\.isNumber) {
                codes.append(cell)
            }
        }
        return codes
    }

    @Test func theTableListsExactlyTheCodesOfDiagnosticCode() throws {
        let documented = try Self.documentedCodes()
        let known = Set(DiagnosticCode.allCases.map(\.rawValue))
        let missing = known.subtracting(documented).sorted()
        let stale = Set(documented).subtracting(known).sorted()
        #expect(missing.isEmpty, "codes the generator can emit but the staff guide does not explain: \(missing)")
        #expect(stale.isEmpty, "codes in the staff guide that the generator no longer has: \(stale)")
    }

    @Test func eachCodeIsListedOnce() throws {
        let documented = try Self.documentedCodes()
        let repeated = Dictionary(grouping: documented, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "listed more than once: \(repeated)")
        #expect(!documented.isEmpty)
    }
}
