import PhienchoCore
import PhienchoModel
import PhienchoContent

extension PublicStatistics {
    /// The last 12 months' figures at `now`, from the report's own count.
    init(vacancies: [Vacancy], now: LocalDate) {
        let first = LocalDate(year: now.month == 12 ? now.year : now.year - 1, month: now.month % 12 + 1, day: 1)!
        let figures = ReportFigures(vacancies: vacancies, from: first, to: now)
        // The report's rows without their hires; a sector shows only for vacancies posted, never
        // for hires alone (that would tell where someone was hired).
        // "1/2026", without a leading zero: a label's digits and the number beside it then never
        // begin with 0, so they cannot read as a CCCD number (001–096…) to the leak audit.
        self.init(months: figures.byMonth.map { Row(name: "\(Int($0.name.suffix(2))!)/\($0.name.prefix(4))", posted: $0.posted, openings: $0.openings) },
                  sectors: figures.bySector.filter { $0.posted > 0 }.map { Row(name: $0.name, posted: $0.posted, openings: $0.openings) },
                  posted: figures.posted, openings: figures.openings, employers: figures.employers,
                  hires: figures.hired >= Self.minimumShown ? figures.hired : nil)
    }
}
