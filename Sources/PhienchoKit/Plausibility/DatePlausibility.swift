import PhienchoCore
import PhienchoModel
import PhienchoRender

/// Whether a date is near the day it was written down. A sheet of the quarter's vacancies is
/// posted around the day it is imported; a date months away is most often a typo or a date whose
/// day and month a spreadsheet swapped (US settings read "01/12/2026" as 12 January).
enum DatePlausibility {
    /// "More than three months" away: 92 days, the longest three months of a year.
    static let reachDays = 92

    /// Whether `date` lies more than `reachDays` before or after `day`.
    static func isFar(_ date: LocalDate, from day: LocalDate) -> Bool {
        abs(date.dayNumber - day.dayNumber) > reachDays
    }

    /// Whether `date` lies more than `reachDays` after `day`.
    static func isFarAfter(_ date: LocalDate, _ day: LocalDate) -> Bool {
        date.dayNumber - day.dayNumber > reachDays
    }

    /// The date with day and month exchanged, when that is another real date (both at most 12).
    static func swapped(_ date: LocalDate) -> LocalDate? {
        guard date.day != date.month, date.day <= 12 else { return nil }
        return LocalDate(year: date.year, month: date.day, day: date.month)
    }

    /// The swapped reading of a date that is far from `day` when the swapped one is near: what a
    /// spreadsheet with US settings made of a day-first date.
    static func likelySwap(_ date: LocalDate, near day: LocalDate) -> LocalDate? {
        guard isFar(date, from: day), let other = swapped(date), !isFar(other, from: day) else { return nil }
        return other
    }
}
