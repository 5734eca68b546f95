import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PhienchoCore
import PhienchoContent

/// Writes the files of an import all at once or not at all: each file's new text goes to a hidden
/// file beside it first; only when every one is written are they renamed into place. A failure on
/// the way removes what was written and puts back what was replaced. It never writes through a
/// symbolic link: the loader refuses linked folders and files in the content, and an import must
/// not put files where the build would not read them (or outside the content altogether).
enum ImportWriter {
    package struct Failure: Error {
        /// In Vietnamese, naming the file.
        var message: String
    }

    static func write(_ changes: [VacancyImport.Change], inside content: URL) throws(Failure) {
        for change in changes {
            if let link = link(on: change.url, inside: content) {
                throw Failure(message: "Không ghi \(change.displayPath) vì \(link) là một liên kết (symbolic link); chương trình không ghi qua liên kết. Hãy thay liên kết bằng thư mục thật. Chưa ghi tệp nào.")
            }
        }
        var madeFolders: [URL] = []
        var staged: [(temporary: URL, change: VacancyImport.Change)] = []
        func undo() {
            for item in staged { unlink(item.temporary.path) }
            for folder in madeFolders.reversed() { rmdir(folder.path) }
        }
        for change in changes {
            for folder in missingFolders(above: change.url) {
                guard mkdir(folder.path, 0o755) == 0 else {
                    let reason = SystemErrorText.current
                    undo()
                    throw Failure(message: "Không tạo được thư mục \(folder.path): \(reason). Chưa ghi tệp nào.")
                }
                madeFolders.append(folder)
            }
            let temporary = change.url.deletingLastPathComponent().appendingPathComponent(".\(change.url.lastPathComponent).nhap")
            do {
                try Data(change.text.utf8).write(to: temporary)
            } catch {
                undo()
                throw Failure(message: "Không ghi được tệp \(change.displayPath). Chưa ghi tệp nào.")
            }
            staged.append((temporary, change))
        }
        var replaced: [(url: URL, previous: Data?)] = []
        for item in staged {
            let previous = FileManager.default.contents(atPath: item.change.url.path)
            // A created file must not exist yet (another program may have made it meanwhile).
            let clash = item.change.kind == .created && previous != nil
            if clash || rename(item.temporary.path, item.change.url.path) != 0 {
                let reason = clash ? "tệp đã có" : SystemErrorText.current
                restore(replaced)
                undo()
                throw Failure(message: "Không ghi được tệp \(item.change.displayPath): \(reason). Các tệp khác được để nguyên như trước.")
            }
            replaced.append((item.change.url, previous))
        }
    }

    /// Puts back the files already renamed into place: the old text of an updated file, no file
    /// for a created one.
    private static func restore(_ replaced: [(url: URL, previous: Data?)]) {
        for (url, previous) in replaced.reversed() {
            if let previous { try? previous.write(to: url, options: .atomic) } else { unlink(url.path) }
        }
    }

    /// The first existing path from `content` (exclusive) down to `file` that is a symbolic link.
    static func link(on file: URL, inside content: URL) -> String? {
        let root = content.standardizedFileURL.pathComponents
        let parts = file.standardizedFileURL.pathComponents
        guard parts.starts(with: root) else { return file.path }
        var path = content.standardizedFileURL
        for part in parts.dropFirst(root.count) {
            path.appendPathComponent(part)
            var status = stat()
            guard lstat(path.path, &status) == 0 else { return nil }   // missing from here on: made by the import
            if status.st_mode & S_IFMT == S_IFLNK { return path.path }
        }
        return nil
    }

    /// The folders from the first missing one down to the file's own folder.
    private static func missingFolders(above file: URL) -> [URL] {
        var folders: [URL] = []
        var folder = file.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" {
            folders.insert(folder, at: 0)
            folder = folder.deletingLastPathComponent()
        }
        return folders
    }
}
