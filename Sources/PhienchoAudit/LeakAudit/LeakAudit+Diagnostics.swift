import Foundation
import PhienchoCore
import PhienchoContent

/// The audit's findings as staff read them, in Vietnamese: one line per cause — a record's column
/// (with the value it was found beside), or one CCCD-shaped number — however many pages it reached,
/// with where to fix it (the content file, line and field that produced the text, when one did),
/// how many pages and which, the record and column(s), and the exact `audit_allow` line that accepts
/// a reviewed coincidence. Never a seeker's value, not even inside a path: a path segment that holds
/// one (a vacancy id that is a seeker's name) is shown as "…".
extension LeakAudit {
    /// What one line tells: the same value of the same record, or the same number.
    struct Cause: Hashable {
        let source: LeakPatterns.Source?
        let companion: LeakPatterns.Source?
        let citizenIDShape: UInt64?

        init(_ finding: Finding) {
            (source, companion, citizenIDShape) = (finding.source, finding.companion, finding.citizenIDShape)
        }
    }

    /// How many pages a line names before it counts the rest.
    static let pagesNamed = 3

    /// `outputDisplay` is how the output folder is named; `content`, the content files to trace
    /// findings back to (none: the output files are named alone). The content is searched once per
    /// cause, not once per page.
    package func diagnostics(for findings: [Finding], outputDisplay: String, content: [SourceFile] = []) -> [Diagnostic] {
        var order: [Cause] = []
        var pages: [Cause: [Finding]] = [:]
        for finding in findings.sorted() {
            let cause = Cause(finding)
            if pages[cause] == nil { order.append(cause) }
            pages[cause, default: []].append(finding)
        }
        let evidence = order.map { pages[$0]![0].evidence ?? Finding.Evidence(words: true, pattern: []) }
        let locations = LeakProvenance(files: content).locate(evidence)
        return zip(order, locations).map { cause, location in
            // Pages first (what staff recognise), then feeds and other files.
            let paths = pages[cause]!.map(\.outputPath).sorted { ($0.hasSuffix(".html") ? 0 : 1, $0) < ($1.hasSuffix(".html") ? 0 : 1, $1) }
            let shown = paths.prefix(Self.pagesNamed).map { redacted(Folder.join(outputDisplay, $0)) }
            let named = shown.joined(separator: ", ")
            let rest = paths.count > Self.pagesNamed ? " và \(paths.count - Self.pagesNamed) tệp khác" : ""
            let reached = paths.count == 1 ? "trang \(named)" : "\(paths.count) tệp: \(named)\(rest)"
            return diagnostic(cause, reached: reached, at: location, firstOutput: shown[0])
        }
    }

    private func diagnostic(_ cause: Cause, reached: String, at location: LeakProvenance.Location?, firstOutput: String) -> Diagnostic {
        guard let source = cause.source else {
            let text = "Một dãy 12 chữ số giống số CCCD nằm trong \(reached). Hãy xóa số đó khỏi tin tuyển dụng; nếu chắc chắn không phải số CCCD, thêm nó vào “audit_allow” trong site.yml."
            if let location { return Diagnostic(.error, .citizenIDShape, path: redacted(location.path), line: location.line, text) }
            return Diagnostic(.error, .citizenIDShape, path: firstOutput, text)
        }
        let allowLine = "- \"\(source.reference)/\(source.column)\""
        let seekerFile = redacted(source.file)
        let what: String
        if let companion = cause.companion, SensitiveColumn.classify(companion.column).role == .direct {
            what = "cột “\(source.column)” của hồ sơ \(source.reference) trong \(seekerFile), đứng cạnh tên gọi của người đó (cột “\(companion.column)”); gộp lại chúng chỉ ra người đó"
        } else if let companion = cause.companion {
            what = "cùng lúc cột “\(source.column)” và cột “\(companion.column)” của hồ sơ \(source.reference) trong \(seekerFile); riêng từng thông tin thì không sao, nhưng gộp lại chúng có thể chỉ ra người đó. Xóa một trong hai là đủ"
        } else {
            what = "cột “\(source.column)” của hồ sơ \(source.reference) trong \(seekerFile)"
        }
        let fix = "Hãy xóa thông tin đó khỏi tin tuyển dụng hoặc trang. Nếu đã kiểm tra và chắc chắn chỉ là trùng hợp, thêm dòng \(allowLine) vào “audit_allow” trong site.yml."
        if let location {
            let field = location.field.map { "Trường “\($0)” của tệp này" } ?? "Phần mô tả của tệp này"
            return Diagnostic(.error, .seekerDataLeak, path: redacted(location.path), line: location.line,
                              "\(field) đưa thông tin của người tìm việc vào \(reached): \(what). \(fix)")
        }
        return Diagnostic(.error, .seekerDataLeak, path: firstOutput, "Thông tin của người tìm việc nằm trong \(reached): \(what). \(fix)")
    }

    /// `path` with every segment that holds a direct identifier replaced by "…".
    func redacted(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            let text = Data(String(segment).replacingOccurrences(of: "-", with: " ").utf8)
            let revealing = audit(path: "", data: text).contains { $0.source != nil && $0.companion == nil }
            return revealing ? "…" : String(segment)
        }.joined(separator: "/")
    }
}
