import PhienchoCore
import PhienchoModel

extension TemplateValue {
    /// Appends what `{{x}}` shows for this value, HTML-escaped or not. Strings show as they are,
    /// integers in decimal, booleans as `true`/`false`; lists and objects as Swift prints an array
    /// or dictionary (`["a", "b"]`, `["key": 1]`), as swift-mustache shows them — object keys in
    /// the order they were set, where swift-mustache's dictionary order varies.
    func appendText(to output: inout [UInt8], escaping: Bool) {
        switch self {
        case .string(let text):
            if escaping { HTML.appendEscaped(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        case .int(let number):
            output.append(contentsOf: String(number).utf8)
        case .bool(let value):
            output.append(contentsOf: (value ? "true" : "false").utf8)
        case .list, .object:
            let text = swiftDescription
            if escaping { HTML.appendEscaped(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        case .absent:
            break
        }
    }

    /// `String(describing:)` of the value as swift-mustache holds it (`[Any]`, `[String: Any]`).
    var swiftDescription: String {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .bool(let value): value ? "true" : "false"
        case .list(let items): "[" + items.map(\.swiftDebugDescription).joined(separator: ", ") + "]"
        case .object(let object):
            object.count == 0 ? "[:]"
                : "[" + object.members.map { "\($0.key.debugDescription): \($0.value.swiftDebugDescription)" }.joined(separator: ", ") + "]"
        case .absent: "nil"
        }
    }

    private var swiftDebugDescription: String {
        if case .string(let text) = self { text.debugDescription } else { swiftDescription }
    }
}
