import Foundation
import Testing
@testable import PhienchoCore

/// A file inside a folder is shown as staff named the folder, with exactly one slash between.
@Suite("Core: folders as staff named them")
struct FolderTests {
    @Test(arguments: [("content", "content/vacancies/a.md"), ("content/", "content/vacancies/a.md"),
                      ("../noi dung/", "../noi dung/vacancies/a.md"), ("/", "/vacancies/a.md")])
    func aFileIsShownUnderTheFolderStaffNamed(shown: String, expected: String) {
        let folder = Folder(URL(fileURLWithPath: "/tmp/x"), shown: shown)
        #expect(folder.shown("vacancies/a.md") == expected)
        #expect(folder.url("vacancies/a.md").path == "/tmp/x/vacancies/a.md")
    }
}
