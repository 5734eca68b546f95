/// A Markdown file split into its YAML front matter and its body, keeping track of where each
/// starts so that diagnostics point at lines of the original file.
public struct FrontMatter: Sendable, Equatable {
    /// The YAML between the `---` lines.
    public var yaml: String
    /// File line number of the first YAML line (2 when the file opens with `---`).
    public var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    public var body: String
    /// File line number of the first body line.
    public var bodyFirstLine: Int

    public enum SplitError: Error, Equatable {
        /// The file does not start with a `---` line.
        case missingOpening
        /// No closing `---` line after the opening one.
        case missingClosing
    }

    /// Splits text whose line endings are already LF. The delimiter lines are `---`, optionally
    /// followed by spaces; a closing `...` is accepted as YAML allows.
    public static func split(_ text: String) throws(SplitError) -> FrontMatter {
        let bytes = Array(text.utf8)
        // Line starts, by byte offset; the text's line endings are LF only.
        var lineStarts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        func line(_ number: Int) -> ArraySlice<UInt8> {
            let end = number + 1 < lineStarts.count ? lineStarts[number + 1] - 1 : bytes.count
            return bytes[lineStarts[number]..<end]
        }
        guard isDelimiter(line(0), closing: false) else { throw .missingOpening }
        guard let close = (1..<lineStarts.count).first(where: { isDelimiter(line($0), closing: true) }) else {
            throw .missingClosing
        }
        let yamlStart = lineStarts.count > 1 ? lineStarts[1] : bytes.count
        let yamlEnd = max(yamlStart, lineStarts[close] - 1)
        let bodyStart = close + 1 < lineStarts.count ? lineStarts[close + 1] : bytes.count
        return FrontMatter(yaml: String(decoding: bytes[yamlStart..<yamlEnd], as: UTF8.self), yamlFirstLine: 2,
                           body: String(decoding: bytes[bodyStart...], as: UTF8.self), bodyFirstLine: close + 2)
    }

    private static func isDelimiter(_ line: ArraySlice<UInt8>, closing: Bool) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        let word = line[line.startIndex..<end]
        return word.elementsEqual("---".utf8) || (closing && word.elementsEqual("...".utf8))
    }
}
