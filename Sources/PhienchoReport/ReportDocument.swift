import Foundation
import PhienchoContent
import PhienchoCore
import PhienchoModel
import PhienchoPublication
import PhienchoSpreadsheets

/// `bao-cao-<from>-<to>.docx`: the period's figures as a Vietnamese administrative report, laid
/// out as Nghị định 30/2020/NĐ-CP sets it out (Phụ lục I): the issuing body (from site.yml: its
/// parent body, `parent_organization`, and `organization`) and the national motto side by side at
/// the top, the number and the place/date lines left for the centre's clerk to fill in, the title,
/// the figures in sentences and in tables, the plan's baseline (`report_baseline`) beside this
/// period's figures, then "Nơi nhận" and the signature block. A4, Times New Roman, margins of
/// 20/15/20/30 mm. WordprocessingML written by `OfficePackage`, so the same figures give the same
/// bytes; Word and LibreOffice open it.
struct ReportDocument {
    let figures: ReportFigures
    let site: SiteConfig

    func data(date: Date) throws -> Data {
        try OfficePackage.data([
            ("[Content_Types].xml", OfficePackage.declaration
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
                + "</Types>"),
            ("_rels/.rels", OfficePackage.declaration
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                + "</Relationships>"),
            ("word/_rels/document.xml.rels", OfficePackage.declaration
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                + "</Relationships>"),
            ("word/styles.xml", Self.styles),
            ("word/document.xml", document()),
        ], date: date)
    }

    private static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// Times New Roman 14 pt, justified, 6 pt after each paragraph; Vietnamese as the language.
    private static let styles = OfficePackage.declaration + "<w:styles xmlns:w=\"\(namespace)\"><w:docDefaults>"
        + "<w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>"
        + "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\"/></w:rPr></w:rPrDefault>"
        + "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault>"
        + "</w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
        + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
        + "<w:tblPr><w:tblCellMar><w:left w:w=\"108\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        + "</w:styles>"

    // MARK: The document

    func document() -> String {
        let from = figures.from.vietnamese, to = figures.to.vietnamese
        let rate = figures.hiredRate.map(VietnameseFormat.percent) ?? "—"
        var body = heading()
        body += paragraph([Run("BÁO CÁO", bold: true)], align: "center", before: 240, after: 0)
        body += paragraph([Run("Kết quả Phiên chợ việc làm “Xanh lại ước mơ”", bold: true)], align: "center", after: 0)
        body += paragraph([Run("từ ngày \(from) đến ngày \(to)", bold: true)], align: "center", after: 0)
        body += paragraph([Run("________", bold: true)], align: "center", after: 240)
        body += text("Thực hiện Kế hoạch tổ chức Phiên chợ việc làm “Xanh lại ước mơ” hỗ trợ người chấp hành xong án phạt tù tái hòa nhập cộng đồng, \(site.organization) báo cáo kết quả từ ngày \(from) đến ngày \(to) như sau:")
        body += paragraph([Run("I. KẾT QUẢ THỰC HIỆN", bold: true)], indent: true)
        body += text("1. Trong kỳ, Phiên chợ đăng \(Self.number(figures.posted)) tin tuyển dụng mới của \(Self.number(figures.employers)) đơn vị, với \(Self.number(figures.openings)) vị trí cần tuyển; đến ngày \(to) còn \(Self.number(figures.openAtEnd)) tin đang tuyển.")
        body += text("2. Công an các xã, phường báo lại \(Self.number(figures.hired)) người đã được tuyển dụng trong kỳ"
                     + (figures.hiredRate == nil ? "." : ", bằng \(rate) số vị trí cần tuyển."))
        if let baseline = site.reportBaseline {
            body += text("3. So với số liệu nền của Kế hoạch (\(Self.number(baseline.employed)) trong tổng số \(Self.number(baseline.total)) người chấp hành xong án phạt tù đã có việc làm, đạt \(Self.share(baseline))), trong kỳ có thêm \(Self.number(figures.hired)) người có việc làm qua Phiên chợ.")
        }
        body += paragraph([Run("Bảng 1. Số liệu tổng hợp", bold: true)], align: "center", after: 60)
        var rows = [["STT", "Chỉ tiêu", "Kỳ này"]]
        let values = [figures.posted, figures.openAtEnd, figures.employers, figures.openings, figures.hired].map(Self.number) + [rate]
        for (index, (indicator, value)) in zip(ReportFiles.indicators, values).enumerated() {
            rows.append([String(index + 1), indicator.label.replacingOccurrences(of: " (%)", with: ""), value])
        }
        if let baseline = site.reportBaseline {
            rows.append([String(rows.count), "Số liệu nền của Kế hoạch: người có việc làm / tổng số",
                         "\(Self.number(baseline.employed)) / \(Self.number(baseline.total)) (\(Self.share(baseline)))"])
        }
        body += table(rows, widths: [800, 5600, 2700])
        body += paragraph([Run("Bảng 2. Số người đã tuyển theo công an xã, phường báo kết quả", bold: true)], align: "center", before: 240, after: 60)
        var reporters = [["STT", "Công an xã, phường", "Số lần báo", "Số người đã tuyển"]]
        for (index, reporter) in figures.byReporter.enumerated() {
            reporters.append([String(index + 1), reporter.name, Self.number(reporter.reports), Self.number(reporter.hired)])
        }
        reporters.append(["", "Tổng cộng", Self.number(figures.byReporter.reduce(0) { $0 + $1.reports }), Self.number(figures.hired)])
        body += table(reporters, widths: [800, 4600, 1800, 1900], boldLast: true)
        body += paragraph([Run("II. NHẬN XÉT, KIẾN NGHỊ", bold: true)], indent: true, before: 240)
        body += text(String(repeating: ".", count: 120))
        body += closing()
        return OfficePackage.declaration + "<w:document xmlns:w=\"\(Self.namespace)\"><w:body>" + body
            + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"851\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
            + "</w:body></w:document>"
    }

