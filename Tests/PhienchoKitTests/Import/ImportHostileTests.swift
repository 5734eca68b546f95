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

/// What a hostile or broken spreadsheet must not do to an import: pass a list of people, turn a
/// formula's error into a value, or move every reported cell one row.
@Suite("Import: hostile and broken sheets")
struct ImportHostileTests {
    @Test("The people-sheet rule, header by header", arguments: [
        ("Criminal record", true), ("Home address", true), ("Người lao động", true), ("Tội danh", true), ("Ngày ra tù", true),
        ("HKTT", true), ("Nơi thường trú", true), ("Thuong tru", true), ("Số CCCD", true), ("Họ và tên", true),
        ("Ngày sinh", true), ("Người tìm việc", true), ("Tiền án, tiền sự", true), ("Conviction", true), ("Release date", true),
        ("Permanent address", true), ("Quê quán", true), ("Hộ khẩu thường trú", true), ("ID number", true), ("Tình trạng án tích", true),
        ("Quyền lợi người lao động", false), ("Số người lao động cần tuyển", false), ("Tên đơn vị tuyển dụng", false),
        ("Họ tên người liên hệ", false), ("Địa chỉ nơi làm việc", false), ("Ghi chú", false), ("Yêu cầu", false),
        ("Số lượng", false), ("Trình độ", false), ("Company name", false), ("Contact person", false),
    ])
    func seekerHeaders(header: String, isSeeker: Bool) {
        #expect(SeekerHeaders.isSeekerColumn(header) == isSeeker)
    }

    static let vacancyHeader = ["Vị trí tuyển dụng", "Tên đơn vị tuyển dụng", "Xã/phường nơi làm việc", "Ngành nghề", "Số lượng", "Hạn nộp hồ sơ"]

    /// A two-sheet workbook: the vacancy list first, then `second` (hidden when asked).
    static func workbook(first: String, second: String, hidden: Bool) throws -> Data {
        let rel = XLSXReaderTests.rel, main = XLSXReaderTests.main
        return try XLSXReaderTests.package([
            "[Content_Types].xml": "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            "_rels/.rels": "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            "xl/workbook.xml": "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"Việc tìm người\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Sheet2\" sheetId=\"2\" r:id=\"rId2\"\(hidden ? " state=\"hidden\"" : "")/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels": "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet2.xml\"/></Relationships>",
            "xl/worksheets/sheet1.xml": "<worksheet xmlns=\"\(main)\"><sheetData>\(first)</sheetData></worksheet>",
            "xl/worksheets/sheet2.xml": "<worksheet xmlns=\"\(main)\"><sheetData>\(second)</sheetData></worksheet>",
        ])
    }

    static func row(_ number: Int, _ cells: [String]) -> String {
        "<row r=\"\(number)\">" + cells.enumerated().map { index, cell in
            cell.hasPrefix("#") ? "<c r=\"\(Spreadsheet.reference(column: index, row: number))\" t=\"e\"><v>\(cell)</v></c>"
                : "<c r=\"\(Spreadsheet.reference(column: index, row: number))\" t=\"inlineStr\"><is><t>\(cell)</t></is></c>"
        }.joined() + "</row>"
    }

    static func run(_ site: StaffContent, _ data: Data, name: String) throws -> VacancyImport.Outcome {
        let file = site.root.appendingPathComponent(name)
        try data.write(to: file)
        return VacancyImport(options: .init(file: file, fileDisplay: name, content: Folder(site.content, shown: "content"),
                                            today: LocalDate(iso: "2026-12-03"), dryRun: false, approve: false)).run()
    }

    @Test("A list of people on a second sheet, hidden or not, refuses the whole workbook", arguments: [true, false])
    func peopleOnASecondSheet(hidden: Bool) throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        let vacancies = Self.row(1, Self.vacancyHeader) + Self.row(2, ["Thợ hàn", "Cơ khí A", "Gia Trấn", "Cơ khí – Hàn", "1", "31/12/2026"])
        let people = Self.row(1, ["STT", "Họ và tên", "Tội danh", "Ngày ra tù"]) + Self.row(2, ["1", "Trần Văn Hòa", "Trộm cắp", "01/02/2025"])
        let outcome = try Self.run(site, try Self.workbook(first: vacancies, second: people, hidden: hidden), name: "ds.xlsx")
        #expect(outcome.diagnostics.map(\.code) == [.importSeekerSheet], "\(outcome.diagnostics.staffListed)")
        #expect(outcome.diagnostics.first?.formatted.hasPrefix("ds.xlsx:Sheet2!B1: lỗi[PC704]") == true)
        #expect(!outcome.written)
        let said = outcome.diagnostics.map(\.formatted).joined()
        for value in ["Trần", "Hòa", "Trộm", "2025"] { #expect(!said.contains(value)) }
        // A guide sheet whose sentences mention the record is no list of people.
        let guide = Self.row(1, ["Cột", "Cách ghi"]) + Self.row(2, ["Yêu cầu", "Ghi rõ nếu nhận người đã chấp hành xong án phạt tù, có tiền án"])
        let fine = try Self.run(site, try Self.workbook(first: vacancies, second: guide, hidden: hidden), name: "ds2.xlsx")
        #expect(fine.errorCount == 0 && fine.written, "\(fine.diagnostics.staffListed)")
    }

    @Test("A formula's error value is an error at its cell, in any column, never a value")
    func formulaErrors() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        let sheet = Self.row(1, Self.vacancyHeader) + Self.row(2, ["Thợ hàn", "#N/A", "Gia Trấn", "Cơ khí – Hàn", "#REF!", "31/12/2026"])
        let outcome = try Self.run(site, try Self.workbook(first: sheet, second: "", hidden: false), name: "ds.xlsx")
        let errors = outcome.diagnostics.filter { $0.code == .importFormulaError }.map(\.formatted)
        #expect(errors.count == 2 && errors[0].hasPrefix("ds.xlsx:Việc tìm người!B2: lỗi[PC720]") && errors[0].contains("#N/A"), "\(errors)")
        #expect(errors[1].hasPrefix("ds.xlsx:Việc tìm người!E2: lỗi[PC720]"))
        #expect(!outcome.written)
    }

    @Test("An Excel sep= line is read with any line ending: cells are reported where Excel shows them",
          arguments: ["\r\n", "\n"])
    func separatorLine(ending: String) throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        let text = ["sep=;", Self.vacancyHeader.joined(separator: ";"), "Thợ hàn;Cơ khí A;Không Có Xã;Cơ khí – Hàn;1;31/12/2026"]
            .joined(separator: ending) + ending
        let outcome = try Self.run(site, Data(text.utf8), name: "ds.csv")
        let unknown = outcome.diagnostics.filter { $0.code == .importUnknownTerm }.map(\.formatted)
        #expect(unknown.count == 1 && unknown[0].hasPrefix("ds.csv:C2: lỗi[PC708]"), "\(outcome.diagnostics.staffListed)")
    }
}

