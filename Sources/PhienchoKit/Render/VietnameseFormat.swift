/// How numbers, money and choices read in Vietnamese on citizens' pages.
public enum VietnameseFormat {
    /// 6500000 → "6.500.000".
    public static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// "6.500.000 – 9.000.000 đồng/tháng", "Từ 6.500.000 đồng/tháng", "Đến …", or "Thỏa thuận".
    public static func salary(_ salary: Vacancy.Salary?) -> String {
        guard let salary else { return "Thỏa thuận" }
        let unit = "đồng/" + periodWord(salary.period)
        switch (salary.min, salary.max) {
        case let (min?, max?) where min == max: return "\(number(min)) \(unit)"
        case let (min?, max?): return "\(number(min)) – \(number(max)) \(unit)"
        case let (min?, nil): return "Từ \(number(min)) \(unit)"
        case let (nil, max?): return "Đến \(number(max)) \(unit)"
        case (nil, nil): return "Thỏa thuận"
        }
    }

    public static func periodWord(_ period: Vacancy.SalaryPeriod) -> String {
        switch period {
        case .hour: "giờ"
        case .day: "ngày"
        case .month: "tháng"
        }
    }

    public static func employmentType(_ type: Vacancy.EmploymentType) -> String {
        switch type {
        case .fullTime: "Toàn thời gian"
        case .partTime: "Bán thời gian"
        case .seasonal: "Thời vụ"
        }
    }

    /// "tel:" link target: digits only, a leading + kept ("0229 3871 000" → "tel:02293871000").
    public static func telephoneHref(_ phone: String) -> String {
        let digits = phone.filter { $0.isASCII && $0.isNumber }
        return "tel:" + (phone.trimmingPrefix(while: \.isWhitespace).hasPrefix("+") ? "+" : "") + digits
    }
}

private extension String {
    func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring { drop(while: predicate) }
}
