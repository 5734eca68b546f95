import PhienchoCore
import PhienchoModel

/// A value a template can show: the data of a page, built by `SiteRenderer` from public values only.
///
/// Truthiness follows swift-mustache 2.1.1, which the themes were written against: in a section
/// `{{#x}}`, `false`, `absent` and an empty list render nothing; `true` renders the section once
/// without changing the context; a non-empty list renders it once per item; any other value —
/// including an empty string, `0` and an empty object — renders it once with the value on top of
/// the context stack. An inverted section `{{^x}}` renders for `false`, `absent` and an empty list
/// (with that empty list on top of the stack), and for nothing else.
package enum TemplateValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case object(TemplateObject)
    /// No value: a missing key. Sections over it render nothing, inverted sections render.
    case absent

    /// `.string(text)`, or `.absent` when there is no text.
    package static func string(_ text: String?) -> TemplateValue {
        text.map(TemplateValue.string) ?? .absent
    }

    /// A list of strings.
    package static func strings(_ texts: [String]) -> TemplateValue {
        .list(texts.map(TemplateValue.string))
    }

    var isAbsent: Bool {
        if case .absent = self { true } else { false }
    }

    /// The value of `key` when this is an object holding it; nil otherwise (then lookup goes on
    /// down the context stack).
    @inline(__always)
    package func child(_ key: String) -> TemplateValue? {
        if case .object(let object) = self { object[key] } else { nil }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    package init(stringLiteral value: String) { self = .string(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(integerLiteral value: Int) { self = .int(value) }
    package init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    package init(dictionaryLiteral elements: (String, TemplateValue)...) { self = .object(TemplateObject(elements)) }
}
