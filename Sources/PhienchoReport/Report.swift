import Foundation
import PhienchoContent
import PhienchoCore
import PhienchoOutput
import PhienchoPublication

/// `phiencho report`: the figures of a period for the centre's six-monthly and annual reports,
/// written as an `.xlsx` workbook and CSV tables into a folder of their own. It reads the vacancies and the term lists
/// (through the content loader, which never opens `seekers/`) and writes nothing into a site.
public struct Report {
    public struct Options: Sendable {
        package var content: Folder
        package var output: Folder
        public var from: LocalDate
        public var to: LocalDate
        /// The day the report is made (its title row; results after it are errors); default today
        /// in the site's time zone.
        public var now: LocalDate?

        package init(content: Folder, output: Folder, from: LocalDate, to: LocalDate, now: LocalDate? = nil) {
            self.now = now
            self.content = content
            self.output = output
            self.from = from
            self.to = to
        }
    }

    public struct Outcome: Sendable {
        public var figures: ReportFigures?
        public var written: [String] = []
        public var diagnostics: [Diagnostic] = []
        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
        /// 2 when the folder may not or could not be written, 1 for content errors, else 0 (as `build`).
        public var exitStatus: Int32 { diagnostics.exitStatus }
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    public func run() -> Outcome {
        var outcome = Outcome()
        if let refusal = refusal() {
            outcome.diagnostics.append(Diagnostic(.error, .outputRefused, path: options.output.shown, refusal))
            return outcome
        }
        let loaded = ContentLoader(contentDirectory: options.content.url, displayRoot: options.content.shown).load()
        let validated = ContentValidator.validate(loaded)
        outcome.diagnostics = validated.diagnostics
        let zone = validated.site?.timeZone ?? TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        let day = options.now ?? LocalDate.today(in: zone)
        // A hire dated after today is an error: nothing in the future is counted.
        outcome.diagnostics += DatedFacts.diagnostics(for: validated.catalog?.vacancies ?? validated.vacancies, at: day)
        // A file with an error would be missing from the figures: no report rather than a wrong one.
        guard outcome.errorCount == 0, let catalog = validated.catalog else { return outcome }
        let figures = ReportFigures(vacancies: catalog.vacancies, from: options.from, to: options.to, made: day)
        outcome.figures = figures
        do {
            let files = try ReportFiles.files(figures, site: catalog.site)
            try FileManager.default.createDirectory(at: options.output.url, withIntermediateDirectories: true)
            for file in files {
                try file.data.write(to: options.output.url.appendingPathComponent(file.name), options: .atomic)
                outcome.written.append(file.name)
            }
        } catch {
            outcome.diagnostics.append(Diagnostic(.error, .outputProblem, path: options.output.shown,
                                                  "Không ghi được báo cáo vào thư mục này (\(SystemErrorText.current)); hãy kiểm tra quyền ghi và dung lượng ổ đĩa."))
        }
        return outcome
    }

    /// Why the output folder may not receive the report: it is, lies inside or holds the content
    /// folder or the themes folder (the next build would publish a theme's assets, hires per commune
    /// and all), or lies inside the site's default output `public/` or any site phiencho built (a
    /// folder holding `.phiencho-site`), so the report would be published with it. Paths are
    /// compared as the file system resolves them, links included (`OutputGuard.realPath`).
    func refusal() -> String? {
        let output = OutputGuard.realPath(options.output.url.standardizedFileURL.path)
        let here = FileManager.default.currentDirectoryPath
        func within(_ folder: String) -> Bool {
            let other = OutputGuard.realPath(folder)
            return output == other || output.hasPrefix(other == "/" ? "/" : other + "/") || other.hasPrefix(output == "/" ? "/" : output + "/")
        }
        for (folder, name) in [(options.content.url.standardizedFileURL.path, "nội dung"), (here + "/themes", "giao diện themes/"),
                               (options.content.url.standardizedFileURL.deletingLastPathComponent().path + "/themes", "giao diện themes/")]
        where within(folder) {
            return "Thư mục báo cáo \(options.output.shown) trùng, nằm trong hoặc chứa thư mục \(name): báo cáo có số người được tuyển theo từng xã, không được để ở đó (lần tạo trang sau có thể đăng nó lên mạng). Hãy chọn thư mục riêng, ví dụ --output bao-cao."
        }
        let defaultSite = OutputGuard.realPath(here + "/public")
        if output == defaultSite || output.hasPrefix(defaultSite + "/") {
            return "Thư mục báo cáo \(options.output.shown) nằm trong thư mục trang web public/: báo cáo sẽ bị đăng lên mạng cùng trang. Hãy chọn thư mục khác, ví dụ --output bao-cao."
        }
        var folder = output
        while true {
            if FileManager.default.fileExists(atPath: folder + "/" + OutputWriter.markerName) {
                return "Thư mục báo cáo \(options.output.shown) nằm trong thư mục trang web (\(folder)): báo cáo sẽ bị đăng lên mạng cùng trang. Hãy chọn thư mục khác, ví dụ --output bao-cao."
            }
            let parent = (folder as NSString).deletingLastPathComponent
            guard parent != folder, !parent.isEmpty else { return nil }
            folder = parent
        }
    }
}
