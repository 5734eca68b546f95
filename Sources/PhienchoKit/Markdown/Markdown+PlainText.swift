import Foundation

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
                while start < end, let width = whitespaceWidth(buffer, at: start, end: end) { start += width }
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
    private static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int? {
        let width: Int
        switch bytes[index] {
        case 0x09, 0x20: return 1
        case 0xC2: width = 2
        case 0xE1, 0xE2, 0xE3: width = 3
        default: return nil
        }
        guard index + width <= end else { return nil }
        return isWhitespace(bytes, index, width) ? width : nil
    }

    /// The byte length of the white-space scalar ending just before `end`, nil if it is not one.
    private static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int, start: Int) -> Int? {
        let last = bytes[end - 1]
        if last < 0x80 { return last == 0x09 || last == 0x20 ? 1 : nil }
        var lead = end - 1
        while lead > start && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        let width = end - lead
        return (width == 2 || width == 3) && isWhitespace(bytes, lead, width) ? width : nil
    }

    /// U+00A0, U+1680, U+2000–U+200B, U+202F, U+205F and U+3000, in UTF-8.
    private static func isWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ width: Int) -> Bool {
        let b0 = bytes[index], b1 = bytes[index + 1]
        if width == 2 { return b0 == 0xC2 && b1 == 0xA0 }
        let b2 = bytes[index + 2]
        switch (b0, b1) {
        case (0xE1, 0x9A): return b2 == 0x80
        case (0xE2, 0x80): return (0x80...0x8B).contains(b2) || b2 == 0xAF
        case (0xE2, 0x81): return b2 == 0x9F
        case (0xE3, 0x80): return b2 == 0x80
        default: return false
        }
    }
}
