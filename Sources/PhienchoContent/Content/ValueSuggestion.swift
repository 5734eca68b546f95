import PhienchoCore

/// What staff probably meant by a value the template does not accept: a Vietnamese word for one
/// of the allowed English words (`tháng` → `month`), a date in the Vietnamese order
/// (`31/12/2026` → `2026-12-31`), a value in Word's curly quotes.
///
/// These are suggestions, not accepted spellings: a file keeps one spelling per value, so that
/// what `check` accepts, what `import` writes and what the staff guide shows stay the same.
enum ValueSuggestion {
    /// The Vietnamese words for each allowed value; the first is the label shown beside the value.
    package static let labels: [String: [String]] = [
        "draft": ["bản nháp", "nháp", "chưa duyệt"],
        "approved": ["đã duyệt, được đăng", "đã duyệt", "duyệt", "đăng", "được đăng", "đang đăng"],
        "withdrawn": ["đã gỡ", "gỡ", "rút", "đã rút", "ngừng đăng", "hủy"],
        "full_time": ["toàn thời gian", "chính thức", "cả ngày", "hành chính"],
        "part_time": ["bán thời gian", "làm thêm", "nửa ngày"],
        "seasonal": ["thời vụ", "mùa vụ", "theo mùa", "ngắn hạn"],
        "hour": ["giờ", "theo giờ", "mỗi giờ"],
        "day": ["ngày", "theo ngày", "mỗi ngày", "công nhật"],
        "month": ["tháng", "theo tháng", "mỗi tháng", "hàng tháng"],
    ]

    /// "full_time (toàn thời gian)" for an allowed value with a label, else the value.
    package static func described(_ value: String) -> String {
        labels[value]?.first.map { "\(value) (\($0))" } ?? value
    }

    /// The allowed value a Vietnamese word stands for, compared without case or diacritics.
    package static func value(forLabel text: String, among allowed: [String]) -> String? {
        let folded = fold(text)
        return allowed.first { value in labels[value]?.contains { fold($0) == folded } ?? false }
    }

    private static func fold(_ text: String) -> String {
        VietnameseFolding.fold(text).split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(separator: " ")
    }

    /// `YYYY-MM-DD` for a real day written day first (`31/12/2026`, `31-12-2026`, `31.12.2026`),
    /// year first with other separators (`2026/12/31`), or without zero padding (`2026-1-5`).
    static func isoDate(for text: String) -> String? {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." || $0 == " " })
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }),
              let first = Int(parts[0]), let second = Int(parts[1]), let third = Int(parts[2]) else { return nil }
        let date = parts[0].count == 4 ? LocalDate(year: first, month: second, day: third)
                                       : parts[2].count == 4 ? LocalDate(year: third, month: second, day: first) : nil
        return date?.description
    }

    /// Curly quote pairs that Word puts around pasted text.
    private static let quotePairs: [(Character, Character)] = [("“", "”"), ("‘", "’"), ("„", "“"), ("«", "»"), ("”", "”"), ("’", "’")]

    /// The text inside a whole value wrapped in one pair of curly quotes, with the pair; nil when
    /// the value is not wrapped, or holds quotes of its own (`“A” và “B”`).
    static func unwrappedTypographicQuotes(_ value: String) -> (inner: String, open: Character, close: Character)? {
        // Every curly quote is non-ASCII: most values are told apart by their first byte.
        guard let lead = value.utf8.first, lead >= 0xC2, let first = value.first, let last = value.last,
              let pair = quotePairs.first(where: { $0.0 == first && $0.1 == last }), value.count >= 3 else { return nil }
        let inner = value.dropFirst().dropLast()
        guard !inner.contains(where: { $0 == pair.0 || $0 == pair.1 }) else { return nil }
        let trimmed = inner.trimmingWhitespace(includingNewlines: true)
        return trimmed.isEmpty ? nil : (trimmed, pair.0, pair.1)
    }
}
