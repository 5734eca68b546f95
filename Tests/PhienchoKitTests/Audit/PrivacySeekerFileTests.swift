import Foundation
import PropertyBased
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

/// Seeker files as staff export them from Excel (CSV) or write them by hand (YAML).
@Suite("Privacy: reading seeker files (CSV and YAML)")
struct PrivacySeekerFileTests {
    static func cells(_ text: String) -> [[String]] { CSVParser.parse(text).map(\.cells) }

    @Test("A UTF-8 BOM is not part of the first header")
    func byteOrderMark() {
        let rows = Self.cells("\u{FEFF}ma_ho_so;ho_ten\r\nHS-1;Nguyễn Văn An\r\n")
        #expect(rows == [["ma_ho_so", "ho_ten"], ["HS-1", "Nguyễn Văn An"]])
        #expect(rows.first?.first?.unicodeScalars.first == "m")
    }

    @Test("The delimiter is whichever of ; and , the header line uses more, outside quotes")
    func delimiterDetection() {
        #expect(Self.cells("a;b;c\n1,5;2;3\n") == [["a", "b", "c"], ["1,5", "2", "3"]])
        #expect(Self.cells("a,b,c\n1;5,2,3\n") == [["a", "b", "c"], ["1;5", "2", "3"]])
        // Commas inside a quoted header do not count.
        #expect(Self.cells("\"x, y, z\";b;c\n1;2;3\n") == [["x, y, z", "b", "c"], ["1", "2", "3"]])
        // Only the header line decides: a later line full of commas does not.
        #expect(Self.cells("a;b\nx,y,z,w;2\n") == [["a", "b"], ["x,y,z,w", "2"]])
        #expect(CSVParser.detectDelimiter("ho_ten;so_cccd;dien_thoai\n") == ";")
        #expect(CSVParser.detectDelimiter("ho_ten,so_cccd,dien_thoai\n") == ",")
    }

