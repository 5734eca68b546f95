import PhienchoCore
import PhienchoModel

/// A content file with an id, a status and a page of its own: vacancies, events, courses. Their ids
/// must be unique within their kind, compared as the URL segment they become.
package protocol IdentifiedContent {
    var id: String { get }
    var slug: String { get }
    var status: Vacancy.Status { get }
    var sourcePath: String { get }
    var idPosition: SourcePosition? { get }
    /// The folder their pages are under, for messages ("viec-lam").
    static var folder: String { get }
    /// What staff call one ("tin").
    static var unit: String { get }
}

extension Vacancy: IdentifiedContent {
    package static var folder: String { String(Routes.vacancies.dropLast()) }
    package static var unit: String { "tin" }
}

extension Event: IdentifiedContent {
    package static var folder: String { String(Routes.events.dropLast()) }
    package static var unit: String { "sự kiện" }
}

extension Training: IdentifiedContent {
    package static var folder: String { String(Routes.trainings.dropLast()) }
    package static var unit: String { "khóa học" }
}
