import PhienchoCore

extension EmployerProfile {
    /// Reads `employers.yml`: a list of `{name, kind, description, website, recognised}`; names
    /// unique (ignoring case and Unicode form, as they are matched).
    static func decodeList(_ file: SourceFile) -> ([EmployerProfile]?, [Diagnostic]) {
        var reader = FieldReader(path: file.displayPath, firstLine: 1)
        guard let root = YAMLDocument.parse(file.text, firstLine: 1, sink: &reader.sink) else {
            if reader.sink.diagnostics.isEmpty { return ([], []) }
            return (nil, reader.sink.diagnostics)
        }
        guard let sequence = root.sequence else {
            reader.sink.error(.wrongType, at: reader.position(root), "Tệp phải là một danh sách, mỗi đơn vị một mục bắt đầu bằng “- name: …”.")
            return (nil, reader.sink.diagnostics)
        }
        var profiles: [EmployerProfile] = []
        var seen: [String: String] = [:]
        for item in sequence {
            guard let fields = reader.fields(item, name: "", allowed: ["name", "kind", "description", "website", "recognised"],
                                             required: ["name", "kind"]) else { continue }
            let name = reader.string(fields, "name")
            let kind = reader.choice(fields, "kind", ["doanh_nghiep": Kind.company, "hop_tac_xa": .cooperative,
                                                      "ho_kinh_doanh": .household, "ca_nhan": .person])
            let description = reader.optionalString(fields, "description")
            let website = reader.optionalString(fields, "website")
            if let website, !Vacancy.isWebURL(website) {
                reader.sink.error(.invalidURL, at: fields.values["website"].flatMap(reader.position),
                                  "Trang web của đơn vị phải bắt đầu bằng https:// hoặc http://.")
            }
            let recognised = fields.values["recognised"] == nil ? false : reader.boolean(fields, "recognised")
            let position = fields.values["name"].flatMap(reader.position)
            if let name, Slug.path(name).isEmpty {
                reader.sink.error(.invalidChoice, at: position, "Tên “\(name)” phải có ít nhất một chữ cái hoặc chữ số.")
                continue
            }
            if let name, let other = seen[Slug.path(name)] {
                reader.sink.error(.duplicateName, at: position, "Đơn vị “\(name)” trùng với “\(other)” ở trên (cùng địa chỉ trang). Mỗi đơn vị chỉ khai báo một lần.")
                continue
            }
            if let name { seen[Slug.path(name)] = name }
            guard let name, let kind, let recognised else { continue }
            let html = description.map { Markdown.render($0, firstLine: nil, sink: &reader.sink).html }
            profiles.append(EmployerProfile(name: name, kind: kind, descriptionHTML: html, website: website, recognised: recognised,
                                            position: position))
        }
        return (reader.sink.hasErrors ? nil : profiles, reader.sink.diagnostics)
    }
}
