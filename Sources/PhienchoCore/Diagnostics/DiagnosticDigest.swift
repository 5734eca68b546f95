/// What staff read of many diagnostics on a terminal: each code's first `limit` lines, in order, then
/// one line per code saying how many more there are and how to see them all. Hundreds of lines of
/// one kind hide the one that matters; JSON output (`--format json`) always holds every diagnostic.
public enum DiagnosticDigest {
    public static let limit = 20

    /// The lines to print; `seeAll` tells how to see every line ("chạy lại lệnh với --format json").
    public static func lines(_ diagnostics: [Diagnostic], seeAll: String) -> [String] {
        var shown: [DiagnosticCode: Int] = [:]
        var lines: [String] = []
        for diagnostic in diagnostics {
            shown[diagnostic.code, default: 0] += 1
            if shown[diagnostic.code]! <= limit { lines.append(diagnostic.formatted) }
        }
        for code in shown.keys.sorted() where shown[code]! > limit {
            let more = shown[code]! - limit
            let what = code == .seekerDataLeak || code == .citizenIDShape ? "phát hiện" : "lỗi hoặc cảnh báo"
            lines.append("… và \(more) \(what) khác mã \(code.rawValue) (mới in \(limit) dòng đầu). Xem tất cả: \(seeAll).")
        }
        return lines
    }
}
