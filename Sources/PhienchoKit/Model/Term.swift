/// A name from one of the controlled lists: a commune (xã/phường/đặc khu) or a sector (ngành nghề).
struct Term: Sendable, Hashable {
    enum Kind: String, Sendable, CaseIterable {
        case xa = "xã", phuong = "phường", dacKhu = "đặc khu", sector = "ngành"
    }

    let name: String
    let kind: Kind
    /// Official administrative code, communes only.
    let code: String?
    let slug: String

    init(name: String, kind: Kind, code: String? = nil) {
        self.name = name
        self.kind = kind
        self.code = code
        slug = Slug.make(name)
    }

    /// The name with its kind, as every page, feed and search card writes it: "xã Gia Trấn",
    /// "phường Hoa Lư", "ngành Xây dựng".
    var kindAndName: String { "\(kind.rawValue) \(name)" }

    /// How names are matched: ignoring case and Unicode form, but not diacritics
    /// ("Gia Tran" is not "Gia Trấn"; it gets a suggestion instead).
    static func matchKey(_ name: String) -> String { name.nfc.lowercased() }
}
