import PhienchoCore
import PhienchoContent

extension LocalDate {
    /// A date as people write it in Vietnam, day first (`31/12/2026`, `31-12-2026`, `31.12.2026`),
    /// or `YYYY-MM-DD`: the correction a command line offers when a flag wants `YYYY-MM-DD`.
    public init?(written text: String) {
        guard let date = CellValue.dateText(text.trimmingCharacters(in: .whitespaces)) else { return nil }
        self = date
    }
}
