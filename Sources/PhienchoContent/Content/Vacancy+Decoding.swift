import Foundation
import PhienchoCore
import PhienchoModel

extension Vacancy {
    package static let keys = ["id", "title", "status", "posted", "expires", "employer", "location", "sector",
                       "employment_type", "openings", "salary", "requirements", "benefits", "tags", "apply", "internal", "results"]
    package static let required: [String] = ["id", "title", "status", "posted", "expires", "employer", "location",
                                        "sector", "employment_type", "openings"]

    /// Validates one vacancy file. A draft's problems are warnings (unless `strict`, as `import`
    /// checks the files it writes); anything else's are errors. Returns nil when the file cannot be
    /// published (any error).
    package static func decode(_ file: SourceFile, communes: TermList, sectors: TermList, strict: Bool = false) -> (Vacancy?, [Diagnostic]) {
        var reader = FieldReader(path: file.displayPath, firstLine: 2)
        guard let (root, frontMatter) = FrontMatterFile.parse(file, reader: &reader, strict: strict) else {
            return (nil, reader.sink.diagnostics)
        }
        guard let fields = reader.fields(root, name: "", allowed: keys, required: required) else {
            return (nil, reader.sink.diagnostics)
        }

        let id = reader.string(fields, "id")
        if let id, !id.utf8.allSatisfy(isIDByte) || id.hasPrefix("-") {
            reader.sink.error(.invalidID, at: fields.values["id"].flatMap(reader.position),
                              "Mã tin “\(id)” chỉ được gồm chữ cái không dấu, chữ số và dấu gạch ngang (-), ví dụ NB-2026-001.")
        } else if let id, id.utf8.count > Vacancy.maximumIDLength {
            reader.sink.error(.invalidID, at: fields.values["id"].flatMap(reader.position),
                              "Mã tin dài \(id.utf8.count) ký tự; tối đa \(Vacancy.maximumIDLength) ký tự (mã tin là tên thư mục và một phần địa chỉ của trang), ví dụ NB-2026-001.")
        }
        let title = reader.string(fields, "title")
        let status = reader.choice(fields, "status", ["draft": Status.draft, "approved": .approved, "withdrawn": .withdrawn])
        let posted = reader.date(fields, "posted")
        let expires = reader.date(fields, "expires")
        if let posted, let expires, expires < posted {
            reader.sink.error(.expiresBeforePosted, at: fields.values["expires"].flatMap(reader.position),
                              "Hạn nộp hồ sơ (\(expires.vietnamese)) đang trước ngày đăng (\(posted.vietnamese)).")
        }
        let employer = decodeEmployer(fields, reader: &reader)
        let (commune, address) = decodeLocation(fields, communes: communes, reader: &reader)
        let sector = reader.string(fields, "sector").flatMap { name in
            lookup(name, in: sectors, kind: "Ngành nghề", file: "sectors.yml", code: .unknownSector,
                   at: fields.values["sector"].flatMap(reader.position), reader: &reader)
        }
        let employmentType = reader.choice(fields, "employment_type",
                                           ["full_time": EmploymentType.fullTime, "part_time": .partTime, "seasonal": .seasonal])
        var openings = reader.integer(fields, "openings")
        if let count = openings, !(1...Vacancy.maximumCount).contains(count) {
            reader.sink.error(.invalidOpenings, at: fields.values["openings"].flatMap(reader.position),
                              "Số lượng cần tuyển (“openings”) phải từ 1 đến \(Vacancy.maximumCount).")
            openings = nil
        }
        let salary = decodeSalary(fields, reader: &reader)
        let requirements = reader.stringList(fields, "requirements")
        let benefits = reader.stringList(fields, "benefits")
        let tags = reader.stringList(fields, "tags")
        let apply = fields.values["apply"] == nil ? nil : reader.string(fields, "apply")
        if let notes = fields.values["internal"], !FieldReader.isNull(notes), notes.mapping == nil {
            reader.sink.error(.wrongType, at: reader.position(notes),
                              "Trường “internal” (ghi chú nội bộ) phải gồm các dòng con “tên: giá trị”.")
        }

        let results = decodeResults(fields, posted: posted, reader: &reader)
        if let openings, results.reduce(0, { $0 + $1.hired }) > openings {
            reader.sink.warning(.hiresOverOpenings, at: fields.values["results"].flatMap(reader.position),
                                "Tổng số người đã tuyển trong “results” (\(results.reduce(0) { $0 + $1.hired })) lớn hơn số lượng cần tuyển (\(openings)). Hãy kiểm tra số người đã tuyển hoặc số lượng (“openings”).")
        }
        let description = Markdown.render(frontMatter.body, firstLine: frontMatter.bodyFirstLine, sink: &reader.sink)
        let applyHTML = apply.map { Markdown.render($0, firstLine: nil, sink: &reader.sink).html }

        guard !reader.sink.hasErrors, let id, let title, let status, let posted, let expires, let employer,
              let commune, let sector, let employmentType, let openings, let salary else {
            return (nil, reader.sink.diagnostics)
        }
        let vacancy = Vacancy(id: id, title: title, status: status, posted: posted, expires: expires,
                              employer: employer, commune: commune, address: address, sector: sector,
                              employmentType: employmentType, openings: openings, salary: salary.value,
                              requirements: requirements, benefits: benefits, tags: tags, applyHTML: applyHTML,
                              descriptionHTML: description.html, descriptionText: description.text,
                              sourcePath: file.displayPath, idPosition: fields.values["id"].flatMap(reader.position),
                              results: results,
                              datePositions: DatePositions(posted: fields.values["posted"].flatMap(reader.position),
                                                           expires: fields.values["expires"].flatMap(reader.position)))
        return (vacancy, reader.sink.diagnostics)
    }

