/// Vietnamese phone numbers written in running text ("Gọi 0912 345 678", "ĐT: 0229.3871.234",
/// "(0229) 3871 234", "+84 912 345 678", "1900 1234"), which Markdown turns into `tel:` links: people here call rather
/// than write. A number starts with 0, +84, 1800 or 1900; its digits come in groups separated by
/// one space, dot or hyphen; it holds 10 or 11 digits (8 to 10 for 1800/1900 lines) and touches no
/// other digit or letter. Dates ("05/01/2027"), amounts ("6.500.000"), ids ("NB-2026-001") and
/// years are not numbers a phone dials, and are left as text.
package enum PhoneNumbers {
    /// The numbers in `text`, as ranges of its unicode scalars, in order.
    package static func ranges(in text: String) -> [Range<String.Index>] {
        let scalars = text.unicodeScalars
        var found: [Range<String.Index>] = []
        var index = scalars.startIndex
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }
        func isWordish(_ scalar: Unicode.Scalar) -> Bool { isDigit(scalar) || scalar.properties.isAlphabetic }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let startsHere = scalar == "+" || isDigit(scalar)
            let before = index == scalars.startIndex ? nil : scalars[scalars.index(before: index)]
            let boundaryBefore = before.map { !isWordish($0) && $0 != "+" } ?? true
            // "(0229) 3871 234": the area code in brackets belongs to the number.
            let bracketed = before == "("
            guard startsHere, boundaryBefore, let (end, closedBracket) = number(in: scalars, from: index, bracketed: bracketed) else {
                index = scalars.index(after: index)
                continue
            }
            found.append((closedBracket ? scalars.index(before: index) : index)..<end)
            index = end
        }
        return found
    }

    /// The end of a number starting at `start`, and whether a bracket before it closed after its
    /// area code; nil when no number starts there.
    private static func number(in scalars: String.UnicodeScalarView, from start: String.Index,
                               bracketed: Bool) -> (end: String.Index, closedBracket: Bool)? {
        var digits = ""
        var bracketOpen = bracketed
        var index = start
        var end = start
        if scalars[index] == "+" { index = scalars.index(after: index) }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar.value >= 48 && scalar.value <= 57 {
                digits.unicodeScalars.append(scalar)
                index = scalars.index(after: index)
                end = index
            } else if scalar == ")", bracketOpen, !digits.isEmpty {
                // ") " closes the area code; the number goes on after the space.
                let space = scalars.index(after: index)
                guard space < scalars.endIndex, scalars[space] == " " else { break }
                let next = scalars.index(after: space)
                guard next < scalars.endIndex, scalars[next].value >= 48 && scalars[next].value <= 57 else { break }
                bracketOpen = false
                index = next
            } else if [" ", ".", "-"].contains(scalar), !digits.isEmpty {
                // One separator, then a digit: the number goes on.
                let next = scalars.index(after: index)
                guard next < scalars.endIndex, scalars[next].value >= 48 && scalars[next].value <= 57 else { break }
                index = next
            } else {
                break
            }
        }
        // The number touches no letter or further digit.
        if end < scalars.endIndex, scalars[end].properties.isAlphabetic { return nil }
        let international = scalars[start] == "+"
        if international {
            guard digits.hasPrefix("84"), (11...12).contains(digits.count) else { return nil }
        } else if digits.hasPrefix("1800") || digits.hasPrefix("1900") {
            guard (8...10).contains(digits.count) else { return nil }
        } else {
            guard digits.hasPrefix("0"), (10...11).contains(digits.count) else { return nil }
        }
        return (end, bracketed && !bracketOpen)
    }
}
