import Foundation

/// The report's tables as UTF-8 CSV files with a header row (column names are a contract:
/// docs/report.md). Numbers are written plainly; the rate with two decimals and a dot.
enum ReportFiles {
    static func csvFiles(_ figures: ReportFigures) -> [(name: String, text: String)] {
        let rate = figures.hiredRate.map { String(format: "%.2f", $0) } ?? ""
        let summary: [[String]] = [
            ["chi_tieu", "gia_tri"],
            ["tin_dang_moi", String(figures.posted)],
            ["tin_dang_tuyen_cuoi_ky", String(figures.openAtEnd)],
            ["don_vi_tuyen_dung", String(figures.employers)],
            ["vi_tri_can_tuyen", String(figures.openings)],
            ["so_nguoi_da_tuyen", String(figures.hired)],
            ["ty_le_tuyen_duoc", rate],
        ]
        func table(_ first: String, _ rows: [ReportFigures.Row]) -> [[String]] {
            [[first, "tin_dang_moi", "vi_tri_can_tuyen", "so_nguoi_da_tuyen"]]
                + rows.map { [$0.name, String($0.posted), String($0.openings), String($0.hired)] }
        }
        return [
            ("tong-hop.csv", csv(summary)),
            ("theo-xa-phuong.csv", csv(table("ten", figures.byCommune))),
            ("theo-nganh-nghe.csv", csv(table("ten", figures.bySector))),
            ("theo-thang.csv", csv(table("thang", figures.byMonth))),
        ]
    }

    /// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled;
    /// lines end in CRLF, as spreadsheet programs expect.
    static func csv(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { field in
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }
}