    /// An ASCII letter, digit or hyphen: an id is made of those bytes exactly when it is made of
    /// those characters.
    private static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): return true
        default: return false
        }
    }

    /// Whether the first top-level `status:` line of the text says `draft` (quoted or not, comment
    /// allowed): used only while the YAML cannot be parsed.
    static func declaresDraft(_ text: String) -> Bool {
        guard let line = firstStatusLine(in: text) else { return false }
        var value = line.dropFirst("status:".count)
        if value.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: Foundation's search for " #" is a plain byte search.
            let bytes = value.utf8
            if let hash = bytes.indices.first(where: { bytes[$0] == UInt8(ascii: " ") && bytes.index(after: $0) < bytes.endIndex
                                                         && bytes[bytes.index(after: $0)] == UInt8(ascii: "#") }) {
                value = value[..<hash]
            }
        } else if let comment = value.range(of: " #") {
            value = value[..<comment.lowerBound]
        }
        let word = value.trimmingWhitespace(includingNewlines: false)
        return word == "draft" || word == "\"draft\"" || word == "'draft'"
    }

    /// The first line starting with `status:`, found in the UTF-8 bytes (lines split at LF, which is
    /// always a grapheme boundary); a line whose bytes match is confirmed by `hasPrefix`, which
    /// compares characters (`status:` followed by a combining mark is not a match).
    private static func firstStatusLine(in text: String) -> Substring? {
        let utf8 = text.utf8
        let prefix = Array("status:".utf8)
        var lineStart = utf8.startIndex
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            if utf8[lineStart..<lineEnd].starts(with: prefix) {
                let line = text[lineStart..<lineEnd]
                if line.hasPrefix("status:") { return line }
            }
            lineStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
        }
        return nil
    }

    private static func decodeEmployer(_ fields: FieldReader.Fields, reader: inout FieldReader) -> Employer? {
        guard let map = reader.nested(fields, "employer", allowed: ["name", "address", "phone", "email", "website"],
                                      required: ["name"]) else { return nil }
        let name = reader.string(map, "name")
        let address = map.values["address"] == nil ? nil : reader.string(map, "address")
        let phone = reader.phone(map, "phone")
        let email = map.values["email"] == nil ? nil : reader.string(map, "email")
        if let email, !isPlausibleEmail(email) {
            reader.sink.error(.invalidEmail, at: map.values["email"].flatMap(reader.position),
                              "Địa chỉ thư điện tử “\(email)” không đúng dạng ten@mien.vn.")
        }
        let website = map.values["website"] == nil ? nil : reader.string(map, "website")
        if let website, !isWebURL(website) {
            reader.sink.error(.invalidURL, at: map.values["website"].flatMap(reader.position),
                              "Trang web của đơn vị phải bắt đầu bằng https:// hoặc http://.")
        }
        guard let name else { return nil }
        // A name in another script gets a page all the same, at an address staff should know.
        if Slug.make(name).isEmpty, case let slug = Slug.path(name), !slug.isEmpty {
            reader.sink.warning(.nonLatinName, at: map.values["name"].flatMap(reader.position),
                                "Tên đơn vị “\(name)” không có chữ cái Latinh nào, nên trang của đơn vị có địa chỉ \(Routes.employer(slug: slug)) (không đọc thành chữ). Nếu được, hãy ghi thêm tên tiếng Việt, ví dụ “Công ty Đại Hoa (大華)”.")
        }
        return Employer(name: name, address: address, phone: phone, email: email, website: website)
    }

    /// A phone number with at least six digits (employers' phones, the centre's hotline).
    static func isPlausiblePhone(_ text: String) -> Bool { digitCount(text) >= 6 }

    /// The characters of `text` that are numbers; for ASCII text, its bytes 0–9.
    private static func digitCount(_ text: String) -> Int {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.filter(\.isNumber).count }
        return text.utf8.reduce(0) { $0 + ($1 >= UInt8(ascii: "0") && $1 <= UInt8(ascii: "9") ? 1 : 0) }
    }

    private static func decodeLocation(_ fields: FieldReader.Fields, communes: TermList, reader: inout FieldReader) -> (Term?, String?) {
        guard let map = reader.nested(fields, "location", allowed: ["commune", "address"], required: ["commune"]) else { return (nil, nil) }
        let address = map.values["address"] == nil ? nil : reader.string(map, "address")
        let commune = reader.string(map, "commune").flatMap { name in
            lookup(name, in: communes, kind: "Xã/phường", file: "communes.yml", code: .unknownCommune,
                   at: map.values["commune"].flatMap(reader.position), reader: &reader)
        }
        return (commune, address)
    }

    /// `Optional<Salary>` wrapped so that "absent" (fine) differs from "invalid" (nil).
    struct SalaryField { var value: Salary? }

    private static func decodeSalary(_ fields: FieldReader.Fields, reader: inout FieldReader) -> SalaryField? {
        guard fields.values["salary"] != nil else { return SalaryField(value: nil) }
        guard let map = reader.nested(fields, "salary", allowed: ["min", "max", "period"], required: ["period"]) else { return nil }
        let min = map.values["min"] == nil ? nil : reader.integer(map, "min")
        let max = map.values["max"] == nil ? nil : reader.integer(map, "max")
        let period = reader.choice(map, "period", ["hour": SalaryPeriod.hour, "day": .day, "month": .month])
        var valid = period != nil
        if map.values["min"] == nil && map.values["max"] == nil {
            reader.sink.error(.missingField, at: map.position, "Mức lương cần ít nhất “salary.min” hoặc “salary.max”; nếu thỏa thuận thì bỏ hẳn mục “salary”.")
            valid = false
        }
        for (key, value) in [("min", min), ("max", max)] {
            if let value, value < 0 {
                reader.sink.error(.invalidNumber, at: map.values[key].flatMap(reader.position), "Mức lương “salary.\(key)” không được âm.")
                valid = false
            }
        }
        if let min, let max, min > max {
            reader.sink.error(.salaryRange, at: map.values["min"].flatMap(reader.position),
                              "Lương tối thiểu (\(min)) lớn hơn lương tối đa (\(max)).")
            valid = false
        }
        if (map.values["min"] != nil && min == nil) || (map.values["max"] != nil && max == nil) { valid = false }
        guard valid, let period else { return nil }
        // Believable for its period: "300" a day is most often a cut "300.000" (`SalaryPlausibility`).
        for (key, value) in [("min", min), ("max", max)] {
            if let value, let problem = SalaryPlausibility.problem(value, period) {
                reader.sink.warning(.implausibleSalary, at: map.values[key].flatMap(reader.position), problem)
            }
        }
        return SalaryField(value: Salary(min: min, max: max, period: period))
    }

    private static func lookup(_ name: String, in list: TermList, kind: String, file: String, code: DiagnosticCode,
                               at position: SourcePosition?, reader: inout FieldReader) -> Term? {
        reader.term(name, in: list, kind: kind, file: file, code: code, at: position)
    }

    static func isWebURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
    }

    static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains(where: { $0.isWhitespace || "<>\"'(),;:".contains($0) })
    }
}
