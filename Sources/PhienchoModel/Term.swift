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

    /// How names are matched: ignoring case and Unicode form, but not diacritics
    /// ("Gia Tran" is not "Gia Trấn"; it gets a suggestion instead).
    package static func matchKey(_ name: String) -> String { name.nfc.lowercased() }
}
