import CPlatform
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The write stage: puts a complete site at the output path atomically.
///
/// The new site is written to a staging folder beside the output (same file system), then swapped
/// with the output in one `renameat2(RENAME_EXCHANGE)`; the old tree is deleted afterwards. At every
/// instant — also if the process is killed — the output path holds the previous complete site or the
/// new one. Files whose bytes did not change are hard-linked from the previous site, so they keep
/// their inode and modification time and `rsync`/CDN syncs ship only what changed. Staging folders
/// left by a killed run are removed by the next run, under a lock that keeps two builds apart.
public struct OutputWriter: Sendable {
    public struct Report: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    public enum WriteError: Error, CustomStringConvertible {
        case busy(String)
        case io(String)

        public var description: String {
            switch self {
            case .busy(let path): "Một lần tạo trang khác đang ghi vào \(path); hãy chờ nó xong rồi chạy lại."
            case .io(let message): message
            }
        }
    }

    let output: URL
    var parent: URL { output.deletingLastPathComponent() }
    var stagingPrefix: String { ".\(output.lastPathComponent).phiencho-" }

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    public func write(_ files: [OutputFile]) throws(WriteError) -> Report {
        try createFolder(parent)
        let lock = try acquireLock()
        defer { close(lock) }
        removeLeftovers()

        let staging = parent.appendingPathComponent(stagingPrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try createFolder(staging)
        var report = Report()
        do {
            report = try fill(staging, with: files)
            try swapIntoPlace(staging)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
        return report
    }

    private func fill(_ staging: URL, with files: [OutputFile]) throws(WriteError) -> Report {
        let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }.sorted()
        for folder in folders { try createFolder(staging.appendingPathComponent(folder)) }

        let previous = previousFiles()
        let outcomes = parallelMap(files) { file -> Result<Bool, WriteError> in
            let target = staging.appendingPathComponent(file.path).path
            let old = output.appendingPathComponent(file.path).path
            if previous.contains(file.path), sameContents(atPath: old, as: file.data), link(old, target) == 0 {
                return .success(false)
            }
            guard Self.writeNew(file.data, to: target) else {
                return .failure(.io("Không ghi được tệp \(file.path) vào thư mục tạm \(staging.path)."))
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

    private func swapIntoPlace(_ staging: URL) throws(WriteError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .io("\(output.path) đang là một tệp, không phải thư mục.") }
            guard phiencho_exchange_paths(staging.path, output.path) == 0 else {
                throw .io("Không thay được thư mục \(output.path): \(String(cString: strerror(errno))).")
            }
            try? FileManager.default.removeItem(at: staging)
        } else if rename(staging.path, output.path) != 0 {
            throw .io("Không tạo được thư mục \(output.path): \(String(cString: strerror(errno))).")
        }
    }

    /// Paths of the regular files in the current output, relative to it.
    private func previousFiles() -> Set<String> {
        guard let enumerator = FileManager.default.enumerator(atPath: output.path) else { return [] }
        var paths: Set<String> = []
        while let relative = enumerator.nextObject() as? String {
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { paths.insert(relative) }
        }
        return paths
    }

    private func sameContents(atPath path: String, as data: Data) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, Int(status.st_size) == data.count else { return false }
        return FileManager.default.contents(atPath: path) == data
    }

    private func createFolder(_ url: URL) throws(WriteError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw .io("Không tạo được thư mục \(url.path).")
        }
    }

    private func acquireLock() throws(WriteError) -> Int32 {
        let path = parent.appendingPathComponent(stagingPrefix + "lock").path
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io("Không tạo được tệp khóa \(path).") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .busy(output.path)
        }
        return descriptor
    }

    /// Staging folders of earlier runs that were killed before they finished.
    private func removeLeftovers() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(stagingPrefix) && name != stagingPrefix + "lock" {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}
