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

/// Which seeker values count as identifying, `audit_allow`, and the CCCD-shape rule.
@Suite("Privacy: what the audit searches for")
struct PrivacyPatternTests {
    static func record(_ reference: String, _ fields: [(String, String)], file: String = "content/seekers/a.csv") -> SeekerRecord {
        SeekerRecord(file: file, reference: reference, fields: fields.map { (column: $0.0, value: $0.1) })
    }

    /// Twenty records sharing "Nam", "12/12", "Chưa có việc làm", a skill and a wish; each with its own
    /// name, phone and CCCD.
    static let sharedRecords: [SeekerRecord] = (1...20).map { index in
        record(String(format: "HS-2026-%04d", index), [
            ("ma_ho_so", String(format: "HS-2026-%04d", index)),
            ("ho_ten", "Nguyễn Văn \(["Hùng", "Tuấn", "Cường", "Dũng", "Hải"][index % 5]) \(["An", "Bảo", "Khánh", "Long"][index % 4])"),
            ("gioi_tinh", "Nam"),
            ("nam_sinh", "1990"),
            ("so_cccd", String(format: "0370900%05d", index * 7919 % 100_000)),
            ("dien_thoai", String(format: "09120%05d", index * 4111)),
            ("xa_phuong", "Gia Trấn"),
            ("trinh_do_hoc_van", "12/12"),
            ("tinh_trang_viec_lam", "Chưa có việc làm"),
            ("ky_nang", "Lái xe tải hạng C"),
            ("nhu_cau_viec_lam", "Công nhân nhà máy gần nhà"),
            ("tinh_trang_an_tich", "Chấp hành xong án phạt tù, chưa được xóa án tích"),
            ("ghi_chu", index == 7 ? "Có con nhỏ, chỉ làm được ca ngày ở gần nhà" : "Công an xã giới thiệu"),
        ])
    }

    static func findings(_ text: String, _ records: [SeekerRecord], allow: [String] = []) -> [LeakAudit.Finding] {
        let audit = LeakAudit(patterns: LeakPatterns(records: records, allowed: allow), allowed: allow)
        return audit.audit(path: "p.html", data: Data(text.utf8))
    }

    // MARK: Shared and unique values

    @Test("Values shared by many records are not searched for")
    func sharedValuesAreNotPatterns() {
        let text = """
        <h1>Lái xe tải hạng C</h1><p>Tuyển Nam, trình độ 12/12. Ưu tiên người Chưa có việc làm ở Gia Trấn,
        sinh năm 1990. Nhận người Chấp hành xong án phạt tù, chưa được xóa án tích. Công nhân nhà máy gần nhà.
        Công an xã giới thiệu.</p>
        """
        #expect(Self.findings(text, Self.sharedRecords).isEmpty)
    }

    @Test("A long note copied whole or in large part is found and names its column, in every record holding it; a short note never counts")
    func longNotes() {
        let text = "<p>Lưu ý: CÓ CON NHỎ, chỉ làm được ca ngày ở gần nhà.</p>"
        let source = LeakPatterns.Source(file: "content/seekers/a.csv", reference: "HS-2026-0007", column: "ghi_chu")
        let records = [Self.record("HS-2026-0007", [("ma_ho_so", "HS-2026-0007"), ("ghi_chu", "Có con nhỏ, chỉ làm được ca ngày ở gần nhà")])]
        #expect(Self.findings(text, records).map(\.source) == [source])
        // Copied in large part: six of its ten words in a row are not enough, eight are.
        #expect(Self.findings("<p>chỉ làm được ca ngày ở gần</p>", records).isEmpty)
        #expect(Self.findings("<p>Có con nhỏ, chỉ làm được ca ngày ở</p>", records).map(\.source) == [source])
        var twice = records
        twice.append(Self.record("HS-2026-0012", [("ma_ho_so", "HS-2026-0012"), ("ghi_chu", "Có con nhỏ, chỉ làm được ca ngày ở gần nhà")]))
        #expect(Self.findings(text, twice).count == 2)
        let short = [Self.record("HS-1", [("xa_phuong", "Giao Thủy"), ("ghi_chu", "Biết bơi")])]
        #expect(Self.findings("<p>Nuôi ngao ở xã Giao Thủy. Yêu cầu biết bơi.</p>", short).isEmpty)
    }

