import PhienchoCore
import PhienchoModel

/// A vocational training course (`content/trainings/*.md`), as staff wrote it: open for
/// registration through `registrationDeadline`, then it expires as a vacancy does. What reaches
/// pages, feeds and the search index is its projection `PublicTraining`.
struct Training: Sendable {
    var id: String
    var title: String
    var status: Vacancy.Status
    /// The school or centre that teaches it.
    var provider: String
    var place: String
    var commune: Term?
    var start: LocalDate?
    var registrationDeadline: LocalDate
    /// As staff wrote it: "3 tháng", "120 giờ".
    var duration: String?
    /// Đồng; 0 is free (miễn phí); nil when the file does not say.
    var cost: Int?
    /// "hỗ trợ tiền ăn", "miễn học phí" …
    var support: [String]
    var contactPhone: String?
    var descriptionHTML: String
    var descriptionText: String
    var sourcePath: String
    var idPosition: SourcePosition?

    /// URL segment: `hoc-nghe/<slug>/`.
    var slug: String { id.lowercased() }
}
