extension String {
    /// The text without leading and trailing white space, exactly as Foundation's
    /// `trimmingCharacters(in: .whitespaces)` (or `.whitespacesAndNewlines` when `includingNewlines`)
    /// trims it, without bridging to NSString: text that starts and ends with anything else comes
    /// back as it is.
    package func trimmingWhitespace(includingNewlines: Bool) -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !Substring.isTrimmed(first, includingNewlines) && !Substring.isTrimmed(last, includingNewlines) { return self }
        return self[...].trimmingWhitespace(includingNewlines: includingNewlines)
    }
}

extension Substring {
    /// See `String.trimmingWhitespace(includingNewlines:)`.
    package func trimmingWhitespace(includingNewlines: Bool) -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !Self.isTrimmed($0, includingNewlines) }) else { return "" }
        let end = scalars.lastIndex(where: { !Self.isTrimmed($0, includingNewlines) })!
        if start == scalars.startIndex && scalars.index(after: end) == scalars.endIndex { return String(self) }
        return String(scalars[start...end])
    }

    /// Foundation's `CharacterSet.whitespaces` on Linux: tab, space, the Zs spaces and U+200B;
    /// `.whitespacesAndNewlines` adds U+000A–U+000D, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR.
    /// All are single UTF-16 units, so trimming scalars trims what NSString trims.
    package static func isTrimmed(_ scalar: Unicode.Scalar, _ includingNewlines: Bool) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return includingNewlines
        default: return false
        }
    }
}

extension String {
    /// The text, or nil when it is empty.
    package var nonEmpty: String? { isEmpty ? nil : self }
}
