import PhienchoCore

extension Vacancy {
    /// The most openings or hires one vacancy or report may give: far above any real one, and low
    /// enough that no sum of them over any content can overflow.
    static let maximumCount = 100_000

    /// `results`: a list of `{date, hired, by}`; `hired` a whole number from 1, `date` not before
    /// `posted`, `by` optional text. An absent or empty list is no result.
    static func decodeResults(_ fields: FieldReader.Fields, posted: LocalDate?, reader: inout FieldReader) -> [Result] {
        guard let node = fields.values["results"], !FieldReader.isNull(node) else { return [] }
        guard let items = node.sequence else {
            reader.sink.error(.wrongType, at: reader.position(node),
                              "Trường “results” (kết quả tuyển) phải là danh sách, mỗi lần báo kết quả một mục “- date: …”, với “hired: …” và “by: …” thụt lề bên dưới.")
            return []
        }
        var results: [Result] = []
        for item in items {
            guard let entry = reader.fields(item, name: "results", allowed: ["date", "hired", "by"], required: ["date", "hired"]) else { continue }
            let date = reader.date(entry, "date")
            var hired = reader.integer(entry, "hired")
            if let count = hired, !(1...Vacancy.maximumCount).contains(count) {
                reader.sink.error(.invalidOpenings, at: entry.values["hired"].flatMap(reader.position),
                                  "Số người đã tuyển (“results.hired”) phải từ 1 đến \(Vacancy.maximumCount); lần báo không có ai được tuyển thì không cần ghi.")
                hired = nil
            }
            if let date, let posted, date < posted {
                reader.sink.error(.expiresBeforePosted, at: entry.values["date"].flatMap(reader.position),
                                  "Ngày báo kết quả (\(date.vietnamese)) đang trước ngày đăng tin (\(posted.vietnamese)).")
                continue
            }
            let by = entry.values["by"] == nil ? nil : reader.string(entry, "by")
            if let date, let hired { results.append(Result(date: date, hired: hired, by: by, position: entry.values["date"].flatMap(reader.position))) }
        }
        return results
    }
}
