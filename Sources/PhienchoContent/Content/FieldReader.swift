import PhienchoCore

/// Typed, position-aware reading of YAML values. Every problem becomes a Vietnamese diagnostic in
/// `sink` and the value comes back nil, so one run reports every problem of a file.
package struct FieldReader {
    package var sink: DiagnosticSink
    /// Added to YAML line numbers to get file line numbers.
    let lineOffset: Int

    package init(path: String, firstLine: Int) {
        sink = DiagnosticSink(path: path)
        lineOffset = firstLine - 1
    }

    /// A mapping whose keys were checked against an allow-list.
    package struct Fields {
        package let name: String
        package let position: SourcePosition?
        package var values = Keyed<YAMLNode>()
        var keyPositions = Keyed<SourcePosition>()

        package func path(_ key: String) -> String { name.isEmpty ? key : "\(name).\(key)" }
    }

    /// A mapping's few values by key, found by comparing keys in order: cheaper than hashing them.
    package struct Keyed<Value> {
        private var keys: [String] = []
        private var values: [Value] = []

        private func index(of key: String) -> Int? { FieldReader.index(of: key, in: keys) }

        package mutating func reserveCapacity(_ capacity: Int) {
            keys.reserveCapacity(capacity)
            values.reserveCapacity(capacity)
        }

        package subscript(key: String) -> Value? {
            get { index(of: key).map { values[$0] } }
            set {
                if let index = index(of: key) {
                    if let newValue {
                        values[index] = newValue
                    } else {
                        keys.remove(at: index)
                        values.remove(at: index)
                    }
                } else if let newValue {
                    keys.append(key)
                    values.append(newValue)
                }
            }
        }
    }

    package func position(_ node: YAMLNode) -> SourcePosition? { YAMLDocument.position(of: node, offset: lineOffset) }

    /// Reads a mapping, reporting unknown keys (with the closest allowed one) and missing required keys.
    package mutating func fields(_ node: YAMLNode, name: String, allowed: [String], required: [String],
                         parentPosition: SourcePosition? = nil) -> Fields? {
        guard let mapping = node.mapping else {
            sink.error(.wrongType, at: position(node) ?? parentPosition,
                       name.isEmpty ? "Phần khai báo phải là danh sách các dòng “tên trường: giá trị”."
                                    : "Trường “\(name)” phải gồm các dòng con “tên: giá trị”.")
            return nil
        }
        var fields = Fields(name: name, position: position(node) ?? parentPosition)
        fields.values.reserveCapacity(mapping.count)
        fields.keyPositions.reserveCapacity(mapping.count)
        assert(allowed.count <= 64, "allow-lists are short; `present` has one bit per key")
        var present: UInt64 = 0
        // Reported once the missing keys are known: a typo of a missing required key is one mistake.
        var unknown: [(key: String, guess: String?, position: SourcePosition?)] = []
        for (keyNode, value) in mapping {
            guard let text = keyNode.string else {
                sink.error(.wrongType, at: position(keyNode), "Tên trường phải là chữ.")
                continue
            }
            guard let index = Self.index(of: text, in: allowed) else {
                unknown.append((text, Suggestion.closest(to: text, among: allowed), position(keyNode)))
                continue
            }
            // Stored under the allow-list's own spelling, which later lookups use.
            let key = allowed[index]
            fields.values[key] = value
            fields.keyPositions[key] = position(keyNode)
            present |= 1 << index
        }
        let missing = allowed.enumerated().filter { present & (1 << $0.offset) == 0 && required.contains($0.element) }.map(\.element)
        for key in unknown {
            var message = "Trường “\(fields.path(key.key))” không có trong mẫu."
            if let guess = key.guess {
                message = "Trường “\(fields.path(key.key))” không có trong mẫu — có phải là “\(fields.path(guess))”\(FieldLabels.hint(for: fields.path(guess)))?"
                if missing.contains(guess) { message += " Trường bắt buộc này đang thiếu, nên hãy sửa tên trường ở dòng này." }
            }
            sink.error(.unknownKey, at: key.position, message)
        }
        for key in missing where !unknown.contains(where: { $0.guess == key }) {
            sink.error(.missingField, at: fields.position, "Thiếu trường bắt buộc “\(fields.path(key))”\(FieldLabels.hint(for: fields.path(key))).")
        }
        return fields
    }

    /// Where `key` is in `allowed` (String equality). Field names are ASCII, and an ASCII key
    /// equals one only when their bytes are the same, so byte lengths are compared first.
    private static func index(of key: String, in allowed: [String]) -> Int? {
        if key.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 < 0x80 } }) ?? false {
            let length = key.utf8.count
            return allowed.firstIndex { $0.utf8.count == length && $0 == key }
        }
        return allowed.firstIndex(of: key)
    }

    static func isNull(_ node: YAMLNode) -> Bool {
        guard case .scalar(let text, let style) = node.content, style == .plain || style == .any else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// A non-empty text value, NFC-normalised and trimmed.
    package mutating func string(_ fields: Fields, _ key: String) -> String? {
        guard let node = fields.values[key] else { return nil }
        return string(node, path: fields.path(key), fallback: fields.keyPositions[key])
    }

    /// - Parameter path: the field's name in messages, built only when there is one to write.
    package mutating func string(_ node: YAMLNode, path: @autoclosure () -> String, fallback: SourcePosition? = nil) -> String? {
        if Self.isNull(node) {
            sink.error(.emptyValue, at: position(node) ?? fallback, "Trường “\(path())” đang để trống.")
            return nil
        }
        guard let text = node.string else {
            sink.error(.wrongType, at: position(node) ?? fallback, "Trường “\(path())” phải là một dòng chữ, không phải danh sách.")
            return nil
        }
        var value = Self.cleaned(text)
        if let quoted = ValueSuggestion.unwrappedTypographicQuotes(value) {
            sink.warning(.typographicQuotes, at: position(node) ?? fallback,
                         "Giá trị của “\(path())” nằm trong dấu ngoặc cong \(quoted.open)…\(quoted.close) (thường do dán từ Word); chương trình đọc nó không có dấu ngoặc: “\(quoted.inner)”. Hãy xóa hai dấu ngoặc đó.")
            value = quoted.inner
        }
        guard !value.isEmpty else {
            sink.error(.emptyValue, at: position(node) ?? fallback, "Trường “\(path())” đang để trống.")
            return nil
        }
        return value
    }

    /// A text value as it is stored: control characters dropped, NFC, trimmed.
    package static func cleaned(_ text: String) -> String {
        // YAML escapes ("\a", "\x07") can smuggle control characters past the file check; they have
        // no place in a page, a feed or JSON, so they are dropped here.
        let visible = containsControlCharacter(text) ? String(String.UnicodeScalarView(text.unicodeScalars.filter {
            !($0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t")
        })) : text
        return visible.nfc.trimmingWhitespace(includingNewlines: true)
    }

    /// Whether the text holds a C0 or C1 control character other than LF and tab, found in its
    /// UTF-8 bytes (C1 controls are U+0080–U+009F: 0xC2 followed by 0x80–0x9F).
    private static func containsControlCharacter(_ text: String) -> Bool {
        func scan<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
            var previous: UInt8 = 0
            for byte in bytes {
                if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F || (previous == 0xC2 && byte < 0xA0) {
                    return true
                }
                previous = byte
            }
            return false
        }
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? scan(text.utf8)
    }

    /// A whole number written plainly (`6500000`, not `6.500.000` or `"3"`).
    package mutating func integer(_ fields: Fields, _ key: String) -> Int? {
        guard let node = fields.values[key] else { return nil }
        func path() -> String { fields.path(key) }
        guard let raw = node.string, !Self.isNull(node) else {
            sink.error(.wrongType, at: position(node) ?? fields.keyPositions[key], "Trường “\(path())” phải là một số nguyên.")
            return nil
        }
        let text = raw.trimmingWhitespace(includingNewlines: false)
        // Every byte an ASCII digit means every character is one (and as many characters as bytes).
        let digits = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        guard node.scalarStyle == .plain, !digits.isEmpty, digits.count <= 15,
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let value = Int(text) else {
            sink.error(.invalidNumber, at: position(node), "“\(path())” phải là số nguyên viết liền, không dấu chấm, dấu phẩy hay chữ (ví dụ 6500000); đang là “\(text)”.")
            return nil
        }
        return value
    }

    package mutating func date(_ fields: Fields, _ key: String) -> LocalDate? {
        guard let text = string(fields, key) else { return nil }
        guard let date = LocalDate(iso: text) else {
            if let iso = ValueSuggestion.isoDate(for: text) {
                sink.error(.invalidDate, at: position(fields.values[key]!),
                           "Ngày “\(text)” ở trường “\(fields.path(key))” phải viết theo dạng NĂM-THÁNG-NGÀY: hãy viết “\(key): \(iso)”.")
            } else {
                sink.error(.invalidDate, at: position(fields.values[key]!),
                           "Ngày “\(text)” ở trường “\(fields.path(key))” không hợp lệ. Viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-11-22, và ngày phải có thật.")
            }
            return nil
        }
        return date
    }

    /// One of a fixed set of words; the message lists them, and names the one a Vietnamese word
    /// stands for (`ValueSuggestion`).
    package mutating func choice<T>(_ fields: Fields, _ key: String, _ choices: KeyValuePairs<String, T>) -> T? {
        guard let text = string(fields, key) else { return nil }
        if let match = choices.first(where: { $0.key == text }) { return match.value }
        let words = choices.map(\.key)
        let allowed = words.map(ValueSuggestion.described).joined(separator: ", ")
        var message: String
        if let meant = ValueSuggestion.value(forLabel: text, among: words) {
            message = "Giá trị “\(text)” của trường “\(fields.path(key))” phải viết bằng từ trong mẫu: hãy viết “\(key): \(meant)”. Chỉ được dùng: \(allowed)."
        } else {
            message = "Giá trị “\(text)” của trường “\(fields.path(key))” không hợp lệ; chỉ được dùng: \(allowed)."
            if let guess = Suggestion.closest(to: text, among: words) { message += " Có phải là “\(guess)”?" }
        }
        sink.error(.invalidChoice, at: position(fields.values[key]!), message)
        return nil
    }

    /// A list of non-empty strings (absent → empty list).
    mutating func stringList(_ fields: Fields, _ key: String) -> [String] {
        guard let node = fields.values[key], !Self.isNull(node) else { return [] }
        guard let sequence = node.sequence else {
            if let text = node.string, let first = text.first, YAMLSyntaxMessage.bullets.contains(first) {
                sink.error(.wrongType, at: position(node) ?? fields.keyPositions[key],
                           "Danh sách “\(fields.path(key))” đang dùng dấu đầu dòng “\(first)” của Word. Hãy viết \(YAMLSyntaxMessage.listForm(for: text.dropFirst().prefix { !YAMLSyntaxMessage.bullets.contains($0) })).")
            } else {
                sink.error(.wrongType, at: position(node) ?? fields.keyPositions[key],
                           "Trường “\(fields.path(key))” phải là danh sách, mỗi mục một dòng bắt đầu bằng “- ”.")
            }
            return []
        }
        return sequence.compactMap { string($0, path: fields.path(key)) }
    }

    /// A nested mapping field.
    package mutating func nested(_ fields: Fields, _ key: String, allowed: [String], required: [String]) -> Fields? {
        guard let node = fields.values[key] else { return nil }
        return self.fields(node, name: fields.path(key), allowed: allowed, required: required,
                           parentPosition: fields.keyPositions[key])
    }
}
