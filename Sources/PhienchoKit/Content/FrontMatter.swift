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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, isDelimiter(first, closing: false) else { throw .missingOpening }
        lines = lines.dropFirst()
        guard let closeIndex = lines.firstIndex(where: { isDelimiter($0, closing: true) }) else { throw .missingClosing }
        let yaml = lines[lines.startIndex..<closeIndex].joined(separator: "\n")
        let body = lines[(closeIndex + 1)...].joined(separator: "\n")
        return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closeIndex + 2)
    }

    private static func isDelimiter(_ line: Substring, closing: Bool) -> Bool {
        let word = String(line.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
        return word == "---" || (closing && word == "...")
    }
}
