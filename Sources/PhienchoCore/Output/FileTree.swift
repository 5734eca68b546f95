import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Listing and removing a folder tree with readdir(3), unlink(2) and rmdir(2), both cores at a time.
/// FileManager's enumerator and `removeItem` stat and convert every entry one after the other, which
/// made them the slowest part of replacing a large site. Symbolic links are never followed,
/// not even when the root itself is one: `remove` unlinks such a root instead of emptying its target.
package enum FileTree {
    package struct Listing {
        /// Regular files, relative to the root.
        package var files: [String] = []
        /// Anything else that is not a folder (symbolic links, sockets …), relative to the root.
        package var others: [String] = []
        /// Folders below the root, relative to it, each after its parent.
        package var folders: [String] = []
        /// Folders below the root that could not be opened, with the `errno` that said why.
        package var unreadable: [(folder: String, error: Int32)] = []
    }

    /// Everything under `root`, or nil when `root` cannot be opened as a folder (or is a symbolic
    /// link, unless `followingRootLink`). Listed one depth at a time, the folders of a depth on both
    /// cores (a site's `viec-lam/` holds a folder per vacancy).
    package static func list(_ root: String, followingRootLink: Bool = false) -> Listing? {
        guard let top = entries(of: root, followingLinks: followingRootLink) else { return nil }
        var listing = Listing()
        var level: [(folder: String, entries: [Entry])] = [("", top)]
        while !level.isEmpty {
            var subfolders: [String] = []
            for (folder, entries) in level {
                for entry in entries {
                    let path = folder.isEmpty ? entry.name : folder + "/" + entry.name
                    var type = Int32(entry.type)
                    if type == DT_UNKNOWN {
                        var status = stat()
                        guard lstat(root + "/" + path, &status) == 0 else { continue }
                        type = Int32((status.st_mode & S_IFMT) >> 12)   // IFTODT
                    }
                    switch type {
                    case Int32(DT_DIR): subfolders.append(path)
                    case Int32(DT_REG): listing.files.append(path)
                    default: listing.others.append(path)
                    }
                }
            }
            listing.folders += subfolders
            let opened = parallelMap(subfolders) { folder -> Result<[Entry], Unreadable> in
                entries(of: root + "/" + folder).map(Result.success) ?? .failure(Unreadable(error: errno))
            }
            level = []
            for (folder, result) in zip(subfolders, opened) {
                switch result {
                case .success(let entries): level.append((folder, entries))
                case .failure(let failure): listing.unreadable.append((folder, failure.error))
                }
            }
        }
        return listing
    }

    /// The files under `folder` (a theme's templates or assets, a built site for `phiencho audit`),
    /// relative and sorted: regular files and links to regular files; links to folders are not
    /// entered; hidden names are left out unless `includingHidden`. `folder` may itself be a link.
    package static func files(under folder: String, includingHidden: Bool = false) -> [String] {
        guard let listing = list(folder, followingRootLink: true) else { return [] }
        let linkedFiles = listing.others.filter { path in
            var status = stat()
            return stat(folder + "/" + path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
        }
        return (listing.files + linkedFiles)
            .filter { includingHidden || !$0.split(separator: "/").contains(where: { $0.hasPrefix(".") }) }
            .sorted()
    }

    /// Why a folder could not be opened.
    private struct Unreadable: Error {
        package let error: Int32
    }

    /// A folder entry as `readdir` gives it: the name and its `d_type` (`DT_DIR`, `DT_REG`, `DT_LNK`
    /// … or `DT_UNKNOWN` where the file system does not say).
    package struct Entry: Sendable {
        package let name: String
        package let type: UInt8
    }

    /// The entries of `folder` but `.` and `..`, in the order the folder lists them; nil when it
    /// cannot be opened (errno says why). No `lstat` per entry: the file types come with the names.
    /// Unless `followingLinks`, a `folder` that is a symbolic link is not opened (`ELOOP`): a tree
    /// being listed to be removed is never left through a link.
    package static func entries(of folder: String, followingLinks: Bool = false) -> [Entry]? {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { return nil }
        guard let stream = fdopendir(descriptor) else {
            close(descriptor)
            return nil
        }
        defer { closedir(stream) }
        var entries: [Entry] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != ".", name != ".." { entries.append(Entry(name: name, type: entry.pointee.d_type)) }
        }
        return entries
    }

    /// Removes `root` and everything under it. False when something could not be removed.
    @discardableResult
    package static func remove(_ root: String) -> Bool {
        guard let listing = list(root) else { return unlink(root) == 0 || errno == ENOENT }
        var removed = removeFiles(of: listing, under: root)
        for level in depthLevels(listing.folders).reversed() {
            removed = parallelMap(level) { rmdir(root + "/" + $0) == 0 || errno == ENOENT }.allSatisfy { $0 } && removed
        }
        return (rmdir(root) == 0 || errno == ENOENT) && removed
    }

    /// Keeps only `folders` (relative, closed under parents) under `root`: removes every other
    /// folder, deepest first, one at a time, and returns the folders that remain (each with its
    /// parents). Nil when `root` holds anything but folders (it is then left as it is) or a folder
    /// could not be removed.
    package static func keepOnly(_ folders: Set<String>, under root: String) -> Set<String>? {
        guard let listing = list(root), listing.files.isEmpty, listing.others.isEmpty else { return nil }
        var kept: Set<String> = []
        var removed: [String] = []
        for folder in listing.folders {
            if folders.contains(folder) { kept.insert(folder) } else { removed.append(folder) }
        }
        for level in depthLevels(removed).reversed() {
            for folder in level where rmdir(root + "/" + folder) != 0 { return nil }
        }
        return kept
    }

    /// Creates `folders` (relative to `root`, which exists) and all their parents; a folder that
    /// already exists is fine.
    package static func createFolders(_ folders: some Collection<String>, under root: String) -> Bool {
        let all = Set(folders.filter { !$0.isEmpty }).union(self.folders(holding: folders))
        for level in depthLevels(all) {
            let created = parallelMap(level) { mkdir(root + "/" + $0, 0o777) == 0 || errno == EEXIST }
            guard created.allSatisfy({ $0 }) else { return false }
        }
        return true
    }

    /// Every folder above `paths` (relative): `a/b/c.html` gives `a` and `a/b`.
    package static func folders(holding paths: some Sequence<String>) -> Set<String> {
        var folders: Set<String> = []
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        return folders
    }

    /// Relative folder paths grouped by depth, shallowest first, each group sorted. Folders of one
    /// depth never contain each other, so a group can be created (or, in reverse, removed) in parallel.
    private static func depthLevels(_ folders: some Sequence<String>) -> [[String]] {
        let byDepth = Dictionary(grouping: folders) { $0.utf8.count(where: { $0 == UInt8(ascii: "/") }) }
        return byDepth.keys.sorted().map { byDepth[$0]!.sorted() }
    }

    /// Removes the files and other non-folders of `listing` (of `root`), both cores at a time; keeps
    /// the folders. False when one could not be removed.
    package static func removeFiles(of listing: Listing, under root: String) -> Bool {
        parallelMap(listing.files + listing.others) { unlink(root + "/" + $0) == 0 || errno == ENOENT }.allSatisfy { $0 }
    }
}
