import PhienchoCore

/// What an event is (`kind` of an event file).
package enum EventKind: String, Sendable, CaseIterable {
    case jobFair = "ngay_hoi_viec_lam", counselling = "tu_van", other = "khac"

    /// How pages name the kind.
    package var label: String {
        switch self {
        case .jobFair: "Ngày hội việc làm"
        case .counselling: "Tư vấn"
        case .other: "Sự kiện"
        }
    }
}
