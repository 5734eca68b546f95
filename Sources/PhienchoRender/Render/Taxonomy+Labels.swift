import PhienchoModel

/// How pages, feeds and the navigation name a grouping: titles and `page.kind`s are presentation,
/// so they live with rendering; the paths stay in the model (`Taxonomy`, `Routes`).
extension Taxonomy {
    /// Its entry in the site navigation.
    var navigationLabel: String {
        switch self {
        case .communes: "Xã/phường"
        case .sectors: "Ngành nghề"
        }
    }

    /// `page.kind` of the index page and of a term page (docs/theme.md).
    var indexKind: String { self == .communes ? "communes" : "sectors" }
    var termKind: String { self == .communes ? "commune" : "sector" }

    var indexTitle: String {
        self == .communes ? "Việc làm theo xã/phường" : "Việc làm theo ngành nghề"
    }

    var indexDescription: String {
        self == .communes ? "Danh sách xã, phường và số việc làm đang tuyển ở mỗi nơi."
                          : "Danh sách ngành nghề và số việc làm đang tuyển của mỗi ngành."
    }

    /// The heading of a term's page.
    func heading(_ term: Term) -> String {
        self == .communes ? "Việc làm tại \(term.kindAndName)" : "Việc làm \(term.kindAndName)"
    }

    /// The description of a term's feed.
    func feedDescription(_ term: Term) -> String {
        self == .communes ? "Việc làm đang tuyển tại \(term.kindAndName)." : "Việc làm đang tuyển \(term.kindAndName)."
    }
}
