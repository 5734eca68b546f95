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

/// Line-by-line edits of a vacancy file: what is not changed stays byte for byte.
@Suite("Import: editing a vacancy file")
struct FrontMatterEditorTests {
    static let file = """
        ---
        id: NB-2026-001
        # Vị trí tuyển dụng.
        title: Thợ may   # ghi chú cuối dòng
        employer:
          name: Công ty May
          # Số điện thoại.
          phone: "0229 3871 000"
        openings: 3
        requirements:
        - Từ 18 tuổi
        - Sức khỏe tốt
        tags:
          - may
        ---
        Mô tả: giữ nguyên.

        """

    @Test func replacesAFieldAndKeepsEverythingElse() throws {
        var editor = try FrontMatterEditor(text: Self.file)
        try editor.set("openings", .scalar("8"))
        try editor.set("employer.phone", .scalar("\"0912345678\""))
        try editor.set("requirements", .list(["\"Chăm chỉ\""]))
        #expect(editor.text == Self.file
            .replacingOccurrences(of: "openings: 3", with: "openings: 8")
            .replacingOccurrences(of: "phone: \"0229 3871 000\"", with: "phone: \"0912345678\"")
            .replacingOccurrences(of: "requirements:\n- Từ 18 tuổi\n- Sức khỏe tốt", with: "requirements:\n  - \"Chăm chỉ\""))
    }

    @Test func addsMissingFieldsAtTheEndOfTheirParent() throws {
        var editor = try FrontMatterEditor(text: Self.file)
        try editor.set("employer.email", .scalar("a@b.vn"))
        try editor.set("location.commune", .scalar("\"Gia Trấn\""))
        try editor.set("results", .mappings([[("date", "2026-12-20"), ("hired", "2"), ("by", "\"Công an xã\"")]]))
        #expect(editor.text.contains("  phone: \"0229 3871 000\"\n  email: a@b.vn\nopenings: 3\n"))
        #expect(editor.text.contains("  - may\nlocation:\n  commune: \"Gia Trấn\"\nresults:\n  - date: 2026-12-20\n    hired: 2\n    by: \"Công an xã\"\n---\nMô tả: giữ nguyên.\n"))
    }

    @Test func removesAFieldWithTheCommentAboveIt() throws {
        var editor = try FrontMatterEditor(text: Self.file)
        editor.remove("employer.phone")
        editor.remove("title")
        #expect(editor.text == Self.file
            .replacingOccurrences(of: "  # Số điện thoại.\n  phone: \"0229 3871 000\"\n", with: "")
            .replacingOccurrences(of: "# Vị trí tuyển dụng.\ntitle: Thợ may   # ghi chú cuối dòng\n", with: ""))
    }

    @Test func knowsWhichFieldALineBelongsTo() throws {
        let editor = try FrontMatterEditor(text: Self.file)
        #expect(editor.field(atLine: 4)! == ("title", nil))
        #expect(editor.field(atLine: 8)! == ("employer", "phone"))
        #expect(editor.field(atLine: 11)! == ("requirements", nil))
        #expect(editor.field(atLine: 16)! == ("", nil))
        #expect(editor.isEmpty("tags") == false)
        #expect(try FrontMatterEditor(text: "---\napply:\n# x\ntags:\n---\n").isEmpty("apply"))
    }

    @Test func refusesWhatItCannotEditLineByLine() throws {
        var editor = try FrontMatterEditor(text: "---\nemployer: {name: A}\n---\n")
        #expect(throws: FrontMatterEditor.Failure.flowStyle(parent: "employer")) { try editor.set("employer.phone", .scalar("1")) }
        #expect(throws: FrontMatterEditor.Failure.noFrontMatter) { try FrontMatterEditor(text: "id: 1\n") }
    }
}
