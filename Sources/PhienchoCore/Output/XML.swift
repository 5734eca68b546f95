/// Escaping for XML text and attribute values (feeds, sitemap). Characters XML 1.0 forbids are dropped.
package enum XML {
    package static func escape(_ text: String) -> String {
        // Most texts need nothing done; 0xEF leads U+FFFE and U+FFFF (and other characters).
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x9 && $0 != 0xA && $0 != 0xD) || $0 == 0x26 || $0 == 0x3C
                                          || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let value = scalar.value
                let allowed = value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                    || (0xE000...0xFFFD).contains(value) || value >= 0x10000
                if allowed { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

