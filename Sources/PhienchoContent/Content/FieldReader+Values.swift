import PhienchoCore
import PhienchoModel

/// Values of the event, course and employer files: yes/no, a day with an optional time, a phone.
extension FieldReader {
    /// `true` or `false`, as YAML writes them (`có`/`không` get the right word suggested).
    package mutating func boolean(_ fields: Fields, _ key: String) -> Bool? {
        guard let text = string(fields, key) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            let meant = ["có", "co", "yes", "đúng", "x"].contains(text.lowercased()) ? "true"
                : ["không", "khong", "no", "sai"].contains(text.lowercased()) ? "false" : nil
            sink.error(.invalidChoice, at: fields.values[key].flatMap(position),
                       "Giá trị “\(text)” của trường “\(fields.path(key))” phải là true (có) hoặc false (không)"
                       + (meant.map { ": hãy viết “\(key): \($0)”." } ?? "."))
            return nil
        }
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (site time).
    package mutating func moment(_ fields: Fields, _ key: String) -> EventMoment? {
        guard let text = string(fields, key) else { return nil }
        if let moment = EventMoment(text) { return moment }
        var message = "Thời gian “\(text)” ở trường “\(fields.path(key))” không hợp lệ. Viết NĂM-THÁNG-NGÀY, hoặc NĂM-THÁNG-NGÀYTGIỜ:PHÚT, ví dụ 2026-12-15 hoặc 2026-12-15T08:00 (ngày và giờ phải có thật)."
        let pieces = text.split(separator: " ", omittingEmptySubsequences: true)
        if pieces.count == 2, let moment = EventMoment("\(pieces[0])T\(pieces[1])") {
            message = "Thời gian “\(text)” ở trường “\(fields.path(key))” cần chữ T giữa ngày và giờ: hãy viết “\(key): \(moment.date.iso)T\(moment.clock!)”."
        } else if let iso = ValueSuggestion.isoDate(for: text) {
            message = "Ngày “\(text)” ở trường “\(fields.path(key))” phải viết theo dạng NĂM-THÁNG-NGÀY: hãy viết “\(key): \(iso)”."
        }
        sink.error(.invalidDate, at: fields.values[key].flatMap(position), message)
        return nil
    }

    /// An optional phone number with at least six digits.
    package mutating func phone(_ fields: Fields, _ key: String) -> String? {
        guard fields.values[key] != nil, let phone = string(fields, key) else { return nil }
        guard Vacancy.isPlausiblePhone(phone) else {
            sink.error(.invalidChoice, at: fields.values[key].flatMap(position),
                       "Số điện thoại “\(phone)” quá ngắn; ghi đầy đủ, ví dụ \"0229 3871 000\".")
            return nil
        }
        return phone
    }

    /// An id as the vacancy format allows: ASCII letters, digits and hyphens, not starting with one.
    package mutating func identifier(_ fields: Fields, example: String) -> String? {
        guard let id = string(fields, "id") else { return nil }
        guard Vacancy.isValidID(id), id.utf8.count <= Vacancy.maximumIDLength else {
            sink.error(.invalidID, at: fields.values["id"].flatMap(position),
                       "Mã “\(id)” chỉ được gồm chữ cái không dấu, chữ số và dấu gạch ngang (-), không quá \(Vacancy.maximumIDLength) ký tự, ví dụ \(example).")
            return nil
        }
        return id
    }

    /// An optional text field.
    mutating func optionalString(_ fields: Fields, _ key: String) -> String? {
        fields.values[key] == nil ? nil : string(fields, key)
    }

    /// An optional name from communes.yml.
    package mutating func commune(_ fields: Fields, _ key: String, in communes: TermList) -> Term? {
        guard let name = optionalString(fields, key) else { return nil }
        return term(name, in: communes, kind: "Xã/phường", file: "communes.yml", code: .unknownCommune, at: fields.values[key].flatMap(position))
    }

    /// A name of a controlled list, with the closest one suggested when it is not there.
    package mutating func term(_ name: String, in list: TermList, kind: String, file: String, code: DiagnosticCode,
                       at position: SourcePosition?) -> Term? {
        if let term = list.lookup(name) { return term }
        sink.error(code, at: position, "\(kind) “\(name)” không có trong \(file)." + (list.suggestion(for: name).map { " Có phải là “\($0)”?" } ?? ""))
        return nil
    }
}
