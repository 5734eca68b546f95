import PhienchoCore
import PhienchoModel

/// A vocational training course (`content/trainings/*.md`), as staff wrote it: open for
/// registration through `registrationDeadline`, then it expires as a vacancy does. What reaches
/// pages, feeds and the search index is its projection `PublicTraining`.
package struct Training: Sendable {
    package var id: String
    package var title: String
    package var status: Vacancy.Status
    /// The school or centre that teaches it.
    package var provider: String
    package var place: String
    package var commune: Term?
    package var start: LocalDate?
    package var registrationDeadline: LocalDate
    /// As staff wrote it: "3 tháng", "120 giờ".
    package var duration: String?
    /// Đồng; 0 is free (miễn phí); nil when the file does not say.
    package var cost: Int?
    /// "hỗ trợ tiền ăn", "miễn học phí" …
    package var support: [String]
    package var contactPhone: String?
    package var descriptionHTML: String
    package var descriptionText: String
    package var sourcePath: String
    package var idPosition: SourcePosition?

    /// URL segment: `hoc-nghe/<slug>/`.
    package var slug: String { id.lowercased() }
}
