/// ASCII URL segments: folded text (see `VietnameseFolding`) with every run of characters other
/// than a–z and 0–9 turned into one hyphen ("Gia Trấn" → `gia-tran`, "Dệt may – Da giày" → `det-may-da-giay`).
package enum Slug {
    package static func make(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in VietnameseFolding.fold(text).unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }

    /// A path segment for a name in any script: its slug, or, when nothing of it folds to an ASCII
    /// letter or digit ("大華", "Đ…" aside), "x-" and a stable hash of its NFC form (FNV-1a,
    /// 8 hexadecimal digits), so every such name still gets a page. Empty for a name with no
    /// letter or digit at all.
    package static func path(_ text: String) -> String {
        let slug = make(text)
        guard slug.isEmpty, text.contains(where: { $0.isLetter || $0.isNumber }) else { return slug }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.precomposedStringWithCanonicalMapping.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let hex = String(hash & 0xffff_ffff, radix: 16)
        return "x-" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