/// Nothing phiencho does not own is overwritten: a filled sheet by the template, a folder outside
/// the content through a link.
@Suite("Import: nothing it does not own is overwritten")
struct ImportOwnershipTests {
    @Test("The template never replaces an existing file unless told to")
    func templateKeepsAFilledSheet() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        let filled = site.root.appendingPathComponent("danh-sach-quy-4.xlsx")
        try Data("bảng đã điền".utf8).write(to: filled)
        let refused = ImportTemplate.write(to: filled, content: Folder(site.content, shown: "content"))
        guard case .failure(.io(let message)) = refused else { Issue.record("written over"); return }
        #expect(message.contains("--force"))
        #expect(try Data(contentsOf: filled) == Data("bảng đã điền".utf8))
        guard case .success = ImportTemplate.write(to: filled, content: Folder(site.content, shown: "content"), replacing: true)
        else { Issue.record("--force refused"); return }
        #expect(try XLSXReader.read(Data(contentsOf: filled)).sheets.first?.name == ImportTemplate.sheetName)
    }

    @Test("An import never writes through a month folder that links out of the content")
    func noWritingThroughLinks() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        let outside = site.root.appendingPathComponent("ngoai")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: site.content.appendingPathComponent("vacancies"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.content.appendingPathComponent("vacancies/2026-12"), withDestinationURL: outside)
        let outcome = try VacancyImportTests.importing(site, [VacancyImportTests.header, VacancyImportTests.rows[0]])
        #expect(!outcome.written)
        let failures = outcome.diagnostics.filter { $0.code == .outputProblem }
        #expect(outcome.exitStatus == 2 && failures.count == 1)
        #expect(failures.first?.message.contains("liên kết") == true, "\(outcome.diagnostics)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }
}

/// An update changes only the lines whose meaning changed, and keeps the file's form.
@Suite("Import: minimal edits")
struct ImportMinimalEditTests {
    @Test("A CRLF file with a byte order mark keeps both, and its body byte for byte, when one deadline changes")
    func layoutIsKept() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        try site.writeVacancy("vacancies/tho-han.md", id: "NB-T-9", title: "Thợ hàn")
        let url = site.content.appendingPathComponent("vacancies/tho-han.md")
        let lf = try String(contentsOf: url, encoding: .utf8)
        let original = "\u{FEFF}" + (lf + "\nMột dòng  có hai dấu cách\rvà một CR lẻ.\n").replacingOccurrences(of: "\n", with: "\r\n")
        try Data(original.utf8).write(to: url)
        let header = "Mã tin;Hạn nộp hồ sơ;Số lượng"
        let outcome = try VacancyImportTests.importing(site, [header, "NB-T-9;15/01/2027;2"])
        #expect(outcome.errorCount == 0 && outcome.changes.count == 1, "\(outcome.diagnostics.staffListed)")
        // Compared as bytes: Foundation's String(contentsOf:) would drop the byte order mark.
        let after = try Data(contentsOf: url)
        let expires = try #require(original.firstMatch(of: /expires: [0-9-]+/)).0
        #expect(after == Data(original.replacingOccurrences(of: String(expires), with: "expires: 2027-01-15").utf8))
    }

    @Test("A row typed in capitals, NFD or with double spaces changes nothing the file says")
    func sameMeaning() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        try site.writeVacancy("vacancies/tho-han.md", id: "NB-T-9", title: "Thợ hàn")
        let before = try site.read("vacancies/tho-han.md")
        let header = "Mã tin;Vị trí tuyển dụng;Số lượng"
        for title in ["THỢ HÀN", "Thợ  hàn", "Thợ hàn".decomposedStringWithCanonicalMapping] {
            let outcome = try VacancyImportTests.importing(site, [header, "NB-T-9;\(title);2"])
            #expect(outcome.changes.isEmpty && outcome.errorCount == 0, "\(title): \(outcome.diagnostics.staffListed)")
        }
        #expect(try site.read("vacancies/tho-han.md") == before)
        // A different word is a change ("Thợ máy" is not "Thợ may").
        #expect(try VacancyImportTests.importing(site, [header, "NB-T-9;Thợ hàn điện;2"]).changes.count == 1)
    }
}
