/// The figures of the public page `thong-ke/`: that the job fair works, without ever letting a
/// count point at a person. Made from the catalogue at `now` during the projection, so the render
/// stage sees these aggregates only, never a vacancy's `results`.
///
/// Shown: vacancies posted and their openings by month and by sector over the last 12 months
/// (the month of `now` and the 11 before it), the employers taking part, and the province's hires
/// over the same months as one total — "dưới 5" when fewer than `minimumShown`. Never shown: hires
/// per employer, commune, sector or month, nor anything they could be subtracted from.
struct PublicStatistics: Sendable {
    /// The smallest count of hires shown as a number.
    static let minimumShown = 5

    struct Row: Sendable {
        var name: String
        var posted = 0
        var openings = 0
    }

    let months: [Row]
    /// Sectors with a vacancy posted in the months, by folded name.
    let sectors: [Row]
    let posted: Int
    let openings: Int
    let employers: Int
    /// The province's hires over the months; nil when fewer than `minimumShown`.
    let hires: Int?

    init(vacancies: [Vacancy], now: LocalDate) {
        let first = LocalDate(year: now.month == 12 ? now.year : now.year - 1, month: now.month % 12 + 1, day: 1)!
        let figures = ReportFigures(vacancies: vacancies, from: first, to: now)
        // The report's rows without their hires; a sector shows only for vacancies posted, never
        // for hires alone (that would tell where someone was hired).
        // "1/2026", without a leading zero: a label's digits and the number beside it then never
        // begin with 0, so they cannot read as a CCCD number (001–096…) to the leak audit.
        months = figures.byMonth.map { Row(name: "\(Int($0.name.suffix(2))!)/\($0.name.prefix(4))", posted: $0.posted, openings: $0.openings) }
        sectors = figures.bySector.filter { $0.posted > 0 }.map { Row(name: $0.name, posted: $0.posted, openings: $0.openings) }
        posted = figures.posted
        openings = figures.openings
        employers = figures.employers
        hires = figures.hired >= Self.minimumShown ? figures.hired : nil
    }
}
