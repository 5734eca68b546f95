import Foundation
import PhienchoContent
import PhienchoCore
import PhienchoModel
import PhienchoPublication
import PhienchoRender

/// `bao-cao-<from>-<to>.html`: the period's figures on one printable page for the centre's report
/// to the provincial police — the summary, bar charts (inline SVG, each with its numbers in the
/// table beside it) and the tables by commune, sector and month. Not part of the site: nothing on
/// it is fetched from anywhere, and it is written only into the report's folder.
enum ReportPage {
    static func html(_ figures: ReportFigures, organization: String, province: String) -> String {
        let period = "\(figures.from.vietnamese) – \(figures.to.vietnamese)"
        let rate = figures.hiredRate.map(VietnameseFormat.percent) ?? "—"
        var out = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <title>Báo cáo kết quả Phiên chợ việc làm, \(HTML.escape(period))</title>
        <style>
        @page { size: A4; margin: 12mm; }
        body { font-family: system-ui, "Noto Sans", Arial, sans-serif; font-size: 10pt; color: #000; margin: 0 auto; max-width: 190mm; }
        h1 { font-size: 15pt; margin: 0 0 2mm; } h2 { font-size: 11pt; margin: 4mm 0 1mm; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 2mm; }
        th, td { border: 1px solid #555; padding: .5mm 1.5mm; text-align: right; } th:first-child, td:first-child { text-align: left; }
        .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 6mm; } svg { width: 100%; height: auto; }
        </style>
        </head>
        <body>
        <h1>Kết quả Phiên chợ việc làm “Xanh lại ước mơ”, \(HTML.escape(period))</h1>
        <p>\(HTML.escape(organization)) (tỉnh \(HTML.escape(province))). Chỉ tính các tin đã duyệt; số người đã tuyển theo kết quả công an xã, phường báo lại.</p>
        <h2>Tổng hợp</h2>
        <table>
        <tr><th scope="col">Chỉ tiêu</th><th scope="col">Giá trị</th></tr>
        <tr><td>Tin đăng mới trong kỳ</td><td>\(figures.posted)</td></tr>
        <tr><td>Tin đang tuyển cuối kỳ</td><td>\(figures.openAtEnd)</td></tr>
        <tr><td>Đơn vị tuyển dụng</td><td>\(figures.employers)</td></tr>
        <tr><td>Vị trí cần tuyển</td><td>\(figures.openings)</td></tr>
        <tr><td>Số người đã tuyển</td><td>\(figures.hired)</td></tr>
        <tr><td>Tỷ lệ tuyển được</td><td>\(rate)</td></tr>
        </table>

        """
        out += "<h2>Theo tháng</h2>\n<div class=\"columns\">\n"
        out += BarChart.svg(figures.byMonth.map { ($0.name, $0.openings) }, label: "Vị trí cần tuyển theo tháng", unit: "vị trí")
        out += BarChart.svg(figures.byMonth.map { ($0.name, $0.hired) }, label: "Số người đã tuyển theo tháng", unit: "người")
        out += "</div>\n" + table(figures.byMonth, first: "Tháng")
        out += "<div class=\"columns\">\n<div>\n<h2>Theo xã, phường</h2>\n" + table(figures.byCommune, first: "Xã, phường")
        out += "</div>\n<div>\n<h2>Theo ngành nghề</h2>\n" + table(figures.bySector, first: "Ngành nghề") + "</div>\n</div>\n"
        return out + "</body>\n</html>\n"
    }

    private static func table(_ rows: [ReportFigures.Row], first: String) -> String {
        var out = "<table>\n<tr><th scope=\"col\">\(first)</th><th scope=\"col\">Tin đăng mới</th><th scope=\"col\">Vị trí cần tuyển</th><th scope=\"col\">Đã tuyển</th></tr>\n"
        for row in rows {
            out += "<tr><td>\(HTML.escape(row.name))</td><td>\(row.posted)</td><td>\(row.openings)</td><td>\(row.hired)</td></tr>\n"
        }
        return out + "</table>\n"
    }
}
