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

/// The byte-level fast paths agree with the Foundation and character-level code they replace.
@Suite("Byte-level text: trimming, NFC, plain Markdown lines, file decoding")
struct ByteLevelTextTests {
    /// Pieces that stress the fast paths: every white space Foundation trims, look-alikes it does
    /// not, combining marks, Vietnamese letters, control characters, line breaks.
    static let pieces = [" ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}",
                         "\u{200A}", "\u{200B}", "\u{200C}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
                         "\u{FEFF}", "\u{180E}", "a", "Z", "#", "-", "đ", "Trấn", "a\u{0301}", "\u{0301}", "\u{0300}",
                         "ệ", "–", "“", "\u{07}", "\u{80}", "\u{9F}", "\u{7F}", "\u{FFF9}", "\u{FFFF}", "😀", "\u{212A}"]

    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }

    @Test func trimmingMatchesFoundation() {
        for text in Self.randomTexts(count: 5000, seed: 1) {
            #expect(text.trimmingWhitespace(includingNewlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(text.unicodeScalars.map(\.value))")
            #expect(text.trimmingWhitespace(includingNewlines: false) == text.trimmingCharacters(in: .whitespaces),
                    "\(text.unicodeScalars.map(\.value))")
            #expect(text.trimmingWhitespace(includingNewlines: false).unicodeScalars.elementsEqual(
                text.trimmingCharacters(in: .whitespaces).unicodeScalars))
        }
    }

    @Test func nfcMatchesFoundation() {
        for text in Self.randomTexts(count: 3000, seed: 2) + ["Gia Tra\u{0302}\u{0301}n", "Dệt may – Da giày", "plain"] {
            #expect(text.nfc.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars))
        }
    }

    @Test("Plain Markdown lines: the byte path matches splitting and trimming characters")
    func plainLinesMatchCharacterSplitting() {
        for text in Self.randomTexts(count: 3000, seed: 3) {
            let reference = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: "\n")
            let result = Markdown.plainLines(Array(text.utf8))
            #expect(result.unicodeScalars.elementsEqual(reference.unicodeScalars), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func externalLinksGetRelWhateverTheSchemeCase() {
        let html = "<p><a href=\"HTTPS://a.vn\">x</a> <a href=\"mailto:a@b.vn\">y</a> <a href=\"http://b\">z</a><a href=\""
        let result = Array(html.utf8).withUnsafeBufferPointer(Markdown.withExternalLinkRel)
        #expect(result == "<p><a rel=\"noopener noreferrer\" href=\"HTTPS://a.vn\">x</a> <a href=\"mailto:a@b.vn\">y</a> "
            + "<a rel=\"noopener noreferrer\" href=\"http://b\">z</a><a href=\"")
    }

    @Test("File decoding: the eight-byte scan finds what a scalar-by-scalar reading finds")
    func decodingMatchesTheScalarReference() {
        var generator = SeededGenerator(seed: 4)
        for text in Self.randomTexts(count: 4000, seed: 5) {
            // Shift the interesting bytes across word boundaries.
            let padded = String(repeating: "x", count: Int.random(in: 0...9, using: &generator)) + text
            let bytes = Array(padded.utf8)
            let result = ContentLoader.decode(bytes: bytes)
            switch (result, Self.referenceDecode(bytes)) {
            case (.success(let text), .success(let expected)):
                #expect(text.unicodeScalars.elementsEqual(expected.unicodeScalars), "\(bytes)")
            case (.failure(let problem), .failure(let expected)):
                #expect(problem.code == expected.code && problem.position == expected.position)
            default:
                Issue.record("\(bytes): \(result) differs from the reference")
            }
        }
    }

    /// The decoding rules read one scalar at a time, as they were written before the byte scan.
    static func referenceDecode(_ bytes: [UInt8]) -> Result<String, ContentLoader.DecodingProblem> {
        var raw = bytes
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) { raw.removeFirst(3) }
        guard let text = String(validating: raw, as: UTF8.self) else {
            return .failure(.init(code: .invalidUTF8, position: nil, message: ""))
        }
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1; column = 1; continue }
            let value = scalar.value
            if (value < 0x20 && scalar != "\t" && scalar != "\r") || value == 0x7F || (0xFFF9...0xFFFF).contains(value) {
                return .failure(.init(code: .invalidUTF8, position: SourcePosition(line: line, column: column), message: ""))
            }
            column += 1
        }
        var normalised = raw.contains(UInt8(ascii: "\r"))
            ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        if normalised.unicodeScalars.contains(where: { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            normalised = String(String.UnicodeScalarView(normalised.unicodeScalars.map {
                $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0
            }))
        }
        guard normalised.contains(where: { !$0.isWhitespace }) else {
            return .failure(.init(code: .emptyFile, position: nil, message: ""))
        }
        return .success(normalised)
    }
}
