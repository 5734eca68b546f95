import Foundation
import PhienchoCore

extension Markdown {
    /// The lines of the text cmark's nodes gave, each trimmed of the white space Foundation's
    /// `CharacterSet.whitespaces` holds, without the empty ones, joined by LF.
    static func plainLines(_ bytes: [UInt8]) -> String {
        // Without CR, LF always ends a character, so splitting the bytes at LF splits the text
        // exactly as splitting its characters would.
        guard !bytes.contains(UInt8(ascii: "\r")) else { return plainLines(String(decoding: bytes, as: UTF8.self)) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var lineStart = 0
            while lineStart <= buffer.count {
                let lineEnd = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), buffer.count - lineStart)
                    .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? buffer.count
                var start = lineStart, end = lineEnd
                while start < end, let width = whitespaceWidth(buffer, at: start) { start += width }
                while start < end, let width = whitespaceWidth(buffer, endingAt: end, start: start) { end -= width }
                if start < end {
                    if !output.isEmpty { output.append(UInt8(ascii: "\n")) }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
                }
                lineStart = lineEnd + 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func plainLines(_ text: String) -> String {
        text.split(separator: "\n").map { $0.trimmingWhitespace(includingNewlines: false) }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The byte length of the white-space scalar starting at `index`, nil if it is not one.
    private static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let (value, length) = bytes.utf8Scalar(at: index)
        return isWhitespace(value) ? length : nil
    }

    /// The byte length of the white-space scalar ending just before `end`, nil if it is not one.
    private static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int, start: Int) -> Int? {
        var lead = end - 1
        while lead > start && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        let (value, length) = bytes.utf8Scalar(at: lead)
        return isWhitespace(value) ? length : nil
    }

    /// White space as `String.trimmingWhitespace` trims it within a line.
    private static func isWhitespace(_ value: UInt32) -> Bool {
        Unicode.Scalar(value).map { Substring.isTrimmed($0, false) } ?? false
    }
}
