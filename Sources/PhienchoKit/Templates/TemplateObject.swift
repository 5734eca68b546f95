/// The keys of a `TemplateValue.object`, in the order they were set.
///
/// Objects have few keys (a page's context, a vacancy card), so a key is found by comparing it
/// with each stored key in turn: cheaper than hashing for these sizes, and building one costs a
/// single allocation. A key set to `.absent` is the same as a key never set.
public struct TemplateObject: Sendable {
    private(set) var entries: [(key: String, value: TemplateValue)]

    public init() { entries = [] }

    public init(_ entries: [(String, TemplateValue)]) {
        self.entries = []
        self.entries.reserveCapacity(entries.count)
        for (key, value) in entries { self[key] = value }
    }

    public init(minimumCapacity: Int) {
        entries = []
        entries.reserveCapacity(minimumCapacity)
    }

    public var count: Int { entries.count(where: { !$0.value.isAbsent }) }

    /// The value of `key`; nil when it is missing or absent. Setting replaces the value in place.
    public subscript(key: String) -> TemplateValue? {
        get {
            for entry in entries where entry.key == key {
                if case .absent = entry.value { return nil }
                return entry.value
            }
            return nil
        }
        set {
            let value = newValue ?? .absent
            if let index = entries.firstIndex(where: { $0.key == key }) {
                entries[index].value = value
            } else {
                entries.append((key, value))
            }
        }
    }

    /// Adds a key known not to be set yet (no search for an existing one).
    public mutating func append(_ key: String, _ value: TemplateValue) {
        entries.append((key, value))
    }

    /// Keys and values, absent ones left out, in the order they were set.
    public var members: [(key: String, value: TemplateValue)] {
        entries.filter { !$0.value.isAbsent }
    }
}

extension TemplateObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, TemplateValue)...) { self.init(elements) }
}

extension TemplateObject: Equatable {
    /// Same keys with equal values, in the same order.
    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        let left = lhs.members, right = rhs.members
        return left.count == right.count && zip(left, right).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
