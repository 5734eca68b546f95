import Foundation

extension ContentLoader {
    /// Where the content folder probably is when `--content` names none: the folder the command
    /// runs in (staff who `cd content` first), a `content/` folder one level up, or one level down.
    static func missingFolderHint(for root: URL) -> String {
        let manager = FileManager.default
        func isContent(_ url: URL) -> Bool {
            manager.fileExists(atPath: url.appendingPathComponent("site.yml").path)
                || manager.fileExists(atPath: url.appendingPathComponent("vacancies").path)
        }
        let here = URL(fileURLWithPath: manager.currentDirectoryPath)
        if isContent(here) {
            return " Có phải bạn đang ở trong thư mục content? Hãy quay ra thư mục cha (gõ “cd ..”) rồi chạy lại lệnh, hoặc thêm “--content .”."
        }
        let name = root.lastPathComponent
        let parent = here.deletingLastPathComponent().appendingPathComponent(name)
        if parent.path != root.path, isContent(parent) {
            return " Thư mục \(name) nằm ở thư mục cha: hãy gõ “cd ..” rồi chạy lại lệnh."
        }
        let children = ((try? manager.contentsOfDirectory(atPath: here.path)) ?? []).sorted()
        if let child = children.first(where: { isContent(here.appendingPathComponent($0).appendingPathComponent(name)) }) {
            return " Thư mục \(name) nằm trong thư mục \(child): hãy gõ “cd \(child)” rồi chạy lại lệnh."
        }
        return " Hãy chạy lệnh trong thư mục chứa thư mục content (thư mục của phiencho), hoặc ghi đúng đường dẫn sau --content."
    }
}
