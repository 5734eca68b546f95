/// Splits text into search terms: fold (see `VietnameseFolding`), then maximal runs of letters and
/// digits. The browser script (`themes/default/assets/search.js`) tokenises the same way.
public enum SearchTokenizer {
    public static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var current = ""
        for character in VietnameseFolding.fold(text) {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                terms.append(current)
                current = ""
            }
        }
        if !current.isEmpty { terms.append(current) }
        return terms
    }

    /// Term order shared with the script: UTF-16 code units, as JavaScript compares strings.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }
}