    @Test("A precise address is found alone; a village-level address or a commune only with another value of the record")
    func addresses() {
        let records = [Self.record("HS-1", [("ho_ten", "Đinh Văn Lâm"), ("dia_chi", "Xóm 4, thôn Vân Thị"), ("xa_phuong", "Gia Trấn"),
                                            ("ngay_sinh", "12/05/1990"), ("tinh_trang_an_tich", "Đã được xóa án tích năm 2024")]),
                       Self.record("HS-2", [("dia_chi", "Tổ 11, ngõ 42 đường Lê Công Thanh"), ("xa_phuong", "Phủ Lý")])]
        #expect(Self.findings("<p>Làm việc tại thôn Vân Thị, xã Gia Trấn.</p>", records).isEmpty, "one place, however many parts")
        #expect(Self.findings("<p>Xưởng ở ngõ 42 đường Lê Công Thanh.</p>", records).map(\.source?.column) == ["dia_chi"])
        let pair = Self.findings("<p>Thôn Vân Thị, xã Gia Trấn. Sinh ngày 12/05/1990.</p>", records)
        #expect(pair.count == 1)
        #expect(Set([pair.first?.source?.column, pair.first?.companion?.column]) == ["ngay_sinh", "xa_phuong"] ||
                Set([pair.first?.source?.column, pair.first?.companion?.column]) == ["ngay_sinh", "dia_chi"])
        #expect(Self.findings("<p>Thôn Vân Thị. Đã được xóa án tích năm 2024.</p>", records).count == 1)
        // Next to the record's given name after a form of address.
        #expect(Self.findings("<p>Gặp anh Lâm ở thôn Vân Thị.</p>", records).map(\.companion?.column) == ["ho_ten"])
        #expect(Self.findings("<p>Công ty Lâm Phát, thôn Vân Thị.</p>", records).isEmpty)
        // A birth year counts when written as one person's, never in a range.
        #expect(Self.findings("<p>Thôn Vân Thị. Anh ấy sinh năm 1990.</p>", records).count == 1)
        #expect(Self.findings("<p>Thôn Vân Thị. Tuyển người sinh năm 1990–2004.</p>", records).isEmpty)
        #expect(Self.findings("<p>Thôn Vân Thị. Thành lập năm 1990.</p>", records).isEmpty)
    }

    @Test("A name split over Họ / Tên đệm / Tên is found joined; record ids with or without separators")
    func splitNamesAndRecordIDs() {
        let records = [Self.record("NTV-00208", [("Mã hồ sơ", "NTV-00208"), ("Họ", "Phạm"), ("Tên đệm", "Thị"), ("Tên", "Huyền")])]
        #expect(Self.findings("<p>Liên hệ chị PHẠM THỊ HUYỀN.</p>", records).map(\.source?.column) == ["Tên"])
        for spelling in ["NTV-00208", "ntv00208", "NTV 00208", "NTV–00208"] {
            #expect(Self.findings("<p>Hồ sơ \(spelling).</p>", records).map(\.source?.column) == ["Mã hồ sơ"], "\(spelling)")
        }
        #expect(Self.findings("<p>Huyền Trang, Thị trấn.</p>", records).isEmpty)
    }

    @Test("audit_allow takes RECORD/COLUMN entries: that column of that record is left out, no value copied")
    func allowRecordColumn() {
        let records = [Self.record("NTV-00208", [("ma_ho_so", "NTV-00208"), ("ho_ten", "Trần Văn Tuấn"), ("dien_thoai", "0915111000")])]
        let text = "<p>Gặp anh Trần Văn Tuấn, 0915 111 000.</p>"
        #expect(Self.findings(text, records).count == 2)
        #expect(Self.findings(text, records, allow: ["NTV-00208/ho_ten"]).map(\.source?.column) == ["dien_thoai"])
        #expect(Self.findings(text, records, allow: ["ntv-00208/HO_TEN", "NTV-00208/Điện thoại", "NTV-00208/dien_thoai"]).isEmpty)
    }

    @Test("Names are matched as whole words: a seeker called 'Lê An' is not found in 'Lê Anh'")
    func namesAreWholeWords() {
        let records = [Self.record("HS-1", [("ho_ten", "Lê An")])]
        #expect(Self.findings("<p>Gặp anh Lê Anh, quản đốc.</p>", records).isEmpty)
        #expect(Self.findings("<p>Gặp anh LÊ AN, quản đốc.</p>", records).count == 1)
    }

    // MARK: Content mentioning shared values builds

    @Test("Content mentioning shared seeker values ('Nam', '12/12', 'Chưa có việc làm') builds fine")
    func sharedValuesBuild() throws {
        let folder = try TemporaryFolder("shared")
        defer { folder.remove() }
        try PrivacyContent.writeBase(into: folder, under: "content/")
        let seekers = (0..<12).map { index in
            PrivacySeeker(recordID: String(format: "HS-2026-%04d", index + 1), name: "Đặng Văn \(PrivacyRandom.givenNames[index])",
                          birthYear: "1990", sex: "Nam", citizenID: String(format: "0370900%05d", index * 811),
                          phone: String(format: "09150%05d", index * 977), commune: "Gia Trấn", address: "Xóm \(index + 1), thôn Vân Thị",
                          criminalRecord: "Đã được xóa án tích", education: "12/12", training: "Lái xe hạng C",
                          skills: "Lái xe tải", employment: "Chưa có việc làm", experience: "Lái xe tải 4 năm",
                          need: "Lái xe tải hạng C", note: "")
        }
        try folder.write("content/seekers/ho-so.csv", PrivacySeekerFile.csv(seekers, semicolon: true, bom: true, crlf: true))
        var rng = SeededGenerator(seed: 42)
        var vacancy = PrivacyRandom.vacancies(count: 1, &rng)[0]
        vacancy.title = "Lái xe tải hạng C"
        vacancy.tags = ["Nam", "12/12", "Chưa có việc làm"]
        vacancy.body = ["Tuyển Nam, học hết 12/12, ưu tiên người Chưa có việc làm, có bằng Lái xe hạng C, đã được xóa án tích."]
        try folder.write("content/" + vacancy.fileName, vacancy.markdown)

        let report = PrivacyBuild.build(content: folder.path("content"), output: folder.path("public"))
        #expect(report.succeeded, "\(PrivacyBuild.describe(report))")
        #expect(report.seekerRecords == 12)
    }

    // MARK: audit_allow

    @Test("audit_allow in site.yml suppresses a reviewed value (compared folded); without it the build fails")
    func auditAllowSuppressesReviewedValue() throws {
        let folder = try TemporaryFolder("allow")
        defer { folder.remove() }
        try folder.write("content/seekers/ho-so.csv", "ma_ho_so;ho_ten;dien_thoai\nHS-2026-0002;Trần Văn Tuấn;0915111000\n")
        var rng = SeededGenerator(seed: 7)
        var vacancy = PrivacyRandom.vacancies(count: 1, &rng)[0]
        // The employer's manager shares the seeker's name and the company's hotline his old number.
        vacancy.body = ["Gặp anh Trần Văn Tuấn, quản đốc xưởng."]
        vacancy.employerPhone = "0915 111 000"
        try folder.write("content/" + vacancy.fileName, vacancy.markdown)

        try PrivacyContent.writeBase(into: folder, under: "content/")
        let blocked = PrivacyBuild.build(content: folder.path("content"), output: folder.path("public"))
        #expect(!blocked.succeeded)
        #expect(Set(blocked.diagnostics.filter { $0.code == .seekerDataLeak }.compactMap { diagnostic in
            ["ho_ten", "dien_thoai"].first { diagnostic.message.contains("“\($0)”") }
        }) == ["ho_ten", "dien_thoai"])

        // Only the name allowed: the phone still blocks.
        try PrivacyContent.writeBase(into: folder, under: "content/", allow: ["tran van tuan"])
        let phoneOnly = PrivacyBuild.build(content: folder.path("content"), output: folder.path("public"))
        #expect(!phoneOnly.succeeded)
        #expect(phoneOnly.diagnostics.filter { $0.code == .seekerDataLeak }.allSatisfy { $0.message.contains("“dien_thoai”") })

        // Both allowed, written differently from the record: the build succeeds.
        try PrivacyContent.writeBase(into: folder, under: "content/", allow: ["TRẦN VĂN TUẤN", "0915.111.000"])
        let allowed = PrivacyBuild.build(content: folder.path("content"), output: folder.path("public"))
        #expect(allowed.succeeded, "\(PrivacyBuild.describe(allowed))")
        #expect(PrivacyBuild.privacyDiagnostics(allowed).isEmpty)

        // `phiencho audit` honours the same list.
        let audited = PrivacyBuild.audit(content: folder.path("content"), output: folder.path("public"))
        #expect(audited.succeeded, "\(PrivacyBuild.describe(audited))")
    }

    @Test("An allowed phone is allowed in its +84 form too")
    func allowedPhoneInInternationalForm() {
        let records = [Self.record("HS-1", [("dien_thoai", "0915 111 000")])]
        #expect(Self.findings("<p>Hotline: +84 915 111 000</p>", records).count == 1)
        #expect(Self.findings("<p>Hotline: +84 915 111 000 hoặc 0915111000</p>", records, allow: ["0915 111 000"]).isEmpty)
        #expect(Self.findings("<p>Hotline: 0915 111 000</p>", records, allow: ["+84 915 111 000"]).isEmpty)
    }

    @Test("Phones are found in every international spelling",
          arguments: ["+84 915 111 000", "+84915111000", "84 915 111 000", "(+84) 915 111 000", "+84 (0) 915 111 000",
                      "(84) 915.111.000", "0915-111-000", "0915 - 111 - 000", "0915  111  000"])
    func phoneSpellings(text: String) {
        let records = [Self.record("HS-1", [("dien_thoai", "0915 111 000")])]
        #expect(Self.findings("<p>Gọi \(text) gặp chị Hạnh</p>", records).map(\.source?.column) == ["dien_thoai"])
    }

    @Test("A phone cell holding two numbers: each is found on its own",
          arguments: ["0912 345 678 / 0987 654 321", "0912345678 - 0987654321", "0912.345.678, 0987.654.321",
                      "0912345678 hoặc 0987654321", "0912345678\n0987654321"])
    func twoPhonesInOneCell(cell: String) {
        let records = [Self.record("HS-1", [("dien_thoai", cell)])]
        #expect(Self.findings("<p>Gọi 0987 654 321</p>", records).map(\.source?.column) == ["dien_thoai"])
        #expect(Self.findings("<p>Gọi 0912-345-678</p>", records).map(\.source?.column) == ["dien_thoai"])
    }

    @Test("A record written with +84 is found in its 0… spelling")
    func internationalRecordFoundNationally() {
        let records = [Self.record("HS-1", [("SĐT", "+84 915 111 000")])]
        #expect(Self.findings("<p>Gọi 0915.111.000</p>", records).map(\.source?.column) == ["SĐT"])
    }

    @Test("Full-width digits and letters (a Unicode compatibility form) are found too")
    func fullWidthForms() {
        let records = [Self.record("HS-1", [("dien_thoai", "0915111000"), ("ho_ten", "Ngô Thị Hạnh"), ("so_cccd", "037185457965")])]
        #expect(Self.findings("<p>Gọi ０９１５ １１１ ０００</p>", records).map(\.source?.column) == ["dien_thoai"])
        #expect(Self.findings("<p>Gặp ＮＧＯ ＴＨＩ ＨＡＮＨ</p>", records).map(\.source?.column) == ["ho_ten"])
        #expect(Self.findings("<p>Số ０３７１８５４５７９６５</p>", records).map(\.source?.column) == ["so_cccd"])
        #expect(Self.findings("<p>Số ０３７１８５４５７９６６</p>", []).count == 1)
    }

    @Test("Named character references for Vietnamese letters are decoded (&ugrave; &Acirc; &abreve; &dstrok; …)",
          arguments: ["L&#432;&#417;ng V&#x103;n H&ugrave;ng", "L&#x1B0;&#x1A1;ng V&abreve;n H&Ugrave;NG",
                      "LƯƠNG VĂN H&Uacute;NG", "L&#432;&#417;ng V&acirc;n Hung"])
    func namedReferences(text: String) {
        let records = [Self.record("HS-1", [("ho_ten", "Lương Văn Hùng")]), Self.record("HS-2", [("ho_ten", "Đặng Thị Xuyến")])]
        #expect(Self.findings("<p>Gặp \(text) ở xưởng</p>", records).map(\.source?.reference) == ["HS-1"])
        #expect(Self.findings("<p>Gặp &Dstrok;&#7863;ng Th&igrave; Xuy&ecirc;n ở xưởng</p>", records).map(\.source?.reference) == ["HS-2"])
    }

    @Test("Invisible format characters inside a word or number (soft hyphen, zero-width space/joiner) hide nothing",
          arguments: ["Ngu\u{AD}yễn Văn Hùng, 0912\u{200B}345\u{200B}678", "Nguyễn V\u{200C}ăn Hù\u{200D}ng, 0912\u{2060}345678",
                      "Nguy&shy;ễn Văn Hùng, 0912&#8203;345678", "\u{FEFF}Nguyễn Văn H\u{FEFF}ùng, 09&#x200b;12 345 678"])
    func invisibleCharacters(text: String) {
        let records = [Self.record("HS-1", [("ho_ten", "Nguyễn Văn Hùng"), ("dien_thoai", "0912345678")])]
        #expect(Set(Self.findings("<p>Gặp \(text).</p>", records).compactMap(\.source?.column)) == ["ho_ten", "dien_thoai"])
    }

    @Test("Values inside tags are found: attributes (also entity-encoded), comments, scripts, unclosed '<'",
          arguments: [
              "<a href=\"tel:0912345678\">Gọi</a>",
              "<a href=\"tel:&#48;912&#x33;45678\">Gọi</a>",
              "<img alt=\"Nguy&ecirc;̃n Văn Hùng\">",
              "<meta name=\"description\" content=\"Nguyễn Văn Hùng\">",
              "<!-- người giới thiệu: Nguyễn Văn Hùng -->",
              "<script>var a = \"0912 345 678\";</script>",
              "if (a < b) { ten = \"Nguyễn Văn Hùng\" }",
          ])
    func valuesInsideTagsAreFound(text: String) {
        let records = [Self.record("HS-1", [("ho_ten", "Nguyễn Văn Hùng"), ("dien_thoai", "0912345678")])]
        #expect(!Self.findings(text, records).isEmpty, "\(text)")
    }

    @Test("A reader's view and the markup view hold every byte once")
    func readerViewsSplitTheFile() {
        let views = AuditText.readerViews(of: Array("<p class=\"a\">Gặp <b>Ng</b>uyễn &amp; <br/>bạn</p>".utf8))
        #expect(String(decoding: views.visible, as: UTF8.self) == " Gặp Nguyễn &  bạn ")
        #expect(String(decoding: views.markup, as: UTF8.self) == "p class=\"a\"\nb\n/b\nbr/\n/p\n")
    }

    /// A QR code's path data runs past the 2,000 bytes a tag is otherwise searched for: it is read as a
    /// tag, its `d` (drawn geometry) left out, everything else of the tag and after it read.
    @Test("An SVG path's data is geometry: skipped, its other attributes and the text after it read")
    func pathDataIsSkipped() {
        let data = String(repeating: "M4 4.5h7m1 0h3m4 0h2 ", count: 150)
        let html = "<svg><path fill=\"#000\" d=\"\(data)\" aria-label=\"Gọi 0912345678\"/></svg><p>Anh Hùng</p>"
        let views = AuditText.readerViews(of: Array(html.utf8))
        #expect(String(decoding: views.markup, as: UTF8.self) == "svg\npath fill=\"#000\"  aria-label=\"Gọi 0912345678\"/\n/svg\np\n/p\n")
        #expect(String(decoding: views.visible, as: UTF8.self) == "    Anh Hùng ")
        let records = [Self.record("HS-1", [("ho_ten", "Nguyễn Văn Hùng"), ("dien_thoai", "0912345678")])]
        #expect(!Self.findings(html, records).isEmpty)
    }

    @Test("Inline tags are known by their packed names, in any case; block tags and longer names are not inline")
    func inlineTags() {
        func packed(_ name: String) -> UInt64 { name.utf8.reduce(0) { $0 << 8 | UInt64($1 | 0x20) } }
        let inline = ["a", "b", "i", "em", "strong", "span", "small", "mark", "u", "s", "abbr", "code",
                      "sub", "sup", "time", "q", "cite", "bdi", "bdo", "data", "kbd", "samp", "var", "wbr"]
        for name in inline {
            #expect(AuditText.isInlineTag(packed(name)), "\(name)")
            #expect(AuditText.isInlineTag(packed(name.uppercased())), "\(name)")
        }
        for name in ["p", "div", "li", "ul", "h", "nav", "main", "meta", "br", "td", "dl", "dd", "sm", "spa", "strongs", "ab", "tim"] {
            #expect(!AuditText.isInlineTag(packed(name)), "\(name)")
        }
    }

    // MARK: Folding UTF-8

    /// Pieces of UTF-8 (valid or not) that random texts are made of.
    static let byteTokens: [[UInt8]] = ["a", "Z", "7", "0", " ", ".", "-", "|", "<b>", "&amp;", "Nguyễn", "Đ", "ư",
                                        "e\u{301}", "\u{A0}", "\u{200B}", "０", "Ｈ", "ǅ", "ạ", "😀", "\u{2009}", "&", "\\", "\\u0041"].map { Array($0.utf8) }
        + [[0xFF], [0x80], [0xC0, 0xAF], [0xE1, 0xBB], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F], [0xC3]]

    @Test("Folding UTF-8 bytes in place gives the views of the decoded text, invalid sequences included")
    func foldingBytesMatchesFoldingScalars() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...(Self.byteTokens.count - 1)).array(of: 0...40)) { picks in
            let bytes = picks.flatMap { Self.byteTokens[$0] }
            let fromBytes = AuditText(utf8: bytes)
            let fromScalars = AuditText(String(decoding: bytes, as: UTF8.self).unicodeScalars)
            #expect(fromBytes.words == fromScalars.words, "\(bytes)")
            #expect(fromBytes.digits == fromScalars.digits, "\(bytes)")
            #expect(fromBytes.strictDigits == fromScalars.strictDigits, "\(bytes)")
        }
    }

    /// Pieces of HTML, references and escapes (valid or not) that random files are made of; valid
    /// UTF-8 only, as every output file is: the reader's views are decoded run by run, so bytes of
    /// an invalid sequence on either side of a tag stay apart, where the collected views would join
    /// them.
    static let markupTokens: [[UInt8]] = byteTokens.filter { String(validating: $0, as: UTF8.self) != nil } + ["<p class=\"x\">", "</p>", "<a href=\"tel:&#48;912\">", "&#78;", "&#x4E;",
                                                       "&nbsp;", "&ugrave;", "&bogus;", "&#;", "\\u00e0", "\\uZZZZ", "<", ">"].map { Array($0.utf8) }

    @Test("Folding the reader's views as they are read gives the views of the collected text")
    func streamedViewsMatchCollectedViews() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...(Self.markupTokens.count - 1)).array(of: 0...40)) { picks in
            let bytes = picks.flatMap { Self.markupTokens[$0] }
            var visible = AuditFolder(AuditText()), markup = AuditFolder(AuditText())
            bytes.withUnsafeBufferPointer { AuditText.readerViews(of: $0, visible: &visible, markup: &markup) }
            let collected = AuditText.readerViews(of: bytes)
            for (streamed, text) in [(visible.finish(), collected.visible), (markup.finish(), collected.markup)] {
                let reference = AuditText(utf8: text)
                #expect(streamed.words == reference.words, "\(bytes)")
                #expect(streamed.digits == reference.digits, "\(bytes)")
                #expect(streamed.strictDigits == reference.strictDigits, "\(bytes)")
            }
        }
    }

    // MARK: CCCD shape

    @Test("Any 12-digit CCCD-shaped number is a finding; other lengths and codes are not",
          arguments: [
              ("Mã số: 037088597395", true),
              ("Mã số: 037 088 597 395", true),
              ("Mã số: 037.088.597.395", true),
              ("Mã số: 0370-8859-7395", true),
              ("Mã số: 037 - 088 - 597 - 395", true),
              ("<td>001199012345</td>", true),
              ("096199012345.", true),
              ("CCCD 037088597395 - 2026", true),
              ("CCCD 037 088 597 395 - 0912 345 678", true),
              ("Điện thoại bàn: 0229 3871 000", false),     // 11-digit landline
              ("02293871000", false),
              ("Số 097199012345", false),                  // no province 097
              ("Số 000199012345", false),                  // no province 000
              ("Số 1370885973951", false),                 // 13 digits
              ("Số 0370885973951", false),                 // 13 digits
              ("Lương 10.000.000 – 14.000.000 đồng", false),
              ("Từ 01.02.2026 đến 15.03.2026", false),
          ])
    func citizenIDShape(text: String, isFinding: Bool) {
        let findings = Self.findings(text, [])
        #expect(findings.map { [$0.outputPath, "\($0.source == nil)"] } == (isFinding ? [["p.html", "true"]] : []))
    }

    @Test("A CCCD-shaped number fails a build with no seeker files at all (PC902); an 11-digit landline does not")
    func citizenIDShapeInBuildWithoutSeekers() throws {
        let folder = try TemporaryFolder("cccd")
        defer { folder.remove() }
        try PrivacyContent.writeBase(into: folder, under: "content/")
        var rng = SeededGenerator(seed: 3)
        var vacancy = PrivacyRandom.vacancies(count: 1, &rng)[0]
        vacancy.employerPhone = "0229 3871 000"
        vacancy.body = ["Điện thoại bàn 0229 3871 000, fax 0229.3871.001."]
        try folder.write("content/" + vacancy.fileName, vacancy.markdown)

        let landline = PrivacyBuild.build(content: folder.path("content"), output: folder.path("public"))
        #expect(landline.succeeded, "\(PrivacyBuild.describe(landline))")
        #expect(landline.seekerRecords == 0)

        vacancy.body = ["Khi đến mang theo bản sao CCCD, ví dụ số 036 190 004 512 của anh quản đốc."]
        try folder.write("content/" + vacancy.fileName, vacancy.markdown)
        let before = PrivacyTreeSnapshot(folder.path("public"))
        let shaped = PrivacyBuild.build(content: folder.path("content"), output: folder.path("public"))
        #expect(!shaped.succeeded)
        let codes = shaped.diagnostics.filter { $0.severity == .error }.map(\.code)
        #expect(!codes.isEmpty && codes.allSatisfy { $0 == .citizenIDShape }, "\(PrivacyBuild.describe(shaped))")
        // At the content line that holds it, naming the page it reached.
        #expect(shaped.diagnostics.contains { $0.path == "content/" + vacancy.fileName && $0.line != nil
            && $0.message.contains("public/viec-lam/\(vacancy.id.lowercased())/index.html") }, "\(PrivacyBuild.describe(shaped))")
        for diagnostic in shaped.diagnostics {
            #expect(!PrivacyLeakPropertyTests.digitRuns(diagnostic.formatted).contains { $0.contains("036190004512") })
        }
        #expect(PrivacyTreeSnapshot(folder.path("public")) == before)

        // Reviewed and allowed: the build goes through.
        try PrivacyContent.writeBase(into: folder, under: "content/", allow: ["036190004512"])
        let allowed = PrivacyBuild.build(content: folder.path("content"), output: folder.path("public"))
        #expect(allowed.succeeded, "\(PrivacyBuild.describe(allowed))")
    }
}
