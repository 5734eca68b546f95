import Foundation
import Testing
@testable import PhienchoAudit
@testable import PhienchoContent
@testable import PhienchoCore
@testable import PhienchoImport
@testable import PhienchoKit
@testable import PhienchoModel
@testable import PhienchoOutput
@testable import PhienchoPublication
@testable import PhienchoRender
@testable import PhienchoReport
@testable import PhienchoSpreadsheets

/// Rows as people see them: a row only a merged cell reaches is empty, a title edited on one side
/// is not a second vacancy, every source is kept, a column the police added is only a warning.
@Suite("Import: rows as people see them")
struct ImportRowsTests {
    static let header = "Vị trí tuyển dụng;Tên đơn vị tuyển dụng;Xã/phường nơi làm việc;Ngành nghề;Số lượng;Hạn nộp hồ sơ;Nguồn"

    @Test func aRowThatOnlyAMergedCellReachesIsEmpty() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        let header = ImportHostileTests.vacancyHeader + ["Nguồn"]
        var sheet = ImportHostileTests.row(1, header)
        sheet += ImportHostileTests.row(2, ["Thợ hàn", "Cơ khí A", "Gia Trấn", "Cơ khí – Hàn", "1", "31/12/2026", "Công an xã Gia Trấn"])
        sheet += ImportHostileTests.row(3, ["Phụ hồ", "Xây dựng B", "Hoa Lư", "Xây dựng", "2", "31/12/2026"])
        // "Nguồn" (G2) merged down to row 6: rows 4 to 6 hold nothing of their own.
        let data = try XLSXReaderTests.package([
            "[Content_Types].xml": "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            "_rels/.rels": "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(XLSXReaderTests.rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            "xl/workbook.xml": "<workbook xmlns=\"\(XLSXReaderTests.main)\" xmlns:r=\"\(XLSXReaderTests.rel)\"><sheets><sheet name=\"DS\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels": "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(XLSXReaderTests.rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
            "xl/worksheets/sheet1.xml": "<worksheet xmlns=\"\(XLSXReaderTests.main)\"><sheetData>\(sheet)</sheetData><mergeCells count=\"1\"><mergeCell ref=\"G2:G6\"/></mergeCells></worksheet>",
        ])
        let outcome = try ImportHostileTests.run(site, data, name: "ds.xlsx")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.staffListed)")
        #expect(outcome.rows == 2 && outcome.changes.count == 2)
        // Row 3 shows the merged source, and it is its source.
        #expect(try site.read("vacancies/2026-12/nb-2026-002-phu-ho.md").contains("  nguon:\n    - \"Công an xã Gia Trấn\"\n"))
    }

    @Test func aTitleEditedInTheFileIsNotASecondVacancy() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        try site.writeVacancy("vacancies/2026-11/nb-2026-032-tho-han.md", id: "NB-2026-032", title: "Thợ hàn cửa sắt")
        let row = "Thợ hàn;Xưởng cơ khí Minh Phát;Gia Trấn;Cơ khí – Hàn;3;31/12/2026;Công an xã Gia Trấn"
        let outcome = try VacancyImportTests.importing(site, [Self.header, row])
        #expect(outcome.diagnostics.map(\.formatted) == [
            "ds.csv:A2: lỗi[PC721]: “Vị trí tuyển dụng”: có thể trùng với NB-2026-032 (“Thợ hàn cửa sắt”, tệp content/vacancies/2026-11/nb-2026-032-tho-han.md): ghi Mã tin NB-2026-032 để cập nhật, hoặc ghi “mới” vào Mã tin để tạo tin mới.",
        ])
        #expect(!outcome.written)
        // "mới" in Mã tin: a new vacancy all the same; the id updates the file.
        let fresh = try VacancyImportTests.importing(site, ["Mã tin;" + Self.header, "mới;" + row], dryRun: true)
        #expect(fresh.errorCount == 0 && fresh.changes.map(\.kind) == [.created], "\(fresh.diagnostics.staffListed)")
        let update = try VacancyImportTests.importing(site, ["Mã tin;" + Self.header, "NB-2026-032;" + row], dryRun: true)
        #expect(update.errorCount == 0 && update.changes.map(\.kind) == [.updated], "\(update.diagnostics.staffListed)")
    }

    @Test("Close titles", arguments: [("Thợ hàn", "Thợ hàn cửa sắt", true), ("Tho han", "Thợ hàn", true), ("Thợ hàn", "Thợ hành", true),
                                      ("Phụ hồ", "Thợ hàn", false), ("Công nhân may", "Bảo vệ", false)])
    func closeTitles(a: String, b: String, close: Bool) {
        #expect(ExistingVacancies.isClose(a, b) == close)
    }

    @Test func everySourceIsKeptOldestFirst() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        let path = "vacancies/2026-11/nb-2026-032-tho-han.md"
        try site.writeVacancy(path, id: "NB-2026-032")
        try site.write(path, try site.read(path).replacingOccurrences(of: "openings: 2\n", with: "openings: 2\ninternal:\n  nguon: Công an xã Gia Trấn, quý III/2026\n"))
        let header = "Mã tin;Nguồn;Số người đã tuyển;Ngày báo kết quả"
        #expect(try VacancyImportTests.importing(site, [header, "NB-2026-032;Công an xã Gia Trấn, quý IV/2026;;"]).written)
        #expect(try VacancyImportTests.importing(site, [header, "NB-2026-032;Công an xã Gia Trấn;1;02/12/2026"]).written)
        let text = try site.read(path)
        #expect(text.contains("internal:\n  nguon:\n    - \"Công an xã Gia Trấn, quý III/2026\"\n    - \"Công an xã Gia Trấn, quý IV/2026\"\n    - \"Công an xã Gia Trấn\"\n"), "\(text)")
        // The same sheet again adds nothing.
        #expect(try VacancyImportTests.importing(site, [header, "NB-2026-032;CÔNG AN XÃ GIA TRẤN;1;02/12/2026"]).changes.isEmpty)
    }

    @Test func aColumnThePoliceAddedIsAWarningAndIsNeverWritten() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        let outcome = try VacancyImportTests.importing(site, [Self.header + ";Ghi chú nội bộ;Ghi chú",
                                                              "Thợ hàn;Cơ khí A;Gia Trấn;Cơ khí – Hàn;3;31/12/2026;;Đã gọi;Ông Tư, 0912 345 678"])
        #expect(outcome.diagnostics.map(\.formatted) == [
            "ds.csv:I1: cảnh báo[PC714]: Cột “Ghi chú” không có trong mẫu nên được bỏ qua, không ghi vào tin nào. (cột của mẫu là “Ghi chú nội bộ”, ở ô H1)",
        ])
        let text = try site.read("vacancies/2026-12/nb-2026-001-tho-han.md")
        #expect(text.contains("ghi_chu: \"Đã gọi\"") && !text.contains("Ông Tư"))
    }
}
