import Foundation

/// The report's tables, written as UTF-8 CSV files with a header row (column names are a contract:
/// docs/report.md) and as the sheets of one `.xlsx` workbook. Numbers are written plainly; the
/// rate with two decimals and a dot.
enum ReportFiles {
    struct Table {
        var file: String
        var sheet: String
        var rows: [[Workbook.Cell]]
    }

    static func tables(_ figures: ReportFigures) -> [Table] {
        let rate: Workbook.Cell = figures.hiredRate.map { .number(($0 * 100).rounded() / 100) } ?? .text("")
        let summary: [[Workbook.Cell]] = [
            [.text("chi_tieu"), .text("gia_tri")],
            [.text("tin_dang_moi"), .number(Double(figures.posted))],
            [.text("tin_dang_tuyen_cuoi_ky"), .number(Double(figures.openAtEnd))],
            [.text("don_vi_tuyen_dung"), .number(Double(figures.employers))],
            [.text("vi_tri_can_tuyen"), .number(Double(figures.openings))],
            [.text("so_nguoi_da_tuyen"), .number(Double(figures.hired))],
            [.text("ty_le_tuyen_duoc"), rate],
        ]
        func table(_ first: String, _ rows: [ReportFigures.Row]) -> [[Workbook.Cell]] {
            [[.text(first), .text("tin_dang_moi"), .text("vi_tri_can_tuyen"), .text("so_nguoi_da_tuyen")]]
                + rows.map { [.text($0.name), .number(Double($0.posted)), .number(Double($0.openings)), .number(Double($0.hired))] }
        }
        return [
            Table(file: "tong-hop.csv", sheet: "Tổng hợp", rows: summary),
            Table(file: "theo-xa-phuong.csv", sheet: "Theo xã, phường", rows: table("ten", figures.byCommune)),
            Table(file: "theo-nganh-nghe.csv", sheet: "Theo ngành nghề", rows: table("ten", figures.bySector)),
            Table(file: "theo-thang.csv", sheet: "Theo tháng", rows: table("thang", figures.byMonth)),
        ]
    }

    /// Every file of the report: the workbook `bao-cao-<from>-<to>.xlsx`, the printable
    /// `bao-cao-<from>-<to>.html`, then the CSV tables.
    static func files(_ figures: ReportFigures, organization: String = "", province: String = "") throws -> [(name: String, data: Data)] {
        let tables = tables(figures)
        let workbook = Workbook(sheets: tables.map { Workbook.Sheet(name: $0.sheet, rows: $0.rows) })
        // Noon of the period's last day: the same figures give the same bytes.
        let date = Date(timeIntervalSince1970: TimeInterval(figures.to.dayNumber * 86_400 + 43_200))
        let name = "bao-cao-\(figures.from.iso)-\(figures.to.iso)"
        return [("\(name).xlsx", try workbook.data(date: date)),
                ("\(name).html", Data(ReportPage.html(figures, organization: organization, province: province).utf8))]
            + tables.map { ($0.file, Data(csv($0.rows).utf8)) }
    }

    /// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled;
    /// lines end in CRLF, as spreadsheet programs expect.
    static func csv(_ rows: [[Workbook.Cell]]) -> String {
        rows.map { row in
            row.map { cell in
                switch cell {
                case .number(let value):
                    return value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
                case .text(let field):
                    return field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                        ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
                }
            }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }
}
