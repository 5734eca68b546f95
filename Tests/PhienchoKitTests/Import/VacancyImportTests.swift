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

/// `phiencho import` on a content folder of its own: rows become files that `check` accepts, every
/// problem is reported at its cell with nothing written, a second import changes nothing, an update
/// keeps what the sheet does not give, and a list of people is refused whole.
@Suite("Import: spreadsheet rows become vacancy files")
struct VacancyImportTests {
    static let header = "Mã tin;Vị trí tuyển dụng;Tên đơn vị tuyển dụng;Điện thoại;Xã/phường nơi làm việc;Ngành nghề;Số lượng;Lương từ;Lương đến;Trả lương theo;Ngày đăng;Hạn nộp hồ sơ;Yêu cầu;Mô tả công việc;Ghi chú nội bộ;Nguồn"
    static let rows = [
        ";Thợ hàn cửa sắt;Cơ khí Tiến Đạt;912345678;Gia Trấn;Cơ khí – Hàn;3;6.500.000;9000000;tháng;01/12/2026;31/12/2026;\"- Từ 18 tuổi\n- Sức khỏe tốt\";Hàn cổng.;Đã gọi;Công an xã Gia Trấn, quý IV/2026",
        ";;;;;;;;;;;;;;;",
        ";Phụ hồ;Xây dựng Minh Khang;0987 654 321;Hoa Lư;Xây dựng;5;;;;;2027-01-15;;;;",
    ]

    static func importing(_ site: StaffContent, _ lines: [String], name: String = "ds.csv", approve: Bool = false,
                          dryRun: Bool = false, bom: Bool = true) throws -> VacancyImport.Outcome {
        let file = site.root.appendingPathComponent(name)
        try Data(((bom ? "\u{FEFF}" : "") + lines.joined(separator: "\r\n") + "\r\n").utf8).write(to: file)
        return VacancyImport(options: .init(file: file, fileDisplay: name, content: Folder(site.content, shown: "content"),
                                            today: LocalDate(iso: "2026-12-03"), dryRun: dryRun, approve: approve)).run()
    }

    static func vacancyFiles(_ site: StaffContent) -> [String: Data] {
        readTree(site.content.appendingPathComponent("vacancies"))
    }

