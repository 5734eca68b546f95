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

/// A file that is not UTF-8 names its encoding and the steps to save it again (issue 20).
@Suite("Encoding errors name the encoding")
struct TextEncodingTests {
    private func message(_ bytes: [UInt8]) -> String? {
        guard case .failure(let problem) = ContentLoader.decode(bytes: bytes) else { return nil }
        #expect(problem.code == .invalidUTF8)
        return problem.message
    }

    private static let text = "---\nid: NB-1\ntitle: Thợ may công nghiệp\n---\n"

    @Test func utf16WithAndWithoutAMark() {
        let utf16LE = Array(Self.text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf16BE = Array(Self.text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [[0xFF, 0xFE] + utf16LE, utf16LE] {
            #expect(message(bytes)?.hasPrefix("Tệp không phải văn bản UTF-8: có vẻ được lưu bằng bảng mã UTF-16 LE") == true)
        }
        for bytes in [[0xFE, 0xFF] + utf16BE, utf16BE] {
            #expect(message(bytes)?.hasPrefix("Tệp không phải văn bản UTF-8: có vẻ được lưu bằng bảng mã UTF-16 BE") == true)
        }
        #expect(message([0xFF, 0xFE] + utf16LE)?.contains("Tệp → Lưu thành…, ở ô “Mã hóa” (Encoding) chọn “UTF-8”") == true)
    }

    @Test func windows1258WritesTonesAsCombiningMarks() {
        // "Thợ may công nghiệp" in Windows-1258: ơ = F5, dot below = F2, ô = F4, ê = EA.
        let bytes = Array("---\ntitle: Th".utf8) + [0xF5, 0xF2] + Array(" may c".utf8) + [0xF4] + Array("ng nghi".utf8) + [0xEA, 0xF2] + Array("p\n---\n".utf8)
        #expect(message(bytes)?.contains("Windows-1258") == true)
    }

    @Test func tcvn3PutsVietnameseLettersAtA8ToAE() {
        // "Công nhân" in TCVN3: ô = AB, â = A9.
        let bytes = Array("---\ntitle: C".utf8) + [0xAB] + Array("ng nh".utf8) + [0xA9] + Array("n\n---\n".utf8)
        let said = message(bytes)
        #expect(said?.contains("TCVN3 (ABC)") == true)
        #expect(said?.contains("Unikey") == true)
    }
}
