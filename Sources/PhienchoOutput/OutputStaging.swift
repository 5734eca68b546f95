import Foundation
import Glibc
import PhienchoCore
#if canImport(Glibc)
#endif

/// The private folder beside the output that a build fills and then swaps into place
/// (`OutputWriter.stage` makes it, `OutputWriter.write(_:into:)` fills and swaps it).
///
/// It is made as soon as the pages' paths are known (`SiteRenderer.pagePaths()`, before anything
/// is rendered), and its folders are created on a thread of their own while the site is rendered,
/// derived and audited: the kernel makes the folders of one parent one at a time (`viec-lam/` gets
/// one per vacancy), so this work cannot use both cores and would otherwise hold up the write stage.
/// Until the audit has passed the staging folder holds only empty folders, named like the pages'
/// paths, never a file; a build that stops before writing removes it (`discard`), and a killed
/// build's staging folder is removed by the next run.
///
/// On a rebuild the staging folder is the previous site's folder tree, emptied of its files when
/// that site was replaced and kept beside the output (`OutputWriter.foldersPath`): only the folders
/// of added or withdrawn pages are made or removed, instead of every folder of the site being made
/// anew and the old ones deleted (on this project's machines, ext4 without a journal and with
/// `discard`, both are slow per folder, and freshly freed inodes slow down the next ones made;
/// bench/README.md has the figures).
package final class OutputStaging: @unchecked Sendable {
    /// The output's lock, held from `OutputWriter.stage` until the swap or `discard`.
    struct Lock {
        let descriptor: Int32
        let path: String
        /// Whether this build created the lock file (and so removes it when it writes nothing).
        let created: Bool
    }

    /// What `OutputWriter.stage` left beside the output besides the staging folder.
    struct Traces {
        let lock: Lock
        /// Folders made to hold the output, deepest first.
        let createdParents: [String]

        /// Removes what this build created and releases the lock: a build that writes nothing
        /// leaves nothing behind.
        func remove() {
            if lock.created { unlink(lock.path) }
            close(lock.descriptor)
            for folder in createdParents { rmdir(folder) }
        }
    }

    let url: URL
    private let traces: Traces
    private let created: BackgroundWork<Set<String>>
    /// Set once, under `Interruption.critical`, by `discard` or `finish`.
    private var finished = false
    /// Registration of `discard` as the clean-up of an interrupted build (`Interruption`).
    private var interruption = 0

    /// `reusing`: `url` is a kept folder tree of an earlier site rather than a new empty folder.
    init(url: URL, traces: Traces, folders: [String], reusing: Bool) {
        self.url = url
        self.traces = traces
        let root = url.path
        created = BackgroundWork { Self.createFolders(folders, under: root, reusing: reusing) }
        interruption = Interruption.register { [weak self] in self?.discard() }
    }

    deinit {
        discard()
    }

    /// The folders the folder thread made, relative to the staging folder (waits for it).
    func createdFolders() -> Set<String> {
        created.value
    }

    /// Unless the staging folder was swapped into place: removes it and every trace of this build
    /// beside the output, and releases the output's lock.
    /// Also what an interrupted build runs (`Interruption`), possibly while the write stage's
    /// threads still create files in the folder: it is renamed first, so that no file can be
    /// created in it afterwards, then removed.
    package func discard() {
        Interruption.critical {
            guard !finished else { return }
            finished = true
            Interruption.unregister(interruption)
            _ = created.value
            let doomed = url.path + ".removing"
            let path = rename(url.path, doomed) == 0 ? doomed : url.path
            // A file created by a call that was already under way when the folder was renamed can
            // make one pass fail; the next pass removes it.
            for _ in 0..<3 where !FileTree.remove(path) { usleep(20_000) }
            traces.remove()
        }
    }

    /// Called, under `Interruption.critical`, once the staging folder is the output (or was
    /// removed by the writer).
    func finish() {
        finished = true
        Interruption.unregister(interruption)
        close(traces.lock.descriptor)
    }

    /// Makes every folder that holds one of `paths` (file paths relative to `root`), parents first,
    /// one at a time; returns those that exist afterwards. A reused tree first loses the folders
    /// that are not needed, and only the missing ones are made; one that holds anything but folders
    /// is emptied instead.
    private static func createFolders(_ paths: [String], under root: String, reusing: Bool) -> Set<String> {
        let needed = FileTree.folders(holding: paths)
        var created: Set<String> = []
        if reusing {
            if let kept = FileTree.keepOnly(needed, under: root) {
                created = kept
            } else {
                FileTree.remove(root)
                guard mkdir(root, 0o777) == 0 else { return [] }
            }
        }
        for folder in needed.subtracting(created).sorted() {
            // Sorted, a parent comes before its children; one that failed fails them too.
            if let slash = folder.lastIndex(of: "/"), !created.contains(String(folder[..<slash])) { continue }
            if mkdir(root + "/" + folder, 0o777) == 0 || errno == EEXIST { created.insert(folder) }
        }
        return created
    }
}