    @Test func newRowsBecomeDraftsThatCheckAccepts() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        let outcome = try Self.importing(site, [Self.header] + Self.rows)
        #expect(outcome.errorCount == 0, "\(outcome.diagnostics.staffListed)")
        #expect(outcome.written && outcome.rows == 2)
        #expect(outcome.changes.map(\.displayPath) == ["content/vacancies/2026-12/nb-2026-001-tho-han-cua-sat.md",
                                                       "content/vacancies/2026-12/nb-2026-002-phu-ho.md"])
        #expect(outcome.diagnostics.map(\.formatted) == [
            "ds.csv:D2: cảnh báo[PC710]: “Điện thoại”: số “912345678” mất số 0 ở đầu (thường do ô định dạng số), chương trình ghi lại là “0912345678”. Hãy kiểm tra, và định dạng cột này là Văn bản (Text).",
        ])
        let text = try site.read("vacancies/2026-12/nb-2026-001-tho-han-cua-sat.md")
        for line in ["status: draft", "posted: 2026-12-01", "expires: 2026-12-31", "  phone: \"0912345678\"", "  min: 6500000",
                     "  max: 9000000", "  period: month", "  - \"Sức khỏe tốt\"", "  ghi_chu: \"Đã gọi\"",
                     "    - \"Công an xã Gia Trấn, quý IV/2026\"", "Hàn cổng."] {
            #expect(text.contains("\n" + line + "\n"), "missing \(line)")
        }
        let second = try site.read("vacancies/2026-12/nb-2026-002-phu-ho.md")
        // Optional fields the row leaves empty are left out, not written empty; posted is the import day.
        #expect(!second.contains("salary:") && !second.contains("apply:") && !second.contains("tags:"))
        #expect(second.contains("\nposted: 2026-12-03\n"))
        let report = site.check(now: "2026-12-03")
        #expect(report.errorCount == 0 && report.warningCount == 0, "\(report.diagnostics.staffListed)")
        #expect(report.draftCount == 2)
    }

    @Test func approvedRowsArePublishedAtOnce() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        #expect(try Self.importing(site, [Self.header] + Self.rows, approve: true).errorCount == 0)
        let report = site.check(now: "2026-12-03")
        #expect(report.errorCount == 0 && report.openCount == 2, "\(report.diagnostics.staffListed)")
    }

    @Test func aSecondImportChangesNothing() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        _ = try Self.importing(site, [Self.header] + Self.rows)
        let before = Self.vacancyFiles(site)
        let again = try Self.importing(site, [Self.header] + Self.rows)
        #expect(again.changes.isEmpty && again.unchanged == 2 && again.errorCount == 0)
        #expect(Self.vacancyFiles(site) == before)
    }

    @Test func anUpdateRewritesWhatTheSheetGivesAndKeepsTheRest() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        _ = try Self.importing(site, [Self.header] + Self.rows)
        let path = "vacancies/2026-12/nb-2026-001-tho-han-cua-sat.md"
        let edited = try site.read(path)
            .replacingOccurrences(of: "openings: 3\n", with: "openings: 3\ntags:\n  - \"hàn\"\n")
            .replacingOccurrences(of: "  ghi_chu:", with: "  nguoi_phu_trach: \"Chị Hoa\"\n  ghi_chu:")
            .replacingOccurrences(of: "Hàn cổng.\n", with: "Hàn cổng, cửa xếp. Làm giờ hành chính.\n")
        try site.write(path, edited)
        let header = "Mã tin;Số lượng;Hạn nộp hồ sơ;Mô tả công việc;Số người đã tuyển;Ngày báo kết quả;Nguồn;Vị trí tuyển dụng;Tên đơn vị tuyển dụng;Xã/phường nơi làm việc;Ngành nghề"
        let outcome = try Self.importing(site, [header, "nb-2026-001;8;15/01/2027;Hàn cổng.;2;02/12/2026;Công an xã Gia Trấn;;;;"])
        #expect(outcome.errorCount == 0, "\(outcome.diagnostics.staffListed)")
        #expect(outcome.changes.map(\.columns) == [["Số lượng", "Hạn nộp hồ sơ", "Nguồn", "Số người đã tuyển"]])
        #expect(outcome.diagnostics.map(\.code) == [.importKeptDescription])
        let expected = edited
            .replacingOccurrences(of: "openings: 3\n", with: "openings: 8\n")
            .replacingOccurrences(of: "expires: 2026-12-31\n", with: "expires: 2027-01-15\n")
            .replacingOccurrences(of: "  nguon:\n    - \"Công an xã Gia Trấn, quý IV/2026\"\n", with: "  nguon:\n    - \"Công an xã Gia Trấn, quý IV/2026\"\n    - \"Công an xã Gia Trấn\"\nresults:\n  - date: 2026-12-02\n    hired: 2\n    by: \"Công an xã Gia Trấn\"\n")
        #expect(try site.read(path) == expected)
        #expect(try Self.importing(site, [header, "NB-2026-001;8;15/01/2027;;2;02/12/2026;Công an xã Gia Trấn;;;;"]).changes.isEmpty)
    }

    @Test func aRowWithoutIdUpdatesTheVacancyOfTheSameEmployerTitleAndCommune() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        try site.writeVacancy("vacancies/tho-han.md", id: "NB-T-9", title: "Thợ hàn")
        let header = "Vị trí tuyển dụng;Tên đơn vị tuyển dụng;Xã/phường nơi làm việc;Ngành nghề;Số lượng;Hạn nộp hồ sơ"
        let outcome = try Self.importing(site, [header, "thợ  hàn;XƯỞNG CƠ KHÍ MINH PHÁT;Gia Trấn;Cơ khí – Hàn;4;31/12/2026",
                                                "Thợ hàn;Xưởng cơ khí Minh Phát;Hoa Lư;Cơ khí – Hàn;1;31/12/2026"])
        #expect(outcome.changes.map(\.kind) == [.updated, .created], "\(outcome.diagnostics.staffListed)")
        #expect(try site.read("vacancies/tho-han.md").contains("\nopenings: 4\n"))
        // Twice the same vacancy in one sheet is a mistake, reported at the second row.
        let twice = try Self.importing(site, [header, "Thợ hàn;Xưởng cơ khí Minh Phát;Gia Trấn;Cơ khí – Hàn;4;31/12/2026",
                                              "Thợ hàn;Xưởng cơ khí Minh Phát;Gia Trấn;Cơ khí – Hàn;5;31/12/2026"])
        #expect(twice.diagnostics.map(\.formatted) == ["ds.csv:A3: lỗi[PC711]: “Vị trí tuyển dụng”: dòng này trùng với dòng 2 (cùng một tin). Hãy gộp hai dòng hoặc xóa một dòng."])
    }

    @Test func everyProblemOfEveryRowIsReportedAtItsCellAndNothingIsWritten() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        let header = "Vị trí tuyển dụng;Tên đơn vị tuyển dụng;Xã/phường nơi làm việc;Ngành nghề;Số lượng;Hạn nộp hồ sơ;Ngày đăng;Thư điện tử;Hình thức;Cột lạ"
        let outcome = try Self.importing(site, [
            "DANH SÁCH QUÝ IV", header,
            "Thợ hàn;Cơ khí A;Gia Tran;Cơ khí;ba;31/13/2026;;;;x",
            ";Cơ khí B;Gia Trấn;Xây dựng;2;31/12/2026;;;cả tuần;",
            "Phụ hồ;Xây dựng C;Hoa Lư;Xây dựng;2;01/12/2026;05/12/2026;a@;;",
            "Bốc xếp;Kho D;Hoa Lư;Xây dựng;1;31/12/2026;;;;",
        ])
        #expect(outcome.diagnostics.map(\.formatted) == [
            "ds.csv:J2: cảnh báo[PC714]: Cột “Cột lạ” không có trong mẫu nên được bỏ qua, không ghi vào tin nào.",
            "ds.csv:C3: lỗi[PC708]: “Xã/phường nơi làm việc”: “Gia Tran” không có trong communes.yml. Có phải là “Gia Trấn”?",
            "ds.csv:D3: lỗi[PC708]: “Ngành nghề”: “Cơ khí” không có trong sectors.yml. Có phải là “Cơ khí – Hàn”?",
            "ds.csv:E3: lỗi[PC707]: “Số lượng”: không đọc được số “ba”: hãy ghi số liền, ví dụ 6500000.",
            "ds.csv:F3: lỗi[PC706]: “Hạn nộp hồ sơ”: không đọc được ngày “31/13/2026”: hãy ghi ngày/tháng/năm, ví dụ 31/12/2026.",
            "ds.csv:A4: lỗi[PC705]: “Vị trí tuyển dụng” đang trống; tin mới bắt buộc phải có.",
            "ds.csv:I4: lỗi[PC709]: “Hình thức”: không hiểu “cả tuần”; hãy chọn một trong: toàn thời gian, bán thời gian, thời vụ.",
            "ds.csv:F5: lỗi[PC713]: Hạn nộp hồ sơ (01/12/2026) đang trước ngày đăng (05/12/2026).",
            "ds.csv:H5: lỗi[PC713]: Địa chỉ thư điện tử “a@” không đúng dạng ten@mien.vn.",
        ])
        #expect(!outcome.written)
        #expect(Self.vacancyFiles(site).isEmpty)
    }

    @Test func aListOfPeopleIsRefusedWholeWithoutItsValues() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        let mixed = try Self.importing(site, [
            "Họ tên người lao động;Số CCCD;Năm sinh;Vị trí tuyển dụng;Tên đơn vị tuyển dụng;Xã/phường nơi làm việc;Ngành nghề;Số lượng;Hạn nộp hồ sơ",
            "Nguyễn Văn Bình;036090001234;1990;Thợ hàn;Cơ khí A;Gia Trấn;Cơ khí – Hàn;1;31/12/2026",
        ])
        let people = try Self.importing(site, ["STT;Họ và tên;Ngày sinh;Nơi thường trú;Tình trạng án tích;Nghề mong muốn",
                                               "1;Trần Thị Hoa;02/03/1988;Thôn Đông;Đã xóa án tích;May"], name: "nguoi.csv")
        for outcome in [mixed, people] {
            #expect(outcome.diagnostics.map(\.code) == [.importSeekerSheet])
            #expect(!outcome.written)
            let said = outcome.diagnostics.map(\.formatted).joined()
            for value in ["Nguyễn", "Bình", "036090001234", "1990", "Trần", "Hoa", "1988", "Thôn Đông", "Đã xóa"] {
                #expect(!said.contains(value), "the refusal printed “\(value)”")
            }
        }
        #expect(mixed.diagnostics[0].formatted.hasPrefix("ds.csv:A1: lỗi[PC704]: Bảng này có cột giống hồ sơ người tìm việc (“Họ tên người lao động”, “Số CCCD”, “Năm sinh”)"))
        #expect(Self.vacancyFiles(site).isEmpty)
        // Employer and contact names are not people's records.
        let contact = try Self.importing(site, [
            "Vị trí tuyển dụng;Tên đơn vị tuyển dụng;Họ tên người liên hệ;Xã/phường nơi làm việc;Ngành nghề;Số lượng;Hạn nộp hồ sơ;Trình độ",
            "Thợ hàn;Cơ khí A;Anh Đạt;Gia Trấn;Cơ khí – Hàn;1;31/12/2026;Không yêu cầu",
        ])
        #expect(contact.errorCount == 0 && contact.written, "\(contact.diagnostics.staffListed)")
    }

    @Test func aDryRunWritesNothing() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        let outcome = try Self.importing(site, [Self.header] + Self.rows, dryRun: true)
        #expect(outcome.changes.count == 2 && !outcome.written && outcome.errorCount == 0)
        #expect(Self.vacancyFiles(site).isEmpty)
    }

    @Test func aFailedWriteLeavesEveryFileAsItWas() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        try site.writeVacancy("vacancies/tho-han.md", id: "NB-T-9")
        let before = try site.read("vacancies/tho-han.md")
        // The second row's folder cannot be made: a file stands where it would be.
        try site.write("vacancies/2026-12", "không phải thư mục")
        let header = "Mã tin;Vị trí tuyển dụng;Tên đơn vị tuyển dụng;Xã/phường nơi làm việc;Ngành nghề;Số lượng;Ngày đăng;Hạn nộp hồ sơ"
        let outcome = try Self.importing(site, [header, "NB-T-9;;;;;7;;", ";Phụ hồ;Xây dựng C;Hoa Lư;Xây dựng;2;05/01/2027;31/01/2027"])
        #expect(!outcome.written && outcome.exitStatus == 2)
        #expect(outcome.diagnostics.map(\.message) == ["Không ghi được tệp content/vacancies/2026-12/nb-2026-001-phu-ho.md. Chưa ghi tệp nào."])
        #expect(try site.read("vacancies/tho-han.md") == before)
        #expect(Set(readTree(site.content.appendingPathComponent("vacancies")).keys) == ["tho-han.md", "2026-12"])
    }

    /// The committed file LibreOffice Calc saved (Fixtures/import/make.py), as .xlsx and as .csv:
    /// the title rows, the shuffled headers and the cells' forms all read the same.
    @Test(arguments: ["quy4-libreoffice.xlsx", "quy4-libreoffice.csv", "quy4-libreoffice.ods"])
    func filesASpreadsheetProgramSaved(name: String) throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        let file = XLSXReaderTests.fixtures.appendingPathComponent(name)
        let outcome = VacancyImport(options: .init(file: file, fileDisplay: name, content: Folder(site.content, shown: "content"),
                                                   today: LocalDate(iso: "2026-12-03"))).run()
        #expect(outcome.errorCount == 0, "\(outcome.diagnostics.staffListed)")
        // 6,500,000 a day (row 6) is a monthly wage under "ngày": a fact of the fixture.
        #expect(outcome.diagnostics.map(\.code) == [.importPhoneRestored, .implausibleSalary])
        #expect(outcome.changes.map(\.displayPath) == ["content/vacancies/2026-12/nb-2026-001-tho-han-cua-sat.md",
                                                       "content/vacancies/2026-12/nb-2026-002-phu-ho-cong-trinh.md",
                                                       "content/vacancies/2026-12/nb-2026-003-boc-xep-kho.md"])
        let first = try site.read("vacancies/2026-12/nb-2026-001-tho-han-cua-sat.md")
        for line in ["expires: 2026-12-31", "posted: 2026-12-01", "  phone: \"0912345678\"", "  min: 6500000", "  max: 9000000", "  - \"Từ 18 tuổi\""] {
            #expect(first.contains("\n\(line)\n"), "missing \(line)")
        }
        let second = try site.read("vacancies/2026-12/nb-2026-002-phu-ho-cong-trinh.md")
        for line in ["expires: 2027-01-15", "openings: 5", "  period: day", "  min: 6500000"] { #expect(second.contains("\n\(line)\n"), "missing \(line)") }
        let third = try site.read("vacancies/2026-12/nb-2026-003-boc-xep-kho.md")
        for line in ["expires: 2027-01-31", "posted: 2026-12-01", "openings: 2"] { #expect(third.contains("\n\(line)\n"), "missing \(line)") }
        #expect(site.check(now: "2026-12-03").errorCount == 0)
    }
}

