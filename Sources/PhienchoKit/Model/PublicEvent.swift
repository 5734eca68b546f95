/// The public projection of an event: what pages, the calendar file, feeds and the search index
/// may show. An event file has no private field today; this type keeps it that way for anything
/// added later.
final class PublicEvent: Sendable {
    let id: String
    let slug: String
    let title: String
    let kind: EventKind
    let start: EventMoment
    let end: EventMoment?
    let place: String
    let commune: Term?
    let organiser: String?
    let contactPhone: String?
    let descriptionHTML: String
    let descriptionText: String
    /// Its last day has gone: the page says so and is not indexed.
    let isPast: Bool

    init(id: String, slug: String, title: String, kind: EventKind, start: EventMoment, end: EventMoment?, place: String, commune: Term?, organiser: String?, contactPhone: String?, descriptionHTML: String, descriptionText: String, isPast: Bool) {
        self.id = id
        self.slug = slug
        self.title = title
        self.kind = kind
        self.start = start
        self.end = end
        self.place = place
        self.commune = commune
        self.organiser = organiser
        self.contactPhone = contactPhone
        self.descriptionHTML = descriptionHTML
        self.descriptionText = descriptionText
        self.isPast = isPast
    }

    var path: String { Routes.event(slug: slug) }
    var lastDay: LocalDate { end?.date ?? start.date }
    var calendarPath: String { Routes.eventCalendar(slug: slug) }

    /// Whether it ends on the day it starts (or has no end).
    var isOneDay: Bool { end == nil || end?.date == start.date }

    /// "07:30 – 11:30" on one day, else the starting time; nil without a time.
    var hours: String? {
        let clocks = isOneDay ? [start.clock, end?.clock].compactMap { $0 } : [start.clock].compactMap { $0 }
        return clocks.isEmpty ? nil : clocks.joined(separator: " – ")
    }

    /// "07:30 – 11:30 ngày 15/12/2026", "07:30 ngày 15/12/2026 – 16/12/2026", "15/12/2026".
    var when: String {
        let days = isOneDay ? start.date.vietnamese : "\(start.date.vietnamese) – \(end!.date.vietnamese)"
        return hours.map { "\($0) ngày \(days)" } ?? days
    }
}
