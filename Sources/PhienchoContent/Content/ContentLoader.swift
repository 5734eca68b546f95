import Foundation
import PhienchoCore

/// Reads the files that feed the site, and only those: `site.yml`, `communes.yml`, `sectors.yml`,
/// `vacancies/**/*.md`, `pages/*.md`, and the optional `employers.yml`, `synonyms.yml`,
/// `events/**/*.md` and `trainings/**/*.md`. Nothing else under the content folder — `seekers/` above all —
/// is ever opened here (the leak audit reads seekers through `SeekerLoader`, apart from rendering).
///
/// Safety rules: files over 1 MiB, invalid UTF-8, binary junk and empty files are rejected; symlinks are
/// followed only when they resolve inside the content folder; the file list is sorted so runs are deterministic.
package struct ContentLoader: Sendable {
    static let maximumFileSize = 1 << 20

    package struct Loaded: Sendable {
        package var siteConfig: SourceFile?
        package var communes: SourceFile?
        package var sectors: SourceFile?
        package var vacancies: [SourceFile] = []
        package var pages: [SourceFile] = []
        package var employers: SourceFile?
        package var synonyms: SourceFile?
        package var events: [SourceFile] = []
        package var trainings: [SourceFile] = []
        package var diagnostics: [Diagnostic] = []
        package var filesRead = 0
    }

    package let root: URL
    package let displayRoot: String
    let realRoot: String
    /// `root` as a file system path, without a trailing slash.
    let rootPath: String

    /// - Parameters:
    ///   - contentDirectory: the content folder.
    ///   - displayRoot: how staff named it on the command line (used in diagnostics).
    package init(contentDirectory: URL, displayRoot: String? = nil) {
        root = contentDirectory.standardizedFileURL
        self.displayRoot = displayRoot ?? contentDirectory.path
        realRoot = root.resolvingSymlinksInPath().path
        rootPath = root.path.count > 1 && root.path.hasSuffix("/") ? String(root.path.dropLast()) : root.path
    }

    /// Reads `site.yml` alone (for `phiencho audit`, which needs only its `audit_allow`).
    package func loadSiteConfig() -> Loaded {
        var loaded = Loaded()
        loaded.siteConfig = requiredFile("site.yml", into: &loaded)
        return loaded
    }

    package func load() -> Loaded {
        var loaded = Loaded()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            loaded.diagnostics.append(Diagnostic(.error, .missingFile, path: displayRoot,
                                                 "Không tìm thấy thư mục nội dung." + Self.missingFolderHint(for: root)))
            return loaded
        }
        loaded.siteConfig = requiredFile("site.yml", into: &loaded)
        loaded.communes = requiredFile("communes.yml", into: &loaded)
        loaded.sectors = requiredFile("sectors.yml", into: &loaded)
        if folderExists("vacancies", required: true, into: &loaded) {
            loaded.vacancies = markdownFiles(under: "vacancies", recursive: true, into: &loaded)
        }
        if folderExists("pages", required: false, into: &loaded) {
            loaded.pages = markdownFiles(under: "pages", recursive: false, into: &loaded)
        }
        loaded.employers = optionalFile("employers.yml", into: &loaded)
        loaded.synonyms = optionalFile("synonyms.yml", into: &loaded)
        if folderExists("events", required: false, into: &loaded) {
            loaded.events = markdownFiles(under: "events", recursive: true, into: &loaded)
        }
        if folderExists("trainings", required: false, into: &loaded) {
            loaded.trainings = markdownFiles(under: "trainings", recursive: true, into: &loaded)
        }
        return loaded
    }

    /// Whether `name` is a folder to read. `vacancies/` must exist: without it (a failed checkout, a
    /// wrong `--content`) a build would publish a site with no vacancy. `pages/` is optional. Either,
    /// when present, must be a folder (or a link to one inside the content folder).
    private func folderExists(_ name: String, required: Bool, into loaded: inout Loaded) -> Bool {
        var status = stat()
        guard lstat(path(name), &status) == 0 else {
            if errno == ENOENT {
                if required {
                    loaded.diagnostics.append(Diagnostic(.error, .missingFile, path: display(name),
                        "Thiếu thư mục \(name)/ trong thư mục nội dung: không có nó thì trang sẽ không có tin nào. Hãy kiểm tra lại thư mục nội dung (--content)."))
                }
            } else {
                loaded.diagnostics.append(Diagnostic(.error, .unreadable, path: display(name),
                    "Không đọc được thư mục \(name)/ (\(SystemErrorText.current)); hãy kiểm tra quyền đọc."))
            }
            return false
        }
        if status.st_mode & S_IFMT == S_IFLNK {
            guard insideRealPath(of: root.appendingPathComponent(name)) != nil else {
                loaded.diagnostics.append(Diagnostic(.error, .symlinkOutside, path: display(name),
                    "Liên kết tượng trưng (symlink) trỏ ra ngoài thư mục nội dung; phiencho không đọc nó."))
                return false
            }
            guard stat(path(name), &status) == 0 else {
                loaded.diagnostics.append(Diagnostic(.error, .unreadable, path: display(name),
                    "Liên kết tượng trưng (symlink) này trỏ tới chỗ không có (liên kết hỏng)."))
                return false
            }
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            loaded.diagnostics.append(Diagnostic(.error, .notAFolder, path: display(name),
                "\(name) phải là một thư mục chứa các tệp .md, nhưng đây là một tệp."))
            return false
        }
        return true
    }

    private func optionalFile(_ name: String, into loaded: inout Loaded) -> SourceFile? {
        guard FileManager.default.fileExists(atPath: path(name)) || isSymlink(root.appendingPathComponent(name)) else { return nil }
        return take(read(relativePath: name), into: &loaded)
    }

    private func requiredFile(_ name: String, into loaded: inout Loaded) -> SourceFile? {
        let url = root.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) || isSymlink(url) else {
            loaded.diagnostics.append(Diagnostic(.error, .missingFile, path: display(name),
                                                 "Thiếu tệp \(name) trong thư mục nội dung."))
            return nil
        }
        return take(read(relativePath: name), into: &loaded)
    }

    /// The folder's `.md` files in byte order of their paths, read on every core.
    private func markdownFiles(under folder: String, recursive: Bool, into loaded: inout Loaded) -> [SourceFile] {
        var found: [Entry] = []
        var visited: Set<String> = []
        collect(folder, recursive: recursive, visited: &visited, into: &found, loaded: &loaded)
        found.sort(by: { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) })
        return parallelMap(found) { read(relativePath: $0.relativePath, isLink: $0.isLink) }
            .compactMap { take($0, into: &loaded) }
    }

    /// A file found while walking a folder.
    private struct Entry: Sendable {
        package var relativePath: String
        /// Whether the path itself is a symbolic link (one that resolved inside the content folder).
        var isLink: Bool
    }

    private func collect(_ relativeFolder: String, recursive: Bool, visited: inout Set<String>,
                         into paths: inout [Entry], loaded: inout Loaded) {
        let url = root.appendingPathComponent(relativeFolder)
        guard let real = insideRealPath(of: url), visited.insert(real).inserted else { return }
        guard let entries = FileTree.entries(of: url.path, followingLinks: true) else {
            loaded.diagnostics.append(Diagnostic(.error, .unreadable, path: display(relativeFolder),
                "Không đọc được thư mục này (\(SystemErrorText.current)) nên các tin trong đó sẽ bị bỏ sót; hãy kiểm tra quyền đọc."))
            return
        }
        // In byte order; each entry's type as the folder lists it, so no `lstat` per file.
        for entry in entries.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }) where !entry.name.hasPrefix(".") {
            let name = entry.name
            let relative = relativeFolder + "/" + name
            var mode = mode_t(entry.type) << 12   // DTTOIF: a `d_type` as the `S_IFMT` bits of a mode
            if entry.type == DT_UNKNOWN {
                var status = stat()
                guard lstat(path(relative), &status) == 0 else {
                    loaded.diagnostics.append(Diagnostic(.error, .unreadable, path: display(relative), "Không đọc được mục này."))
                    continue
                }
                mode = status.st_mode
            }
            let isDirectory: Bool
            let isLink = mode & S_IFMT == S_IFLNK
            if isLink {
                let child = root.appendingPathComponent(relative)
                guard insideRealPath(of: child) != nil else {
                    loaded.diagnostics.append(Diagnostic(.error, .symlinkOutside, path: display(relative),
                        "Liên kết tượng trưng (symlink) trỏ ra ngoài thư mục nội dung; phiencho không đọc nó."))
                    continue
                }
                var followsToDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: child.path, isDirectory: &followsToDirectory) else {
                    loaded.diagnostics.append(Diagnostic(.error, .unreadable, path: display(relative),
                        "Liên kết tượng trưng (symlink) này trỏ tới chỗ không có (liên kết hỏng)."))
                    continue
                }
                isDirectory = followsToDirectory.boolValue
            } else {
                isDirectory = mode & S_IFMT == S_IFDIR
            }
            if isDirectory {
                if recursive { collect(relative, recursive: true, visited: &visited, into: &paths, loaded: &loaded) }
            } else if name.lowercased().hasSuffix(".md") {
                paths.append(Entry(relativePath: relative, isLink: isLink))
            }
        }
    }

    /// What reading one file gave: its text, or the problem to report (and whether its bytes were read).
    private enum ReadResult: Sendable {
        case file(SourceFile)
        case problem(Diagnostic, counted: Bool)
    }

    private func take(_ result: ReadResult, into loaded: inout Loaded) -> SourceFile? {
        switch result {
        case .file(let file):
            loaded.filesRead += 1
            return file
        case .problem(let diagnostic, let counted):
            if counted { loaded.filesRead += 1 }
            loaded.diagnostics.append(diagnostic)
            return nil
        }
    }

    /// Reads one file with POSIX calls (open, fstat, read); safe to run on several threads.
    /// - Parameter isLink: whether the walk found a symbolic link there; nil when nothing is known
    ///   yet (site.yml, communes.yml, sectors.yml).
    private func read(relativePath: String, isLink: Bool? = nil) -> ReadResult {
        let shown = display(relativePath)
        func fail(_ code: DiagnosticCode, _ message: String) -> ReadResult {
            .problem(Diagnostic(.error, code, path: shown, message), counted: false)
        }
        let filePath = path(relativePath)
        var status = stat()
        var flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK   // non-blocking: a FIFO named like a content file cannot stall the build
        if isLink == false {
            // Not a link when the folder was walked, and not followed if it has become one since.
            flags |= O_NOFOLLOW
        } else {
            // Folders were checked while walking; a file needs resolving only when it is a link itself.
            guard lstat(filePath, &status) == 0 else { return fail(.unreadable, "Không đọc được tệp.") }
            if status.st_mode & S_IFMT == S_IFLNK, insideRealPath(of: root.appendingPathComponent(relativePath)) == nil {
                return fail(.symlinkOutside, "Liên kết tượng trưng (symlink) trỏ ra ngoài thư mục nội dung; phiencho không đọc nó.")
            }
        }
        let descriptor = open(filePath, flags)
        guard descriptor >= 0 else { return fail(.unreadable, "Không đọc được tệp.") }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            return fail(.unreadable, "Không đọc được tệp.")
        }
        let size = Int(status.st_size)
        guard size <= Self.maximumFileSize else {
            return fail(.fileTooLarge, "Tệp quá lớn (\(size / 1024) KB); mỗi tệp tối đa 1 MB (1024 KB).")
        }
        guard let bytes = Self.readAll(descriptor, expectedSize: size) else {
            return fail(.unreadable, "Không đọc được tệp.")
        }
        switch Self.decode(bytes: bytes) {
        case .success(let text):
            return .file(SourceFile(relativePath: relativePath, displayPath: shown, text: text))
        case .failure(let problem):
            return .problem(Diagnostic(.error, problem.code, path: shown, line: problem.position?.line,
                                       column: problem.position?.column, problem.message), counted: true)
        }
    }

    /// Every byte up to the end of the file (which may have grown since `fstat`); nil on a read error.
    private static func readAll(_ descriptor: Int32, expectedSize: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: expectedSize + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    private func path(_ relativePath: String) -> String { rootPath + "/" + relativePath }

    private func display(_ relativePath: String) -> String {
        Folder(root, shown: displayRoot).shown(relativePath)
    }

    private func isSymlink(_ url: URL) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
    }

    /// The real path of `url` if it lies inside the content folder, else nil.
    private func insideRealPath(of url: URL) -> String? {
        let real = url.resolvingSymlinksInPath().path
        return real == realRoot || real.hasPrefix(realRoot + "/") ? real : nil
    }
}