extension VacancyImportTests {
    /// Whatever a cell holds — quotes, backslashes, `: `, `#`, a leading `-` or `{`, control
    /// characters, Unicode line separators — the file is valid YAML and says that text.
    @Test func hostileCellTextComesBackAsItWasTyped() throws {
        let site = try StaffContent(siteExtra: "id_prefix: NB")
        defer { site.remove() }
        let title = "- {Thợ \"hàn\"}: \\n #1 'a' \u{2028}b\u{85}c\u{7}"
        let apply = "[Gọi]: *ngay* & @anh_Đạt \\ # không phải ghi chú"
        let header = "Vị trí tuyển dụng;Tên đơn vị tuyển dụng;Xã/phường nơi làm việc;Ngành nghề;Số lượng;Hạn nộp hồ sơ;Cách ứng tuyển"
        let cell = { (text: String) in "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let outcome = try Self.importing(site, [header, [cell(title), "A: B", "Gia Trấn", "Xây dựng", "1", "31/12/2026", cell(apply)].joined(separator: ";")],
                                         approve: true)
        #expect(outcome.errorCount == 0, "\(outcome.diagnostics.staffListed)")
        let change = try #require(outcome.changes.first)
        let (vacancy, diagnostics) = Vacancy.decode(SourceFile(relativePath: "v.md", displayPath: "v.md", text: change.text),
                                                    communes: Sample.communes, sectors: Sample.sectors)
        #expect(diagnostics.isEmpty, "\(diagnostics.staffListed)")
        // Control characters and line separators are dropped, as a vacancy file's values lose them.
        #expect(vacancy?.title == "- {Thợ \"hàn\"}: \\n #1 'a' bc")
        #expect(vacancy?.employer.name == "A: B")
        #expect(vacancy?.applyHTML?.contains("@anh_Đạt \\ # không phải ghi chú") == true)
    }
}
