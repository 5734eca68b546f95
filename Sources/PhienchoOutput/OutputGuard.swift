#if canImport(Glibc)
import Foundation
import Glibc
import PhienchoCore
#endif

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
package struct OutputGuard: Sendable {
    let content: Folder
    let themes: Folder
    /// The output as given; it is resolved here the way `OutputWriter` resolves it.
    let output: Folder
    /// `--force`: replace a non-empty folder that phiencho did not write.
    let force: Bool

    package init(content: Folder, themes: Folder, output: Folder, force: Bool = false) {
        self.content = content
        self.themes = themes
        self.output = output
        self.force = force
    }

    /// Problems that forbid writing to the output, each a PC602 error; empty when it may be written.
    package func problems() -> [Diagnostic] {
        let target = OutputWriter.resolvedOutput(output.url).path
        let shownOutput = TerminalText.escaped(output.shown)
        func refuse(_ message: String) -> [Diagnostic] {
            [Diagnostic(.error, .outputRefused, path: output.shown, message)]
        }
        for (folder, role) in [(content, "nội dung"), (themes, "giao diện")] {
            let other = Self.realPath(folder.url.standardizedFileURL.path)
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
                return refuse("Thư mục đầu ra \(shownOutput) \(relation) thư mục \(role) \(TerminalText.escaped(folder.shown)). Tạo trang vào đó sẽ xóa mất \(role == "nội dung" ? "các tệp tin tuyển dụng và hồ sơ người tìm việc" : "giao diện"), nên phiencho không làm. Hãy chọn một thư mục đầu ra riêng, ví dụ --output public.")
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
    package static func realPath(_ path: String) -> String {
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
