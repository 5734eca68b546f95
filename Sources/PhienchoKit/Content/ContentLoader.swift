import Foundation

/// Reads the files that feed the site, and only those: `site.yml`, `communes.yml`, `sectors.yml`,
/// `vacancies/**/*.md` and `pages/*.md`. Nothing else under the content folder — `seekers/` above all —
/// is ever opened here (the leak audit reads seekers through `SeekerLoader`, apart from rendering).
///
/// Safety rules: files over 1 MiB, invalid UTF-8, binary junk and empty files are rejected; symlinks are
/// followed only when they resolve inside the content folder; the file list is sorted so runs are deterministic.
public struct ContentLoader {
    public static let maximumFileSize = 1 << 20

    public struct Loaded: Sendable {
        public var siteConfig: SourceFile?
        public var communes: SourceFile?
        public var sectors: SourceFile?
        public var vacancies: [SourceFile] = []
        public var pages: [SourceFile] = []
        public var diagnostics: [Diagnostic] = []
        public var filesRead = 0
    }

    let root: URL
    let displayRoot: String
    let realRoot: String

    /// - Parameters:
    ///   - contentDirectory: the content folder.
    ///   - displayRoot: how staff named it on the command line (used in diagnostics).
    public init(contentDirectory: URL, displayRoot: String? = nil) {
        root = contentDirectory.standardizedFileURL
        self.displayRoot = displayRoot ?? contentDirectory.path
        realRoot = root.resolvingSymlinksInPath().path
    }

    /// Reads `site.yml` alone (for `phiencho audit`, which needs only its `audit_allow`).
    public func loadSiteConfig() -> Loaded {
        var loaded = Loaded()
        loaded.siteConfig = requiredFile("site.yml", into: &loaded)
        return loaded
    }

