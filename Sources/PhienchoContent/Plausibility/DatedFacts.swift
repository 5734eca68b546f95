import PhienchoCore

/// The rules on a vacancy that depend on the day of the run (`check`, `build`, `report`):
///
/// - a result dated after that day is an error for `check` and `report` (a draft's, a warning):
///   nothing in the future is counted, and a hire reported for next year is a typo or a swapped
///   day and month. `build` only warns: its figures count hires up to its day anyway, and a site
///   built for a past day (`--now`) must not fail on what was reported since;
/// - a posting date or deadline more than three months after that day is a warning, with the
///   date's day and month exchanged as the likely one when that is near.
///
/// A date long past is no warning here: vacancies stay in the content after they expire.
package enum DatedFacts {
    package static func diagnostics(for vacancies: [Vacancy], at day: LocalDate, futureResultsAreErrors: Bool = true) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for vacancy in vacancies where vacancy.status != .withdrawn {
            for result in vacancy.results where result.date > day {
                found.append(Diagnostic(vacancy.status == .draft || !futureResultsAreErrors ? .warning : .error, .futureResult, path: vacancy.sourcePath,
                                        line: result.position?.line, column: result.position?.column,
                                        "Ngày báo kết quả \(result.date.vietnamese) đang sau hôm nay (\(day.vietnamese)); kết quả chưa xảy ra thì không được tính." + likely(result.date, near: day)))
            }
            for (date, position, name) in [(vacancy.posted, vacancy.datePositions.posted, "Ngày đăng"),
                                           (vacancy.expires, vacancy.datePositions.expires, "Hạn nộp hồ sơ")]
            where DatePlausibility.isFarAfter(date, day) {
                found.append(Diagnostic(.warning, .implausibleDate, path: vacancy.sourcePath, line: position?.line, column: position?.column,
                                        "\(name) \(date.vietnamese) còn hơn 3 tháng nữa mới tới (hôm nay \(day.vietnamese)); hãy kiểm tra." + likely(date, near: day)))
            }
        }
        return found
    }

    /// " Có phải là dd/mm/yyyy? …" when exchanging day and month gives a date near `day`.
    package static func likely(_ date: LocalDate, near day: LocalDate) -> String {
        guard let other = DatePlausibility.nearSwap(date, day) else { return "" }
        return " Có phải là \(other.vietnamese) (ngày và tháng bị đảo)? Hãy ghi ngày theo dạng YYYY-MM-DD, ví dụ \(other.iso)."
    }
}
