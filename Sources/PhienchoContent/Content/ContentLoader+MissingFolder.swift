import Foundation
import PhienchoCore

extension ContentLoader {
    /// Where the content folder probably is when `--content` names none: the folder the command
    /// runs in (staff who `cd content` first), a `content/` folder one level up, or one level down.
    static func missingFolderHint(for root: URL) -> String {
        let manager = FileManager.default
        func isContent(_ url: URL) -> Bool {
            manager.fileExists(atPath: url.appendingPathComponent("site.yml").path)
                || manager.fileExists(atPath: url.appendingPathComponent("vacancies").path)
        }
        let here = URL(fileURLWithPath: manager.currentDirectoryPath).standardizedFileURL
        let name = root.lastPathComponent
        var ancestor = here
        for level in 0..<4 {
            let up = Array(repeating: "..", count: level + 1).joined(separator: "/")
            if isContent(ancestor) {
                return " Có phải bạn đang ở trong thư mục \(name)? Hãy quay ra thư mục chứa nó (gõ “cd \(up)”) rồi chạy lại lệnh, hoặc thêm “--content \(level == 0 ? "." : Array(repeating: "..", count: level).joined(separator: "/"))”."
            }
            if level > 0, isContent(ancestor.appendingPathComponent(name)) {
                return " Thư mục \(name) nằm ở thư mục trên: hãy gõ “cd \(Array(repeating: "..", count: level).joined(separator: "/"))” rồi chạy lại lệnh."
            }
            guard ancestor.path != "/" else { break }
            ancestor = ancestor.deletingLastPathComponent()
        }
        let children = ((try? manager.contentsOfDirectory(atPath: here.path)) ?? []).sorted()
        if let child = children.first(where: { isContent(here.appendingPathComponent($0).appendingPathComponent(name)) }) {
            return " Thư mục \(name) nằm trong thư mục \(child): hãy gõ “cd \(child)” rồi chạy lại lệnh."
        }
        return " Hãy chạy lệnh trong thư mục chứa thư mục \(name) (thư mục của phiencho), hoặc ghi đúng đường dẫn sau --content."
    }
}
