import Foundation
import PhienchoContent
import PhienchoCore
import PhienchoPublication
import PhienchoSpreadsheets

/// The report's tables, written as UTF-8 CSV files with a header row of field names (a contract:
/// docs/report.md) and as the sheets of one `.xlsx` workbook a staff member can print and hand in:
/// Vietnamese column titles, a title row with the province, the period and the day the report was
/// made on every sheet, and a totals row under every table. Numbers are written plainly; the rate
/// with two decimals and a dot.
enum ReportFiles {
    struct Table {
        var file: String
        var sheet: String
        /// What the sheet's title says the table is.
        var heading: String
        /// Each column's CSV field name and its Vietnamese title.
        var columns: [(field: String, title: String)]
        var rows: [[Workbook.Cell]]
        /// Sums the numeric columns under the table in the workbook (never in the CSV).
        var hasTotals = true

        var csvRows: [[Workbook.Cell]] { [columns.map { .text($0.field) }] + rows }

        var totals: [Workbook.Cell] {
            [.text("Tổng cộng")] + columns.indices.dropFirst().map { column in
                .number(rows.reduce(0) { sum, row in if case .number(let value) = row[column] { sum + value } else { sum } })
            }
        }
    }

    /// The summary's rows: field name, Vietnamese label.
    static let indicators: [(field: String, label: String)] = [
        ("tin_dang_moi", "Tin đăng mới trong kỳ"),
        ("tin_dang_tuyen_cuoi_ky", "Tin đang tuyển cuối kỳ"),
        ("don_vi_tuyen_dung", "Đơn vị tuyển dụng"),
        ("vi_tri_can_tuyen", "Vị trí cần tuyển"),
        ("so_nguoi_da_tuyen", "Số người đã tuyển"),
        ("ty_le_tuyen_duoc", "Tỷ lệ tuyển được (%)"),
    ]

    static func tables(_ figures: ReportFigures) -> [Table] {
        let rate: Workbook.Cell = figures.hiredRate.map { .number(($0 * 100).rounded() / 100) } ?? .text("")
        let values: [Workbook.Cell] = [figures.posted, figures.openAtEnd, figures.employers, figures.openings, figures.hired].map { .number(Double($0)) } + [rate]
        func table(_ file: String, _ sheet: String, _ heading: String, field: String, title: String, _ rows: [ReportFigures.Row]) -> Table {
            Table(file: file, sheet: sheet, heading: heading,
                  columns: [(field, title), ("tin_dang_moi", "Tin đăng mới"), ("vi_tri_can_tuyen", "Vị trí cần tuyển"), ("so_nguoi_da_tuyen", "Số người đã tuyển")],
                  rows: rows.map { [.text($0.name), .number(Double($0.posted)), .number(Double($0.openings)), .number(Double($0.hired))] })
        }
        return [
            Table(file: "tong-hop.csv", sheet: "Tổng hợp", heading: "Tổng hợp", columns: [("chi_tieu", "Chỉ tiêu"), ("gia_tri", "Giá trị")],
                  rows: zip(indicators, values).map { [.text($0.0.field), $0.1] }, hasTotals: false),
            table("theo-xa-phuong.csv", "Theo xã, phường", "Theo xã, phường nơi làm việc", field: "ten", title: "Xã, phường nơi làm việc", figures.byCommune),
            Table(file: "theo-noi-bao.csv", sheet: "Theo công an báo", heading: "Số người đã tuyển theo công an xã, phường báo kết quả",
                  columns: [("noi_bao", "Công an xã, phường báo kết quả"), ("so_lan_bao", "Số lần báo"), ("so_nguoi_da_tuyen", "Số người đã tuyển")],
                  rows: figures.byReporter.map { [.text($0.name), .number(Double($0.reports)), .number(Double($0.hired))] }),
            table("theo-nganh-nghe.csv", "Theo ngành nghề", "Theo ngành nghề", field: "ten", title: "Ngành nghề", figures.bySector),
            table("theo-thang.csv", "Theo tháng", "Theo tháng", field: "thang", title: "Tháng", figures.byMonth),
        ]
    }

    /// A sheet of the workbook: three title rows and a blank one, the Vietnamese column titles, the
    /// rows (the summary's indicators by their labels), and the totals.
    static func sheet(_ table: Table, figures: ReportFigures, organization: String, province: String) -> Workbook.Sheet {
        let labels = Dictionary(uniqueKeysWithValues: indicators.map { ($0.field, $0.label) })
        let rows = table.rows.map { row -> [Workbook.Cell] in
            guard table.file == "tong-hop.csv", case .text(let field) = row[0] else { return row }
            return [.text(labels[field] ?? field)] + row.dropFirst()
        }
        let title: [[Workbook.Cell]] = [
            [.text("KẾT QUẢ PHIÊN CHỢ VIỆC LÀM “XANH LẠI ƯỚC MƠ”: \(table.heading.uppercased())")],
            [.text("\(organization), tỉnh \(province)")],
            [.text("Kỳ báo cáo: từ \(figures.from.vietnamese) đến \(figures.to.vietnamese). Lập ngày \(figures.made.vietnamese).")],
            [],
        ]
        return Workbook.Sheet(name: table.sheet, rows: title + [table.columns.map { .text($0.title) }] + rows + (table.hasTotals ? [table.totals] : []),
                              header: true, titleRows: title.count, totals: table.hasTotals, printable: true,
                              widths: [38] + Array(repeating: 18, count: table.columns.count - 1))
    }

    /// Every file of the report: the workbook `bao-cao-<from>-<to>.xlsx`, the formal report
    /// `bao-cao-<from>-<to>.docx`, the printable `bao-cao-<from>-<to>.html`, then the CSV tables.
    static func files(_ figures: ReportFigures, site: SiteConfig) throws -> [(name: String, data: Data)] {
        let tables = tables(figures)
        let workbook = Workbook(sheets: tables.map { sheet($0, figures: figures, organization: site.organization, province: site.province) })
        // Noon of the period's last day: the same figures give the same bytes.
        let date = Date(timeIntervalSince1970: TimeInterval(figures.to.dayNumber * 86_400 + 43_200))
        let name = "bao-cao-\(figures.from.iso)-\(figures.to.iso)"
        return [("\(name).xlsx", try workbook.data(date: date)),
                ("\(name).docx", try ReportDocument(figures: figures, site: site).data(date: date)),
                ("\(name).html", Data(ReportPage.html(figures, organization: site.organization, province: site.province).utf8))]
            + tables.map { ($0.file, Data(csv($0.csvRows).utf8)) }
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
