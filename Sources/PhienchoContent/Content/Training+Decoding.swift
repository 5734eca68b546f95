import PhienchoCore

extension Training {
    package static let keys = ["id", "title", "status", "provider", "place", "commune", "start", "registration_deadline", "duration",
                       "cost", "support", "contact_phone"]
    package static let required = ["id", "title", "status", "provider", "place", "registration_deadline"]

    /// Validates one course file as vacancy files are validated: strict keys, a draft's problems as
    /// warnings. Returns nil when the file cannot be published (any error).
    package static func decode(_ file: SourceFile, communes: TermList) -> (Training?, [Diagnostic]) {
        var reader = FieldReader(path: file.displayPath, firstLine: 2)
        guard let (root, frontMatter) = FrontMatterFile.parse(file, reader: &reader),
              let fields = reader.fields(root, name: "", allowed: keys, required: required) else {
            return (nil, reader.sink.diagnostics)
        }
        let id = reader.identifier(fields, example: "HN-2026-001")
        let title = reader.string(fields, "title")
        let status = reader.choice(fields, "status", ["draft": Vacancy.Status.draft, "approved": .approved, "withdrawn": .withdrawn])
        let provider = reader.string(fields, "provider")
        let place = reader.string(fields, "place")
        let commune = reader.commune(fields, "commune", in: communes)
        let start = fields.values["start"] == nil ? nil : reader.date(fields, "start")
        let deadline = reader.date(fields, "registration_deadline")
        if let start, let deadline, start < deadline {
            reader.sink.warning(.expiresBeforePosted, at: fields.values["registration_deadline"].flatMap(reader.position),
                                "Hạn đăng ký (\(deadline.vietnamese)) đang sau ngày khai giảng (\(start.vietnamese)); hãy kiểm tra lại.")
        }
        let duration = reader.optionalString(fields, "duration")
        var cost = fields.values["cost"] == nil ? nil : reader.integer(fields, "cost")
        if let value = cost, value < 0 {
            reader.sink.error(.invalidNumber, at: fields.values["cost"].flatMap(reader.position), "Học phí (“cost”) không được âm; miễn phí thì ghi 0.")
            cost = nil
        }
        let support = reader.stringList(fields, "support")
        let phone = reader.phone(fields, "contact_phone")
        let description = Markdown.render(frontMatter.body, firstLine: frontMatter.bodyFirstLine, sink: &reader.sink)
        guard !reader.sink.hasErrors, let id, let title, let status, let provider, let place, let deadline else {
            return (nil, reader.sink.diagnostics)
        }
        return (Training(id: id, title: title, status: status, provider: provider, place: place, commune: commune, start: start,
                         registrationDeadline: deadline, duration: duration, cost: cost, support: support, contactPhone: phone,
                         descriptionHTML: description.html, descriptionText: description.text, sourcePath: file.displayPath,
                         idPosition: fields.values["id"].flatMap(reader.position)),
                reader.sink.diagnostics)
    }
}
