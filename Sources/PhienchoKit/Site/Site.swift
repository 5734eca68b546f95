import Foundation

/// Builds the site. `build()` reads as the list of stages data flows through, in order:
/// load → parse and validate → select what is published at `now` → project to public fields →
/// render pages → derive feeds, search index, sitemap → audit for seeker data → write atomically.
public struct Site {
    public struct Options: Sendable {
        public var contentDirectory: URL
        public var themesDirectory: URL
        public var outputDirectory: URL
        /// Overrides site.yml's base_url (e.g. for a preview server).
        public var baseURL: String?
        /// The day to publish at; default today in the site's time zone.
        public var now: LocalDate?
        /// How the folders were named on the command line, for messages.
        public var contentDisplay: String
        public var themesDisplay: String
        public var outputDisplay: String
        /// Told as each build stage starts (the CLI prints it on a terminal); nil: silent.
        public var progress: (@Sendable (BuildStage) -> Void)?
        /// `--force`: replace an output folder that phiencho did not write (`OutputGuard`).
        public var force = false

        public init(contentDirectory: URL, themesDirectory: URL, outputDirectory: URL, baseURL: String? = nil,
                    now: LocalDate? = nil, contentDisplay: String? = nil, themesDisplay: String? = nil,
                    outputDisplay: String? = nil) {
            self.contentDirectory = contentDirectory
            self.themesDirectory = themesDirectory
            self.outputDirectory = outputDirectory
            self.baseURL = baseURL
            self.now = now
            self.contentDisplay = contentDisplay ?? contentDirectory.path
            self.themesDisplay = themesDisplay ?? themesDirectory.path
            self.outputDisplay = outputDisplay ?? outputDirectory.path
        }
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Validates the content only; writes nothing.
    public func check() -> BuildReport {
        let clock = ContinuousClock.now
        let loaded = ContentLoader(contentDirectory: options.contentDirectory, displayRoot: options.contentDisplay).load()
        let validated = ContentValidator.validate(loaded, baseURLOverride: options.baseURL)
        var report = BuildReport(diagnostics: validated.diagnostics, filesRead: loaded.filesRead)
        if let catalog = validated.catalog {
            report.count(Publication(catalog.vacancies, at: now(for: catalog)))
        }
        report.duration = ContinuousClock.now - clock
        return report
    }

    /// Builds the whole site and swaps it into the output folder; on any error the output folder
    /// is left exactly as it was.
    public func build() -> BuildReport {
        let clock = ContinuousClock.now
        var stageClock = StageClock(progress: options.progress)
        var report = runStages(&stageClock)
        report.stageDurations = stageClock.finish()
        report.duration = ContinuousClock.now - clock
        return report
    }

    private func runStages(_ stageClock: inout StageClock) -> BuildReport {
        var report = BuildReport()

        // 0. Only an output folder that may be replaced: never the content, the themes, or a folder
        // phiencho did not write.
        report.diagnostics = OutputGuard(content: options.contentDirectory, themes: options.themesDirectory,
                                         output: options.outputDirectory, contentDisplay: options.contentDisplay,
                                         themesDisplay: options.themesDisplay, outputDisplay: options.outputDisplay,
                                         force: options.force).problems()
        guard report.succeeded else { return report }

        // 1. Load: only site.yml, communes.yml, sectors.yml, vacancies/, pages/.
        stageClock.start(.load)
        let loaded = ContentLoader(contentDirectory: options.contentDirectory, displayRoot: options.contentDisplay).load()
        report.filesRead = loaded.filesRead
        // 2–3. Parse front matter and Markdown, validate into typed values.
        stageClock.start(.validate(files: loaded.filesRead))
        let validated = ContentValidator.validate(loaded, baseURLOverride: options.baseURL)
        Disposal.release(consume loaded)   // the files' texts, freed in the background (`Disposal`)
        report.diagnostics = validated.diagnostics
        guard let catalog = validated.catalog else { return report }
        // 4. Select what is published at `now`.
        let publication = Publication(catalog.vacancies, at: now(for: catalog))
        report.count(publication)
        // 5. Project to the public fields: nothing else reaches the stages below.
        let publicSite = PublicSite(catalog: catalog, publication: publication)

        // The seeker records are read and compiled for the audit in the background meanwhile.
        let preparedAudit = BackgroundWork { [options, allow = catalog.site.auditAllow] in
            Self.prepareLeakAudit(options: options, allow: allow)
        }

        // 6. Render pages.
        let theme: Theme
        do {
            theme = try Theme.load(themesDirectory: options.themesDirectory, name: catalog.site.theme,
                                   displayRoot: options.themesDisplay)
        } catch {
            guard case .problems(let problems) = error else { return report }
            report.diagnostics += problems
            return report
        }
        stageClock.start(.render(vacancies: publication.open.count + publication.expired.count))
        let renderer = SiteRenderer(site: publicSite, theme: theme)
        // The new tree's folders are made in the background from here on (`OutputStaging`).
        let writer = OutputWriter(output: options.outputDirectory)
        let staging: OutputStaging
        do {
            staging = try writer.stage(folders: renderer.pagePaths() + theme.assetFiles.map(\.path))
        } catch {
            report.diagnostics.append(Diagnostic(.error, .outputProblem, path: options.outputDirectory.path, error.description))
            return report
        }
        var files: [OutputFile] = []
        files += renderer.renderHomeAndListings()
        files += renderer.renderVacancyPages()
        for taxonomy in Taxonomy.allCases { files += renderer.renderTermPages(taxonomy) }
        files += renderer.renderPlainPages()
        files.append(renderer.renderSearchPage())
        files.append(renderer.renderNotFoundPage())
        files += theme.assetFiles

        // 7. Derive the search index, feeds, sitemap and robots.txt.
        stageClock.start(.derive)
        files += SearchIndex(vacancies: publicSite.open).files()
        let feeds = SiteFeeds(site: publicSite)
        files += feeds.renderFeeds()
        files.append(feeds.renderSitemap())
        files.append(feeds.renderRobots())

        // 8. Audit: no seeker data in any file, or nothing is written.
        stageClock.start(.audit(files: files.count))
        let audit = preparedAudit.value.audit(into: &report)
        guard report.succeeded, let audit else { staging.discard(); return report }
        let findings = audit.audit(files)
        guard findings.isEmpty else {
            report.diagnostics += audit.diagnostics(for: findings, outputDisplay: options.outputDisplay, content: contentFiles())
            staging.discard()
            return report
        }

        // 9. Write atomically.
        stageClock.start(.write(files: files.count, output: options.outputDisplay))
        do {
            report.written = try writer.write(files, into: staging)
            report.pagesWritten = files.filter { $0.path.hasSuffix(".html") }.count
        } catch {
            report.diagnostics.append(Diagnostic(.error, .outputProblem, path: options.outputDirectory.path, error.description))
        }
        // Everything above is freed on a thread of its own (`Disposal`): the report does not wait for it.
        Disposal.release((consume files, consume renderer, consume feeds, consume publicSite, consume publication,
                          consume catalog, consume validated))
        return report
    }

