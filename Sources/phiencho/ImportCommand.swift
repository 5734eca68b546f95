import ArgumentParser
import Foundation
import PhienchoCore
import PhienchoImport
import PhienchoKit

/// `phiencho import`: the quarterly spreadsheet becomes vacancy files; `--template` writes the blank
/// workbook for the communes (docs/import.md).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập danh sách việc tìm người từ bảng tính (.xlsx hoặc .csv) thành các tệp tin tuyển dụng; hoặc tạo bảng tính mẫu.",
        discussion: "Mỗi dòng của bảng thành một tệp trong content/vacancies/NĂM-THÁNG/ (bản nháp), hoặc cập nhật tin có cùng mã tin. Có lỗi ở bất kỳ dòng nào thì không ghi tệp nào.")

    @Argument(help: ArgumentHelp("Bảng tính cần nhập (.xlsx hoặc .csv).", valueName: "tệp"))
    var file: String?

    @Option(name: .customLong("template"), help: ArgumentHelp("Ghi bảng tính mẫu (.xlsx) để gửi cho các xã/phường, thay vì nhập.", valueName: "tệp.xlsx"))
    var template: String?

    @OptionGroup var contentOptions: ContentOptions

    @Flag(name: .customLong("dry-run"), help: "Chỉ kiểm tra và cho biết sẽ ghi những tệp nào; không ghi gì.")
    var dryRun = false

    @Flag(name: .customLong("approve"), help: "Ghi các tin là đã duyệt (approved) thay vì bản nháp.")
    var approve = false

    @Flag(name: .customLong("force"), help: "Với --template: ghi đè tệp đã có (mặc định không bao giờ ghi đè).")
    var force = false

    func validate() throws {
        switch (file, template) {
        case (nil, nil): throw ValidationError("Hãy ghi tên bảng tính cần nhập, ví dụ: phiencho import danh-sach-quy-4.xlsx; hoặc tạo mẫu: phiencho import --template mau.xlsx")
        case (_?, _?): throw ValidationError("Dùng một trong hai: nhập một bảng tính, hoặc --template để tạo mẫu; không dùng cả hai.")
        case (nil, let template?) where !template.lowercased().hasSuffix(".xlsx"):
            throw ValidationError("Tệp mẫu phải có đuôi .xlsx, ví dụ: phiencho import --template mau-viec-tim-nguoi.xlsx")
        default: break
        }
    }

    func run() throws {
        var standardError = FileHandle.standardError
        let content = Folder(path: contentOptions.content)
        if let template {
            switch ImportTemplate.write(to: URL(fileURLWithPath: template), content: content,
                                        replacing: force) {
            case .success:
                print(template)
                print("Đã tạo bảng tính mẫu. Gửi cho các xã/phường điền vào trang “\(ImportTemplate.sheetName)”; trang “\(ImportTemplate.guideName)” giải thích từng cột.", to: &standardError)
            case .failure(let failure):
                switch failure {
                case .content(let diagnostics):
                    for diagnostic in diagnostics { print(diagnostic.formatted, to: &standardError) }
                    print("Chưa tạo được mẫu: hãy sửa các lỗi trên trong site.yml, communes.yml, sectors.yml trước.", to: &standardError)
                case .io(let message):
                    print(message, to: &standardError)
                }
                throw ExitCode(failure.exitStatus)
            }
            return
        }
        guard let file else { return }
        let outcome = VacancyImport(options: .init(
            file: URL(fileURLWithPath: file), fileDisplay: file, content: content,
            today: try contentOptions.publicationDay(), dryRun: dryRun, approve: approve)).run()
        // A broken sheet can have thousands of problems of one kind: twenty show what to fix.
        for line in DiagnosticDigest.lines(outcome.diagnostics, seeAll: "sửa các lỗi đã in rồi chạy lại lệnh") {
            print(line, to: &standardError)
        }
        // A write failure (exit 2) says itself that nothing was written; errors in the sheet need the summary.
        if outcome.exitStatus == 1 {
            print("Chưa nhập: có \(outcome.errorCount) lỗi (xem ở trên), nên chưa ghi tệp nào. Sửa bảng tính rồi chạy lại lệnh.", to: &standardError)
        }
        guard outcome.exitStatus == 0 else { throw ExitCode(outcome.exitStatus) }
        for change in outcome.changes {
            let verb = switch (change.kind, dryRun) {
            case (.created, false): "Tạo mới"
            case (.created, true): "Sẽ tạo mới"
            case (.updated, false): "Cập nhật"
            case (.updated, true): "Sẽ cập nhật"
            }
            let detail = change.columns.isEmpty ? "" : ": " + change.columns.joined(separator: ", ")
            print("\(verb) \(change.displayPath) (\(change.id), dòng \(change.row))\(detail)")
        }
        let created = outcome.changes.filter { $0.kind == .created }.count
        let updated = outcome.changes.count - created
        var summary = "\(dryRun ? "Chạy thử, chưa ghi tệp nào. Đã đọc" : "Đã nhập") \(outcome.rows) dòng: \(created) tin mới\(approve ? " (đã duyệt)" : " (bản nháp)"), \(updated) tin cập nhật, \(outcome.unchanged) tin không đổi."
        if !dryRun && !outcome.changes.isEmpty {
            let contentFlag = contentOptions.content == "content" ? "" : " --content \(shellWord(contentOptions.content))"
            summary += approve ? " Kiểm tra lại bằng: \(invocation) check\(contentFlag)"
                               : " Mở các tệp để xem lại, đổi “status: draft” thành “approved” khi đã duyệt, rồi chạy: \(invocation) check\(contentFlag)"
        }
        print(summary)
    }
}
