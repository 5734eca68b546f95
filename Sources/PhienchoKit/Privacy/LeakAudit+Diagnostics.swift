import Foundation

/// The audit's findings as staff read them, in Vietnamese: where to fix it (the content file, line
/// and field that produced the text, when one did), the output file, the record and column(s), and
/// the exact `audit_allow` line that accepts a reviewed coincidence — never a seeker's value, not
/// even inside a path: a path segment that holds one (a vacancy id that is a seeker's name) is
/// shown as "…".
extension LeakAudit {
    /// `outputDisplay` is how the output folder is named; `content`, the content files to trace
    /// findings back to (none: the output file is named alone).
    func diagnostics(for findings: [Finding], outputDisplay: String, content: [SourceFile] = []) -> [Diagnostic] {
        let provenance = LeakProvenance(files: content)
        return findings.map { finding in
            let output = redacted((outputDisplay.hasSuffix("/") ? outputDisplay : outputDisplay + "/") + finding.outputPath)
            guard let source = finding.source else {
                return Diagnostic(.error, .citizenIDShape, path: output,
                    "Tệp này chứa một dãy 12 chữ số giống số CCCD. Hãy xóa số đó khỏi tin tuyển dụng; nếu chắc chắn không phải số CCCD, thêm nó vào “audit_allow” trong site.yml.")
            }
            let allowLine = "- \"\(source.reference)/\(source.column)\""
            let seekerFile = redacted(source.file)
            let what: String
            if let companion = finding.companion, SensitiveColumn.classify(companion.column).role == .direct {
                what = "cột “\(source.column)” của hồ sơ \(source.reference) trong \(seekerFile), đứng cạnh tên gọi của người đó (cột “\(companion.column)”); gộp lại chúng chỉ ra người đó"
            } else if let companion = finding.companion {
                what = "cùng lúc cột “\(source.column)” và cột “\(companion.column)” của hồ sơ \(source.reference) trong \(seekerFile); riêng từng thông tin thì không sao, nhưng gộp lại chúng có thể chỉ ra người đó. Xóa một trong hai là đủ"
            } else {
                what = "cột “\(source.column)” của hồ sơ \(source.reference) trong \(seekerFile)"
            }
            let fix = "Hãy xóa thông tin đó khỏi tin tuyển dụng hoặc trang. Nếu đã kiểm tra và chắc chắn chỉ là trùng hợp, thêm dòng \(allowLine) vào “audit_allow” trong site.yml."
            if let evidence = finding.evidence, let location = provenance.locate(evidence), case let path = redacted(location.path) {
                let field = location.field.map { "Trường “\($0)” của tệp này" } ?? "Phần mô tả của tệp này"
                return Diagnostic(.error, .seekerDataLeak, path: path, line: location.line,
                    "\(field) đưa thông tin của người tìm việc vào trang \(output): \(what). \(fix)")
            }
            return Diagnostic(.error, .seekerDataLeak, path: output, "Tệp này chứa thông tin của người tìm việc: \(what). \(fix)")
        }
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
