/// The audit's findings as staff read them, in Vietnamese: where, which record and column(s), and
/// the exact `audit_allow` line that accepts a reviewed coincidence — never a seeker's value.
extension LeakAudit {
    /// `outputDisplay` is how the output folder is named.
    public static func diagnostics(for findings: [Finding], outputDisplay: String) -> [Diagnostic] {
        findings.map { finding in
            let path = (outputDisplay.hasSuffix("/") ? outputDisplay : outputDisplay + "/") + finding.outputPath
            guard let source = finding.source else {
                return Diagnostic(.error, .citizenIDShape, path: path,
                    "Tệp này chứa một dãy 12 chữ số giống số CCCD. Hãy xóa số đó khỏi tin tuyển dụng; nếu chắc chắn không phải số CCCD, thêm nó vào “audit_allow” trong site.yml.")
            }
            let allowLine = "- \"\(source.reference)/\(source.column)\""
            let what: String
            if let companion = finding.companion, SensitiveColumn.classify(companion.column).role == .direct {
                what = "cột “\(source.column)” của hồ sơ \(source.reference) trong \(source.file), đứng cạnh tên gọi của người đó (cột “\(companion.column)”); gộp lại chúng chỉ ra người đó"
            } else if let companion = finding.companion {
                what = "cùng lúc cột “\(source.column)” và cột “\(companion.column)” của hồ sơ \(source.reference) trong \(source.file); riêng từng thông tin thì không sao, nhưng gộp lại chúng có thể chỉ ra người đó. Xóa một trong hai là đủ"
            } else {
                what = "cột “\(source.column)” của hồ sơ \(source.reference) trong \(source.file)"
            }
            return Diagnostic(.error, .seekerDataLeak, path: path,
                "Tệp này chứa thông tin của người tìm việc: \(what). Hãy xóa thông tin đó khỏi tin tuyển dụng hoặc trang. Nếu đã kiểm tra và chắc chắn chỉ là trùng hợp, thêm dòng \(allowLine) vào “audit_allow” trong site.yml.")
        }
    }
}
