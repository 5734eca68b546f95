import ArgumentParser
import Foundation
import PhienchoCore
import PhienchoImport
import PhienchoKit

/// `check --format`: text lines for people, a JSON array for a content repository's own CI.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `phiencho new "<vị trí>"`: a new draft vacancy file with every field explained.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tạo tệp tin tuyển dụng mới (bản nháp) với đủ các trường và lời giải thích; hoặc sự kiện (--event), khóa học nghề (--training).",
        discussion: "Tệp được ghi vào content/vacancies/NĂM-THÁNG/ với mã tin mới (đầu mã lấy từ id_prefix trong site.yml); sự kiện vào content/events/ (mã SK-NĂM-…), khóa học vào content/trainings/ (mã HN-NĂM-…). Đường dẫn của tệp được in ra.")

    /// The words of the title: `phiencho new Thợ may` without quotes works as `"Thợ may"`.
    @Argument(help: ArgumentHelp("Vị trí tuyển dụng, ví dụ \"Thợ hàn cửa sắt\" (ngoặc kép có thể bỏ).", valueName: "vị-trí"))
    var words: [String] = []

    var title: String { words.joined(separator: " ") }

    @Option(name: .customLong("id"), help: ArgumentHelp("Mã tin muốn dùng, thay cho mã chương trình tự đặt.", valueName: "mã-tin"))
    var id: String?

    @Flag(name: .customLong("event"), help: "Tạo sự kiện (ngày hội việc làm, buổi tư vấn) trong content/events/ thay cho tin tuyển dụng.")
    var event = false

    @Flag(name: .customLong("training"), help: "Tạo khóa học nghề trong content/trainings/ thay cho tin tuyển dụng.")
    var training = false

    var kind: NewVacancy.Kind { event ? .event : training ? .training : .vacancy }

    @OptionGroup var contentOptions: ContentOptions

    func validate() throws {
        if event && training {
            throw ValidationError("Dùng một trong hai: --event (sự kiện) hoặc --training (khóa học nghề).")
        }
        if title.allSatisfy(\.isWhitespace) {
            throw ValidationError(event ? "Hãy ghi tên sự kiện, ví dụ: phiencho new --event \"Ngày hội việc làm tháng 12\"."
                                  : training ? "Hãy ghi tên khóa học, ví dụ: phiencho new --training \"May công nghiệp\"."
                                  : "Hãy ghi vị trí tuyển dụng, ví dụ: phiencho new \"Thợ hàn cửa sắt\".")
        }
    }

    func run() throws {
        let creator = NewVacancy(content: Folder(path: contentOptions.content))
        var standardError = FileHandle.standardError
        switch creator.create(kind, title: title, id: id, today: try contentOptions.publicationDay()) {
        case .success(let created):
            print(created.displayPath)
            let content = contentOptions.content == "content" ? "" : " --content \(shellWord(contentOptions.content))"
            print("Đã tạo bản nháp \(created.id). Mở tệp để điền thông tin, rồi kiểm tra bằng lệnh:", to: &standardError)
            print("  \(invocation) check\(content)", to: &standardError)
            print("Xem trước trang trên máy này: \(invocation) serve\(content)", to: &standardError)
        case .failure(let failure):
            switch failure {
            case .content(let diagnostics):
                for diagnostic in diagnostics { print(diagnostic.formatted, to: &standardError) }
                print("Chưa tạo được tin mới: hãy sửa các lỗi trên trong site.yml, communes.yml, sectors.yml trước.", to: &standardError)
            case .rejected(let message), .io(let message):
                print(message, to: &standardError)
            }
            throw ExitCode(failure.exitStatus)
        }
    }
}

/// The program as it was typed (`.build/release/phiencho`, or `phiencho` when found on PATH),
/// so that the commands printed for staff can be copied as they are.
var invocation: String {
    let typed = CommandLine.arguments.first ?? "phiencho"
    return typed.contains("/") ? shellWord(typed) : "phiencho"
}

/// A word as a shell reads it: quoted when it holds anything but letters, digits and `-_./`.
func shellWord(_ word: String) -> String {
    guard word.isEmpty || word.contains(where: { !($0.isLetter || $0.isNumber || "-_./".contains($0)) }) else { return word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// `phiencho serve`: builds into a temporary folder and serves it on 127.0.0.1, rebuilding on change.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Xem trước trang trên máy này (http://127.0.0.1:CỔNG/), tự tạo lại trang khi nội dung thay đổi.")

    @Option(name: .customLong("port"), help: ArgumentHelp("Cổng của máy chủ xem trước; 0 để tự chọn một cổng còn trống.", valueName: "cổng"))
    var port: UInt16 = 8080

    @OptionGroup var contentOptions: ContentOptions

    @Option(name: .customLong("themes"), help: ArgumentHelp("Thư mục chứa các giao diện.", valueName: "thư-mục"))
    var themes = "themes"

    func run() throws {
        let server = PreviewServer(options: .init(content: Folder(path: contentOptions.content), themes: Folder(path: themes),
                                                  port: port, now: try contentOptions.publicationDay()))
        let signals = StopSignals([SIGINT, SIGTERM, SIGHUP])
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do throws(PreviewServer.Failure) {
                try await server.run(until: { _ = await signals.wait() }, events: Serve.show)
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        done.wait()
        if let failure = outcome.value {
            FileHandle.standardError.write(failure.description + "\n")
            throw ExitCode(failure.exitStatus)
        }
    }

    /// Lines for the person at the terminal; stdout is written unbuffered so that a program
    /// reading it (a test, a script) sees each line at once.
    @Sendable static func show(_ event: PreviewServer.Event) {
        let out = FileHandle.standardOutput
        switch event {
        case .temporaryFolder(let url):
            out.write("Trang xem trước được tạo trong thư mục tạm \(url.path) (tự xóa khi dừng).\n")
        case .built(let report, let first):
            for diagnostic in report.diagnostics { FileHandle.standardError.write(diagnostic.formatted + "\n") }
            if report.succeeded {
                out.write((first ? "" : "Có thay đổi, đã tạo lại trang. ") + report.summary + "\n")
            } else {
                out.write("Nội dung có \(report.errorCount) lỗi (xem ở trên): trang xem trước hiện danh sách lỗi cho đến khi sửa xong.\n")
            }
        case .serving(let url):
            out.write("Đang xem trước tại \(url.absoluteString) — nhấn Ctrl-C để dừng.\n")
        case .stopped:
            out.write("Đã dừng xem trước và xóa thư mục tạm.\n")
        }
    }
}

/// The failure the preview ended with, read by the main thread once its task is done.
final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: PreviewServer.Failure?

    var value: PreviewServer.Failure? { lock.withLock { stored } }
    func set(_ failure: PreviewServer.Failure) { lock.withLock { stored = failure } }
}
