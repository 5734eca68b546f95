import PhienchoCore
import PhienchoModel
import PhienchoContent

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
    /// Files by employer and commune, for titles close to a row's (`similar`).
    private var byPlace: [String: [Int]] = [:]

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
                byPlace[Self.key(employer: employer, title: "", commune: commune), default: []].append(index)
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

    /// The files of this employer and commune whose title is close to `title` but not the same
    /// (`isClose`): most often one vacancy whose title was edited in its file or in the sheet.
    func similar(employer: String, title: String, commune: Term) -> [File] {
        (byPlace[Self.key(employer: employer, title: "", commune: commune)] ?? []).map { files[$0] }.filter { file in
            guard let other = file.root?["title"]?.string else { return false }
            return Self.isClose(other, title)
        }
    }

    /// Two titles of one vacancy as people edit them: the same letters without diacritics, one's
    /// words all in the other ("Thợ hàn" and "Thợ hàn cửa sắt"), or a few letters apart.
    static func isClose(_ a: String, _ b: String) -> Bool {
        let (x, y) = (VietnameseFolding.fold(a), VietnameseFolding.fold(b))
        let (wordsX, wordsY) = (Set(x.split(separator: " ")), Set(y.split(separator: " ")))
        if x == y || (!wordsX.isEmpty && !wordsY.isEmpty && (wordsX.isSubset(of: wordsY) || wordsY.isSubset(of: wordsX))) { return true }
        return Suggestion.editDistance(Array(x), Array(y)) <= max(2, min(x.count, y.count) / 4)
    }

    /// Names compared as people read them: case, Unicode form and spacing aside, diacritics kept
    /// ("Thợ may" is not "Thợ máy").
    static func key(employer: String, title: String, commune: Term) -> String {
        let normal = ImportedRow.FieldValue.meaning
        return normal(employer) + "\u{1F}" + normal(title) + "\u{1F}" + commune.name
    }
}
