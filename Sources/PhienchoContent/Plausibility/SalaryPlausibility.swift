import PhienchoCore
import PhienchoModel

/// Whether a salary amount is believable for its period, and what was probably meant when it is
/// not. A spreadsheet with US settings reads "300.000" as 300 (the dot a decimal point), and a
/// commune may write "6,5" for 6,500,000: both give amounts no employer pays.
///
/// Plausible: from 10,000 đồng an hour, 50,000 a day, 1,000,000 a month, up to 100 times those.
enum SalaryPlausibility {
    static func floor(_ period: SalaryPeriod) -> Int {
        switch period {
        case .hour: 10_000
        case .day: 50_000
        case .month: 1_000_000
        }
    }

    static let ceilingFactor = 100

    static func isPlausible(_ amount: Int, _ period: SalaryPeriod) -> Bool {
        (floor(period)...floor(period) * ceilingFactor).contains(amount)
    }

    /// What the amount probably was: the amount times a thousand or a million (a cut "300.000",
    /// "6,5 triệu" written "6,5"), a thousandth of it (three zeros too many), or the same amount for
    /// another period (a monthly wage under "ngày"). Nil when nothing plausible is near.
    package static func likely(_ amount: Int, _ period: SalaryPeriod) -> (amount: Int, period: SalaryPeriod)? {
        guard amount > 0 else { return nil }
        if amount < floor(period) {
            for factor in [1_000, 1_000_000] where amount <= Int.max / factor && isPlausible(amount * factor, period) {
                return (amount * factor, period)
            }
        } else if amount % 1_000 == 0, isPlausible(amount / 1_000, period), amount / 1_000 >= floor(period) * 2 {
            return (amount / 1_000, period)
        }
        for other in [SalaryPeriod.month, .day, .hour] where other != period && isPlausible(amount, other) {
            return (amount, other)
        }
        return nil
    }

    /// The warning's sentence for an implausible amount (nil when plausible), ending in "Có phải
    /// là …?" when a likely amount is found.
    package static func problem(_ amount: Int, _ period: SalaryPeriod) -> String? {
        guard !isPlausible(amount, period) else { return nil }
        let unit = "đồng/" + VietnameseFormat.periodWord(period)
        let low = amount < floor(period)
        var message = low
            ? "Lương \(VietnameseFormat.number(amount)) \(unit) thấp bất thường (thường từ \(VietnameseFormat.number(floor(period))) \(unit))."
            : "Lương \(VietnameseFormat.number(amount)) \(unit) cao bất thường (thường không quá \(VietnameseFormat.number(floor(period) * ceilingFactor)) \(unit))."
        guard let likely = likely(amount, period) else { return message }
        message += " Có phải là \(VietnameseFormat.number(likely.amount)) đồng/\(VietnameseFormat.periodWord(likely.period))?"
        if likely.amount == amount * 1_000 {
            message += " Bảng tính đặt kiểu Mỹ đọc “\(VietnameseFormat.number(likely.amount))” thành \(amount): hãy ghi số tiền liền, không dấu chấm (\(likely.amount))."
        }
        return message
    }
}
