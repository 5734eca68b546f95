import Foundation
import Testing
@testable import PhienchoAudit
@testable import PhienchoContent
@testable import PhienchoCore
@testable import PhienchoImport
@testable import PhienchoKit
@testable import PhienchoModel
@testable import PhienchoOutput
@testable import PhienchoPublication
@testable import PhienchoRender
@testable import PhienchoReport
@testable import PhienchoSpreadsheets

/// `synonyms.yml`: checked like the other lists, applied when the index is built, so a query in
/// any word of a group finds what is written in another (issue #24).
@Suite("Search: synonyms")
struct SearchSynonymTests {
    typealias V = SearchSample

    static func list(_ yaml: String) -> (SynonymList?, [Diagnostic]) {
        SynonymList.decode(SourceFile(relativePath: "synonyms.yml", displayPath: "content/synonyms.yml", text: yaml))
    }

    @Test func aQueryInOneWordOfAGroupFindsTheOthers() throws {
        let synonyms = try #require(Self.list("- [lái xe, tài xế]\n- [phụ hồ, thợ phụ xây dựng]\n- [giúp việc, tạp vụ]\n").0)
        let index = SearchIndex(vacancies: V.open([
            V.vacancy("A-1", title: "Lái xe khách 45 chỗ"),
            V.vacancy("A-2", title: "Phụ hồ công trình dân dụng"),
            V.vacancy("A-3", title: "Nhân viên tạp vụ", description: "Dọn dẹp văn phòng."),
            V.vacancy("A-4", title: "Thợ hàn", description: "Có xe đưa đón."),
        ]), synonyms: synonyms)
        #expect(V.titles("tài xế", in: index) == ["Lái xe khách 45 chỗ"])
        #expect(V.titles("tai xe", in: index) == ["Lái xe khách 45 chỗ"])
        #expect(V.titles("thợ phụ xây dựng", in: index) == ["Phụ hồ công trình dân dụng"])
        #expect(V.titles("giup viec", in: index) == ["Nhân viên tạp vụ"])
        // Only whole phrases: "xe" alone is no phrase of the group, so nothing is added for it.
        #expect(!V.titles("tai xe", in: index).contains("Thợ hàn"))
        // A title's phrase gives the synonym's adjacency (not title postings): it ranks as a phrase.
        #expect(index.entry("tai")?.next.contains { $0.term == "xe" } == true)
        #expect(index.entry("tai")?.title.isEmpty == true)
    }

    @Test func withoutTheListNothingIsAdded() {
        let index = SearchIndex(vacancies: V.open([V.vacancy("A-1", title: "Lái xe khách 45 chỗ")]))
        #expect(V.titles("tài xế", in: index).isEmpty)
    }

    @Test func theListIsCheckedAtItsLines() {
        let (list, diagnostics) = Self.list("- [lái xe, tài xế]\n- [Tài xế, tài xế xe tải]\n- [bảo vệ]\n- lái xe\n- [\"!!\", x]\n")
        #expect(list == nil)
        #expect(diagnostics.map { "\($0.line ?? 0):\($0.code.rawValue)" } == ["2:PC403", "3:PC303", "4:PC303", "5:PC311"])
        #expect(diagnostics[0].message.contains("đã có trong nhóm của “tài xế”"))
    }

    /// The example's list covers its sectors with at least 40 groups, and every group is used.
    @Test func theExampleListHasFortyGroupsOrMore() throws {
        let text = try String(contentsOf: Paths.content.appendingPathComponent("synonyms.yml"), encoding: .utf8)
        let (list, diagnostics) = Self.list(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.described)")
        #expect((list?.groups.count ?? 0) >= 40)
    }

    @Test func theExampleSiteFindsJobsByTheirOtherNames() throws {
        let catalog = try #require(Sample.validate(Paths.content).1.catalog)
        let open = Publication(catalog.vacancies, at: date("2026-11-22")).open.map { PublicVacancy($0, isExpired: false) }
        let index = SearchIndex(vacancies: open, events: [], trainings: [], synonyms: catalog.synonyms)
        #expect(V.titles("tho phu xay dung", in: index).first == "Thợ xây và phụ hồ")
        #expect(V.titles("nhân viên an ninh", in: index).contains("Nhân viên bảo vệ"))
        #expect(V.titles("lái xe", in: index).first == "Lái xe tải hạng C", "the written word still ranks first")
    }
}
