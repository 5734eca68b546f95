import Foundation
import PhienchoCore
import PhienchoContent

/// How a vacancy file was written — a byte order mark, CRLF line endings, the exact bytes of its
/// Markdown body — so that an import's update writes back only the front matter lines it changed.
/// The loader hands the planner normalised text (no BOM, LF); this puts the file's own form back.
struct FileLayout {
    let byteOrderMark: Bool
    let crlf: Bool
    /// The original text after the closing `---` line, byte for byte.
    let body: Substring
    /// The same, normalised as the loader does (LF), to tell whether an update changed it.
    let normalisedBody: String

    /// The layout of a file's raw UTF-8 text; nil when it has no front matter to find.
    init?(raw: String) {
        var bytes = Array(raw.utf8)[...]
        byteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if byteOrderMark { bytes = bytes.dropFirst(3) }
        crlf = bytes.firstIndex(of: 0x0A).map { $0 > bytes.startIndex && bytes[$0 - 1] == 0x0D } ?? false
        // The closing delimiter: the second line that is `---` (or `...`), spaces and CR aside.
        var delimiters = 0
        var lineStart = bytes.startIndex
        var bodyStart: Int?
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self).trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\r")))
            let next = min(lineEnd + 1, bytes.endIndex)
            if delimiters == 0 ? line == "---" : ["---", "..."].contains(line) {
                delimiters += 1
                if delimiters == 2 { bodyStart = next; break }
            } else if delimiters == 0 {
                return nil
            }
            lineStart = next
        }
        guard let bodyStart else { return nil }
        body = Substring(String(decoding: bytes[bodyStart...], as: UTF8.self))
        normalisedBody = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// `text` (normalised: LF, no BOM) written in this layout: its front matter with the file's line
    /// ending, then the original body when the update left it as it was.
    func restore(_ text: String, body newBody: String) -> String {
        let frontMatter = String(text.dropLast(newBody.count))
        var output = byteOrderMark ? "\u{FEFF}" : ""
        output += crlf ? frontMatter.replacingOccurrences(of: "\n", with: "\r\n") : frontMatter
        if newBody == normalisedBody {
            output += body
        } else {
            output += crlf ? newBody.replacingOccurrences(of: "\n", with: "\r\n") : newBody
        }
        return output
    }
}
