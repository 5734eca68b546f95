import Foundation
import Testing
@testable import PhienchoAudit
@testable import PhienchoContent
@testable import PhienchoCore
@testable import PhienchoImport
@testable import PhienchoKit
@testable import PhienchoModel
@testable import PhienchoOutput
@testable import PhienchoPublication
@testable import PhienchoRender
@testable import PhienchoReport
@testable import PhienchoSpreadsheets

/// The plausibility rules over every value they can meet, not a few examples: every day of two
/// years read by a spreadsheet with US settings, every wage a commune writes cut by one.
@Suite("Plausibility: every day and every wage")
struct PlausibilityPropertyTests {
    /// A day-first date near the import day that US settings turned into a US date far from it is
    /// always found, and its "Có phải là" is the day that was written.
    @Test(arguments: ["2026-01-15", "2026-06-30", "2026-12-07", "2027-03-01"])
    func everySwappedDayIsFoundAndGivenBack(importDay: String) throws {
        let today = try #require(LocalDate(iso: importDay))
        for offset in -DatePlausibility.reachDays...DatePlausibility.reachDays {
            let written = today.adding(days: offset)
            // What US settings make of "dd/mm/yyyy" when dd ≤ 12: month and day exchanged.
            guard written.day <= 12, let read = LocalDate(year: written.year, month: written.day, day: written.month),
                  read != written else { continue }
            if DatePlausibility.isFar(read, from: today) {
                #expect(DatePlausibility.nearSwap(read, today) == written, "\(written) read as \(read)")
            }
        }
    }

    /// Every wage in the plausible band for its period says nothing; the same wage written with a
    /// dot group and cut by US settings ("300.000" → 300) is caught, and the likely amount is it.
    @Test(arguments: [SalaryPeriod.hour, .day, .month])
    func everyCutWageIsCaughtAndGivenBack(period: SalaryPeriod) {
        let floor = SalaryPlausibility.floor(period)
        var checked = 0
        for amount in stride(from: floor, through: floor * SalaryPlausibility.ceilingFactor, by: floor / 10) {
            #expect(SalaryPlausibility.problem(amount, period) == nil, "\(amount)")
            guard amount % 1_000 == 0, amount / 1_000 < floor else { continue }
            let cut = amount / 1_000
            let likely = SalaryPlausibility.likely(cut, period)
            #expect(likely?.amount == amount && likely?.period == period, "\(cut) for \(amount)")
            checked += 1
        }
        #expect(checked > 0)
    }
}