    /// Audits an already built output folder (`phiencho audit`).
    public func auditOutput() -> BuildReport {
        let clock = ContinuousClock.now
        var report = BuildReport()
        let loaded = ContentLoader(contentDirectory: options.contentDirectory, displayRoot: options.contentDisplay).loadSiteConfig()
        var allow: [String] = []
        if let file = loaded.siteConfig {
            let (config, problems) = SiteConfig.decode(file, baseURLOverride: nil)
            report.diagnostics += problems
            allow = config?.auditAllow ?? []
        }
        if let audit = leakAudit(allow: allow, into: &report), report.succeeded {
            let root = options.outputDirectory
            // Hidden files too: a web server serves `.well-known/…` like anything else.
            let paths = FileTree.files(under: root.path, includingHidden: true)
            report.filesRead = paths.count
            let results = parallelMap(paths) { path -> [LeakAudit.Finding]? in
                guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
                return audit.audit(path: path, data: data)
            }
            for (path, result) in zip(paths, results) where result == nil {
                report.diagnostics.append(Diagnostic(.error, .outputProblem, path: options.outputDisplay + "/" + path,
                                                     "Không đọc được tệp này nên không kiểm tra được; hãy kiểm tra quyền đọc."))
            }
            let findings = results.compactMap { $0 }.flatMap { $0 }.sorted()
            if !findings.isEmpty {
                report.diagnostics += audit.diagnostics(for: findings, outputDisplay: options.outputDisplay, content: contentFiles())
            }
        }
        report.duration = ContinuousClock.now - clock
        return report
    }

    /// The content files a page's text comes from, read again (a build has freed them by the audit)
    /// only to trace the audit's findings back to the file and line to fix.
    private func contentFiles() -> [SourceFile] {
        let loaded = ContentLoader(contentDirectory: options.contentDirectory, displayRoot: options.contentDisplay).load()
        return loaded.vacancies + loaded.pages + [loaded.siteConfig, loaded.communes, loaded.sectors].compactMap { $0 }
    }

    /// `phiencho audit --explain`: how the audit treats each column of each seeker file, one line per
    /// column, never a value; and the problems of files it cannot read.
    public func explainSeekerColumns() -> (lines: [String], diagnostics: [Diagnostic]) {
        let seekers = SeekerLoader(contentDirectory: options.contentDirectory, displayRoot: options.contentDisplay).load()
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
    private static func prepareLeakAudit(options: Options, allow: [String]) -> PreparedLeakAudit {
        let seekers = SeekerLoader(contentDirectory: options.contentDirectory, displayRoot: options.contentDisplay).load()
        guard seekers.diagnostics.isEmpty else { return PreparedLeakAudit(audit: nil, seekers: seekers) }
        return PreparedLeakAudit(audit: LeakAudit(patterns: LeakPatterns(records: seekers.records, allowed: allow), allowed: allow),
                                 seekers: seekers)
    }

    private struct PreparedLeakAudit: Sendable {
        let audit: LeakAudit?
        let seekers: (records: [SeekerRecord], diagnostics: [Diagnostic])

        func audit(into report: inout BuildReport) -> LeakAudit? {
            report.diagnostics += seekers.diagnostics
            report.seekerRecords = seekers.records.count
            return audit
        }
    }

    private func now(for catalog: Catalog) -> LocalDate {
        options.now ?? LocalDate.today(in: catalog.site.timeZone)
    }
}
