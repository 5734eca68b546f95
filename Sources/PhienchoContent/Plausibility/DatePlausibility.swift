import PhienchoCore

/// Whether a date is near the day it was written down. A sheet of the quarter's vacancies is
/// posted around the day it is imported; a date months away is most often a typo or a date whose
/// day and month a spreadsheet swapped (US settings read "01/12/2026" as 12 January).
package enum DatePlausibility {
    /// "More than three months" away: 92 days, the longest three months of a year.
    static let reachDays = 92

    /// Whether `date` lies more than `reachDays` before or after `day`.
    package static func isFar(_ date: LocalDate, from day: LocalDate) -> Bool {
        abs(date.dayNumber - day.dayNumber) > reachDays
    }

    /// Whether `date` lies more than `reachDays` after `day`.
    static func isFarAfter(_ date: LocalDate, _ day: LocalDate) -> Bool {
        date.dayNumber - day.dayNumber > reachDays
    }

    /// The date with day and month exchanged, when that is another real date (both at most 12).
    package static func swapped(_ date: LocalDate) -> LocalDate? {
        guard date.day != date.month, date.day <= 12 else { return nil }
        return LocalDate(year: date.year, month: date.day, day: date.month)
    }

    /// The date with day and month exchanged, when that reading lies within `reachDays` of `day`:
    /// what a date written day-first was before a spreadsheet with US settings read it.
    package static func nearSwap(_ date: LocalDate, _ day: LocalDate) -> LocalDate? {
        swapped(date).flatMap { isFar($0, from: day) ? nil : $0 }
    }
}
