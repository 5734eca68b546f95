import PhienchoCore
import PhienchoModel

/// The keys of a `TemplateValue.object`, in the order they were set.
///
/// Objects have few keys (a page's context, a vacancy card), so a key is found by comparing it
/// with each stored key in turn: cheaper than hashing for these sizes, and building one costs two
/// allocations. Keys and values are kept apart so a search reads only the keys (short keys are
/// small strings: comparing them touches no reference count, which matters when both render
/// threads read the same shared objects). Each key's first UTF-8 byte is kept too: two strings
/// that start with different ASCII characters are never equal (not even canonically), so most
/// keys are passed over without a string comparison. A key set to `.absent` is the same as a key
/// never set.
package struct TemplateObject: Sendable {
    private(set) var keys: [String]
    private var heads: [UInt8]
    private(set) var values: [TemplateValue]

    package init() {
        keys = []
        heads = []
        values = []
    }

    package init(_ entries: [(String, TemplateValue)]) {
        self.init(minimumCapacity: entries.count)
        for (key, value) in entries { self[key] = value }
    }

    package init(minimumCapacity: Int) {
        self.init()
        reserveCapacity(minimumCapacity)
    }

    package var count: Int { values.count(where: { !$0.isAbsent }) }

    /// The value of `key`; nil when it is missing or absent. Setting replaces the value in place.
    package subscript(key: String) -> TemplateValue? {
        get {
            guard let index = index(of: key) else { return nil }
            let value = values[index]
            if case .absent = value { return nil }
            return value
        }
        set {
            let value = newValue ?? .absent
            if let index = index(of: key) {
                values[index] = value
            } else {
                append(key, value)
            }
        }
    }

    package mutating func reserveCapacity(_ capacity: Int) {
        keys.reserveCapacity(capacity)
        heads.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// Adds a key known not to be set yet (no search for an existing one).
    package mutating func append(_ key: String, _ value: TemplateValue) {
        keys.append(key)
        heads.append(key.utf8.first ?? 0)
        values.append(value)
    }

    private func index(of key: String) -> Int? {
        let head = key.utf8.first ?? 0
        for index in heads.indices where heads[index] == head || (heads[index] | head) >= 0x80 {
            if keys[index] == key { return index }
        }
        return nil
    }

    /// Keys and values, absent ones left out, in the order they were set.
    var members: [(key: String, value: TemplateValue)] {
        zip(keys, values).filter { !$0.1.isAbsent }.map { (key: $0.0, value: $0.1) }
    }
}

extension TemplateObject: ExpressibleByDictionaryLiteral {
    package init(dictionaryLiteral elements: (String, TemplateValue)...) { self.init(elements) }
}

extension TemplateObject: Equatable {
    /// Same keys with equal values, in the same order.
    package static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        let left = lhs.members, right = rhs.members
        return left.count == right.count && zip(left, right).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
