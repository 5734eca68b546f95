#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PhienchoCore
import PhienchoContent

/// Decides, before a build reads anything, whether the output folder may be replaced.
///
/// A build replaces the whole output folder. Named wrongly (`--output content`, `--output .`,
/// `--output ~`), that would delete vacancy files, the confidential seeker records or a home
/// folder. So the output is refused (PC602, exit 2, nothing touched) when it is, lies inside, or
/// holds the content folder or the themes folder; when it is a file; and, unless `--force`, when it
/// holds `.git` or is a non-empty folder without the marker `.phiencho-site` that every site
/// phiencho writes carries (`OutputWriter.markerName`; a copy of the site keeps it). A folder that
/// an earlier phiencho wrote, before the marker existed, is known by the lock file its builds left
/// beside it (`.OUT.phiencho-lock`).
///
/// Every path is compared as the file system resolves it, symbolic links included, so a link
/// cannot hide that two names are one folder.
struct OutputGuard: Sendable {
    var content: URL
    var themes: URL
    /// The output as given; it is resolved here the way `OutputWriter` resolves it.
    var output: URL
    var contentDisplay: String
    var themesDisplay: String
    var outputDisplay: String
    /// `--force`: replace a non-empty folder that phiencho did not write.
    var force = false

    /// Problems that forbid writing to the output, each a PC602 error; empty when it may be written.
    func problems() -> [Diagnostic] {
        let target = OutputWriter.resolvedOutput(output).path
        let shownOutput = TerminalText.escaped(outputDisplay)
        func refuse(_ message: String) -> [Diagnostic] {
            [Diagnostic(.error, .outputRefused, path: outputDisplay, message)]
        }
        for (folder, shown, role) in [(content, contentDisplay, "nội dung"), (themes, themesDisplay, "giao diện")] {
            let other = Self.realPath(folder.standardizedFileURL.path)
            let relation: String? = if target == other {
                "chính là"
            } else if target.hasPrefix(other == "/" ? "/" : other + "/") {
                "nằm trong"
            } else if other.hasPrefix(target == "/" ? "/" : target + "/") {
                "chứa"
            } else {
                nil
            }
            if let relation {
                return refuse("Thư mục đầu ra \(shownOutput) \(relation) thư mục \(role) \(TerminalText.escaped(shown)). Tạo trang vào đó sẽ xóa mất \(role == "nội dung" ? "các tệp tin tuyển dụng và hồ sơ người tìm việc" : "giao diện"), nên phiencho không làm. Hãy chọn một thư mục đầu ra riêng, ví dụ --output public.")
            }
        }
        var status = stat()
        guard lstat(target, &status) == 0 else { return [] }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            return refuse("\(shownOutput) là một tệp, không phải thư mục; phiencho không ghi đè lên nó. Hãy chọn thư mục đầu ra khác hoặc tự xóa tệp này.")
        }
        guard !force else { return [] }
        if lstat(target + "/.git", &status) == 0 {
            return refuse("Thư mục đầu ra \(shownOutput) có .git (một kho mã): tạo trang vào đó sẽ xóa lịch sử của kho. Hãy chọn thư mục đầu ra khác; nếu thật sự muốn thay toàn bộ thư mục này, thêm --force.")
        }
        guard let entries = FileTree.entries(of: target, followingLinks: true) else {
            return refuse("Không đọc được thư mục đầu ra \(shownOutput) (\(SystemErrorText.current)).")
        }
        // A site of an earlier phiencho has no marker yet, but its build left the lock file beside it.
        let name = (target as NSString).lastPathComponent
        let lockFile = (target as NSString).deletingLastPathComponent + "/.\(name).phiencho-lock"
        func isFile(_ path: String) -> Bool { lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG }
        let isSite = isFile(target + "/" + OutputWriter.markerName) || isFile(lockFile)
        if !entries.isEmpty && !isSite {
            return refuse("Thư mục đầu ra \(shownOutput) đã có \(entries.count) mục nhưng không phải trang do phiencho tạo (thiếu tệp \(OutputWriter.markerName)); tạo trang vào đó sẽ xóa hết chúng. Hãy chọn một thư mục trống hoặc chưa có; nếu thật sự muốn thay toàn bộ thư mục này, thêm --force.")
        }
        return []
    }

    /// `path` with every symbolic link resolved: `realpath` of its longest existing part, the rest
    /// appended as written (the output may not exist yet).
    static func realPath(_ path: String) -> String {
        var existing = path
        var rest: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                guard !rest.isEmpty else { return base }
                return (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            let parent = (existing as NSString).deletingLastPathComponent
            guard parent != existing, !parent.isEmpty else { return path }
            rest.append((existing as NSString).lastPathComponent)
            existing = parent
        }
    }
}