    @Test("Quoted fields: delimiters inside, doubled quotes, embedded line breaks, CRLF")
    func quotedFields() {
        let text = "ma_ho_so;dia_chi;ghi_chu\r\n"
            + "HS-1;\"Xóm 4; thôn Vân Thị\";\"Nói: \"\"muốn làm ca ngày\"\"\"\r\n"
            + "HS-2;\"Tổ 11\nngõ 42\";\"dòng 1\r\ndòng 2\"\r\n"
            + "HS-3;;\"\"\r\n"
        let rows = CSVParser.parse(text)
        #expect(rows.map(\.cells) == [
            ["ma_ho_so", "dia_chi", "ghi_chu"],
            ["HS-1", "Xóm 4; thôn Vân Thị", "Nói: \"muốn làm ca ngày\""],
            ["HS-2", "Tổ 11\nngõ 42", "dòng 1\r\ndòng 2"],
            ["HS-3", "", ""],
        ])
        // Line numbers count the line breaks inside quoted fields.
        #expect(rows.map(\.line) == [1, 2, 3, 6])
    }

    @Test("LF and CRLF files, with or without a final line break, give the same rows; blank lines are skipped")
    func lineEndings() {
        let expected = [["a", "b"], ["1", "2"], ["3", "4"]]
        #expect(Self.cells("a,b\n1,2\n3,4\n") == expected)
        #expect(Self.cells("a,b\r\n1,2\r\n3,4\r\n") == expected)
        #expect(Self.cells("a,b\r\n1,2\r\n3,4") == expected)
        #expect(Self.cells("a,b\n\n1,2\r\n\r\n3,4\n\n") == expected)
    }

    @Test("Random seekers survive any Excel CSV shape and YAML, field for field")
    func roundTrip() async throws {
        let input = Gen<Int>.int(in: 0...Int(Int32.max)).map { seed -> ([PrivacySeeker], Bool, Bool, Bool, Bool, Bool) in
            var rng = SeededGenerator(seed: UInt64(seed))
            let seekers = PrivacyRandom.seekers(count: Int.random(in: 1...25, using: &rng), &rng).map { seeker in
                var seeker = seeker
                // Values that need quoting in either dialect.
                if Bool.random(using: &rng) { seeker.note = "Nói: \"cần việc gấp\"; ở xa, đi xe máy" }
                if Bool.random(using: &rng) { seeker.experience = "Phụ hồ 3 năm\nBốc vác 1 năm" }
                return seeker
            }
            return (seekers, Bool.random(using: &rng), Bool.random(using: &rng), Bool.random(using: &rng),
                    Bool.random(using: &rng), Bool.random(using: &rng))
        }
        await propertyCheck(count: 60, input: input) { generated in
            let (seekers, semicolon, bom, crlf, quoteAll, yaml) = generated
            let folder = try TemporaryFolder("roundtrip")
            defer { folder.remove() }
            let name = yaml ? "ho-so.yaml" : "ho-so.csv"
            let text = yaml ? PrivacySeekerFile.yaml(seekers)
                : PrivacySeekerFile.csv(seekers, semicolon: semicolon, bom: bom, crlf: crlf, quoteAll: quoteAll)
            try folder.write("seekers/\(name)", text)
            let loaded = SeekerLoader(contentDirectory: folder.url, displayRoot: "content").load()
            #expect(loaded.diagnostics.isEmpty)
            try #require(loaded.records.count == seekers.count)
            for (record, seeker) in zip(loaded.records, seekers) {
                #expect(record.file == "content/seekers/\(name)")
                #expect(record.reference == seeker.recordID)
                #expect(record.fields.map(\.column) == PrivacySeeker.header)
                #expect(record.fields.map(\.value) == seeker.row)
            }
        }
    }

    @Test("The example seeker CSV (BOM, ';', CRLF, a quoted line break) reads as 25 records with their ids")
    func exampleFile() throws {
        let loaded = SeekerLoader(contentDirectory: PrivacyPaths.exampleContent, displayRoot: "content").load()
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.records.count == 25)
        #expect(loaded.records.map(\.reference) == (1...25).map { String(format: "HS-2026-%04d", $0) })
        for record in loaded.records {
            #expect(record.file == "content/seekers/ho-so-nguoi-tim-viec.csv")
            #expect(record.fields.count == PrivacySeeker.header.count, "\(record.reference)")
            #expect(record.fields.first?.column == "ma_ho_so")
        }
    }

    @Test("YAML seekers: a list of maps; list values give one field each; the record id names the record")
    func yamlSeekers() throws {
        let folder = try TemporaryFolder("yaml")
        defer { folder.remove() }
        try folder.write("seekers/a.yml", """
        - ma_ho_so: HS-2026-0101
          ho_ten: Ngô Thị Hạnh
          so_cccd: "037185457965"
          ky_nang: [May máy 1 kim, Vắt sổ]
        - ho_ten: Lương Văn Kiên
          dien_thoai: "0912 345 678"

        """)
        let loaded = SeekerLoader(contentDirectory: folder.url, displayRoot: "content").load()
        #expect(loaded.diagnostics.isEmpty)
        try #require(loaded.records.count == 2)
        let first = loaded.records[0]
        #expect(first.reference == "HS-2026-0101")
        #expect(first.fields.map(\.column) == ["ma_ho_so", "ho_ten", "so_cccd", "ky_nang", "ky_nang"])
        #expect(first.fields.map(\.value) == ["HS-2026-0101", "Ngô Thị Hạnh", "037185457965", "May máy 1 kim", "Vắt sổ"])
        // Without an id column the record is named by its position (and line), never by a value.
        let second = loaded.records[1]
        #expect(second.reference.hasPrefix("mục 2"))
        #expect(!second.reference.contains("Lương"))
        #expect(!second.reference.contains("0912"))
    }

    @Test("A CSV without an id column names records by line number")
    func csvWithoutIDColumn() throws {
        let folder = try TemporaryFolder("noid")
        defer { folder.remove() }
        try folder.write("seekers/a.csv", "Họ và tên,SĐT\nNgô Thị Hạnh,0912345678\n\"Lương\nVăn Kiên\",0987654321\nĐinh Thị Yến,0356686735\n")
        let loaded = SeekerLoader(contentDirectory: folder.url, displayRoot: "content").load()
        #expect(loaded.records.map(\.reference) == ["dòng 2", "dòng 3", "dòng 5"])
    }

    @Test("A seeker file that is not a YAML list, or not UTF-8, stops the audit (PC903)")
    func unreadableFiles() throws {
        let folder = try TemporaryFolder("bad")
        defer { folder.remove() }
        try folder.write("seekers/a.yml", "ho_ten: Ngô Thị Hạnh\n")
        try folder.write("seekers/b.csv", Data([0x68, 0x6F, 0x5F, 0x74, 0x65, 0x6E, 0x0A, 0xC3, 0x28, 0xFF, 0x0A]))
        try folder.write("seekers/README.txt", "không phải hồ sơ")
        let loaded = SeekerLoader(contentDirectory: folder.url, displayRoot: "content").load()
        #expect(Set(loaded.diagnostics.map(\.path)) == ["content/seekers/a.yml", "content/seekers/b.csv"])
        #expect(loaded.diagnostics.allSatisfy { $0.code == .seekerFileUnreadable && $0.severity == .error })
    }

    @Test("YAML values in nested maps and unquoted numbers are read, with dotted column names")
    func yamlNestedValues() throws {
        let folder = try TemporaryFolder("yaml-nested")
        defer { folder.remove() }
        try folder.write("seekers/a.yaml", """
        - ma_ho_so: HS-2026-0200
          so_cccd: 037088597395
          lien_he:
            dien_thoai: 0912 345 678
            nguoi_than:
              ho_ten: Đặng Thị Xuyến
              dien_thoai: [0987654321, "0356 686 735"]

        """)
        let loaded = SeekerLoader(contentDirectory: folder.url, displayRoot: "content").load()
        #expect(loaded.diagnostics.isEmpty)
        let fields = try #require(loaded.records.first).fields
        #expect(fields.map(\.column) == ["ma_ho_so", "so_cccd", "lien_he.dien_thoai", "lien_he.nguoi_than.ho_ten",
                                         "lien_he.nguoi_than.dien_thoai", "lien_he.nguoi_than.dien_thoai"])
        #expect(fields.map(\.value) == ["HS-2026-0200", "037088597395", "0912 345 678", "Đặng Thị Xuyến", "0987654321", "0356 686 735"])

        let audit = LeakAudit(patterns: LeakPatterns(records: loaded.records))
        let findings = audit.audit(path: "p.html", data: Data("<p>Gọi chị Đặng Thị Xuyến: 0356.686.735</p>".utf8))
        #expect(Set(findings.compactMap(\.source?.column)) == ["lien_he.nguoi_than.ho_ten", "lien_he.nguoi_than.dien_thoai"])
    }

    @Test("A spreadsheet that is not CSV (xlsx, xls, ods) stops the audit instead of being skipped",
          arguments: ["ho-so.xlsx", "HO-SO.XLS", "ho-so.ods"])
    func spreadsheetsAreNotSkipped(name: String) throws {
        let folder = try TemporaryFolder("xlsx")
        defer { folder.remove() }
        try folder.write("seekers/\(name)", Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))
        try folder.write("seekers/README.txt", "Thư mục này chứa hồ sơ người tìm việc, là thông tin MẬT.")
        let loaded = SeekerLoader(contentDirectory: folder.url, displayRoot: "content").load()
        #expect(loaded.diagnostics.map(\.code) == [.seekerFileUnreadable])
        #expect(loaded.diagnostics.first?.path == "content/seekers/\(name)")
    }

    @Test("Seeker files in sub-folders are read too")
    func subFolders() throws {
        let folder = try TemporaryFolder("sub")
        defer { folder.remove() }
        try folder.write("seekers/2026/quy-4/a.csv", "ma_ho_so;ho_ten\nHS-9;Ngô Thị Hạnh\n")
        let loaded = SeekerLoader(contentDirectory: folder.url, displayRoot: "content").load()
        #expect(loaded.records.map(\.file) == ["content/seekers/2026/quy-4/a.csv"])
    }
}
