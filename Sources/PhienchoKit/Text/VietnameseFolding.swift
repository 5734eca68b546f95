import Foundation

/// Vietnamese text folding, the one rule shared by slugs, commune/sector matching, the search index
/// and the leak audit: NFC → lower-case → strip every combining mark → đ→d.
/// The browser search script implements the same rule; `Tests/…/Fixtures/folding-cases.json` pins both.
public enum VietnameseFolding {
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
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
}

extension String {
    /// This text in Unicode Normalization Form C, as everything phiencho stores and publishes.
    var nfc: String { precomposedStringWithCanonicalMapping }
}
