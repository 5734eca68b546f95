import PhienchoCore


/// How numbers, money and choices read in Vietnamese on citizens' pages.
package enum VietnameseFormat {
    /// 6500000 → "6.500.000".
    package static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// 6.3125 → "6,31 %": two decimals after a comma, as Vietnamese reports write rates.
    package static func percent(_ value: Double) -> String {
        String(format: "%.2f", value).replacingOccurrences(of: ".", with: ",") + " %"
    }

    /// "6.500.000 – 9.000.000 đồng/tháng", "Từ 6.500.000 đồng/tháng", "Đến …", or "Thỏa thuận".
    package static func salary(_ salary: Salary?) -> String {
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

    package static func periodWord(_ period: SalaryPeriod) -> String {
        switch period {
        case .hour: "giờ"
        case .day: "ngày"
        case .month: "tháng"
        }
    }

    package static func employmentType(_ type: EmploymentType) -> String {
        switch type {
        case .fullTime: "Toàn thời gian"
        case .partTime: "Bán thời gian"
        case .seasonal: "Thời vụ"
        }
    }

    /// "tel:" link target: the digits of the first number in the text, a leading + kept
    /// ("0229 3871 000" → "tel:02293871000"). Spaces, dots, hyphens and brackets inside the number
    /// are dropped; anything else after it — a second number ("… – 0912 345 678", "… / …", "… - …"),
    /// an extension ("máy lẻ 12"), a name — ends it, so a tap never dials digits run together.
    package static func telephoneHref(_ phone: String) -> String {
        var digits = ""
        var plus = false
        var previous: Character = " "
        for character in phone {
            defer { previous = character }
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else if digits.isEmpty {
                // Before the number: a label such as "ĐT:" is skipped; a + right before it is kept.
                if character == "+" { plus = true } else if !character.isWhitespace { plus = false }
            } else if character == "." || character == "(" || character == ")" || character == "\u{00A0}" {
                continue
            } else if character == " " {
                continue
            } else if character == "-" && previous != " " {
                continue
            } else {
                break
            }
        }
        return "tel:" + (plus ? "+" : "") + digits
    }
}
