/// ASCII URL segments: folded text (see `VietnameseFolding`) with every run of characters other
/// than a–z and 0–9 turned into one hyphen ("Gia Trấn" → `gia-tran`, "Dệt may – Da giày" → `det-may-da-giay`).
enum Slug {
    static func make(_ text: String) -> String {
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
}
