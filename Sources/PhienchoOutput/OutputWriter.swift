import CPlatform
import Foundation
import Glibc
import PhienchoCore
#if canImport(Glibc)
#endif

/// The write stage: puts a complete site at the output path atomically.
///
/// The new site is written to a staging folder beside the output (same file system), then swapped
/// with the output in one `renameat2(RENAME_EXCHANGE)`; the old tree is deleted afterwards. At every
/// instant — also if the process is killed — the output path holds the previous complete site or the
/// new one. Files whose bytes did not change are hard-linked from the previous site, so they keep
/// their inode and modification time and `rsync`/CDN syncs ship only what changed. Staging folders
/// left by a killed run are removed by the next run, under a lock that keeps two builds apart.
///
/// Beside the output `OUT` a successful build leaves two names: the lock file `.OUT.phiencho-lock`
/// and `.OUT.phiencho-folders`, the replaced site's folder tree with every file removed, which the
/// next build reuses as its staging folder (see `OutputStaging`). Both may be deleted at any time
/// when no build runs; neither holds a page.
package struct OutputWriter: Sendable {
    package struct Report: Sendable, Equatable {
        package var written = 0
        package var unchanged = 0
        package var removed = 0
    }

    package enum WriteError: Error, CustomStringConvertible {
        case busy(String)
        case io(String)

        package var description: String {
            switch self {
            case .busy(let path): "Một lần tạo trang khác đang ghi vào \(path); hãy chờ nó xong rồi chạy lại."
            case .io(let message): message
            }
        }
    }

    let output: URL
    var parent: URL { output.deletingLastPathComponent() }
    var stagingPrefix: String { ".\(output.lastPathComponent).phiencho-" }
    /// The previous site's emptied folder tree, kept for the next build's staging folder.
    var foldersPath: String { parent.appendingPathComponent(stagingPrefix + "folders").path }

    /// The file every site phiencho writes carries at its top, so that a later build recognises
    /// the folder as its own (`OutputGuard`); the nginx snippet does not serve it.
    package static let markerName = ".phiencho-site"
    static let marker = OutputFile(path: markerName, text:
        "Thư mục này là một trang do phiencho tạo. Mỗi lần tạo trang, toàn bộ thư mục được thay mới: đừng để tệp nào khác ở đây.\n")

    /// `output`: the output folder as given. When it is a symbolic link (`public -> /var/www/…`), the
    /// build writes to the folder it points to and keeps the link (`resolvedOutput`).
    package init(output: URL) {
        self.output = Self.resolvedOutput(output)
    }

    /// Where a build writes for the output path `url`: the target of a symbolic link (followed
    /// link after link, so the link is kept and its target replaced atomically, as a real folder
    /// would be), inside the real path of its parent folder. A link is never replaced by a folder
    /// and the staging folders are made beside the folder that is really swapped.
    static func resolvedOutput(_ url: URL) -> URL {
        var path = url.standardizedFileURL.path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { break }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(path, &buffer, buffer.count - 1)
            guard length > 0 else { break }
            let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            path = target.hasPrefix("/") ? target : (path as NSString).deletingLastPathComponent + "/" + target
            path = URL(fileURLWithPath: path).standardizedFileURL.path
        }
        let name = (path as NSString).lastPathComponent
        let parent = OutputGuard.realPath((path as NSString).deletingLastPathComponent)
        return URL(fileURLWithPath: (parent == "/" ? "" : parent) + "/" + name)
    }

    /// Writes `files` as the whole new site (`stage` and `write(_:into:)` in one call).
    func write(_ files: [OutputFile]) throws(WriteError) -> Report {
        try write(files, into: stage(folders: files.map(\.path)))
    }

    /// Takes the output's lock, removes killed runs' leftovers and makes the staging folder; the
    /// folders holding `folders` (file paths) are created in the background (`OutputStaging`).
    package func stage(folders: [String]) throws(WriteError) -> OutputStaging {
        // Until the staging folder is registered as an interrupted build's clean-up.
        try Interruption.critical { () throws(WriteError) in try makeStaging(folders: folders) }
    }

    private func makeStaging(folders: [String]) throws(WriteError) -> OutputStaging {
        let createdParents = missingAncestors(of: parent)
        try createFolder(parent)
        let lock: OutputStaging.Lock
        do {
            lock = try acquireLock()
        } catch {
            createdParents.forEach { rmdir($0) }
            throw error
        }
        removeLeftovers()
        let staging = parent.appendingPathComponent(stagingPrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let traces = OutputStaging.Traces(lock: lock, createdParents: createdParents)
        let reusing = rename(foldersPath, staging.path) == 0
        if !reusing {
            do {
                try createFolder(staging)
            } catch {
                traces.remove()
                throw error
            }
        }
        return OutputStaging(url: staging, traces: traces, folders: folders, reusing: reusing)
    }

    /// Fills the staging folder with `files` and swaps it into place; on failure it is removed.
    package func write(_ files: [OutputFile], into staging: OutputStaging) throws(WriteError) -> Report {
        var report = Report()
        do {
            let previous = FileTree.list(output.path)
            report = try fill(staging, with: files + [Self.marker], previous: Set(previous?.files ?? []))
            // An interrupting signal waits for the swap and the old site's clean-up.
            try Interruption.critical { () throws(WriteError) in
                try swapIntoPlace(staging.url, previous: previous)
                staging.finish()
            }
        } catch {
            staging.discard()
            throw error
        }
        return report
    }

    private func fill(_ staging: OutputStaging, with files: [OutputFile], previous: Set<String>) throws(WriteError) -> Report {
        let stagingPath = staging.url.path, outputPath = output.path
        // Folders the staging thread did not make (none when `SiteRenderer.pagePaths()` listed every
        // page); `created` holds every made folder's parents too.
        let created = staging.createdFolders()
        let missing = FileTree.folders(holding: files.lazy.map(\.path).filter { path in
            guard let slash = path.lastIndex(of: "/") else { return false }
            return !created.contains(String(path[..<slash]))
        })
        guard FileTree.createFolders(missing, under: stagingPath) else {
            throw .io("Không tạo được các thư mục trong thư mục tạm \(stagingPath).")
        }
        let outcomes = parallelMap(files) { file -> Result<Bool, WriteError> in
            let target = stagingPath + "/" + file.path
            let old = outputPath + "/" + file.path
            if previous.contains(file.path), sameContents(atPath: old, as: file.data), link(old, target) == 0 {
                return .success(false)
            }
            guard Self.writeNew(file.data, to: target) else {
                return .failure(.io("Không ghi được tệp \(file.path) vào thư mục tạm \(stagingPath)."))
            }
            return .success(true)
        }
        var report = Report()
        for outcome in outcomes {
            switch outcome {
            case .success(true): report.written += 1
            case .success(false): report.unchanged += 1
            case .failure(let error): throw error
            }
        }
        report.removed = previous.subtracting(files.map(\.path)).count
        return report
    }

    /// Creates a file in the private staging folder (no temp-and-rename needed there: the whole
    /// folder is what gets swapped in atomically).
    private static func writeNew(_ data: Data, to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { if errno == EINTR { continue }; return false }
                offset += written
            }
            return true
        }
    }

    /// `previous`: what the output held before the swap, as listed before `fill`.
    private func swapIntoPlace(_ staging: URL, previous: FileTree.Listing?) throws(WriteError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .io("\(output.path) đang là một tệp, không phải thư mục.") }
            guard phiencho_exchange_paths(staging.path, output.path) == 0 else {
                throw .io("Không thay được thư mục \(output.path): \(SystemErrorText.current).")
            }
            keepFolders(of: staging.path, listed: previous)
        } else if rename(staging.path, output.path) != 0 {
            throw .io("Không tạo được thư mục \(output.path): \(SystemErrorText.current).")
        }
    }

    /// The replaced site, at `old` after the swap: its files (as `listed` before the build wrote) are
    /// removed and its folders kept at `foldersPath` for the next build, which checks that they hold
    /// nothing else; when that fails the old site is removed entirely.
    private func keepFolders(of old: String, listed: FileTree.Listing?) {
        if let listed, FileTree.removeFiles(of: listed, under: old), rename(old, foldersPath) == 0 { return }
        FileTree.remove(old)
    }

    private func sameContents(atPath path: String, as data: Data) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, Int(status.st_size) == data.count else { return false }
        let old = [UInt8](unsafeUninitializedCapacity: data.count) { buffer, count in
            count = 0
            while count < buffer.count {
                let got = read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { break }
                count += got
            }
        }
        return old.count == data.count && data.withUnsafeBytes { memcmp($0.baseAddress!, old, old.count) == 0 }
    }

    private func createFolder(_ url: URL) throws(WriteError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw .io("Không tạo được thư mục \(url.path).")
        }
    }

    /// The lock that keeps two builds of one output apart: `flock` on a file beside the output. A
    /// lock file this build created is removed again when the build writes nothing; checking that
    /// the locked file is still the one at the path closes the race with that removal.
    private func acquireLock() throws(WriteError) -> OutputStaging.Lock {
        let path = parent.appendingPathComponent(stagingPrefix + "lock").path
        while true {
            var created = true
            var descriptor = open(path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o644)
            if descriptor < 0, errno == EEXIST {
                created = false
                descriptor = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW)
                if descriptor < 0, errno == ENOENT { continue }
                // Not a regular file that phiencho made (a symbolic link, a folder …): never followed.
                if descriptor < 0, errno == ELOOP, unlink(path) == 0 { continue }
            }
            guard descriptor >= 0 else { throw .io("Không tạo được tệp khóa \(path).") }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                close(descriptor)
                throw .busy(output.path)
            }
            var locked = stat(), atPath = stat()
            guard fstat(descriptor, &locked) == 0, stat(path, &atPath) == 0,
                  locked.st_ino == atPath.st_ino, locked.st_dev == atPath.st_dev else {
                close(descriptor)
                continue
            }
            return OutputStaging.Lock(descriptor: descriptor, path: path, created: created)
        }
    }

    /// The folders above `folder` (itself included) that do not exist yet, deepest first.
    private func missingAncestors(of folder: URL) -> [String] {
        var missing: [String] = []
        var path = folder.path
        while path.count > 1, access(path, F_OK) != 0, errno == ENOENT {
            missing.append(path)
            path = (path as NSString).deletingLastPathComponent
        }
        return missing
    }

    /// Staging folders of earlier runs that were killed before they finished.
    private func removeLeftovers() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        let kept = [stagingPrefix + "lock", stagingPrefix + "folders"]
        for name in names where name.hasPrefix(stagingPrefix) && !kept.contains(name) {
            FileTree.remove(parent.appendingPathComponent(name).path)   // a link is unlinked, never followed
        }
        // The kept folder tree is renamed into the staging folder; anything but a real folder there
        // (a link, a file) is unlinked, never followed.
        var status = stat()
        if lstat(foldersPath, &status) == 0, status.st_mode & S_IFMT != S_IFDIR { unlink(foldersPath) }
    }
}
