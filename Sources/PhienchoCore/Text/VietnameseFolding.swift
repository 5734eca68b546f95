import Foundation

/// Vietnamese text folding, the one rule shared by slugs, commune/sector matching, the search index
/// and the leak audit: NFC → lower-case → strip every combining mark → đ→d.
/// The browser search script implements the same rule; `Tests/…/Fixtures/folding-cases.json` pins both.
package enum VietnameseFolding {
    package static func fold(_ text: String) -> String {
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
    /// computed once with `foldByNormalising`, as UTF-8: scalar `i` of the table (U+1E00 is entry
    /// 0x250) folds to `bytes[starts[i]..<starts[i + 1]]`.
    private static let latinTable: (bytes: [UInt8], starts: [Int32]) = {
        var bytes: [UInt8] = []
        var starts: [Int32] = []
        for value in Array(0..<0x250) + Array(0x1E00..<0x1F00) {
            starts.append(Int32(bytes.count))
            bytes += foldOne(value).utf8
        }
        starts.append(Int32(bytes.count))
        return (bytes, starts)
    }()

    private static func foldOne(_ value: Int) -> String {
        guard let scalar = Unicode.Scalar(value) else { return "" }
        return foldByNormalising(String(Character(scalar)))
    }

    /// Table-driven folding when every scalar is Latin (combining marks U+0300–U+036F dropped) or
    /// common punctuation that folding leaves alone; nil otherwise. Works on the UTF-8 bytes.
    private static func foldLatin(_ text: String) -> String? {
        var text = text
        let table = latinTable
        return text.withUTF8 { bytes in
            table.bytes.withUnsafeBufferPointer { folded in
                table.starts.withUnsafeBufferPointer { starts in
                    var out: [UInt8] = []
                    out.reserveCapacity(bytes.count)
                    var index = 0
                    while index < bytes.count {
                        let lead = bytes[index]
                        if lead < 0x80 {
                            out.append(lead &- UInt8(ascii: "A") < 26 ? lead + 32 : lead)
                            index += 1
                            continue
                        }
                        let (scalar, length) = bytes.utf8Scalar(at: index)
                        let value = Int(scalar)
                        let entry: Int
                        if value < 0x250 {
                            entry = value
                        } else if (0x300..<0x370).contains(value) {
                            index += length
                            continue
                        } else if (0x1E00..<0x1F00).contains(value) {
                            entry = value - 0x1E00 + 0x250
                        } else if (0x2010..<0x2070).contains(value) {
                            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
                            index += length
                            continue
                        } else {
                            return nil
                        }
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: folded[Int(starts[entry])..<Int(starts[entry + 1])]))
                        index += length
                    }
                    return String(decoding: out, as: UTF8.self)
                }
            }
        }
    }
}

extension String {
    /// This text in Unicode Normalization Form C, as everything phiencho stores and publishes.
    /// Text made only of precomposed Latin letters and common punctuation is already NFC and is
    /// returned as it is; anything else goes through Foundation.
    package var nfc: String {
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
