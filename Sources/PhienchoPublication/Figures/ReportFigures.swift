import Foundation
import PhienchoCore
import PhienchoContent

/// The figures of the six-monthly and annual reports (`phiencho report`) for a period, both ends
/// included. Only approved vacancies count; drafts and withdrawn ones never do.
///
/// - posted in the period: vacancies whose `posted` falls in it; their employers (told apart by
///   folded name) and the sum of their `openings`;
/// - open at the end: posted on or before `to` and expiring on or after it;
/// - hired: the `results` whose `date` falls in the period, whatever the vacancy's `posted`.
public struct ReportFigures: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var name: String
        public var posted = 0
        public var openings = 0
        public var hired = 0

        var isEmpty: Bool { posted == 0 && openings == 0 && hired == 0 }
    }

    public let from: LocalDate
    public let to: LocalDate
    /// The day the report was made.
    public let made: LocalDate
    public private(set) var posted = 0
    public private(set) var openAtEnd = 0
    public private(set) var employers = 0
    public private(set) var openings = 0
    public private(set) var hired = 0
    /// Rows with something to show, by folded name.
    public private(set) var byCommune: [Row] = []
    public private(set) var bySector: [Row] = []
    /// Every month of the period, `YYYY-MM`, in order.
    public private(set) var byMonth: [Row] = []
    /// Hires by who reported them (`results.by`, the commune police), by folded name; reports
    /// without a reporter under `ReportFigures.unnamedReporter`.
    public private(set) var byReporter: [Reporter] = []

    public struct Reporter: Sendable, Equatable {
        public var name: String
        /// How many results it reported in the period.
        public var reports = 0
        public var hired = 0
    }

    static let unnamedReporter = "(không ghi nơi báo)"

    /// Hires ÷ openings in percent, nil when nothing was posted.
    public var hiredRate: Double? { openings == 0 ? nil : Double(hired) * 100 / Double(openings) }

    package init(vacancies: [Vacancy], from: LocalDate, to: LocalDate, made: LocalDate? = nil) {
        self.from = from
        self.to = to
        self.made = made ?? to
        var communes: [String: Row] = [:], sectors: [String: Row] = [:]
        var months = Dictionary(uniqueKeysWithValues: Self.months(from: from, to: to).map { ($0, Row(name: $0)) })
        var employerNames: Set<String> = []
        var reporters: [String: Reporter] = [:]
        func count(_ key: String, _ name: String, in rows: inout [String: Row], _ change: (inout Row) -> Void) {
            change(&rows[key, default: Row(name: name)])
        }
        for vacancy in vacancies where vacancy.status == .approved {
            let commune = vacancy.commune.slug, sector = vacancy.sector.slug
            if vacancy.posted <= to && to <= vacancy.expires { openAtEnd += 1 }
            if from <= vacancy.posted && vacancy.posted <= to {
                posted += 1
                openings += vacancy.openings
                employerNames.insert(VietnameseFolding.fold(vacancy.employer.name))
                count(commune, vacancy.commune.name, in: &communes) { $0.posted += 1; $0.openings += vacancy.openings }
                count(sector, vacancy.sector.name, in: &sectors) { $0.posted += 1; $0.openings += vacancy.openings }
                months[Self.month(vacancy.posted)]?.posted += 1
                months[Self.month(vacancy.posted)]?.openings += vacancy.openings
            }
            for result in vacancy.results where from <= result.date && result.date <= to {
                hired += result.hired
                count(commune, vacancy.commune.name, in: &communes) { $0.hired += result.hired }
                count(sector, vacancy.sector.name, in: &sectors) { $0.hired += result.hired }
                months[Self.month(result.date)]?.hired += result.hired
                let reporter = result.by ?? Self.unnamedReporter
                reporters[VietnameseFolding.fold(reporter), default: Reporter(name: reporter)].reports += 1
                reporters[VietnameseFolding.fold(reporter)]!.hired += result.hired
            }
        }
        employers = employerNames.count
        func sorted(_ rows: [String: Row]) -> [Row] {
            rows.values.filter { !$0.isEmpty }.sorted { (VietnameseFolding.fold($0.name), $0.name) < (VietnameseFolding.fold($1.name), $1.name) }
        }
        byCommune = sorted(communes)
        bySector = sorted(sectors)
        byMonth = Self.months(from: from, to: to).map { months[$0]! }
        byReporter = reporters.values.sorted { (VietnameseFolding.fold($0.name), $0.name) < (VietnameseFolding.fold($1.name), $1.name) }
    }

    static func month(_ day: LocalDate) -> String {
        String(day.iso.prefix(7))
    }

    /// `YYYY-MM` of every month the period touches.
    static func months(from: LocalDate, to: LocalDate) -> [String] {
        guard from <= to else { return [] }
        var months: [String] = []
        var (year, month) = (from.year, from.month)
        while (year, month) <= (to.year, to.month) {
            months.append(String(format: "%04d-%02d", year, month))
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return months
    }
}
