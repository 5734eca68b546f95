import PhienchoCore

/// One content file as read from disk: UTF-8 checked, BOM removed, line endings normalised to LF.
package struct SourceFile: Sendable, Hashable {
    /// Path inside the content folder, with `/` separators, e.g. `vacancies/2026-11/nb-001.md`.
    package let relativePath: String
    /// Path shown to staff in diagnostics, e.g. `content/vacancies/2026-11/nb-001.md`.
    package let displayPath: String
    package let text: String

    package init(relativePath: String, displayPath: String, text: String) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.text = text
    }
}
