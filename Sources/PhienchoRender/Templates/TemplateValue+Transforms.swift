import Foundation
import PhienchoCore
import PhienchoModel

extension TemplateValue {
    /// swift-mustache's transforms (`{{count(list)}}`, `{{#empty(list)}}`…) on this value; `.absent`
    /// when the transform does not apply to it.
    /// - strings: `empty`, `capitalized`, `lowercased`, `uppercased`, `reversed`;
    /// - integers: `equalzero`, `plusone`, `minusone`, `even`, `odd` (`plusone` of `Int.max` wraps
    ///   round; swift-mustache traps);
    /// - lists: `first`, `last`, `reversed`, `count`, `empty`, and `sorted` when every item is a
    ///   string or every item is an integer (swift-mustache: when the Swift element type is
    ///   comparable);
    /// - objects: `count`, `empty`, and `sorted` / `enumerated`, a list of `{key, value}` objects by
    ///   key / in the order the keys were set (swift-mustache: in dictionary order, which varies).
    func applying(_ transform: Template.Transform) -> TemplateValue {
        switch self {
        case .string(let text):
            switch transform {
            case .empty: .bool(text.isEmpty)
            case .capitalized: .string(text.capitalized)
            case .lowercased: .string(text.lowercased())
            case .uppercased: .string(text.uppercased())
            case .reversed: .string(String(text.reversed()))
            default: .absent
            }
        case .int(let number):
            switch transform {
            case .equalzero: .bool(number == 0)
            case .plusone: .int(number &+ 1)
            case .minusone: .int(number &- 1)
            case .even: .bool(number & 1 == 0)
            case .odd: .bool(number & 1 == 1)
            default: .absent
            }
        case .list(let items):
            switch transform {
            case .first: items.first ?? .absent
            case .last: items.last ?? .absent
            case .reversed: .list(items.reversed())
            case .count: .int(items.count)
            case .empty: .bool(items.isEmpty)
            case .sorted: Self.sorted(items)
            default: .absent
            }
        case .object(let object):
            switch transform {
            case .count: .int(object.count)
            case .empty: .bool(object.count == 0)
            case .enumerated: Self.keyValueList(object.members)
            case .sorted: Self.keyValueList(object.members.sorted { $0.key < $1.key })
            default: .absent
            }
        case .bool, .absent:
            .absent
        }
    }

    private static func sorted(_ items: [TemplateValue]) -> TemplateValue {
        var strings: [String] = []
        var numbers: [Int] = []
        for item in items {
            switch item {
            case .string(let text) where numbers.isEmpty: strings.append(text)
            case .int(let number) where strings.isEmpty: numbers.append(number)
            default: return .absent
            }
        }
        return numbers.isEmpty ? .strings(strings.sorted()) : .list(numbers.sorted().map(TemplateValue.int))
    }

    private static func keyValueList(_ members: [(key: String, value: TemplateValue)]) -> TemplateValue {
        .list(members.map { .object(["key": .string($0.key), "value": $0.value]) })
    }
}
