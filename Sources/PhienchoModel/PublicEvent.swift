import PhienchoCore

/// The public projection of an event: what pages, the calendar file, feeds and the search index
/// may show. An event file has no private field today; this type keeps it that way for anything
/// added later.
package final class PublicEvent: Sendable {
    package let id: String
    package let slug: String
    package let title: String
    package let kind: EventKind
    package let start: EventMoment
    package let end: EventMoment?
    package let place: String
    package let commune: Term?
    package let organiser: String?
    package let contactPhone: String?
    package let descriptionHTML: String
    package let descriptionText: String
    /// Its last day has gone: the page says so and is not indexed.
    package let isPast: Bool

    package init(id: String, slug: String, title: String, kind: EventKind, start: EventMoment, end: EventMoment?, place: String, commune: Term?, organiser: String?, contactPhone: String?, descriptionHTML: String, descriptionText: String, isPast: Bool) {
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

    package var path: String { Routes.event(slug: slug) }
    package var lastDay: LocalDate { end?.date ?? start.date }
    package var calendarPath: String { Routes.eventCalendar(slug: slug) }

    /// Whether it ends on the day it starts (or has no end).
    package var isOneDay: Bool { end == nil || end?.date == start.date }

    /// "07:30 – 11:30" on one day, else the starting time; nil without a time.
    package var hours: String? {
        let clocks = isOneDay ? [start.clock, end?.clock].compactMap { $0 } : [start.clock].compactMap { $0 }
        return clocks.isEmpty ? nil : clocks.joined(separator: " – ")
    }

    /// "07:30 – 11:30 ngày 15/12/2026", "07:30 ngày 15/12/2026 – 16/12/2026", "15/12/2026".
    package var when: String {
        let days = isOneDay ? start.date.vietnamese : "\(start.date.vietnamese) – \(end!.date.vietnamese)"
        return hours.map { "\($0) ngày \(days)" } ?? days
    }
}
