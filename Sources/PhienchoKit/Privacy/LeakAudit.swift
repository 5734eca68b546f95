import Foundation

/// The audit stage: searches every output file for seeker data before anything reaches the output
/// path (and, through `phiencho audit`, in an already built folder). Each file is searched as the
/// text a reader sees (entities decoded, tags stripped) and as the markup inside its tags (attribute
/// values, entities decoded), both folded; digits are compared without spaces, dots and hyphens. Any 12-digit CCCD-shaped number is a finding too.
/// Findings name the output file, the seeker file, the record and the column — never the value.
public struct LeakAudit: Sendable {
    public struct Finding: Sendable, Hashable, Comparable {
        public let outputPath: String
        /// Nil for a CCCD-shaped number that matches no record.
        public let source: LeakPatterns.Source?

        public static func < (lhs: Finding, rhs: Finding) -> Bool {
            (lhs.outputPath, lhs.source?.file ?? "", lhs.source?.reference ?? "", lhs.source?.column ?? "")
                < (rhs.outputPath, rhs.source?.file ?? "", rhs.source?.reference ?? "", rhs.source?.column ?? "")
        }
    }

    let patterns: LeakPatterns
    let words: AhoCorasick
    let digits: AhoCorasick
    /// 12-digit runs reviewed as allowed (e.g. a hotline that happens to be 12 digits), as numbers.
    let allowedDigitRuns: Set<UInt64>

    public init(patterns: LeakPatterns, allowed: [String] = []) {
        self.patterns = patterns
        words = AhoCorasick(patterns: patterns.wordPatterns, alphabet: .words)
        digits = AhoCorasick(patterns: patterns.digitPatterns, alphabet: .digits)
        allowedDigitRuns = Set(allowed.compactMap { text in
            let run = AuditText(text.unicodeScalars).digits.dropFirst().dropLast()
            return run.count == 12 ? run.reduce(0) { $0 * 10 + UInt64($1 - UInt8(ascii: "0")) } : nil
        })
    }

    /// Audits files in parallel; findings sorted.
    public func audit(_ files: [OutputFile]) -> [Finding] {
        parallelMap(files) { file in audit(path: file.path, data: file.data) }.flatMap { $0 }.sorted()
    }

    public func audit(path: String, data: Data) -> [Finding] {
        let scans = words.transitions.withUnsafeBufferPointer { wordTable in
            digits.transitions.withUnsafeBufferPointer { digitTable in
                var visible = AuditFolder(AuditScan(words: wordTable, digits: digitTable))
                var markup = AuditFolder(AuditScan(words: wordTable, digits: digitTable))
                data.withUnsafeBytes { AuditText.readerViews(of: $0.bindMemory(to: UInt8.self), visible: &visible, markup: &markup) }
                return [visible.finish(), markup.finish()]
            }
        }
        var findings: Set<Finding> = []
        for scan in scans {
            for pattern in Set(scan.words.flatMap(words.patterns(endingAt:))) {
                for source in patterns.wordSources[pattern] { findings.insert(Finding(outputPath: path, source: source)) }
            }
            for pattern in Set(scan.digits.flatMap(digits.patterns(endingAt:))) {
                for source in patterns.digitSources[pattern] { findings.insert(Finding(outputPath: path, source: source)) }
            }
            if scan.citizenIDShapes.contains(where: { !allowedDigitRuns.contains($0) }) {
                findings.insert(Finding(outputPath: path, source: nil))
            }
        }
        // A CCCD-shaped number already traced to a record needs no second, vaguer finding.
        if findings.contains(where: { $0.source != nil && SensitiveColumn.classify($0.source!.column) == .idNumber }) {
            findings.remove(Finding(outputPath: path, source: nil))
        }
        return Array(findings)
    }

    /// Diagnostics for staff, in Vietnamese; `outputDisplay` is how the output folder is named.
    public static func diagnostics(for findings: [Finding], outputDisplay: String) -> [Diagnostic] {
        findings.map { finding in
            let path = (outputDisplay.hasSuffix("/") ? outputDisplay : outputDisplay + "/") + finding.outputPath
            guard let source = finding.source else {
                return Diagnostic(.error, .citizenIDShape, path: path,
                    "Tệp này chứa một dãy 12 chữ số giống số CCCD. Hãy xóa số đó khỏi tin tuyển dụng; nếu chắc chắn không phải số CCCD, thêm nó vào “audit_allow” trong site.yml.")
            }
            return Diagnostic(.error, .seekerDataLeak, path: path,
                "Tệp này chứa thông tin của người tìm việc: cột “\(source.column)” của hồ sơ \(source.reference) trong \(source.file). Hãy xóa thông tin đó khỏi tin tuyển dụng hoặc trang. Nếu đã kiểm tra và chắc chắn là trùng hợp, thêm giá trị vào “audit_allow” trong site.yml.")
        }
    }
}
