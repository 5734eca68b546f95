import ArgumentParser
import Foundation
import PhienchoCore
import PhienchoKit
import PhienchoReport

/// `phiencho report --from … --to …`: the period's figures as CSV tables (docs/report.md).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Lập bảng số liệu báo cáo 6 tháng, năm (tin đăng, vị trí cần tuyển, số người đã tuyển) cho một khoảng thời gian.")

    @Option(name: .customLong("from"), help: ArgumentHelp("Ngày đầu kỳ báo cáo (YYYY-MM-DD), tính cả ngày này.", valueName: "ngày"))
    var from: String

    @Option(name: .customLong("to"), help: ArgumentHelp("Ngày cuối kỳ báo cáo (YYYY-MM-DD), tính cả ngày này.", valueName: "ngày"))
    var to: String

    @Option(name: .customLong("content"), help: ArgumentHelp("Thư mục nội dung.", valueName: "thư-mục"))
    var content = "content"

    @Option(name: .customLong("output"), help: ArgumentHelp("Thư mục ghi báo cáo (không được nằm trong thư mục trang web).", valueName: "thư-mục"))
    var output = "bao-cao"

    @Option(name: .customLong("now"), help: ArgumentHelp("Ngày lập báo cáo (YYYY-MM-DD), ghi ở đầu mỗi trang; kết quả báo sau ngày này là lỗi. Mặc định là hôm nay.", valueName: "ngày"))
    var now: String?

    func validate() throws {
        let start = try DateArgument.day(from, flag: "--from", example: "2026-01-01")
        let end = try DateArgument.day(to, flag: "--to", example: "2026-06-14")
        _ = try now.map { try DateArgument.day($0, flag: "--now", example: "2026-06-15") }
        guard start <= end else {
            throw ValidationError("Ngày đầu kỳ (--from \(from)) đang sau ngày cuối kỳ (--to \(to)).")
        }
    }

    func run() throws {
        let report = Report(options: .init(
            content: Folder(path: content), output: Folder(path: output),
            from: LocalDate(iso: from)!, to: LocalDate(iso: to)!, now: now.flatMap(LocalDate.init(iso:))))
        let outcome = report.run()
        var standardError = FileHandle.standardError
        for diagnostic in outcome.diagnostics { print(diagnostic.formatted, to: &standardError) }
        guard outcome.errorCount == 0, let figures = outcome.figures else {
            print("Chưa lập được báo cáo vì có \(outcome.errorCount) lỗi (xem ở trên); không có tệp nào được ghi.", to: &standardError)
            throw ExitCode(outcome.exitStatus)
        }
        for name in outcome.written { print("\(output)/\(name)") }
        print("Kỳ \(figures.from.vietnamese) – \(figures.to.vietnamese): \(figures.posted) tin đăng mới, \(figures.openings) vị trí cần tuyển, \(figures.hired) người đã tuyển.", to: &standardError)
    }
}