    /// The issuing body on the left, the national motto on the right (NĐ 30/2020, Phụ lục I).
    private func heading() -> String {
        var left = ""
        if let parent = site.parentOrganization {
            left += paragraph([Run(parent.uppercased(), size: 24)], align: "center", after: 0)
        }
        left += paragraph([Run(site.organization.uppercased(), bold: true, size: 24)], align: "center", after: 0)
        left += paragraph([Run("________", size: 26)], align: "center", after: 60)
        left += paragraph([Run("Số:        /BC-", size: 26)], align: "center", after: 0)
        var right = paragraph([Run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 24)], align: "center", after: 0)
        right += paragraph([Run("Độc lập - Tự do - Hạnh phúc", bold: true, underline: true, size: 26)], align: "center", after: 60)
        right += paragraph([Run("\(site.province), ngày      tháng      năm \(figures.made.year)", italic: true, size: 26)], align: "center", after: 0)
        return borderless([[left, right]], widths: [3450, 6150])
    }

    /// "Nơi nhận" on the left, the head's title and room to sign on the right.
    private func closing() -> String {
        var left = paragraph([Run("Nơi nhận:", bold: true, italic: true, size: 24)], align: "left", before: 240, after: 0)
        for line in ["- Công an tỉnh \(site.province);"] + (site.parentOrganization.map { ["- \($0);"] } ?? []) + ["- Lưu: VT."] {
            left += paragraph([Run(line, size: 22)], align: "left", after: 0)
        }
        var right = paragraph([Run("GIÁM ĐỐC", bold: true)], align: "center", before: 240, after: 0)
        right += paragraph([Run("(Ký tên, đóng dấu)", italic: true)], align: "center", after: 1400)
        return borderless([[left, right]], widths: [4500, 4850])
    }

    // MARK: WordprocessingML

    struct Run {
        package var text: String
        var bold = false
        var italic = false
        var underline = false
        /// Half-points; nil: the default 14 pt.
        var size: Int?

        init(_ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false, size: Int? = nil) {
            (self.text, self.bold, self.italic, self.underline, self.size) = (text, bold, italic, underline, size)
        }

        var xml: String {
            var properties = ""
            if bold { properties += "<w:b/><w:bCs/>" }
            if italic { properties += "<w:i/><w:iCs/>" }
            if underline { properties += "<w:u w:val=\"single\"/>" }
            if let size { properties += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
            return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>") + "<w:t xml:space=\"preserve\">\(XML.escape(text))</w:t></w:r>"
        }
    }

    private func paragraph(_ runs: [Run], align: String? = nil, indent: Bool = false, before: Int = 0, after: Int = 120) -> String {
        var properties = "<w:spacing w:before=\"\(before)\" w:after=\"\(after)\"/>"
        if indent { properties += "<w:ind w:firstLine=\"567\"/>" }
        if let align { properties += "<w:jc w:val=\"\(align)\"/>" }
        return "<w:p><w:pPr>\(properties)</w:pPr>" + runs.map(\.xml).joined() + "</w:p>"
    }

    /// A body paragraph: justified, its first line indented 1 cm.
    private func text(_ text: String) -> String { paragraph([Run(text)], indent: true) }

    /// A table with borders; the first row is bold and repeated on each page.
    private func table(_ rows: [[String]], widths: [Int], boldLast: Bool = false) -> String {
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(border)/>" }.joined()
            + "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for (index, row) in rows.enumerated() {
            let bold = index == 0 || (boldLast && index == rows.count - 1)
            xml += "<w:tr>" + (index == 0 ? "<w:trPr><w:tblHeader/></w:trPr>" : "")
            for (column, cell) in row.enumerated() {
                let align = column == 1 && index > 0 ? "left" : "center"
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[column])\" w:type=\"dxa\"/></w:tcPr>"
                    + paragraph([Run(cell, bold: bold, size: 26)], align: align, before: 40, after: 40) + "</w:tc>"
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    /// Side-by-side blocks without borders (the heading, the signature).
    private func borderless(_ rows: [[String]], widths: [Int]) -> String {
        // Cells without inner margins, the table pulled into the margins by as much: the heading's
        // two blocks get the whole line (the national motto fits on one).
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:tblInd w:w=\"-100\" w:type=\"dxa\"/><w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"nil\"/>" }.joined()
            + "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for row in rows {
            xml += "<w:tr>" + zip(row, widths).map { "<w:tc><w:tcPr><w:tcW w:w=\"\($1)\" w:type=\"dxa\"/></w:tcPr>\($0)</w:tc>" }.joined() + "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    static func number(_ value: Int) -> String { VietnameseFormat.number(value) }

    /// The baseline's share of people in work, "6,31 %".
    static func share(_ baseline: SiteConfig.ReportBaseline) -> String {
        VietnameseFormat.percent(Double(baseline.employed) * 100 / Double(baseline.total))
    }
}
