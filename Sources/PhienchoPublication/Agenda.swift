import PhienchoCore
import PhienchoContent

/// The select stage for events and courses: what is listed, what only keeps its page, at `now`.
///
/// An event is upcoming through its last day (`end`, else `start`); a course is open for
/// registration through `registration_deadline`. After that it leaves every listing, feed, the
/// sitemap and the search index, and keeps its page (marked past or closed, noindex) for
/// `Publication.expiredRetentionDays`, as an expired vacancy does; then it goes. Drafts and
/// withdrawn ones are never published.
package struct Agenda: Sendable {
    /// Soonest first (start, then id).
    package let upcomingEvents: [Event]
    /// By id.
    let pastEvents: [Event]
    /// Nearest registration deadline first (then id).
    package let openTrainings: [Training]
    /// By id.
    let closedTrainings: [Training]

    enum State { case listed, kept, unpublished }

    static func state(status: Vacancy.Status, lastDay: LocalDate, at now: LocalDate) -> State {
        guard status == .approved else { return .unpublished }
        if now <= lastDay { return .listed }
        return now.dayNumber - lastDay.dayNumber < Publication.expiredRetentionDays ? .kept : .unpublished
    }

    package init(events: [Event], trainings: [Training], at now: LocalDate) {
        let eventStates = events.map { Self.state(status: $0.status, lastDay: $0.lastDay, at: now) }
        upcomingEvents = zip(events, eventStates).filter { $0.1 == .listed }.map(\.0)
            .sorted { ($0.start, $0.slug) < ($1.start, $1.slug) }
        pastEvents = zip(events, eventStates).filter { $0.1 == .kept }.map(\.0)
        let trainingStates = trainings.map { Self.state(status: $0.status, lastDay: $0.registrationDeadline, at: now) }
        openTrainings = zip(trainings, trainingStates).filter { $0.1 == .listed }.map(\.0)
            .sorted { ($0.registrationDeadline, $0.slug) < ($1.registrationDeadline, $1.slug) }
        closedTrainings = zip(trainings, trainingStates).filter { $0.1 == .kept }.map(\.0)
    }
}
