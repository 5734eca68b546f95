import PhienchoCore
import PhienchoContent

/// The page the preview server shows for every HTML request while the content has errors, instead
/// of the stale pages of the last good build: a Vietnamese list of the diagnostics, every piece of
/// text HTML-escaped (a message quotes what staff typed, which may hold `<`, `&` or quotes).
enum ErrorPage {
    static func html(diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.filter { $0.severity == .warning }
        var out = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>Nội dung có lỗi — xem trước Phiên chợ việc làm</title>
        <style>
        body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0 auto; padding: 1rem; max-width: 60rem; color: #1a1a1a; }
        h1 { color: #a50e0e; font-size: 1.6rem; }
        li { margin-bottom: .75rem; }
        code { background: #f3f3f3; padding: 0 .2em; overflow-wrap: anywhere; }
        .loi { color: #a50e0e; font-weight: bold; }
        .canh-bao { color: #7a4d00; font-weight: bold; }
        </style>
        </head>
        <body>
        <main>
        <h1>Nội dung có \(errors.count) lỗi: trang chưa được tạo lại</h1>
        <p>Đây là trang xem trước. Trang không được tạo lại cho đến khi sửa hết các lỗi dưới đây.
        Sửa tệp, lưu lại, chờ một hai giây rồi tải lại trang này (phím F5). Mã lỗi (PC…) được giải thích
        trong mục “Danh sách mã lỗi” của tài liệu hướng dẫn cho cán bộ.</p>

        """
        out += section("Lỗi", errors, className: "loi")
        out += section("Cảnh báo", warnings, className: "canh-bao")
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    private static func section(_ heading: String, _ diagnostics: [Diagnostic], className: String) -> String {
        guard !diagnostics.isEmpty else { return "" }
        var out = "<h2>\(heading) (\(diagnostics.count))</h2>\n<ol>\n"
        for diagnostic in diagnostics {
            var location = diagnostic.path
            if let line = diagnostic.line {
                location += ", dòng \(line)"
                if let column = diagnostic.column { location += ", cột \(column)" }
            }
            out += "<li><span class=\"\(className)\">\(HTML.escape(diagnostic.severity.label))[\(HTML.escape(diagnostic.code.rawValue))]</span> "
            out += "<code>\(HTML.escape(location))</code><br>\(HTML.escape(diagnostic.message))</li>\n"
        }
        return out + "</ol>\n"
    }
}
