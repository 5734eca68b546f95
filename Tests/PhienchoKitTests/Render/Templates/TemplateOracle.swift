import Foundation
import Mustache
@testable import PhienchoAudit
@testable import PhienchoContent
@testable import PhienchoCore
@testable import PhienchoImport
@testable import PhienchoKit
@testable import PhienchoModel
@testable import PhienchoOutput
@testable import PhienchoPublication
@testable import PhienchoRender
@testable import PhienchoReport
@testable import PhienchoSpreadsheets

/// Renders the same templates and context with phiencho's engine and with swift-mustache 2.1.1,
/// the engine the themes were written against, so the tests can require identical output.
enum TemplateOracle {
    /// What one engine made of a set of templates: the rendered bytes, or "did not parse".
    enum Outcome: Equatable, CustomStringConvertible {
        case rendered([UInt8])
        case syntaxError

        var description: String {
            switch self {
            case .rendered(let bytes): String(decoding: bytes, as: UTF8.self).debugDescription
            case .syntaxError: "<syntax error>"
            }
        }
    }

    /// `templates` by name; `main` is the one rendered.
    static func ours(_ templates: [String: String], main: String = "main", context: TemplateValue) -> Outcome {
        var library = TemplateLibrary()
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            do { try library.register(text, named: name) } catch { return .syntaxError }
        }
        return .rendered(library.render(main, context) ?? [])
    }

    static func mustache(_ templates: [String: String], main: String = "main", context: TemplateValue) -> Outcome {
        var library = MustacheLibrary()
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            do { try library.register(text, named: name) } catch { return .syntaxError }
        }
        return .rendered(Array((library.render(any(context) ?? [String: Any](), withTemplate: main) ?? "").utf8))
    }

    /// The value as swift-mustache takes it: objects as `[String: Any]` (absent keys left out),
    /// lists of strings (or empty) as `[String]`, of integers as `[Int]`, others as `[Any]` — so
    /// `sorted` applies where the Swift element type is comparable, as for phiencho's own contexts.
    static func any(_ value: TemplateValue) -> Any? {
        switch value {
        case .string(let text): return text
        case .int(let number): return number
        case .bool(let flag): return flag
        case .list(let items):
            let strings = items.compactMap { if case .string(let text) = $0 { text } else { nil } }
            if strings.count == items.count { return strings }
            let numbers = items.compactMap { if case .int(let number) = $0 { number } else { nil } }
            if numbers.count == items.count { return numbers }
            return items.compactMap(any)
        case .object(let object):
            var dictionary: [String: Any] = [:]
            for (key, member) in object.members {
                if let converted = any(member) { dictionary[key] = converted }
            }
            return dictionary
        case .absent:
            return nil
        }
    }
}

/// Reading values back in tests.
extension TemplateValue {
    var int: Int? { if case .int(let number) = self { number } else { nil } }
    var bool: Bool? { if case .bool(let flag) = self { flag } else { nil } }
    var text: String? { if case .string(let text) = self { text } else { nil } }
    subscript(key: String) -> TemplateValue? { child(key) }
}
