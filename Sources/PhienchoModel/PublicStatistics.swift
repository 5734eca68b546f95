import PhienchoCore

/// The figures of the public page `thong-ke/`: that the job fair works, without ever letting a
/// count point at a person. Made from the catalogue at `now` during the projection, so the render
/// stage sees these aggregates only, never a vacancy's `results`.
///
/// Shown: vacancies posted and their openings by month and by sector over the last 12 months
/// (the month of `now` and the 11 before it), the employers taking part, and the province's hires
/// over the same months as one total — "dưới 5" when fewer than `minimumShown`. Never shown: hires
/// per employer, commune, sector or month, nor anything they could be subtracted from.
package struct PublicStatistics: Sendable {
    /// The smallest count of hires shown as a number.
    package static let minimumShown = 5

    package struct Row: Sendable {
        package var name: String
        package var posted = 0
        package var openings = 0

        package init(name: String, posted: Int = 0, openings: Int = 0) {
            self.name = name
            self.posted = posted
            self.openings = openings
        }
    }

    package let months: [Row]
    /// Sectors with a vacancy posted in the months, by folded name.
    package let sectors: [Row]
    package let posted: Int
    package let openings: Int
    package let employers: Int
    /// The province's hires over the months; nil when fewer than `minimumShown`.
    package let hires: Int?

    package init(months: [Row], sectors: [Row], posted: Int, openings: Int, employers: Int, hires: Int?) {
        self.months = months
        self.sectors = sectors
        self.posted = posted
        self.openings = openings
        self.employers = employers
        self.hires = hires
    }
}
