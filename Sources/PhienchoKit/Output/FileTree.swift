import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Listing and removing a folder tree with readdir(3), unlink(2) and rmdir(2), both cores at a time.
/// FileManager's enumerator and `removeItem` stat and convert every entry one after the other, which
/// made them the slowest part of replacing a 10,000-page site. Symbolic links are never followed.
enum FileTree {
    struct Listing {
        /// Regular files, relative to the root.
        var files: [String] = []
        /// Anything else that is not a folder (symbolic links, sockets …), relative to the root.
        var others: [String] = []
        /// Folders below the root, relative to it, each after its parent.
        var folders: [String] = []
    }

    /// Everything under `root`, or nil when `root` cannot be opened as a folder.
    static func list(_ root: String) -> Listing? {
        var listing = Listing()
        guard collect(root, relative: "", into: &listing) else { return nil }
        return listing
    }

    /// Removes `root` and everything under it. False when something could not be removed.
    @discardableResult
    static func remove(_ root: String) -> Bool {
        guard let listing = list(root) else { return unlink(root) == 0 || errno == ENOENT }
        var removed = removeFiles(of: listing, under: root)
        for level in depthLevels(listing.folders).reversed() {
            removed = parallelMap(level) { rmdir(root + "/" + $0) == 0 || errno == ENOENT }.allSatisfy { $0 } && removed
        }
        return (rmdir(root) == 0 || errno == ENOENT) && removed
    }

    /// Keeps only `folders` (relative, closed under parents) under `root`: removes every other
    /// folder, deepest first, one at a time. False when `root` holds anything but folders (it is then
    /// left as it is) or a folder could not be removed.
    static func keepOnly(_ folders: Set<String>, under root: String) -> Bool {
        guard let listing = list(root), listing.files.isEmpty, listing.others.isEmpty else { return false }
        for level in depthLevels(listing.folders.filter { !folders.contains($0) }).reversed() {
            for folder in level where rmdir(root + "/" + folder) != 0 { return false }
        }
        return true
    }

    /// Creates `folders` (relative to `root`, which exists) and all their parents; a folder that
    /// already exists is fine.
    static func createFolders(_ folders: some Collection<String>, under root: String) -> Bool {
        let all = Set(folders.filter { !$0.isEmpty }).union(self.folders(holding: folders))
        for level in depthLevels(all) {
            let created = parallelMap(level) { mkdir(root + "/" + $0, 0o777) == 0 || errno == EEXIST }
            guard created.allSatisfy({ $0 }) else { return false }
        }
        return true
    }

    /// Every folder above `paths` (relative): `a/b/c.html` gives `a` and `a/b`.
    static func folders(holding paths: some Sequence<String>) -> Set<String> {
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
    static func removeFiles(of listing: Listing, under root: String) -> Bool {
        parallelMap(listing.files + listing.others) { unlink(root + "/" + $0) == 0 || errno == ENOENT }.allSatisfy { $0 }
    }

    private static func collect(_ folder: String, relative: String, into listing: inout Listing) -> Bool {
        guard let stream = opendir(folder) else { return false }
        defer { closedir(stream) }
        var subfolders: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard name != ".", name != ".." else { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == DT_UNKNOWN {
                var status = stat()
                guard lstat(folder + "/" + name, &status) == 0 else { continue }
                type = (status.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (status.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
            }
            switch type {
            case Int32(DT_DIR): subfolders.append(name)
            case Int32(DT_REG): listing.files.append(path)
            default: listing.others.append(path)
            }
        }
        for name in subfolders {
            let path = relative.isEmpty ? name : relative + "/" + name
            listing.folders.append(path)
            _ = collect(folder + "/" + name, relative: path, into: &listing)
        }
        return true
    }
}
