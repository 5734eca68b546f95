import Foundation
import PhienchoContent
import PhienchoCore
import PhienchoModel
import PhienchoOutput
import PhienchoPublication
import PhienchoRender

/// The stages of `Site.build()`, each a function from what the stage before produced to what it
/// produces, reporting into the run's `BuildReport`; a stage that returns nil, or reports an
/// error, stops the run (`StageRunner`).
extension Site {
    /// What the render stage produced and the write stage needs.
    struct Rendered {
        var files: [OutputFile]
        let writer: OutputWriter
        let staging: OutputStaging
        /// Kept to be freed with the rest (`StageRunner.free`): it holds every open vacancy's card.
        let renderer: SiteRenderer
    }

    /// Stage 0: the output folder may be replaced (`OutputGuard`).
    func checkOutput(into report: inout BuildReport) -> Void? {
        report.diagnostics += OutputGuard(content: options.content, themes: options.themes, output: options.output,
                                          force: options.force).problems()
        return ()
    }

    /// Every page through the theme, while the staging folder's folders are made from the pages'
    /// paths on a thread of their own.
    func render(_ site: PublicSite, theme name: String) throws(Diagnostics) -> Rendered {
        let theme = try Theme.load(themesDirectory: options.themes.url, name: name, displayRoot: options.themes.shown)
        let renderer = SiteRenderer(site: site, theme: theme)
        let writer = OutputWriter(output: options.output.url)
        let staging: OutputStaging
        do {
            staging = try writer.stage(folders: renderer.pagePaths() + theme.assetFiles.map(\.path))
        } catch {
            throw Diagnostics([Diagnostic(.error, .outputProblem, path: options.output.url.path, error.description)])
        }
        // Every kind of page, in the order of `PageKind`.
        var files = PageKind.allCases.flatMap { $0.render(renderer) }
        files += theme.assetFiles
        return Rendered(files: files, writer: writer, staging: staging, renderer: renderer)
    }

    /// The search index, the feeds, the sitemap and robots.txt.
    func derive(_ site: PublicSite) -> [OutputFile] {
        let feeds = SiteFeeds(site: site)
        return SearchIndex(vacancies: site.open, events: site.upcomingEvents, trainings: site.openTrainings, synonyms: site.synonyms).files() + feeds.renderFeeds() + [feeds.renderSitemap(), feeds.renderRobots()]
    }

    /// No seeker data in any file; else the staging folder is removed and nothing is written.
    /// The synonym list is read whole too: the index holds its phrases only as separate words, so a
    /// name put in it would reach the site unseen.
    func audit(_ rendered: Rendered, synonyms: SynonymList, _ prepared: PreparedLeakAudit, into report: inout BuildReport) -> Void? {
        guard let audit = prepared.audit(into: &report), report.succeeded else {
            rendered.staging.discard()
            return nil
        }
        let findings = audit.audit(rendered.files + [OutputFile(path: Routes.searchIndex, data: Data(synonyms.text.utf8))])
        guard findings.isEmpty else {
            report.diagnostics += audit.diagnostics(for: findings, outputDisplay: options.output.shown, content: ContentStages.sourceFiles(in: options.content))
            rendered.staging.discard()
            return nil
        }
        return ()
    }

    /// Fills the staging folder and swaps it into place (`OutputWriter`).
    func write(_ rendered: Rendered, into report: inout BuildReport) -> Void? {
        do {
            report.written = try rendered.writer.write(rendered.files, into: rendered.staging)
            report.pagesWritten = rendered.files.count(where: { $0.path.hasSuffix(".html") })
        } catch {
            report.diagnostics.append(Diagnostic(.error, .outputProblem, path: options.output.url.path, error.description))
        }
        return ()
    }
}
