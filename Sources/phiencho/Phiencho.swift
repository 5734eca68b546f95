import ArgumentParser
import Foundation
import PhienchoContent
import PhienchoCore
import PhienchoKit
import PhienchoOutput

/// The `phiencho` command: a thin layer over PhienchoKit. Exit codes: 0 done, 1 content errors
/// (nothing written), 2 usage or I/O problems. Staff commands (new, serve, check --format json)
/// are in StaffCommands.swift.
@main
struct Phiencho: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phiencho",
        abstract: "Tạo trang Phiên chợ việc làm từ các tệp tin tuyển dụng.",
        subcommands: [Build.self, Check.self, Audit.self, New.self, ImportCommand.self, Serve.self, ReportCommand.self]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = CommandLineText.vietnamese(fullMessage(for: error))
            (code == .success ? FileHandle.standardOutput : FileHandle.standardError).write(message + "\n")
            Foundation.exit(code == .success ? 0 : 2)
        }
    }
}

struct ContentOptions: ParsableArguments {
    @Option(name: .customLong("content"), help: ArgumentHelp("Thư mục nội dung.", valueName: "thư-mục"))
    var content = "content"

    @Option(name: .customLong("now"), help: ArgumentHelp("Ngày dùng để quyết định tin nào đang mở (YYYY-MM-DD); mặc định là hôm nay.", valueName: "ngày"))
    var now: String?

    func validate() throws {
        _ = try publicationDay()
    }

    func publicationDay() throws -> LocalDate? {
        guard let now else { return nil }
        return try DateArgument.day(now, flag: "--now", example: "2026-11-22")
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Kiểm tra nội dung và tạo trang vào thư mục đầu ra.")

    @OptionGroup var contentOptions: ContentOptions

    @Option(name: .customLong("themes"), help: ArgumentHelp("Thư mục chứa các giao diện.", valueName: "thư-mục"))
    var themes = "themes"

    @Option(name: .customLong("output"), help: ArgumentHelp("Thư mục đầu ra.", valueName: "thư-mục"))
    var output = "public"

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Địa chỉ gốc của trang, thay cho base_url trong site.yml.", valueName: "địa-chỉ"))
    var baseURL: String?

    @Flag(name: .customLong("timings"), help: "In thời gian của từng bước (để đo tốc độ).")
    var timings = false

    @Flag(name: .customLong("force"), help: "Thay toàn bộ thư mục đầu ra dù nó không phải trang do phiencho tạo (không bao giờ áp dụng cho thư mục nội dung hay giao diện).")
    var force = false

    @Option(name: .customLong("format"), help: ArgumentHelp("Cách in lỗi: text (từng dòng, mỗi mã lỗi tối đa 20 dòng, mặc định) hoặc json (mọi lỗi, một mảng JSON trên stdout).", valueName: "kiểu"))
    var format: DiagnosticFormat = .text

    func validate() throws {
        if let baseURL, SiteConfig.normalizedBaseURL(baseURL) == nil {
            throw ValidationError("--base-url phải là một địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://, ví dụ https://vieclam.ninhbinh.gov.vn/phien-cho/.")
        }
    }

    func run() throws {
        // Ctrl-C, SIGTERM or a closed terminal: the staging folder is removed and the old site stays.
        Interruption.install()
        var options = Site.Options(content: Folder(path: contentOptions.content), themes: Folder(path: themes),
                                   output: Folder(path: output), baseURL: baseURL,
                                   now: try contentOptions.publicationDay(), force: force)
        // On a terminal, a short line per stage; in a CI log (not a terminal), only the summary.
        if isatty(STDERR_FILENO) != 0 {
            options.progress = { stage in
                var standardError = FileHandle.standardError
                print(stage.line, to: &standardError)
            }
        }
        let report = Site(options: options).build()
        if timings {
            var standardError = FileHandle.standardError
            for line in report.timings { print(line, to: &standardError) }
        }
        try finish(report, format: format)
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Chỉ kiểm tra nội dung, không ghi gì.")

    @OptionGroup var contentOptions: ContentOptions

    @Option(name: .customLong("format"), help: ArgumentHelp("Cách in kết quả: text (từng dòng, mặc định) hoặc json (một mảng JSON trên stdout).", valueName: "kiểu"))
    var format: DiagnosticFormat = .text

    func run() throws {
        let check = ContentCheck(options: .init(content: Folder(path: contentOptions.content),
                                                now: try contentOptions.publicationDay()))
        try finish(check.run(), format: format)
    }
}

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tìm thông tin của người tìm việc (content/seekers/) trong một thư mục trang đã tạo.")

    @Option(name: .customLong("content"), help: ArgumentHelp("Thư mục nội dung.", valueName: "thư-mục"))
    var content = "content"

    @Option(name: .customLong("output"), help: ArgumentHelp("Thư mục trang đã tạo.", valueName: "thư-mục"))
    var output = "public"

    @Flag(name: .customLong("explain"), help: "Chỉ in cách kiểm tra từng cột của các tệp hồ sơ người tìm việc (không in giá trị nào), không kiểm tra thư mục trang.")
    var explain = false

    func run() throws {
        if explain {
            let (lines, diagnostics) = OutputAudit.explainSeekerColumns(in: Folder(path: content))
            var standardOutput = FileHandle.standardOutput, standardError = FileHandle.standardError
            for line in lines { print(line, to: &standardOutput) }
            if lines.isEmpty { print("Không có tệp hồ sơ người tìm việc nào trong \(content)/seekers.", to: &standardOutput) }
            for diagnostic in diagnostics { print(diagnostic.formatted, to: &standardError) }
            if !diagnostics.isEmpty { throw ExitCode(1) }
            return
        }
        guard FileManager.default.fileExists(atPath: output) else {
            throw ValidationError("Không tìm thấy thư mục \(output).")
        }
        let report = OutputAudit(options: .init(content: Folder(path: content), output: Folder(path: output))).run()
        var standardError = FileHandle.standardError
        for diagnostic in report.diagnostics { print(diagnostic.formatted, to: &standardError) }
        if report.succeeded {
            print("Đã kiểm tra \(report.filesRead) tệp với \(report.seekerRecords) hồ sơ người tìm việc: không thấy thông tin nào bị lộ.")
        } else {
            print("Phát hiện \(report.errorCount) lỗi: thông tin người tìm việc có thể đã bị lộ. Đừng đăng thư mục này.")
            throw ExitCode(1)
        }
    }
}

/// Prints every diagnostic and the summary; throws the exit code. In JSON format stdout holds the
/// JSON array alone, and the summary goes to stderr.
func finish(_ report: BuildReport, format: DiagnosticFormat = .text) throws {
    var standardError = FileHandle.standardError
    switch format {
    case .text:
        for line in DiagnosticDigest.lines(report.diagnostics, seeAll: "chạy lại lệnh với --format json") {
            print(line, to: &standardError)
        }
        print(report.summary)
    case .json:
        FileHandle.standardOutput.write(DiagnosticJSON.encode(report.diagnostics))
        print(report.summary, to: &standardError)
    }
    if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
}

/// Everything the CLI prints goes through here: line breaks are kept, and any other control
/// character that came from content or from an argument is shown escaped (`TerminalText`), so it
/// cannot act on the terminal. Diagnostics escape their own line breaks too.
extension FileHandle: @retroactive TextOutputStream {
    public func write(_ string: String) {
        write(Data(TerminalText.escapedLines(string).utf8))
    }
}
