import PhienchoCore

/// A day, with a time of day when the file gives one (`2026-12-15T08:00`), in the site's time zone.
package struct EventMoment: Sendable, Comparable {
    package var date: LocalDate
    /// Minutes after midnight.
    package var minutes: Int?

    package static func < (lhs: EventMoment, rhs: EventMoment) -> Bool { (lhs.date, lhs.minutes ?? -1) < (rhs.date, rhs.minutes ?? -1) }

    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    package init?(_ text: String) {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count <= 2, let date = LocalDate(iso: String(parts[0])) else { return nil }
        self.date = date
        guard parts.count == 2 else { return }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hours = Int(clock[0]), let minutes = Int(clock[1]), hours < 24, minutes < 60 else { return nil }
        self.minutes = hours * 60 + minutes
    }

    package init(date: LocalDate, minutes: Int? = nil) {
        self.date = date
        self.minutes = minutes
    }

    /// "08:30", when there is a time.
    package var clock: String? { minutes.map { LocalDate.padded($0 / 60, 2) + ":" + LocalDate.padded($0 % 60, 2) } }

    /// "8:30 ngày 15/12/2026" or "15/12/2026".
    package var vietnamese: String { clock.map { "\($0) ngày \(date.vietnamese)" } ?? date.vietnamese }
}
