/// The vacancy files already in the content folder, as an import row finds the one it updates: by
/// its id (Mã tin), or, for a row without one, by employer, title and commune together.
struct ExistingVacancies {
    struct File {
        var source: SourceFile
        var id: String?
        var status: String?
        var root: YAMLNode?
    }

    private(set) var files: [File] = []
    private var byID: [String: Int] = [:]
    private var byKey: [String: [Int]] = [:]

    init(_ sources: [SourceFile], communes: TermList) {
        for source in sources {
            var sink = DiagnosticSink(path: source.displayPath)
            let root = (try? FrontMatter.split(source.text)).flatMap { YAMLDocument.parse($0.yaml, firstLine: $0.yamlFirstLine, sink: &sink) }
            let id = root?["id"]?.string ?? NewVacancy.idLine(in: source.text)
            let index = files.count
            files.append(File(source: source, id: id, status: root?["status"]?.string, root: root))
            if let id { byID[id.lowercased()] = byID[id.lowercased()] ?? index }
            if let root, let title = root["title"]?.string, let employer = root["employer"]?["name"]?.string,
               let commune = root["location"]?["commune"]?.string.flatMap(communes.lookup) {
                byKey[Self.key(employer: employer, title: title, commune: commune), default: []].append(index)
            }
        }
    }

    /// Every id in use, lower-cased.
    var ids: Set<String> { Set(byID.keys) }

    func file(id: String) -> File? { byID[id.lowercased()].map { files[$0] } }

    /// The files of this employer, title and commune (more than one: the row must give its Mã tin).
    func files(employer: String, title: String, commune: Term) -> [File] {
        (byKey[Self.key(employer: employer, title: title, commune: commune)] ?? []).map { files[$0] }
    }

    /// Names compared as people read them: case, Unicode form and spacing aside, diacritics kept
    /// ("Thợ may" is not "Thợ máy").
    static func key(employer: String, title: String, commune: Term) -> String {
        func normal(_ text: String) -> String {
            FieldReader.cleaned(text).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return normal(employer) + "\u{1F}" + normal(title) + "\u{1F}" + commune.name
    }
}
