import Foundation
import PhienchoCore

extension ContentLoader {
    package struct DecodingProblem: Error {
        package var code: DiagnosticCode
        package var position: SourcePosition?
        package var message: String
    }

    /// UTF-8 with or without BOM, CRLF or CR line endings; rejects invalid UTF-8, control characters
    /// (binary files) and files with nothing in them.
    package static func decode(_ data: Data) -> Result<String, DecodingProblem> {
        decode(bytes: [UInt8](data))
    }

    package static func decode(bytes: [UInt8]) -> Result<String, DecodingProblem> {
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let raw = bytes[(hasBOM ? 3 : 0)...]
        guard let text = String(validating: raw, as: UTF8.self) else {
            let position = firstInvalidPosition(Array(raw))
            let message = TextEncoding.guess(raw)?.message ?? "Tệp không phải văn bản UTF-8. Hãy lưu lại tệp với bảng mã UTF-8."
            return .failure(DecodingProblem(code: .invalidUTF8, position: position, message: message))
        }
        let scan = raw.withUnsafeBufferPointer(Self.scan)
        if scan.hasControlCharacter, let position = firstControlCharacter(in: text) {
            // UTF-16 without a byte order mark is valid UTF-8 full of zero bytes.
            if let wide = TextEncoding.guess(raw), [.utf16LittleEndian, .utf16BigEndian, .utf32].contains(wide) {
                return .failure(DecodingProblem(code: .invalidUTF8, position: nil, message: wide.message))
            }
            return .failure(DecodingProblem(code: .invalidUTF8, position: position,
                message: "Tệp chứa ký tự điều khiển hoặc dữ liệu nhị phân, không phải văn bản."))
        }
        var normalised = text
        if scan.hasCarriageReturn && hasLineBreakBeforeNonASCII(raw) {
            // A CR or CRLF followed by a combining mark: Foundation's search, which the rule was
            // written with, leaves it alone, so Foundation does the replacing.
            normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            if scan.hasUnicodeLineBreak {
                normalised = String(String.UnicodeScalarView(normalised.unicodeScalars.map {
                    $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0
                }))
            }
        } else if scan.hasCarriageReturn || scan.hasUnicodeLineBreak {
            normalised = String(decoding: normalisedLineBreaks(raw), as: UTF8.self)
        }
        guard scan.hasVisibleASCII || normalised.contains(where: { !$0.isWhitespace }) else {
            return .failure(DecodingProblem(code: .emptyFile, position: nil, message: "Tệp trống, không có nội dung."))
        }
        return .success(normalised)
    }

    /// What one pass over valid UTF-8 finds.
    private struct ByteScan {
        /// A C0 control other than tab, LF and CR, DEL, or one of U+FFF9–U+FFFF.
        var hasControlCharacter = false
        var hasCarriageReturn = false
        /// NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR.
        var hasUnicodeLineBreak = false
        /// A printable ASCII character: the file is not empty.
        var hasVisibleASCII = false
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> ByteScan {
        var result = ByteScan()
        let count = bytes.count
        guard let base = bytes.baseAddress else { return result }
        // Eight bytes at a time: once a visible ASCII character was seen, a word with no byte below
        // 0x20 and none of 0x7F, 0xC2, 0xE2 or 0xEF (the first bytes of everything looked for)
        // needs no closer look.
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        func hasByte(_ word: UInt64, _ value: UInt8) -> Bool { hasZeroByte(word ^ (ones &* UInt64(value))) }
        var index = 0
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let hasBelowSpace = (word &- ones &* 0x20) & ~word & highs != 0
            if !result.hasVisibleASCII || hasBelowSpace || hasByte(word, 0x7F) || hasByte(word, 0xC2) || hasByte(word, 0xE2)
                || hasByte(word, 0xEF) {
                scanBytes(bytes, from: index, to: index + 8, into: &result)
            }
            index += 8
        }
        scanBytes(bytes, from: index, to: count, into: &result)
        return result
    }

    /// Looks at each byte from `start` to `end` (and at the bytes after one that may begin a sequence).
    private static func scanBytes(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into result: inout ByteScan) {
        var index = start
        let count = bytes.count
        while index < end {
            let byte = bytes[index]
            switch byte {
            case 0x21...0x7E:
                result.hasVisibleASCII = true
            case 0x0D:
                result.hasCarriageReturn = true
            case 0x09, 0x0A, 0x20:
                break
            case 0x00..<0x20, 0x7F:
                result.hasControlCharacter = true
            case 0xC2 where index + 1 < count && bytes[index + 1] == 0x85:
                result.hasUnicodeLineBreak = true
            case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                result.hasUnicodeLineBreak = true
            case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xB9:
                result.hasControlCharacter = true   // U+FFF9–U+FFFF
            default:
                break
            }
            index += 1
        }
    }

    /// Where the first control character is, counting lines at LF and columns in Unicode scalars.
    private static func firstControlCharacter(in text: String) -> SourcePosition? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1; column = 1; continue }
            let value = scalar.value
            if (value < 0x20 && scalar != "\t" && scalar != "\r") || value == 0x7F || (0xFFF9...0xFFFF).contains(value) {
                return SourcePosition(line: line, column: column)
            }
            column += 1
        }
        return nil
    }

    /// Whether a CR, or a CR and LF, is directly followed by a non-ASCII scalar.
    private static func hasLineBreakBeforeNonASCII(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.indices.contains { index in
            guard bytes[index] == 0x0D, index + 1 < bytes.endIndex else { return false }
            let next = bytes[index + 1]
            return next >= 0x80 || (next == 0x0A && index + 2 < bytes.endIndex && bytes[index + 2] >= 0x80)
        }
    }

    /// CRLF and CR become LF. NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR (pasted from Word or the
    /// web) are line breaks to YAML but not to editors, which would shift every reported line: they
    /// become spaces.
    private static func normalisedLineBreaks(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0D {
                output.append(0x0A)
                index += index + 1 < bytes.endIndex && bytes[index + 1] == 0x0A ? 2 : 1
            } else if byte == 0xC2, index + 1 < bytes.endIndex, bytes[index + 1] == 0x85 {
                output.append(0x20)
                index += 2
            } else if byte == 0xE2, index + 2 < bytes.endIndex, bytes[index + 1] == 0x80,
                      bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                output.append(0x20)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    private static func firstInvalidPosition(_ bytes: [UInt8]) -> SourcePosition {
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let end = index + length
            if length == 0 || end > bytes.count || String(validating: bytes[index..<end], as: UTF8.self) == nil {
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
                return SourcePosition(line: line, column: column)
            }
            if byte == UInt8(ascii: "\n") { line += 1; lineStart = end }
            index = end
        }
        return SourcePosition(line: line, column: 1)
    }
}
