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

/// Events, courses and employer profiles: validated as vacancy files are, published by the same
/// rules, their calendar files well formed.
@Suite("Agenda: events, courses and employers")
struct AgendaTests {
    static func event(_ front: String, path: String = "content/events/sk.md") -> (Event?, [Diagnostic]) {
        Event.decode(SourceFile(relativePath: "events/sk.md", displayPath: path, text: "---\n\(front)---\nNội dung.\n"),
                     communes: Sample.communes)
    }

    static let validEvent = """
        id: SK-2026-001
        title: Ngày hội việc làm
        kind: ngay_hoi_viec_lam
        status: approved
        start: 2026-12-18T07:30
        end: 2026-12-18T11:30
        place: Nhà văn hóa
        commune: Gia Trấn

        """

    @Test func aValidEventIsRead() throws {
        let (event, diagnostics) = Self.event(Self.validEvent)
        #expect(diagnostics.isEmpty, "\(diagnostics.described)")
        let read = try #require(event)
        #expect(read.start == EventMoment(date: date("2026-12-18"), minutes: 450))
        #expect(read.lastDay == date("2026-12-18") && read.commune?.name == "Gia Trấn")
        #expect(PublicEvent(read, isPast: false).when == "07:30 – 11:30 ngày 18/12/2026")
    }

    @Test func eventProblemsAreSaidAtTheirLine() {
        let (event, diagnostics) = Self.event("""
            id: SK-1
            title: Sai
            kind: hoi_cho
            status: approved
            start: 2026-12-20 08:00
            end: 2026-12-19
            place: Nhà văn hóa
            commune: Gia Tran
            organizer: A

            """)
        #expect(event == nil)
        let sorted = diagnostics.sorted()
        #expect(sorted.map { "\($0.line ?? 0):\($0.code.rawValue)" } == ["4:PC311", "6:PC305", "9:PC309", "10:PC301"])
        #expect(sorted[1].message.contains("hãy viết “start: 2026-12-20T08:00”"))
        #expect(sorted[3].message.contains("có phải là “organiser”"))
    }

    @Test func aDraftEventsProblemsAreWarnings() {
        let (_, diagnostics) = Self.event("id: SK-1\ntitle: Nháp\nkind: tu_van\nstatus: draft\nstart: 2026-12-20\nplace:\nend: 2026-12-01\n")
        #expect(!diagnostics.isEmpty && diagnostics.allSatisfy { $0.severity == .warning }, "\(diagnostics.described)")
    }

    @Test(arguments: [("2026-12-18", true), ("2026-12-18T07:30", true), ("2026-12-18T24:00", false), ("2026-12-18T7:30", false),
                      ("18/12/2026", false), ("2026-02-30", false)])
    func moments(text: String, valid: Bool) {
        #expect((EventMoment(text) != nil) == valid)
    }

    @Test func aCourseIsReadAndItsCostSaid() throws {
        let text = "---\nid: HN-1\ntitle: May\nstatus: approved\nprovider: Trường nghề\nplace: Cơ sở 2\nregistration_deadline: 2026-12-25\ncost: 0\nsupport:\n  - Hỗ trợ tiền ăn\n---\n"
        let (course, diagnostics) = Training.decode(SourceFile(relativePath: "trainings/hn.md", displayPath: "hn.md", text: text), communes: Sample.communes)
        #expect(diagnostics.isEmpty, "\(diagnostics.described)")
        let read = try #require(course)
        #expect(PublicTraining(read, isClosed: false).costText == "Miễn phí")
        #expect(read.support == ["Hỗ trợ tiền ăn"])
        let paid = Training.decode(SourceFile(relativePath: "t.md", displayPath: "t.md", text: text.replacingOccurrences(of: "cost: 0", with: "cost: 1500000")),
                                   communes: Sample.communes).0
        #expect(paid.map { PublicTraining($0, isClosed: false).costText } == "1.500.000 đồng")
    }

