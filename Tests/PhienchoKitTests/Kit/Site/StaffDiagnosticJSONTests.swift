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

@Suite("Staff: check --format json")
struct StaffDiagnosticJSONTests {
    @Test func anArrayOfObjectsWithTheSixFieldsAndNullPositions() throws {
        let diagnostics = [
            Diagnostic(.error, .invalidNumber, path: "content/vacancies/a.md", line: 16, column: 11,
                       "“openings” phải là số nguyên; đang là “<8> & \"tám\"\\\n”."),
            Diagnostic(.warning, .emptyValue, path: "content/vacancies/b.md", line: 24, column: 8, "Trường đang để trống."),
            Diagnostic(.error, .missingFile, path: "content", "Không tìm thấy thư mục nội dung."),
        ]
        let text = DiagnosticJSON.encode(diagnostics)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(parsed.count == 3)
        for object in parsed {
            #expect(Set(object.keys) == ["path", "line", "column", "severity", "code", "message"])
        }
        #expect(parsed[0]["path"] as? String == "content/vacancies/a.md")
        #expect(parsed[0]["line"] as? Int == 16)
        #expect(parsed[0]["column"] as? Int == 11)
        #expect(parsed[0]["severity"] as? String == "error")
        #expect(parsed[0]["code"] as? String == "PC316")
        #expect(parsed[0]["message"] as? String == diagnostics[0].message)
        #expect(parsed[1]["severity"] as? String == "warning")
        #expect(parsed[2]["line"] is NSNull)
        #expect(parsed[2]["column"] is NSNull)
    }

    @Test func keysInTheDocumentedOrderAndEmptyIsAnEmptyArray() {
        let one = DiagnosticJSON.encode([Diagnostic(.warning, .imageRemoved, path: "p", line: 1, column: 2, "m")])
        #expect(one == "[\n  {\"path\":\"p\",\"line\":1,\"column\":2,\"severity\":\"warning\",\"code\":\"PC315\",\"message\":\"m\"}\n]\n")
        #expect(DiagnosticJSON.encode([]) == "[]\n")
    }
}
