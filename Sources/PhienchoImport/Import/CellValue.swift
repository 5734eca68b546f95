import Foundation
import PhienchoContent
import PhienchoCore
import PhienchoSpreadsheets

/// Reading one cell of the quarterly sheet as the value its column needs, the way spreadsheets
/// really hold them: dates as date cells, serial numbers, `dd/mm/yyyy` or `yyyy-mm-dd` text;
/// amounts as `6500000`, `6500000.0` or `6.500.000`; a phone number whose leading 0 a number cell
/// dropped. A value that cannot be read comes back as a Vietnamese sentence saying why.
enum CellValue {
    enum Read<Value> {
        case value(Value)
        case problem(String)
    }

    /// The cell as text, trimmed, NFC, line endings LF, control characters dropped; nil when empty. Numbers are written as a
    /// person would (`5`, not `5.0`); dates as `dd/mm/yyyy`.
    package static func text(_ cell: Spreadsheet.Cell?) -> String? {
        guard let cell else { return nil }
        let text: String
        switch cell {
        case .text(let value): text = value
        case .number(let value): text = plain(value)
        case .date(let serial): text = date(serial: serial).map(\.vietnamese) ?? plain(serial)
        case .bool(let value): text = value ? "TRUE" : "FALSE"
        case .error(let value): text = value
        }
        let cleaned = FieldReader.cleaned(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return cleaned.isEmpty ? nil : cleaned
    }

    /// `6500000.0` → "6500000"; other fractions as they are.
    static func plain(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    /// Days since 1970-01-01 of Excel's serial day 0 (1899-12-30, the 1900 system as Excel counts it
    /// from March 1900 on).
    private static let serialEpoch = 25569

    static func date(serial: Double) -> LocalDate? {
        guard serial >= 61, serial < 2_958_466 else { return nil }
        return LocalDate(dayNumber: Int(serial.rounded(.down)) - serialEpoch)
    }

    static func date(_ cell: Spreadsheet.Cell) -> Read<LocalDate> {
        switch cell {
        case .date(let serial), .number(let serial):
            if let date = date(serial: serial) { return .value(date) }
            return .problem("“\(plain(serial))” không phải là một ngày.")
        case .error(let value):
            return .problem("Ô đang báo lỗi \(value) của bảng tính; hãy ghi ngày, ví dụ 31/12/2026.")
        case .text, .bool:
            let text = self.text(cell) ?? ""
            if let date = dateText(text) { return .value(date) }
            // A date cell saved to CSV without its format: the serial number as text.
            if text.count == 5, let serial = Double(text), let date = date(serial: serial) { return .value(date) }
            // 12/25/2026: month first, as US settings write it.
            if let monthFirst = monthFirstText(text) {
                return .problem("Không đọc được ngày “\(text)” theo ngày/tháng/năm. Có phải là \(monthFirst.vietnamese) (tháng ghi trước ngày, kiểu Mỹ)? Hãy ghi ngày/tháng/năm, ví dụ 31/12/2026.")
            }
            return .problem("Không đọc được ngày “\(text)”: hãy ghi ngày/tháng/năm, ví dụ 31/12/2026.")
        }
    }

    /// `31/12/2026`, `31-12-2026`, `31.12.2026` (day first, as Vietnam writes dates), `2026-12-31`,
    /// and either with a time after it.
    static func dateText(_ text: String) -> LocalDate? {
        let day = text.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? text
        if let iso = LocalDate(iso: day) { return iso }
        let parts = day.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2,
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    /// `12/25/2026` read month first, when it is no date day first.
    static func monthFirstText(_ text: String) -> LocalDate? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map { $0.split(separator: "/") } ?? []
        guard parts.count == 3, let m = Int(parts[0]), let d = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4,
              dateText(text) == nil else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    /// Whether a cell holds a date as the spreadsheet's own value (a date or number cell), not as text.
    static func isDateValue(_ cell: Spreadsheet.Cell) -> Bool {
        switch cell {
        case .date, .number: true
        case .text, .bool, .error: false
        }
    }

    /// A whole number: `5`, `5.0`, `5 người`, `6.500.000`, `6,500,000`, `6 500 000`, `6500000 đồng`,
    /// `6,5 triệu`.
    static func integer(_ cell: Spreadsheet.Cell) -> Read<Int> {
        switch cell {
        case .number(let value):
            guard value == value.rounded(), abs(value) < 1e12 else {
                return .problem("“\(plain(value))” không phải là số nguyên.")
            }
            return .value(Int(value))
        case .date, .bool, .error, .text:
            let text = self.text(cell) ?? ""
            if let value = integerText(text) { return .value(value) }
            return .problem("Không đọc được số “\(text)”: hãy ghi số liền, ví dụ 6500000.")
        }
    }

    /// Words that may follow an amount or a count: units, not part of the number.
    private static let units: Set<String> = ["d", "dong", "vnd", "vnđ", "nguoi", "lao dong", "ld"]

    static func integerText(_ text: String) -> Int? {
        if let millions = millionsText(text) { return millions }
        var digits = text.trimmingCharacters(in: .whitespaces)
        let folded = VietnameseFolding.fold(digits)
        if let unit = units.first(where: { folded.hasSuffix($0) && folded.count > $0.count }),
           let last = folded.dropLast(unit.count).last, last == " " || last.isNumber {
            digits = String(digits.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
        }
        guard let first = digits.first, first.isASCII, first.isNumber else { return nil }
        // 6500000.0: a number saved as text. Three zeros after the dot are a thousands group (6.000).
        if let dot = digits.firstIndex(of: "."), !digits[..<dot].contains(where: { !$0.isNumber }) {
            let fraction = digits[digits.index(after: dot)...]
            if !fraction.isEmpty, fraction.count != 3, fraction.allSatisfy({ $0 == "0" }) { digits = String(digits[..<dot]) }
        }
        let groups = digits.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," || $0 == " " || $0 == "\u{00A0}" })
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if groups.count > 1 {
            guard groups.dropFirst().allSatisfy({ $0.count == 3 }), groups[0].count <= 3 else { return nil }
        }
        guard groups.joined().count <= 12 else { return nil }
        return Int(groups.joined())
    }

    /// "7 triệu", "6,5 triệu", "6.5tr": an amount in millions of đồng, as people write salaries.
    static func millionsText(_ text: String) -> Int? {
        let folded = VietnameseFolding.fold(text).trimmingCharacters(in: .whitespaces)
        guard let unit = ["trieu dong", "trieu", "tr"].first(where: folded.hasSuffix) else { return nil }
        let number = folded.dropLast(unit.count).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), number.filter({ $0 == "." }).count <= 1,
              let value = Double(number), value > 0, value < 1_000 else { return nil }
        return Int((value * 1_000_000).rounded())
    }

    /// A phone number as text. A number cell (or digits only) of 9 or 10 digits not starting with 0
    /// lost its leading 0 to the spreadsheet: it is put back, and `restored` says so.
    static func phone(_ cell: Spreadsheet.Cell) -> (text: String, restored: Bool)? {
        guard let text = text(cell) else { return nil }
        let isDigits = text.allSatisfy { $0.isASCII && $0.isNumber }
        if isDigits, !text.hasPrefix("0"), !text.hasPrefix("84"), text.count == 9 || text.count == 10 {
            return ("0" + text, true)
        }
        return (text, false)
    }

    /// Items of a list cell: one per line, bullets (`-`, `•`, `+`, `*`, `–`) and numbering dropped.
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            var item = Substring(line).trimmingCharacters(in: .whitespaces)[...]
            if let first = item.first, "-•+*–—·●".contains(first) {
                item = item.dropFirst()
            } else if let dot = item.firstIndex(where: { $0 == "." || $0 == ")" }), dot > item.startIndex,
                      item[..<dot].count <= 2, item[..<dot].allSatisfy(\.isNumber) {
                item = item[item.index(after: dot)...]
            }
            let value = item.trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
    }

    /// A value from a short list of Vietnamese words (or the file's own spelling), compared folded.
    static func choice(_ text: String, _ words: [(words: [String], value: String)]) -> String? {
        let key = ImportColumn.key(text)
        return words.first { entry in entry.value == text || entry.words.contains { ImportColumn.key($0) == key } }?.value
    }

    static let employmentTypes: [(words: [String], value: String)] = [
        (["toàn thời gian", "chính thức", "cả ngày"], "full_time"),
        (["bán thời gian", "part time"], "part_time"),
        (["thời vụ", "mùa vụ", "theo mùa"], "seasonal"),
    ]

    static let salaryPeriods: [(words: [String], value: String)] = [
        (["giờ", "theo giờ"], "hour"),
        (["ngày", "theo ngày", "ngày công"], "day"),
        (["tháng", "theo tháng"], "month"),
    ]
}