    public func load() -> Loaded {
        var loaded = Loaded()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            loaded.diagnostics.append(Diagnostic(.error, .missingFile, path: displayRoot,
                                                 "Không tìm thấy thư mục nội dung."))
            return loaded
        }
        loaded.siteConfig = requiredFile("site.yml", into: &loaded)
        loaded.communes = requiredFile("communes.yml", into: &loaded)
        loaded.sectors = requiredFile("sectors.yml", into: &loaded)
        loaded.vacancies = markdownFiles(under: "vacancies", recursive: true, into: &loaded)
        loaded.pages = markdownFiles(under: "pages", recursive: false, into: &loaded)
        return loaded
    }

    private func requiredFile(_ name: String, into loaded: inout Loaded) -> SourceFile? {
        let url = root.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) || isSymlink(url) else {
            loaded.diagnostics.append(Diagnostic(.error, .missingFile, path: display(name),
                                                 "Thiếu tệp \(name) trong thư mục nội dung."))
            return nil
        }
        return read(relativePath: name, into: &loaded)
    }

    private func markdownFiles(under folder: String, recursive: Bool, into loaded: inout Loaded) -> [SourceFile] {
        var relativePaths: [String] = []
        var visited: Set<String> = []
        collect(folder, recursive: recursive, visited: &visited, into: &relativePaths, loaded: &loaded)
        return relativePaths.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            .compactMap { read(relativePath: $0, into: &loaded) }
    }

    private func collect(_ relativeFolder: String, recursive: Bool, visited: inout Set<String>,
                         into paths: inout [String], loaded: inout Loaded) {
        let url = root.appendingPathComponent(relativeFolder)
        guard let real = insideRealPath(of: url), visited.insert(real).inserted,
              let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let relative = relativeFolder + "/" + name
            let child = root.appendingPathComponent(relative)
            if isSymlink(child), insideRealPath(of: child) == nil {
                loaded.diagnostics.append(Diagnostic(.error, .symlinkOutside, path: display(relative),
                    "Liên kết tượng trưng (symlink) trỏ ra ngoài thư mục nội dung; phiencho không đọc nó."))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: child.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if recursive { collect(relative, recursive: true, visited: &visited, into: &paths, loaded: &loaded) }
            } else if name.lowercased().hasSuffix(".md") {
                paths.append(relative)
            }
        }
    }

    private func read(relativePath: String, into loaded: inout Loaded) -> SourceFile? {
        let url = root.appendingPathComponent(relativePath)
        let shown = display(relativePath)
        func fail(_ code: DiagnosticCode, _ message: String) -> SourceFile? {
            loaded.diagnostics.append(Diagnostic(.error, code, path: shown, message))
            return nil
        }
        // Folders were checked while walking; a file needs resolving only when it is a link itself.
        guard !isSymlink(url) || insideRealPath(of: url) != nil else {
            return fail(.symlinkOutside, "Liên kết tượng trưng (symlink) trỏ ra ngoài thư mục nội dung; phiencho không đọc nó.")
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              let size = attributes[.size] as? NSNumber else {
            return fail(.unreadable, "Không đọc được tệp.")
        }
        guard size.intValue <= Self.maximumFileSize else {
            return fail(.fileTooLarge, "Tệp quá lớn (\(size.intValue / 1024) KB); mỗi tệp tối đa 1 MB (1024 KB).")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return fail(.unreadable, "Không đọc được tệp.")
        }
        loaded.filesRead += 1
        switch Self.decode(data) {
        case .success(let text):
            return SourceFile(relativePath: relativePath, displayPath: shown, text: text)
        case .failure(let problem):
            loaded.diagnostics.append(Diagnostic(.error, problem.code, path: shown,
                                                 line: problem.position?.line, column: problem.position?.column,
                                                 problem.message))
            return nil
        }
    }

    struct DecodingProblem: Error {
        var code: DiagnosticCode
        var position: SourcePosition?
        var message: String
    }

    /// UTF-8 with or without BOM, CRLF or CR line endings; rejects invalid UTF-8, control characters
    /// (binary files) and files with nothing in them.
    static func decode(_ data: Data) -> Result<String, DecodingProblem> {
        var raw = [UInt8](data)
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) { raw.removeFirst(3) }
        guard let text = String(validating: raw, as: UTF8.self) else {
            let position = firstInvalidPosition(raw)
            return .failure(DecodingProblem(code: .invalidUTF8, position: position,
                message: "Tệp không phải văn bản UTF-8. Hãy lưu lại tệp với bảng mã UTF-8."))
        }
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1; column = 1; continue }
            let value = scalar.value
            if (value < 0x20 && scalar != "\t" && scalar != "\r") || value == 0x7F || (0xFFF9...0xFFFF).contains(value) {
                return .failure(DecodingProblem(code: .invalidUTF8, position: SourcePosition(line: line, column: column),
                    message: "Tệp chứa ký tự điều khiển hoặc dữ liệu nhị phân, không phải văn bản."))
            }
            column += 1
        }
        var normalised = raw.contains(UInt8(ascii: "\r"))
            ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        // NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR (pasted from Word or the web) are line breaks
        // to YAML but not to editors, which would shift every reported line: they become spaces.
        if normalised.unicodeScalars.contains(where: { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            normalised = String(String.UnicodeScalarView(normalised.unicodeScalars.map {
                $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0
            }))
        }
        guard normalised.contains(where: { !$0.isWhitespace }) else {
            return .failure(DecodingProblem(code: .emptyFile, position: nil, message: "Tệp trống, không có nội dung."))
        }
        return .success(normalised)
    }

    private static func firstInvalidPosition(_ bytes: [UInt8]) -> SourcePosition {
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let end = index + length
            if length == 0 || end > bytes.count || String(validating: bytes[index..<end], as: UTF8.self) == nil {
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
                return SourcePosition(line: line, column: column)
            }
            if byte == UInt8(ascii: "\n") { line += 1; lineStart = end }
            index = end
        }
        return SourcePosition(line: line, column: 1)
    }

    private func display(_ relativePath: String) -> String {
        displayRoot.hasSuffix("/") ? displayRoot + relativePath : displayRoot + "/" + relativePath
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
