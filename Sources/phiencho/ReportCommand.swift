import ArgumentParser
import Foundation
import PhienchoKit

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

    func validate() throws {
        guard let start = LocalDate(iso: from) else {
            throw ValidationError("--from phải là một ngày có thật theo dạng YYYY-MM-DD, ví dụ 2026-01-01.")
        }
        guard let end = LocalDate(iso: to) else {
            throw ValidationError("--to phải là một ngày có thật theo dạng YYYY-MM-DD, ví dụ 2026-06-14.")
        }
        guard start <= end else {
            throw ValidationError("Ngày đầu kỳ (--from \(from)) đang sau ngày cuối kỳ (--to \(to)).")
        }
    }

    func run() throws {
        let report = Report(options: .init(
            contentDirectory: URL(fileURLWithPath: content), contentDisplay: content,
            outputDirectory: URL(fileURLWithPath: output), outputDisplay: output,
            from: LocalDate(iso: from)!, to: LocalDate(iso: to)!))
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
