import Foundation
internal import CCmark
import PhienchoCore
import PhienchoModel

/// Markdown → HTML through libcmark with its safe default: raw HTML is dropped and `javascript:`,
/// `vbscript:`, `file:` and non-image `data:` URLs are emptied by cmark itself. On top of that,
/// raw HTML nodes are removed outright, images become their alt text (a picture from another host
/// would reveal a citizen's visit), headings are shifted so the page keeps a single `<h1>`, and
/// phone numbers in the text become `tel:` links (`PhoneNumbers`; the plain text keeps them as written).
package enum Markdown {
    package struct Rendered: Sendable, Equatable {
        package var html: String
        /// The text without markup, for feeds, search and the leak audit.
        package var text: String
    }

    /// - Parameters:
    ///   - firstLine: file line of the Markdown's first line, for diagnostics; nil for front matter values.
    ///   - topHeadingLevel: the level the text's biggest heading becomes (3 in a vacancy body, under the
    ///     page's `<h2>Mô tả công việc</h2>`), the others following without skipping a level's worth.
    package static func render(_ markdown: String, firstLine: Int?, topHeadingLevel: Int = 3,
                       sink: inout DiagnosticSink) -> Rendered {
        guard let document = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT) else {
            return Rendered(html: "", text: "")
        }
        defer { cmark_node_free(document) }

        var headings: [OpaquePointer] = []
        var removals: [OpaquePointer] = []
        var images: [OpaquePointer] = []
        var textBytes: [UInt8] = []
        var phoneTexts: [OpaquePointer] = []
        var linkDepth = 0
        let iterator = cmark_iter_new(document)
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                    removals.append(node)
                case CMARK_NODE_IMAGE:
                    images.append(node)
                case CMARK_NODE_HEADING:
                    headings.append(node)
                case CMARK_NODE_LINK:
                    linkDepth += 1
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                    if let literal = cmark_node_get_literal(node) {
                        textBytes.append(contentsOf: UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
                        if type == CMARK_NODE_TEXT && linkDepth == 0 { phoneTexts.append(node) }
                    }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    textBytes.append(UInt8(ascii: " "))
                default:
                    break
                }
            } else if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_LINK { linkDepth -= 1 }
                if isBlock(type) { textBytes.append(UInt8(ascii: "\n")) }
            }
        }
        cmark_iter_free(iterator)

        if let top = headings.map({ cmark_node_get_heading_level($0) }).min() {
            let shift = Int32(topHeadingLevel) - top
            for heading in headings {
                cmark_node_set_heading_level(heading, max(1, min(6, cmark_node_get_heading_level(heading) + shift)))
            }
        }

        for image in images {
            if let firstLine {
                let line = Int(cmark_node_get_start_line(image)) + firstLine - 1
                sink.warning(.imageRemoved, at: SourcePosition(line: line, column: Int(cmark_node_get_start_column(image))),
                             "Trang không hiển thị hình ảnh; hình này được thay bằng dòng chữ mô tả của nó.")
            } else {
                sink.warning(.imageRemoved, at: nil, "Trang không hiển thị hình ảnh; hình này được thay bằng dòng chữ mô tả của nó.")
            }
            let alt = plainText(of: image)
            if !alt.isEmpty, let text = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(text, alt)
                cmark_node_insert_before(image, text)
            }
            cmark_node_unlink(image)
            cmark_node_free(image)
        }
        for node in removals {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        for node in phoneTexts { linkPhoneNumbers(in: node) }

        guard let html = cmark_render_html(document, CMARK_OPT_DEFAULT) else { return Rendered(html: "", text: "") }
        defer { free(html) }
        let text = plainLines(textBytes)
        let htmlBytes = UnsafeBufferPointer(start: UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self), count: strlen(html))
        return Rendered(html: withExternalLinkRel(htmlBytes).nfc, text: text.nfc)
    }

    /// Links to other sites get `rel="noopener noreferrer"`: a citizen's visit must not be revealed
    /// to an employer's site. cmark writes every link as `<a href="…"` and, with raw HTML dropped,
    /// nothing else in its output can look like that, so the attribute is added in the text. cmark
    /// percent-encodes every non-ASCII byte of an href, so the scheme is compared as ASCII bytes.
    static func withExternalLinkRel(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let marker = Array("<a href=\"".utf8)
        guard let first = firstIndex(of: marker, in: bytes, from: 0) else { return String(decoding: bytes, as: UTF8.self) }
        let external = Array("<a rel=\"noopener noreferrer\" href=\"".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        var copied = 0
        var found: Int? = first
        while let start = found {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<start]))
            let url = start + marker.count
            output.append(contentsOf: isWebScheme(bytes, at: url) ? external : marker)
            copied = url
            found = firstIndex(of: marker, in: bytes, from: url)
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return String(decoding: output, as: UTF8.self)
    }

    private static func firstIndex(of marker: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = start
        while index + marker.count <= bytes.count,
              let found = memchr(base + index, Int32(marker[0]), bytes.count - index) {
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard index + marker.count <= bytes.count else { return nil }
            if bytes[index..<(index + marker.count)].elementsEqual(marker) { return index }
            index += 1
        }
        return nil
    }

    /// Whether `http://` or `https://` (any case) starts at `index`.
    private static func isWebScheme(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        func hasPrefix(_ scheme: String) -> Bool {
            let scheme = Array(scheme.utf8)
            guard index + scheme.count <= bytes.count else { return false }
            return zip(bytes[index...], scheme).allSatisfy { byte, expected in
                (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) == expected
            }
        }
        return hasPrefix("http://") || hasPrefix("https://")
    }

    private static func isBlock(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM, CMARK_NODE_CODE_BLOCK, CMARK_NODE_BLOCK_QUOTE:
            return true
        default:
            return false
        }
    }

    private static func plainText(of node: OpaquePointer) -> String {
        var parts: [String] = []
        let iterator = cmark_iter_new(node)
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator),
               let literal = cmark_node_get_literal(current) {
                parts.append(String(cString: literal))
            }
        }
        cmark_iter_free(iterator)
        return parts.joined()
    }
}

extension Markdown {
    /// Splits a text node around the phone numbers it holds, each becoming a `tel:` link with the
    /// number as written for its text.
    static func linkPhoneNumbers(in node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        // Text without a digit (most of it) holds no number.
        let length = strlen(literal)
        guard UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: length)
            .contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return }
        let text = String(cString: literal)
        let numbers = PhoneNumbers.ranges(in: text)
        guard !numbers.isEmpty else { return }
        func insertText(_ part: Substring) {
            guard !part.isEmpty, let piece = cmark_node_new(CMARK_NODE_TEXT) else { return }
            cmark_node_set_literal(piece, String(part))
            cmark_node_insert_before(node, piece)
        }
        var copied = text.startIndex
        for range in numbers {
            insertText(text[copied..<range.lowerBound])
            if let link = cmark_node_new(CMARK_NODE_LINK), let label = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_url(link, VietnameseFormat.telephoneHref(String(text[range])))
                cmark_node_set_literal(label, String(text[range]))
                cmark_node_append_child(link, label)
                cmark_node_insert_before(node, link)
            }
            copied = range.upperBound
        }
        insertText(text[copied...])
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
