import Foundation
import PhienchoCore
import PhienchoModel

/// A theme folder loaded for rendering: its Mustache templates and its assets with content-hashed
/// output names. Problems (missing folder, a template that does not parse) are reported as PC502.
package struct Theme: Sendable {
    static var requiredTemplates: [String] { PageKind.requiredTemplates }
    static let labellingWordsFile = "labelling-words.txt"

    package let name: String
    let library: TemplateLibrary
    /// Output files for the assets, e.g. `assets/style.1a2b3c4d5e.css`.
    package let assetFiles: [OutputFile]
    /// Template key → asset path relative to the root (`css` → `assets/style.….css`, and each file's stem).
    let assetPaths: [String: String]
    /// `labelling-words.txt`: what titles and descriptions never say (none without the file).
    let labellingWords: LabellingWords

    package static func load(themesDirectory: URL, name: String, displayRoot: String) throws(Diagnostics) -> Theme {
        let folder = themesDirectory.appendingPathComponent(name)
        let shownFolder = Folder(themesDirectory, shown: displayRoot).shown(name)
        let templatesFolder = folder.appendingPathComponent("templates")
        var problems: [Diagnostic] = []
        var library = TemplateLibrary()
        let templateFiles = FileTree.files(under: templatesFolder.path).filter { $0.hasSuffix(".mustache") }
        guard !templateFiles.isEmpty else {
            throw Diagnostics([Diagnostic(.error, .themeProblem, path: shownFolder,
                                        "Không tìm thấy giao diện “\(name)” (cần thư mục templates/ chứa các tệp .mustache).")])
        }
        for relative in templateFiles {
            let shown = "\(shownFolder)/templates/\(relative)"
            guard let data = FileManager.default.contents(atPath: templatesFolder.appendingPathComponent(relative).path),
                  let text = String(data: data, encoding: .utf8) else {
                problems.append(Diagnostic(.error, .themeProblem, path: shown, "Không đọc được mẫu trang (cần văn bản UTF-8)."))
                continue
            }
            do {
                try library.register(text, named: String(relative.dropLast(".mustache".count)))
            } catch {
                problems.append(Diagnostic(.error, .themeProblem, path: shown, line: error.line, column: error.column,
                                           "Mẫu trang sai cú pháp Mustache: \(error.message)."))
            }
        }
        for required in requiredTemplates where library.template(named: required) == nil && !problems.contains(where: { $0.path.hasSuffix("/\(required).mustache") }) {
            problems.append(Diagnostic(.error, .themeProblem, path: "\(shownFolder)/templates/\(required).mustache",
                                       "Giao diện thiếu mẫu trang “\(required).mustache”."))
        }
        let assetsFolder = folder.appendingPathComponent("assets")
        var assetFiles: [OutputFile] = []
        var assetPaths: [String: String] = [:]
        for relative in FileTree.files(under: assetsFolder.path) {
            guard let data = FileManager.default.contents(atPath: assetsFolder.appendingPathComponent(relative).path) else { continue }
            let hashed = ContentHash.name(relative, for: data)
            assetFiles.append(OutputFile(path: Routes.assets + hashed, data: data))
            let stem = String(relative.split(separator: "/").last!.split(separator: ".").first!)
            assetPaths[stem] = Routes.assets + hashed
            if relative == "style.css" { assetPaths["css"] = Routes.assets + hashed }
        }
        if assetPaths["css"] == nil {
            problems.append(Diagnostic(.error, .themeProblem, path: "\(shownFolder)/assets/style.css", "Giao diện thiếu tệp assets/style.css."))
        }
        var labellingWords = LabellingWords.none
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(labellingWordsFile).path) {
            if let text = String(data: data, encoding: .utf8) {
                labellingWords = LabellingWords(list: text)
            } else {
                problems.append(Diagnostic(.error, .themeProblem, path: "\(shownFolder)/\(labellingWordsFile)", "Không đọc được danh sách từ (cần văn bản UTF-8)."))
            }
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return Theme(name: name, library: library, assetFiles: assetFiles, assetPaths: assetPaths, labellingWords: labellingWords)
    }

    /// Renders a template as UTF-8 bytes (nothing when the theme has no such template); the context
    /// is built from public values only.
    package func render(_ template: String, _ context: TemplateValue) -> [UInt8] {
        library.render(template, context) ?? []
    }
}
