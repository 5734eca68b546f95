import Foundation
import PhienchoContent
import PhienchoCore
import PhienchoModel

/// Builds the site. `build()` reads as the list of stages data flows through, in order, on a
/// `StageRunner`: check the output → load → parse and validate → select what is published at `now`
/// → project to public fields → render pages → derive feeds, search index, sitemap → audit for
/// seeker data → write atomically. `phiencho check` runs the stages up to select (`ContentCheck`),
/// `phiencho audit` the audit of a built folder (`OutputAudit`).
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

        package init(content: Folder, themes: Folder, output: Folder, baseURL: String? = nil, now: LocalDate? = nil,
                     force: Bool = false) {
            self.content = content
            self.themes = themes
            self.output = output
            self.baseURL = baseURL
            self.now = now
            self.force = force
        }
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
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
              let loaded = run.run(.load, contentStages.load) else { return run.finish() }
        // 2. Parse front matter and Markdown, validate into typed values.
        let validated = run.run(.validate(files: loaded.filesRead)) { contentStages.validate(loaded, into: &$0) }
        run.free(consume loaded)
        guard let validated, let catalog = validated.catalog,
              // Select what is published at `now`.
              let publication = run.run(.select, { contentStages.select(catalog, into: &$0) }),
              // Project to the public fields: nothing else reaches the stages below.
              let publicSite = run.run(.project, { _ in PublicSite(catalog: catalog, publication: publication) }) else { return run.finish() }
        // The seeker records are read and compiled for the audit meanwhile.
        let preparedAudit = run.inBackground { [content = options.content, allow = catalog.site.auditAllow] in
            PreparedLeakAudit(content: content, allow: allow)
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

    /// Load, parse and validate, select: the stages `check` shares.
    var contentStages: ContentStages { ContentStages(content: options.content, baseURL: options.baseURL, now: options.now) }
}
