import Foundation
import PhienchoAudit
import PhienchoContent
import PhienchoCore
import PhienchoModel

/// Builds the site. `build()` reads as the list of stages data flows through, in order, on a
/// `StageRunner`: check the output → load → parse and validate → select what is published at `now`
/// → project to public fields → render pages → derive feeds, search index, sitemap → audit for
/// seeker data → write atomically. `check()` runs the stages up to select, `auditOutput()` the audit
/// of a built folder.
public struct Site {
    public struct Options: Sendable {
        /// The folders, as reached and as named on the command line (for messages).
        package var content: Folder
        package var themes: Folder
        package var output: Folder
        /// Overrides site.yml's base_url (e.g. for a preview server).
        public var baseURL: String?
        /// The day to publish at; default today in the site's time zone.
        public var now: LocalDate?
        /// Told as each build stage starts (the CLI prints it on a terminal); nil: silent.
        public var progress: (@Sendable (BuildStage) -> Void)?
        /// `--force`: replace an output folder that phiencho did not write (`OutputGuard`).
        public var force = false

        public init(contentDirectory: URL, themesDirectory: URL, outputDirectory: URL, baseURL: String? = nil,
                    now: LocalDate? = nil, contentDisplay: String? = nil, themesDisplay: String? = nil,
                    outputDisplay: String? = nil) {
            content = Folder(contentDirectory, shown: contentDisplay ?? contentDirectory.path)
            themes = Folder(themesDirectory, shown: themesDisplay ?? themesDirectory.path)
            output = Folder(outputDirectory, shown: outputDisplay ?? outputDirectory.path)
            self.baseURL = baseURL
            self.now = now
        }
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Validates the content only (the stages up to select); writes nothing.
    public func check() -> BuildReport {
        var run = StageRunner(progress: nil)
        if let loaded = run.run(.load, load),
           let validated = run.run(.validate(files: loaded.filesRead), { validate(loaded, into: &$0) }),
           let catalog = validated.catalog {
            _ = run.run(.select) { select(catalog, into: &$0) }
        }
        return run.finish()
    }

    /// Builds the whole site and swaps it into the output folder; on any error the output folder
    /// is left exactly as it was. The table of contents of a build: each stage takes what the one
    /// before produced; the bodies are in `Site+Stages.swift`. The numbers are those of the
    /// progress lines (`BuildStage`); the steps without one are timed with the stage before.
    public func build() -> BuildReport {
        var run = StageRunner(progress: options.progress, isBuild: true)
        // Only an output folder that may be replaced: never the content, the themes, or a folder
        // phiencho did not write.
        guard run.run(.checkOutput, checkOutput) != nil,
              // 1. Load only site.yml, communes.yml, sectors.yml, vacancies/, pages/.
              let loaded = run.run(.load, load) else { return run.finish() }
        // 2. Parse front matter and Markdown, validate into typed values.
        let validated = run.run(.validate(files: loaded.filesRead)) { validate(loaded, into: &$0) }
        run.free(consume loaded)
        guard let validated, let catalog = validated.catalog,
              // Select what is published at `now`.
              let publication = run.run(.select, { select(catalog, into: &$0) }),
              // Project to the public fields: nothing else reaches the stages below.
              let publicSite = run.run(.project, { _ in PublicSite(catalog: catalog, publication: publication) }) else { return run.finish() }
        // The seeker records are read and compiled for the audit meanwhile.
        let preparedAudit = run.inBackground { [options, allow = catalog.site.auditAllow] in
            Self.prepareLeakAudit(options: options, allow: allow)
        }
        // 3. Render pages; the staging folder's folders are made meanwhile (`OutputStaging`).
        guard var rendered = run.run(.render(vacancies: publication.open.count + publication.expired.count), { _ throws(Diagnostics) in
            try render(publicSite, theme: catalog.site.theme)
        }) else { return run.finish() }
        // 4. Derive the search index, feeds, sitemap and robots.txt.
        _ = run.run(.derive) { _ in rendered.files += derive(publicSite) }
        // 5. Audit: no seeker data in any file, or nothing is written. 6. Write atomically.
        if run.run(.audit(files: rendered.files.count), { audit(rendered, synonyms: publicSite.synonyms, preparedAudit.value, into: &$0) }) != nil {
            _ = run.run(.write(files: rendered.files.count, output: options.output.shown)) { write(rendered, into: &$0) }
        }
        run.free((consume rendered, consume publicSite, consume publication, consume catalog, consume validated))
        return run.finish()
    }

    /// Audits an already built output folder (`phiencho audit`): `audit_allow` from site.yml, the
    /// seekers' patterns, then every file of the folder, hidden ones too (a web server serves
    /// `.well-known/…` like anything else).
    public func auditOutput() -> BuildReport {
        var run = StageRunner(progress: nil)
        guard let allow = run.run(.load, auditAllowList),
              let audit = run.run(.prepareAudit, { leakAudit(allow: allow, into: &$0) }) else { return run.finish() }
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
                report.diagnostics += audit.diagnostics(for: findings, outputDisplay: options.output.shown, content: contentFiles())
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

    /// The content files a page's text comes from, read again (a build has freed them by the audit)
    /// only to trace the audit's findings back to the file and line to fix.
    func contentFiles() -> [SourceFile] {
        let loaded = ContentLoader(contentDirectory: options.content.url, displayRoot: options.content.shown).load()
        return loaded.vacancies + loaded.events + loaded.trainings + loaded.pages
            + [loaded.employers, loaded.synonyms, loaded.siteConfig, loaded.communes, loaded.sectors].compactMap { $0 }
    }

    /// `phiencho audit --explain`: how the audit treats each column of each seeker file, one line per
    /// column, never a value; and the problems of files it cannot read.
    public func explainSeekerColumns() -> (lines: [String], diagnostics: [Diagnostic]) {
        let seekers = SeekerLoader(contentDirectory: options.content.url, displayRoot: options.content.shown).load()
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

    /// The leak audit over the seeker records, or nil (with diagnostics) when a seeker file is unreadable.
    private func leakAudit(allow: [String], into report: inout BuildReport) -> LeakAudit? {
        Self.prepareLeakAudit(options: options, allow: allow).audit(into: &report)
    }

    /// Loading the seeker records and compiling their patterns, which needs nothing but the seeker
    /// files and `audit_allow`: `build` does it in the background while pages are rendered.
    static func prepareLeakAudit(options: Options, allow: [String]) -> PreparedLeakAudit {
        let seekers = SeekerLoader(contentDirectory: options.content.url, displayRoot: options.content.shown).load()
        guard seekers.diagnostics.isEmpty else { return PreparedLeakAudit(audit: nil, seekers: seekers) }
        return PreparedLeakAudit(audit: LeakAudit(patterns: LeakPatterns(records: seekers.records, allowed: allow), allowed: allow),
                                 seekers: seekers)
    }

    struct PreparedLeakAudit: Sendable {
        let audit: LeakAudit?
        let seekers: (records: [SeekerRecord], diagnostics: [Diagnostic])

        func audit(into report: inout BuildReport) -> LeakAudit? {
            report.diagnostics += seekers.diagnostics
            report.seekerRecords = seekers.records.count
            return audit
        }
    }

    func now(for catalog: Catalog) -> LocalDate {
        options.now ?? LocalDate.today(in: catalog.site.timeZone)
    }
}
