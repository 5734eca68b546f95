import Foundation

/// Vietnamese text folding, the one rule shared by slugs, commune/sector matching, the search index
/// and the leak audit: NFC → lower-case → strip every combining mark → đ→d.
/// The browser search script implements the same rule; `Tests/…/Fixtures/folding-cases.json` pins both.
public enum VietnameseFolding {
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        if let fast = foldLatin(text) { return fast }
        return foldByNormalising(text)
    }

    /// The definition: Foundation's normalisation, scalar by scalar. Slow on Linux, so `fold` uses
    /// it only for text outside the Latin ranges the table covers.
    static func foldByNormalising(_ text: String) -> String {
        let decomposed = text.precomposedStringWithCanonicalMapping.lowercased().decomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(decomposed.unicodeScalars.count)
        for scalar in decomposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                scalars.append(scalar == "đ" ? "d" : scalar)
            }
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    /// Folded forms of the scalars U+0000–U+024F and U+1E00–U+1EFF (every Vietnamese letter),
    /// computed once with `foldByNormalising`.
    private static let latinTable: [String] = (0..<0x250).map { foldOne($0) }
    private static let extendedTable: [String] = (0x1E00..<0x1F00).map { foldOne($0) }

    private static func foldOne(_ value: Int) -> String {
        guard let scalar = Unicode.Scalar(value) else { return "" }
        return foldByNormalising(String(Character(scalar)))
    }

    /// Table-driven folding when every scalar is Latin (combining marks U+0300–U+036F dropped) or
    /// common punctuation that folding leaves alone; nil otherwise.
    private static func foldLatin(_ text: String) -> String? {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            if value < 0x250 {
                out += latinTable[value]
            } else if (0x300..<0x370).contains(value) {
                continue
            } else if (0x1E00..<0x1F00).contains(value) {
                out += extendedTable[value - 0x1E00]
            } else if (0x2010..<0x2070).contains(value) {
                out.unicodeScalars.append(scalar)
            } else {
                return nil
            }
        }
        return out
    }
}

extension String {
    /// This text in Unicode Normalization Form C, as everything phiencho stores and publishes.
    /// Text made only of precomposed Latin letters and common punctuation is already NFC and is
    /// returned as it is; anything else goes through Foundation.
    var nfc: String {
        let isStable = utf8.withContiguousStorageIfAvailable(Self.isStableNFC) ?? unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return value < 0x300 || (0x1E00..<0x1F00).contains(value) || (0x2010..<0x2070).contains(value)
        }
        return isStable ? self : precomposedStringWithCanonicalMapping
    }

    /// Whether every scalar of valid UTF-8 is below U+0300, in U+1E00–U+1EFF (Vietnamese precomposed
    /// letters) or in U+2010–U+206F (punctuation), read from the bytes: such text is already NFC.
    private static func isStableNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            switch lead {
            case 0x00..<0x80:
                index += 1
            case 0xC2...0xCB:   // U+0080–U+02FF
                index += 2
            case 0xE1 where index + 1 < count && (0xB8...0xBB).contains(bytes[index + 1]):   // U+1E00–U+1EFF
                index += 3
            case 0xE2 where index + 2 < count
                && ((bytes[index + 1] == 0x80 && bytes[index + 2] >= 0x90) || (bytes[index + 1] == 0x81 && bytes[index + 2] < 0xB0)):
                index += 3      // U+2010–U+206F
            default:
                return false
            }
        }
        return true
    }
}
