import Foundation

/// A folder as the program reaches it and as staff named it on the command line (`content`,
/// `../noi-dung/`): a message about a file in it shows the name staff typed joined to the file's
/// path inside it, with exactly one slash between.
package struct Folder: Sendable {
    package let url: URL
    package let shown: String

    package init(_ url: URL, shown: String) {
        self.url = url
        self.shown = shown
    }

    /// A folder named on the command line as `path`, relative to the working directory.
    package init(path: String) {
        self.init(URL(fileURLWithPath: path), shown: path)
    }

    /// `content/vacancies/2026-12/nb-1.md` for `vacancies/2026-12/nb-1.md`.
    package func shown(_ relative: String) -> String { Self.join(shown, relative) }

    /// A shown folder name and a path inside it, with one slash between.
    package static func join(_ shown: String, _ relative: String) -> String {
        shown.hasSuffix("/") ? shown + relative : shown + "/" + relative
    }

    package func url(_ relative: String) -> URL { url.appendingPathComponent(relative) }
}
