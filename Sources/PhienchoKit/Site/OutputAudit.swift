import Foundation
import PhienchoAudit
import PhienchoContent
import PhienchoCore

/// `phiencho audit`: an already built output folder searched for seeker data — `audit_allow` from
/// site.yml, the seekers' patterns, then every file of the folder, hidden ones too (a web server
/// serves `.well-known/…` like anything else).
public struct OutputAudit {
    public struct Options: Sendable {
        /// Where site.yml and seekers/ are.
        package var content: Folder
        /// The built site to search.
        package var output: Folder

        package init(content: Folder, output: Folder) {
            self.content = content
            self.output = output
        }
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    public func run() -> BuildReport {
        var run = StageRunner(progress: nil)
        guard let allow = run.run(.load, auditAllowList),
              let audit = run.run(.prepareAudit, { PreparedLeakAudit(content: options.content, allow: allow).audit(into: &$0) })
        else { return run.finish() }
        let root = options.output.url
        let paths = FileTree.files(under: root.path, includingHidden: true)
        _ = run.run(.audit(files: paths.count)) { report -> Void? in
            report.filesRead = paths.count
            let results = parallelMap(paths) { path -> [LeakAudit.Finding]? in
                guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
                return audit.audit(path: path, data: data)
            }
            for (path, result) in zip(paths, results) where result == nil {
                report.diagnostics.append(Diagnostic(.error, .outputProblem, path: options.output.shown(path),
                                                     "Không đọc được tệp này nên không kiểm tra được; hãy kiểm tra quyền đọc."))
            }
            let findings = results.compactMap { $0 }.flatMap { $0 }.sorted()
            if !findings.isEmpty {
                report.diagnostics += audit.diagnostics(for: findings, outputDisplay: options.output.shown,
                                                        content: ContentStages.sourceFiles(in: options.content))
            }
            return ()
        }
        return run.finish()
    }

    /// `audit_allow` of site.yml (none without a site.yml; its problems are reported).
    private func auditAllowList(into report: inout BuildReport) -> [String]? {
        let loaded = ContentLoader(contentDirectory: options.content.url, displayRoot: options.content.shown).loadSiteConfig()
        guard let file = loaded.siteConfig else { return [] }
        let (config, problems) = SiteConfig.decode(file, baseURLOverride: nil)
        report.diagnostics += problems
        return config?.auditAllow ?? []
    }

    /// `phiencho audit --explain`: how the audit treats each column of each seeker file, one line per
    /// column, never a value; and the problems of files it cannot read.
    package static func explainSeekerColumns(in content: Folder) -> (lines: [String], diagnostics: [Diagnostic]) {
        let seekers = SeekerLoader(contentDirectory: content.url, displayRoot: content.shown).load()
        var lines: [String] = []
        var files: [(file: String, columns: [String], records: Int)] = []
        for record in seekers.records {
            if files.last?.file != record.file { files.append((record.file, [], 0)) }
            files[files.count - 1].records += 1
            for field in record.fields where !files[files.count - 1].columns.contains(field.column) {
                files[files.count - 1].columns.append(field.column)
            }
        }
        for file in files {
            lines.append("\(file.file) (\(file.records) hồ sơ):")
            for column in file.columns {
                lines.append("  “\(column)”: \(SensitiveColumn.classify(column).explanation)")
            }
        }
        return (lines, seekers.diagnostics)
    }
}
