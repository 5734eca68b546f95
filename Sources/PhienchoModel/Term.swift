import PhienchoCore

/// A name from one of the controlled lists: a commune (xã/phường/đặc khu) or a sector (ngành nghề).
package struct Term: Sendable, Hashable {
    package enum Kind: String, Sendable, CaseIterable {
        case xa = "xã", phuong = "phường", dacKhu = "đặc khu", sector = "ngành"
    }

    package let name: String
    package let kind: Kind
    /// Official administrative code, communes only.
    package let code: String?
    package let slug: String

    package init(name: String, kind: Kind, code: String? = nil) {
        self.name = name
        self.kind = kind
        self.code = code
        slug = Slug.make(name)
    }

    /// The name with its kind, as every page, feed and search card writes it: "xã Gia Trấn",
    /// "phường Hoa Lư", "ngành Xây dựng".
    package var kindAndName: String { "\(kind.rawValue) \(name)" }

    /// Whether `place` already names this commune: a part of it (between commas) ends with the name,
    /// after its kind or alone ("Trung tâm GDNN, xã Kim Sơn", "Hội trường UBND xã Kim Sơn", "Kim
    /// Sơn"). Case and Unicode form are ignored, marks are not; "xã Anh Sơn Đông" does not name Anh
    /// Sơn. A place that names its commune is shown without the commune added again.
    package func isNamed(in place: String) -> Bool {
        let name = Self.syllables(self.name)
        guard !name.isEmpty else { return false }
        return place.split(whereSeparator: { ",;()".contains($0) }).contains { part in
            let words = Self.syllables(String(part))
            guard words.count >= name.count, words.suffix(name.count).elementsEqual(name) else { return false }
            let before = words.dropLast(name.count)
            return before.isEmpty || ["xã", "phường", "khu", "trấn"].contains(before.last!)
        }
    }

    /// The place with this commune after it, unless it names it already: "Nhà văn hóa thôn 3, xã Kim Sơn".
    package func appended(to place: String) -> String {
        added(to: place).map { "\(place), \($0)" } ?? place
    }

    /// What `appended(to:)` puts after the place ("xã Kim Sơn"), or nil when the place names it.
    package func added(to place: String) -> String? {
        isNamed(in: place) ? nil : kindAndName
    }

    private static func syllables(_ text: String) -> [Substring] {
        Substring(matchKey(text)).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }

    /// How names are matched: ignoring case and Unicode form, but not diacritics
    /// ("Gia Tran" is not "Gia Trấn"; it gets a suggestion instead).
    package static func matchKey(_ name: String) -> String { name.nfc.lowercased() }
}
