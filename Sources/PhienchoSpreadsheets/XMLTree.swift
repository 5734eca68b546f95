import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PhienchoCore

/// A small element tree of one XML part, built by Foundation's `XMLParser`. Names are local names
/// (the prefix dropped), so a workbook written with `x:` prefixes or in Strict OOXML's namespaces
/// reads like one written without.
package final class XMLTree {
    let name: String
    let attributes: [String: String]
    private(set) var children: [XMLTree] = []
    /// Character data directly inside this element.
    private(set) var text = ""
    /// The part of `text` before the first child element, and the character data after this
    /// element's end tag up to its next sibling: with them, mixed content reads in document order
    /// (`orderedText`).
    private(set) var leading = ""
    private(set) var tail = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The first child with this local name.
    func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    func children(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// An attribute by local name (`r:id` is found as `id`).
    func attribute(_ name: String) -> String? {
        if let value = attributes[name] { return value }
        return attributes.first { Self.localName($0.key) == name }?.value
    }

    enum ParseFailure: Error, Equatable {
        /// Not well-formed XML.
        case malformed
        /// A document type or entity declaration: no spreadsheet part has one, and entities could
        /// change text or grow without limit.
        case declaresEntities
        /// More elements than `maximumElements`.
        case tooManyElements
    }

    /// The tree of `data`, refusing any DTD and stopping after `maximumElements` elements, so that
    /// no part can take more memory than its limit allows.
    static func parse(_ data: Data, maximumElements: Int = .max) -> Result<XMLTree, ParseFailure> {
        // Foundation's parser traps on a name that is not UTF-8 (found by fuzzing): such a part is
        // damaged, and never reaches it.
        guard String(validating: data, as: UTF8.self) != nil else { return .failure(.malformed) }
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            return .failure(.declaresEntities)
        }
        let builder = Builder(maximumElements: maximumElements)
        let parser = XMLParser(data: data)
        parser.delegate = builder
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if builder.overflowed { return .failure(.tooManyElements) }
        // An unterminated document can end without an error; its open elements show it.
        guard parsed, builder.stack.isEmpty, let root = builder.root else { return .failure(.malformed) }
        return .success(root)
    }

    static func localName(_ qualified: String) -> String {
        qualified.firstIndex(of: ":").map { String(qualified[qualified.index(after: $0)...]) } ?? qualified
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var stack: [XMLTree] = []
        let maximumElements: Int
        var elements = 0
        var overflowed = false

        init(maximumElements: Int) { self.maximumElements = maximumElements }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            elements += 1
            guard elements <= maximumElements else {
                overflowed = true
                parser.abortParsing()
                return
            }
            let element = XMLTree(name: XMLTree.localName(elementName), attributes: attributes)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            if !stack.isEmpty { stack.removeLast() }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard let element = stack.last else { return }
            element.text += string
            if let last = element.children.last { last.tail += string } else { element.leading += string }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
        }
    }
}
