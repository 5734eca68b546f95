import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PhienchoCore
import PhienchoContent

/// Reads the confidential seeker records under `content/seekers/`: `*.csv` and `*.tsv` (a header
/// row, possibly below title rows) and `*.yml`/`*.yaml` (a list of maps). Used by the leak audit only.
///
/// Every seeker file is read, or the build stops (PC903): an audit that silently skipped records
/// would give false comfort. So hidden files are read too; a `seekers/` folder or sub-folder that
/// cannot be read or is a symbolic link, a file that is not UTF-8 (UTF-16, a legacy Vietnamese
/// encoding), a spreadsheet saved in another format (xlsx, xls, ods …), a quote that swallows the
/// rows after it and a row whose cells do not match the header are each an error that names the file
/// (and line), never a value. Other files (README.txt) are ignored.
package struct SeekerLoader {
    static let spreadsheetExtensions = [".xlsx", ".xlsm", ".xls", ".ods", ".numbers"]

    let folder: URL
    let displayFolder: String

    package init(contentDirectory: URL, displayRoot: String) {
        folder = contentDirectory.appendingPathComponent("seekers")
        displayFolder = Folder(contentDirectory, shown: displayRoot).shown("seekers")
    }

    package func load() -> (records: [SeekerRecord], diagnostics: [Diagnostic]) {
        var records: [SeekerRecord] = []
        var diagnostics: [Diagnostic] = []
        func problem(_ shown: String, line: Int? = nil, _ message: String) {
            diagnostics.append(Diagnostic(.error, .seekerFileUnreadable, path: shown, line: line, message))
        }
        var status = stat()
        guard lstat(folder.path, &status) == 0 else {
            if errno != ENOENT { problem(displayFolder, "Không đọc được thư mục hồ sơ người tìm việc (\(SystemErrorText.current)); không thể kiểm tra rò rỉ.") }
            return ([], diagnostics)
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            problem(displayFolder, status.st_mode & S_IFMT == S_IFLNK
                ? "Thư mục hồ sơ người tìm việc là một liên kết tượng trưng (symlink); phiencho không theo liên kết này nên không kiểm tra được rò rỉ. Hãy đặt thư mục thật ở đây."
                : "seekers phải là một thư mục chứa các tệp hồ sơ; không thể kiểm tra rò rỉ.")
            return ([], diagnostics)
        }
        for (relative, kind) in walk(into: problem) {
            let shown = "\(displayFolder)/\(relative)"
            let lower = relative.lowercased()
            if Self.spreadsheetExtensions.contains(where: lower.hasSuffix) {
                problem(shown, "phiencho chỉ đọc hồ sơ người tìm việc dạng CSV (UTF-8) hoặc YAML; tệp này không kiểm tra được rò rỉ. Trong Excel chọn Lưu thành “CSV UTF-8 (phân tách bằng dấu phẩy)”, rồi xóa tệp này khỏi thư mục.")
                continue
            }
            let isTable = lower.hasSuffix(".csv") || lower.hasSuffix(".tsv")
            guard isTable || lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") else { continue }
            if kind == .special {
                problem(shown, "Đây không phải một tệp thường (có thể là một ống dẫn hay socket), nên không đọc được để kiểm tra rò rỉ. Hãy thay nó bằng tệp hồ sơ thật.")
                continue
            }
            if kind == .link {
                problem(shown, "Tệp hồ sơ này là một liên kết tượng trưng (symlink); phiencho không theo liên kết nên không kiểm tra được rò rỉ. Hãy chép tệp thật vào đây.")
                continue
            }
            let text: String
            switch Self.decode(folder.appendingPathComponent(relative).path) {
            case .success(let decoded): text = decoded
            case .failure(let reason):
                problem(shown, reason.message)
                continue
            }
            if isTable {
                switch Self.tableRecords(text, file: shown) {
                case .success(let read): records += read
                case .failure(let failure): problem(shown, line: failure.line, failure.message)
                }
            } else {
                switch Self.yamlRecords(text, file: shown) {
                case .success(let read): records += read
                case .failure(let failure): problem(shown, line: failure.line, failure.message)
                }
            }
        }
        return (records, diagnostics)
    }

    enum EntryKind { case file, link, special }

    /// Every entry below the seekers folder that is not a folder, relative, in byte order, hidden
    /// ones included (`FileTree.list`); links are listed, never followed. A folder that cannot be
    /// read, or a symbolic link to a folder, is reported through `problem`.
    private func walk(into problem: (String, Int?, String) -> Void) -> [(String, EntryKind)] {
        guard let listing = FileTree.list(folder.path) else {
            problem(displayFolder, nil, "Không đọc được thư mục này (\(SystemErrorText.current)); hồ sơ trong đó không được kiểm tra rò rỉ. Hãy kiểm tra quyền đọc.")
            return []
        }
        for (relative, error) in listing.unreadable {
            problem("\(displayFolder)/\(relative)", nil,
                    "Không đọc được thư mục này (\(SystemErrorText.vietnamese(error))); hồ sơ trong đó không được kiểm tra rò rỉ. Hãy kiểm tra quyền đọc.")
        }
        var found = listing.files.map { ($0, EntryKind.file) }
        for other in listing.others {
            var status = stat(), target = stat()
            guard lstat(folder.path + "/" + other, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else {
                found.append((other, .special))   // a FIFO or socket: never opened, it could block the build
                continue
            }
            if stat(folder.path + "/" + other, &target) == 0, target.st_mode & S_IFMT == S_IFDIR {
                problem("\(displayFolder)/\(other)", nil,
                        "Thư mục này là một liên kết tượng trưng (symlink); phiencho không theo liên kết nên hồ sơ trong đó không được kiểm tra rò rỉ. Hãy đặt thư mục thật ở đây.")
            } else {
                found.append((other, .link))
            }
        }
        return found.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
    }

    /// Why a file could not be read; the message is shown to staff.
    struct Unreadable: Error {
        var message: String
    }

    /// The file's text: UTF-8 with or without a BOM. UTF-16 (what Excel calls "Unicode Text") and
    /// anything that is not valid UTF-8 (TCVN3, VNI, Windows-1258 …) are refused with what to do.
    static func decode(_ path: String) -> Result<String, Unreadable> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Unreadable(message: "Không đọc được tệp hồ sơ người tìm việc (\(SystemErrorText.current)); không thể kiểm tra rò rỉ."))
        }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.contains(0) {
            return .failure(Unreadable(message: "Tệp được lưu dạng UTF-16 (“Unicode Text”), phiencho không đọc được nên không kiểm tra được rò rỉ. Trong Excel chọn Lưu thành “CSV UTF-8 (phân tách bằng dấu phẩy)”."))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(Unreadable(message: "Tệp không phải văn bản UTF-8 (có thể đang dùng bảng mã cũ như TCVN3, VNI hay Windows-1258), nên không kiểm tra được rò rỉ. Hãy lưu lại thành “CSV UTF-8”, hoặc chuyển mã bằng Unikey (công cụ chuyển mã) sang Unicode."))
        }
        return .success(text)
    }
}
