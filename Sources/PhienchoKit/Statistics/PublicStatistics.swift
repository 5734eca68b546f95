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
        let names = ReportFigures.months(from: first, to: now)
        var months = Dictionary(uniqueKeysWithValues: names.map { ($0, Row(name: $0)) })
        var sectors: [String: Row] = [:]
        var employers: Set<String> = []
        var posted = 0, openings = 0, hires = 0
        for vacancy in vacancies where vacancy.status == .approved {
            if first <= vacancy.posted && vacancy.posted <= now {
                posted += 1
                openings += vacancy.openings
                months[ReportFigures.month(vacancy.posted)]?.posted += 1
                months[ReportFigures.month(vacancy.posted)]?.openings += vacancy.openings
                sectors[vacancy.sector.slug, default: Row(name: vacancy.sector.name)].posted += 1
                sectors[vacancy.sector.slug, default: Row(name: vacancy.sector.name)].openings += vacancy.openings
                employers.insert(VietnameseFolding.fold(vacancy.employer.name))
            }
            hires += vacancy.results.filter { first <= $0.date && $0.date <= now }.reduce(0) { $0 + $1.hired }
        }
        // Shown as readers write a month: "12/2025".
        self.months = names.map { name in
            var row = months[name]!
            row.name = "\(name.suffix(2))/\(name.prefix(4))"
            return row
        }
        self.sectors = sectors.values.sorted { (VietnameseFolding.fold($0.name), $0.name) < (VietnameseFolding.fold($1.name), $1.name) }
        self.posted = posted
        self.openings = openings
        self.employers = employers.count
        self.hires = hires >= Self.minimumShown ? hires : nil
    }
}