    /// Listed through the last day, kept (noindex) 90 days, then gone; drafts and withdrawn never.
    @Test func publicationFollowsTheVacanciesRules() {
        let last = date("2026-12-18")
        #expect(Agenda.state(status: .approved, lastDay: last, at: last) == .listed)
        #expect(Agenda.state(status: .approved, lastDay: last, at: last.adding(days: 1)) == .kept)
        #expect(Agenda.state(status: .approved, lastDay: last, at: last.adding(days: 89)) == .kept)
        #expect(Agenda.state(status: .approved, lastDay: last, at: last.adding(days: 90)) == .unpublished)
        #expect(Agenda.state(status: .draft, lastDay: last, at: last) == .unpublished)
        #expect(Agenda.state(status: .withdrawn, lastDay: last, at: last) == .unpublished)
    }

    @Test func employersAreGroupedByTheSlugOfTheirName() throws {
        func vacancy(_ id: String, _ employer: String, expired: Bool = false) -> PublicVacancy {
            var value = PrivacyProjectionTests.sampleVacancy()
            value.id = id
            value.employer.name = employer
            return PublicVacancy(value, isExpired: expired)
        }
        let profiles = [EmployerProfile(name: "Hộ kinh doanh Cói", kind: .household, recognised: true),
                        EmployerProfile(name: "Anh Tư", kind: .person, recognised: false),
                        EmployerProfile(name: "Xưởng chưa có tin", kind: .company, recognised: true)]
        let employers = PublicEmployer.all(open: [vacancy("A", "Hộ kinh doanh Cói"), vacancy("B", "HỘ KINH DOANH CÓI"), vacancy("C", "Anh Tư")],
                                           expired: [vacancy("D", "Đội xây dựng", expired: true)], profiles: profiles)
        #expect(employers.map(\.slug) == ["anh-tu", "doi-xay-dung", "ho-kinh-doanh-coi", "xuong-chua-co-tin"])
        #expect(employers.map(\.open.count) == [1, 0, 2, 0])
        #expect(employers.filter(\.recognised).map(\.name) == ["Hộ kinh doanh Cói", "Xưởng chưa có tin"])
    }

    @Test func employersYAMLIsCheckedAndUnmatchedNamesWarned() throws {
        let file = SourceFile(relativePath: "employers.yml", displayPath: "content/employers.yml", text: """
            - name: Công ty May
              kind: doanh_nghiep
              recognised: có
            - name: công ty may
              kind: doanh_nghiep
            - name: Hộ Bánh Đa
              kind: ho_kinh_doanh
              recognized: true

            """)
        let (profiles, diagnostics) = EmployerProfile.decodeList(file)
        #expect(profiles == nil)
        #expect(diagnostics.map { "\($0.line ?? 0):\($0.code.rawValue)" } == ["3:PC311", "4:PC403", "8:PC301"])
        #expect(diagnostics[0].message.contains("hãy viết “recognised: true”"))
        let unmatched = ContentValidator.unmatchedEmployers([EmployerProfile(name: "Cong ty May Gia Tran", kind: .company, recognised: false)],
                                                            vacancies: [PrivacyProjectionTests.sampleVacancy()], path: "content/employers.yml")
        #expect(unmatched.map(\.code) == [.unmatchedEmployer])
    }

    @Test func theCalendarFileIsFoldedEscapedAndAllDayEndsTheNextDay() throws {
        var event = try #require(Self.event(Self.validEvent).0)
        event.title = String(repeating: "Ngày hội việc làm; tuyển dụng, tư vấn \\ ", count: 4)
        event.end = nil
        event.start = EventMoment(date: date("2026-12-18"))
        let site = try #require(SiteConfig.decode(SourceFile(relativePath: "site.yml", displayPath: "site.yml", text: Sample.siteYAML),
                                                  baseURLOverride: nil).0)
        let ics = EventCalendar.ics(PublicEvent(event, isPast: false), site: site.publicSettings, buildDay: date("2026-11-22"))
        let lines = ics.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.contains("DTSTART;VALUE=DATE:20261218") && lines.contains("DTEND;VALUE=DATE:20261219"))
        #expect(lines.contains("UID:sk-2026-001@vieclam.example.vn") && lines.contains("DTSTAMP:20261122T000000Z"))
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:Ngày hội việc làm\\; tuyển dụng\\, tư vấn \\\\ Ngày"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
    }
}
