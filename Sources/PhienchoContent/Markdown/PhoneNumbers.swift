/// Vietnamese phone numbers written in running text ("Gọi 0912 345 678", "ĐT: 0229.3871.234",
/// "(0229) 3871 234", "+84 912 345 678", "1900 1234"), which Markdown turns into `tel:` links: people
/// here call rather than write. A number starts with 0, +84, 1800 or 1900; its digits come in
/// groups separated by one space, dot or hyphen; it holds 10 or 11 digits (8 to 10 for 1800/1900
/// lines) and touches no other digit or letter. Dates ("05/01/2027"), amounts ("6.500.000"), ids
/// ("NB-2026-001") and years are not numbers a phone dials, and are left as text. Read as UTF-8
/// bytes: every character of a number is ASCII, and any other byte next to one is a letter's unless
/// its character says otherwise.
package enum PhoneNumbers {
    /// The numbers in `text`, in order.
    package static func ranges(in text: String) -> [Range<String.Index>] {
        var bytes = text
        let found = bytes.withUTF8 { offsets(in: $0) }
        let utf8 = text.utf8
        return found.map { utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound) }
    }

    /// The numbers as UTF-8 offsets.
    static func offsets(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "+") || isDigit(byte) else { index += 1; continue }
            let bracketed = index > 0 && bytes[index - 1] == UInt8(ascii: "(")
            guard index == 0 || !touches(bytes, before: index), let (end, closed) = number(in: bytes, from: index, bracketed: bracketed) else {
                // Skip the rest of this run of digits: a number never starts inside one.
                index += 1
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
                continue
            }
            found.append((closed ? index - 1 : index)..<end)
            index = end
        }
        return found
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Whether the character before `index` is a letter, a digit or a "+".
    private static func touches(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
        let byte = bytes[index - 1]
        if byte < 0x80 { return isDigit(byte) || byte == UInt8(ascii: "+") || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return isLetter(bytes, from: start, to: index)
    }

    /// Whether the character after a number, at `index`, is a letter.
    private static func letter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        if byte < 0x80 { return byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return isLetter(bytes, from: index, to: end)
    }

    private static func isLetter(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).unicodeScalars.first?.properties.isAlphabetic ?? false
    }

    /// The end of a number starting at `start`, and whether a bracket before it closed after its
    /// area code; nil when no number starts there.
    private static func number(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, bracketed: Bool) -> (end: Int, closedBracket: Bool)? {
        var digits: [UInt8] = []
        var bracketOpen = bracketed
        var index = start
        var end = start
        if bytes[index] == UInt8(ascii: "+") { index += 1 }
        func digitAt(_ position: Int) -> Bool { position < bytes.count && isDigit(bytes[position]) }
        while index < bytes.count, digits.count <= 12 {
            let byte = bytes[index]
            if isDigit(byte) {
                digits.append(byte)
                index += 1
                end = index
            } else if byte == UInt8(ascii: ")"), bracketOpen, !digits.isEmpty, index + 1 < bytes.count,
                      bytes[index + 1] == UInt8(ascii: " "), digitAt(index + 2) {
                // ") " closes the area code; the number goes on after the space.
                bracketOpen = false
                index += 2
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-"), !digits.isEmpty, digitAt(index + 1) {
                index += 1
            } else {
                break
            }
        }
        if digitAt(end) || letter(bytes, at: end) { return nil }
        let text = String(decoding: digits, as: UTF8.self)
        if bytes[start] == UInt8(ascii: "+") {
            guard text.hasPrefix("84"), (11...12).contains(digits.count) else { return nil }
        } else if text.hasPrefix("1800") || text.hasPrefix("1900") {
            guard (8...10).contains(digits.count) else { return nil }
        } else {
            guard text.hasPrefix("0"), (10...11).contains(digits.count) else { return nil }
        }
        return (end, bracketed && !bracketOpen)
    }
}
