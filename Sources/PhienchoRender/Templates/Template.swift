import PhienchoCore
import PhienchoModel

/// A Mustache template parsed once into a tree of nodes; `TemplateRenderer` walks it for each page.
///
/// The language is the one of swift-mustache 2.1.1 (see docs/theme.md and `TemplateParser`).
final class Template: Sendable {
    let nodes: [Node]

    package init(nodes: [Node]) {
        self.nodes = nodes
    }

    /// Parses template text; a syntax problem throws with its line and column.
    package convenience init(_ text: String) throws(TemplateError) {
        var parser = TemplateParser(text)
        self.init(nodes: try parser.parseTemplate())
    }

    enum Node: Sendable {
        /// Literal text, at most one line (a line break ends a text node), as swift-mustache splits it:
        /// partial indentation is added between nodes.
        case text([UInt8])
        /// `{{x}}` (escaped) or `{{{x}}}` / `{{& x}}`.
        case variable(Name, escaped: Bool)
        case section(Name, Template)
        case invertedSection(Name, Template)
        /// `{{> name}}`, `{{>* name}}` (the name is looked up in the context), or a parent
        /// `{{< name}}…{{/name}}` with its block overrides. `indentation` is set for a standalone tag.
        case partial(name: String, dynamic: Bool, indentation: [UInt8]?, overrides: [String: Template]?)
        /// `{{$name}}default{{/name}}` outside a parent: the override of that name if one is in force.
        case block(name: String, Template, indentation: [UInt8])
        /// `{{%CONTENT_TYPE: TEXT}}` (no escaping from here on in this template) or `HTML`.
        case contentType(escapes: Bool)
    }

    /// A variable or section name with its transforms: `first(reversed(list))`.
    struct Name: Sendable, Equatable {
        enum Base: Sendable, Equatable {
            /// `.` (and an empty name): the top of the context stack.
            case top
            /// An empty name with transforms, `index()`: the position in the list being iterated.
            case sequence
            /// `.a.b`: looked up in the top of the stack only.
            case topMember([String])
            /// `a.b`: `a` is searched for down the stack, `b` in what was found.
            case stackMember([String])
        }

        package let base: Base
        /// In the order they apply: innermost first.
        let transforms: [Transform]

        /// A name as written, its transforms outermost first (`a(b(x))`: `x`, `[a, b]`), read as
        /// swift-mustache reads it: empty parts of a dotted name are skipped.
        package init(_ name: String, transforms: [String]) {
            self.transforms = transforms.reversed().map { Transform(rawValue: $0) ?? .unknown }
            if name == "." {
                base = .top
            } else if name.isEmpty, !transforms.isEmpty {
                base = .sequence
            } else {
                let keys = name.split(separator: ".").map(String.init)
                if keys.isEmpty {
                    base = .top
                } else {
                    base = name.first == "." ? .topMember(keys) : .stackMember(keys)
                }
            }
        }
    }

    /// swift-mustache's transforms; a name it does not know gives no value.
    enum Transform: String, Sendable {
        case empty, count, first, last, reversed, sorted, enumerated
        case capitalized, lowercased, uppercased
        case equalzero, plusone, minusone, even, odd
        case index
        case unknown
    }
}
