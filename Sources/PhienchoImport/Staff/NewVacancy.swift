import Foundation
import PhienchoCore
import PhienchoContent

/// `phiencho new`: writes a new draft vacancy file under `vacancies/YYYY-MM/` of the content folder,
/// with a fresh id `<id_prefix>-<YYYY>-<NNN>` (the next number after every id of that prefix and
/// year already in use) or the id staff chose, and never overwrites a file; with `--event` or
/// `--training`, a draft event (`events/`, `SK-<YYYY>-<NNN>`) or course (`trainings/`, `HN-…`).
public struct NewVacancy {
    public struct Created: Sendable, Equatable {
        /// The file's path as staff would type it: the content folder as given, then the path inside it.
        public var displayPath: String
        public var url: URL
        public var id: String
    }

    public enum Failure: Error, Sendable, Equatable {
        /// site.yml, communes.yml or sectors.yml cannot be used; these are their problems.
        case content([Diagnostic])
        /// A Vietnamese message: the id or title is unusable, or the file exists already.
        case rejected(String)
        /// A Vietnamese message: the folder or the file cannot be written.
        case io(String)

        /// The process's exit status: 2 when the file could not be written, else 1.
        public var exitStatus: Int32 {
            if case .io = self { return 2 }
            return 1
        }
    }

    package let content: Folder

    package init(content: Folder) {
        self.content = content
    }

    /// What `new` makes: a vacancy (default), an event (`--event`) or a course (`--training`).
    public enum Kind: Sendable {
        case vacancy, event, training

        /// How staff name one, in messages.
        var noun: String {
            switch self {
            case .vacancy: "tin"
            case .event: "sự kiện"
            case .training: "khóa học"
            }
        }
    }

    /// - Parameters:
    ///   - title: the position (vị trí tuyển dụng), or the event's or course's name.
    ///   - id: the id staff chose, or nil for the next free one.
    ///   - today: the day to date the file at; default today in the site's time zone.
    public func create(_ kind: Kind = .vacancy, title rawTitle: String, id requestedID: String? = nil,
                       today: LocalDate? = nil) -> Result<Created, Failure> {
        let title = rawTitle.nfc.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard !title.isEmpty else {
            return .failure(.rejected("Hãy ghi vị trí tuyển dụng, ví dụ: phiencho new \"Thợ hàn cửa sắt\"."))
        }
        let settings: ContentSettings
        switch ContentSettings.load(content: content) {
        case .success(let loaded): settings = loaded
        case .failure(let problems): return .failure(.content(problems.list))
        }
        let site = settings.site
        let day = today ?? LocalDate.today(in: site.timeZone)
        let files = switch kind {
        case .vacancy: settings.loaded.vacancies
        case .event: settings.loaded.events
        case .training: settings.loaded.trainings
        }
        let prefix = switch kind {
        case .vacancy: site.idPrefix
        case .event: AgendaTemplate.eventPrefix
        case .training: AgendaTemplate.trainingPrefix
        }
        let existing = Self.existingIDs(in: files)
        let id: String
        if let requestedID {
            guard Vacancy.isValidID(requestedID) else {
                return .failure(.rejected("Mã \(kind.noun) “\(requestedID)” không hợp lệ: chỉ được gồm chữ cái không dấu, chữ số và dấu gạch ngang (-), không bắt đầu bằng dấu gạch ngang, ví dụ \(prefix)-\(day.year)-001."))
            }
            if let file = existing[requestedID.lowercased()] {
                return .failure(.rejected("Mã \(kind.noun) “\(requestedID)” đã được dùng ở tệp \(file). Hãy chọn mã khác, hoặc bỏ --id để chương trình tự đặt mã mới."))
            }
            id = requestedID
        } else {
            id = Self.nextID(prefix: prefix, year: day.year, taken: Set(existing.keys))
        }

        let fileName = VacancyTemplate.fileName(id: id, title: title)
        let relative: String
        let text: String
        switch kind {
        case .vacancy:
            let template = VacancyTemplate(id: id, title: title, posted: day, commune: settings.communes.terms[0].name,
                                           sector: settings.sectors.terms[0].name)
            relative = String(format: "vacancies/%04d-%02d/", day.year, day.month) + template.fileName
            text = template.text
        case .event:
            relative = "events/" + fileName
            text = AgendaTemplate(id: id, title: title, today: day, commune: settings.communes.terms[0].name).event
        case .training:
            relative = "trainings/" + fileName
            text = AgendaTemplate(id: id, title: title, today: day, commune: settings.communes.terms[0].name).training
        }
        let url = content.url(relative)
        let shown = content.shown(relative)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            return .failure(.io("Không tạo được thư mục \(url.deletingLastPathComponent().path)."))
        }
        if FileManager.default.fileExists(atPath: url.path) {
            return .failure(.rejected("Tệp \(shown) đã có; chương trình không ghi đè. Hãy đổi tên hoặc dùng --id khác."))
        }
        do {
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            return .failure(.io("Không ghi được tệp \(shown)."))
        }
        return .success(Created(displayPath: shown, url: url, id: id))
    }

    /// `<prefix>-<year>-<NNN>` with NNN one more than the largest number in use for that prefix and
    /// year (compared ignoring case, as URLs are), at least three digits.
    public static func nextID(prefix: String, year: Int, taken: Set<String>) -> String {
        let head = "\(prefix)-\(year)-".lowercased()
        var largest = 0
        for id in taken where id.hasPrefix(head) {
            let tail = id.dropFirst(head.count)
            if !tail.isEmpty, tail.count <= 9, tail.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(tail) {
                largest = max(largest, number)
            }
        }
        var number = largest + 1
        while taken.contains(head + String(format: "%03d", number)) { number += 1 }
        return "\(prefix)-\(year)-" + String(format: "%03d", number)
    }

    /// Every id written in a vacancy file, lower-cased, → the file's display path. Read from the
    /// `id:` line of the front matter, so a file with other problems still keeps its id taken.
    static func existingIDs(in files: [SourceFile]) -> [String: String] {
        var ids: [String: String] = [:]
        for file in files {
            guard let id = idLine(in: file.text) else { continue }
            ids[id.lowercased()] = ids[id.lowercased()] ?? file.displayPath
        }
        return ids
    }

    /// The value of the top-level `id:` line of a front matter block, unquoted.
    static func idLine(in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
        for line in lines.dropFirst() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "---" || trimmed == "..." { break }
            guard line.hasPrefix("id:") else { continue }
            var value = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
            if let hash = value.range(of: " #") { value = String(value[..<hash.lowerBound]).trimmingCharacters(in: .whitespaces) }
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty ? nil : value
        }
        return nil
    }
}
