import Foundation
import PhienchoCore
import PhienchoContent

/// The audit stage: searches every output file for seeker data before anything reaches the output
/// path (and, through `phiencho audit`, in an already built folder). Each file is searched as the
/// text a reader sees (entities decoded, tags stripped) and as the markup inside its tags (attribute
/// values, URLs percent-decoded), both folded; digits are compared without the separators people
/// put between them. What counts is `LeakPatterns`' to say: a direct identifier anywhere, two
/// quasi-identifiers of one record in one file, or one next to the record's given name. Any 12-digit
/// CCCD-shaped number is a finding too. Findings name the output file, the seeker file, the record
/// and the column(s) — never the value.
package struct LeakAudit: Sendable {
    package struct Finding: Sendable, Hashable, Comparable {
        let outputPath: String
        /// Nil for a CCCD-shaped number that matches no record.
        let source: LeakPatterns.Source?
        /// That number, for telling one from another (never shown).
        var citizenIDShape: UInt64? = nil
        /// For quasi-identifiers: the other value of the same record found in the file (another
        /// column, or the name column when the given name stood next to `source`'s value).
        var companion: LeakPatterns.Source? = nil
        /// What was found, normalised, for tracing it back to a content file (`LeakProvenance`);
        /// not part of the finding's identity.
        var evidence: Evidence? = nil

        /// A normalised value as one of the audit's views holds it.
        struct Evidence: Sendable {
            /// In the words view (else the digits view).
            let words: Bool
            let pattern: [UInt8]
        }

        package static func == (lhs: Finding, rhs: Finding) -> Bool {
            (lhs.outputPath, lhs.source, lhs.companion, lhs.citizenIDShape) == (rhs.outputPath, rhs.source, rhs.companion, rhs.citizenIDShape)
        }

        package func hash(into hasher: inout Hasher) {
            hasher.combine(outputPath)
            hasher.combine(source)
            hasher.combine(companion)
            hasher.combine(citizenIDShape)
        }

        package static func < (lhs: Finding, rhs: Finding) -> Bool {
            (lhs.outputPath, lhs.source?.file ?? "", lhs.source?.reference ?? "", lhs.source?.column ?? "", lhs.companion?.column ?? "",
             lhs.citizenIDShape ?? 0)
                < (rhs.outputPath, rhs.source?.file ?? "", rhs.source?.reference ?? "", rhs.source?.column ?? "", rhs.companion?.column ?? "",
                   rhs.citizenIDShape ?? 0)
        }
    }

    let patterns: LeakPatterns
    let words: AhoCorasick
    let digits: AhoCorasick
    /// 12-digit runs reviewed as allowed (e.g. a hotline that happens to be 12 digits), as numbers.
    let allowedDigitRuns: Set<UInt64>

    package init(patterns: LeakPatterns, allowed: [String] = []) {
        self.patterns = patterns
        words = AhoCorasick(patterns: patterns.wordPatterns, alphabet: .words)
        digits = AhoCorasick(patterns: patterns.digitPatterns, alphabet: .digits)
        allowedDigitRuns = Set(allowed.compactMap { text in
            let run = AuditText(text.unicodeScalars).digits.dropFirst().dropLast()
            return run.count == 12 ? run.reduce(0) { $0 * 10 + UInt64($1 - UInt8(ascii: "0")) } : nil
        })
    }

    /// Audits files in parallel; findings sorted.
    package func audit(_ files: [OutputFile]) -> [Finding] {
        parallelMap(files) { file in audit(path: file.path, data: file.data) }.flatMap { $0 }.sorted()
    }

    /// The file's path is read too, segment by segment: a file named after a person or with a phone
    /// number is published like its content. A calendar file is read as a calendar program reads it
    /// (`unfoldedCalendar`).
    package func audit(path: String, data: Data) -> [Finding] {
        let data = path.hasSuffix(".ics") ? Self.unfoldedCalendar(data) : data
        let scans = words.transitions.withUnsafeBufferPointer { wordTable in
            digits.transitions.withUnsafeBufferPointer { digitTable in
                var visible = AuditFolder(AuditScan(words: wordTable, digits: digitTable))
                var markup = AuditFolder(AuditScan(words: wordTable, digits: digitTable))
                data.withUnsafeBytes { AuditText.readerViews(of: $0.bindMemory(to: UInt8.self), visible: &visible, markup: &markup) }
                var name = AuditFolder(AuditScan(words: wordTable, digits: digitTable))
                Array(path.utf8).withUnsafeBufferPointer { name.append(utf8: $0) }
                var named = name.finish()
                // Content hashes in file names are hexadecimal: their digit runs are no CCCD.
                named.forgetCitizenIDShapes()
                return [visible.finish(), markup.finish(), named]
            }
        }
        var findings: Set<Finding> = []
        var quasi: [QuasiHit] = []
        for scan in scans {
            for pattern in Set(scan.words.flatMap(words.patterns(endingAt:))).sorted() {
                let evidence = Finding.Evidence(words: true, pattern: patterns.wordPatterns[pattern])
                for source in patterns.wordSources[pattern] {
                    findings.insert(Finding(outputPath: path, source: source, evidence: evidence))
                }
                for value in patterns.wordQuasi[pattern] { quasi.append(QuasiHit(value: value, pattern: Int32(pattern))) }
            }
            for pattern in Set(scan.digits.flatMap(digits.patterns(endingAt:))).sorted() {
                let evidence = Finding.Evidence(words: false, pattern: patterns.digitPatterns[pattern])
                for source in patterns.digitSources[pattern] {
                    findings.insert(Finding(outputPath: path, source: source, evidence: evidence))
                }
            }
            for shape in scan.citizenIDShapes where !allowedDigitRuns.contains(shape) {
                let digits = Array(String(shape).utf8)
                let evidence = Finding.Evidence(words: false, pattern: [UInt8](repeating: UInt8(ascii: "0"), count: 12 - digits.count) + digits)
                findings.insert(Finding(outputPath: path, source: nil, citizenIDShape: shape, evidence: evidence))
            }
        }
        findings.formUnion(combinations(quasi, path: path, data: data))
        // A CCCD-shaped number already traced to a record needs no second, vaguer finding.
        if findings.contains(where: { $0.source != nil && SensitiveColumn.classify($0.source!.column) == .idNumber }) {
            findings = findings.filter { $0.source != nil }
        }
        return Array(findings)
    }
}
