import Foundation
import PhienchoCore
import PhienchoContent

/// What the preview server polls to notice an edit: every file under the watched folders (hidden
/// names skipped, as the loader skips them), with its size, modification time and inode. Saving a
/// file changes at least one of them; editors that replace the file change the inode.
struct SourceFingerprint: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var path: String
        var size: Int64
        var modified: Int64
        var inode: UInt64
    }

    private(set) var entries: [Entry] = []

    init(folders: [URL]) {
        var visited: Set<[UInt64]> = []
        for (index, folder) in folders.enumerated() {
            Self.collect(folder.standardizedFileURL.path, label: "\(index):", visited: &visited, into: &entries)
        }
    }

    /// `visited` holds the folders seen (device, inode), so a symbolic link loop ends.
    private static func collect(_ folder: String, label: String, visited: inout Set<[UInt64]>, into entries: inout [Entry]) {
        var folderStatus = stat()
        guard stat(folder, &folderStatus) == 0,
              visited.insert([UInt64(folderStatus.st_dev), UInt64(folderStatus.st_ino)]).inserted,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var status = stat()
            guard stat(path, &status) == 0 else { continue }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                collect(path, label: label + name + "/", visited: &visited, into: &entries)
            } else {
                entries.append(Entry(path: label + name, size: Int64(status.st_size),
                                     modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec),
                                     inode: UInt64(status.st_ino)))
            }
        }
    }
}
