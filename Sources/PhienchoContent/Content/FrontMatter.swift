import PhienchoCore

/// A Markdown file split into its YAML front matter and its body, keeping track of where each
/// starts so that diagnostics point at lines of the original file.
package struct FrontMatter: Sendable, Equatable {
    /// The YAML between the `---` lines.
    package var yaml: String
    /// File line number of the first YAML line (2 when the file opens with `---`).
    package var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    package var body: String
    /// File line number of the first body line.
    var bodyFirstLine: Int

    package enum SplitError: Error, Equatable {
        /// The file does not start with a `---` line.
        case missingOpening
        /// No closing `---` line after the opening one.
        case missingClosing
    }

    /// Splits text whose line endings are already LF. The delimiter lines are `---`, optionally
    /// followed by spaces; a closing `...` is accepted as YAML allows.
    package static func split(_ text: String) throws(SplitError) -> FrontMatter {
        let found = text.utf8.withContiguousStorageIfAvailable(delimiters) ?? Array(text.utf8).withUnsafeBufferPointer(delimiters)
        switch found {
        case .failure(let error):
            throw error
        case .success(let block):
            // The ranges start and end at line breaks, so they cut the text between characters.
            let utf8 = text.utf8
            func slice(_ range: Range<Int>) -> String {
                String(text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
            }
            return FrontMatter(yaml: slice(block.yaml), yamlFirstLine: 2, body: slice(block.body), bodyFirstLine: block.bodyFirstLine)
        }
    }

    /// Byte ranges of the YAML and the body, found by reading lines only up to the closing delimiter.
    private struct Block {
        package var yaml: Range<Int>
        package var body: Range<Int>
        var bodyFirstLine: Int
    }

    private static func delimiters(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Block, SplitError> {
        func lineEnd(from start: Int) -> Int {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            return end
        }
        var end = lineEnd(from: 0)
        guard isDelimiter(bytes[0..<end], closing: false) else { return .failure(.missingOpening) }
        let yamlStart = min(end + 1, bytes.count)
        var lineIndex = 0
        while end < bytes.count {
            let start = end + 1
            end = lineEnd(from: start)
            lineIndex += 1
            if isDelimiter(bytes[start..<end], closing: true) {
                let bodyStart = min(end + 1, bytes.count)
                return .success(Block(yaml: yamlStart..<max(yamlStart, start - 1), body: bodyStart..<bytes.count,
                                      bodyFirstLine: lineIndex + 2))
            }
        }
        return .failure(.missingClosing)
    }

    private static func isDelimiter(_ line: Slice<UnsafeBufferPointer<UInt8>>, closing: Bool) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        let word = line[line.startIndex..<end]
        return word.elementsEqual("---".utf8) || (closing && word.elementsEqual("...".utf8))
    }
}
