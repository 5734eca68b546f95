import PhienchoCore

extension Event {
    package static let keys = ["id", "title", "kind", "status", "start", "end", "place", "commune", "organiser", "contact_phone"]
    package static let required = ["id", "title", "kind", "status", "start", "place"]

    /// Validates one event file as vacancy files are validated: strict keys, a draft's problems as
    /// warnings. Returns nil when the file cannot be published (any error).
    package static func decode(_ file: SourceFile, communes: TermList) -> (Event?, [Diagnostic]) {
        var reader = FieldReader(path: file.displayPath, firstLine: 2)
        guard let (root, frontMatter) = FrontMatterFile.parse(file, reader: &reader),
              let fields = reader.fields(root, name: "", allowed: keys, required: required) else {
            return (nil, reader.sink.diagnostics)
        }
        let id = reader.identifier(fields, example: "SK-2026-001")
        let title = reader.string(fields, "title")
        let kind = reader.choice(fields, "kind", ["ngay_hoi_viec_lam": Kind.jobFair, "tu_van": .counselling, "khac": .other])
        let status = reader.choice(fields, "status", ["draft": Vacancy.Status.draft, "approved": .approved, "withdrawn": .withdrawn])
        let start = reader.moment(fields, "start")
        let end = fields.values["end"] == nil ? nil : reader.moment(fields, "end")
        if let start, let end, end.date < start.date || (end.date == start.date && (end.minutes ?? Int.max) < (start.minutes ?? 0)) {
            reader.sink.error(.expiresBeforePosted, at: fields.values["end"].flatMap(reader.position),
                              "Thời gian kết thúc (\(end.vietnamese)) đang trước thời gian bắt đầu (\(start.vietnamese)).")
        }
        let place = reader.string(fields, "place")
        let commune = reader.commune(fields, "commune", in: communes)
        let organiser = reader.optionalString(fields, "organiser")
        let phone = reader.phone(fields, "contact_phone")
        let description = Markdown.render(frontMatter.body, firstLine: frontMatter.bodyFirstLine, sink: &reader.sink)
        guard !reader.sink.hasErrors, let id, let title, let kind, let status, let start, let place else {
            return (nil, reader.sink.diagnostics)
        }
        return (Event(id: id, title: title, kind: kind, status: status, start: start, end: end, place: place, commune: commune,
                      organiser: organiser, contactPhone: phone, descriptionHTML: description.html, descriptionText: description.text,
                      sourcePath: file.displayPath, idPosition: fields.values["id"].flatMap(reader.position)),
                reader.sink.diagnostics)
    }
}
