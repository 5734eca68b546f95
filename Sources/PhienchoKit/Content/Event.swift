import PhienchoCore
import PhienchoModel

/// A job-fair day, a counselling session or another event (`content/events/*.md`), as staff wrote it.
/// What reaches pages, feeds, the calendar file and the search index is its projection `PublicEvent`.
struct Event: Sendable {
    typealias Kind = EventKind
    typealias Moment = EventMoment

    var id: String
    var title: String
    var kind: Kind
    var status: Vacancy.Status
    var start: Moment
    var end: Moment?
    var place: String
    var commune: Term?
    var organiser: String?
    var contactPhone: String?
    var descriptionHTML: String
    var descriptionText: String
    var sourcePath: String
    var idPosition: SourcePosition?

    /// The last day it takes place on: after it, the event is past.
    var lastDay: LocalDate { end?.date ?? start.date }
    /// URL segment: `su-kien/<slug>/`.
    var slug: String { id.lowercased() }
}
