import ArgumentParser
import PhienchoKit
import PhienchoCore

/// A day given on the command line (`--now`, `--from`, `--to`): `YYYY-MM-DD`. A day written the
/// Vietnamese way (`31/12/2026`) is refused with its `YYYY-MM-DD` form, so staff can copy it.
enum DateArgument {
    static func day(_ text: String, flag: String, example: String) throws -> LocalDate {
        if let day = LocalDate(iso: text) { return day }
        if let day = LocalDate(written: text) {
            throw ValidationError("\(flag) cần ngày theo dạng năm-tháng-ngày (YYYY-MM-DD): hãy ghi \(flag) \(day.iso) thay cho “\(text)”.")
        }
        throw ValidationError("\(flag) phải là một ngày có thật theo dạng YYYY-MM-DD, ví dụ \(example).")
    }
}
