import PhienchoCore
import PhienchoModel

/// A job-fair day, a counselling session or another event (`content/events/*.md`), as staff wrote it.
/// What reaches pages, feeds, the calendar file and the search index is its projection `PublicEvent`.
package struct Event: Sendable {
    package typealias Kind = EventKind
    package typealias Moment = EventMoment

    package var id: String
    package var title: String
    package var kind: Kind
    package var status: Vacancy.Status
    package var start: Moment
    package var end: Moment?
    package var place: String
    package var commune: Term?
    package var organiser: String?
    package var contactPhone: String?
    package var descriptionHTML: String
    package var descriptionText: String
    package var sourcePath: String
    package var idPosition: SourcePosition?

    /// The last day it takes place on: after it, the event is past.
    package var lastDay: LocalDate { end?.date ?? start.date }
    /// URL segment: `su-kien/<slug>/`.
    package var slug: String { id.lowercased() }
}
