import Foundation
import PhienchoCore
import PhienchoContent

/// What the staff commands that write content files (`new`, `import`) need first: the content
/// folder as loaded, and site.yml, communes.yml and sectors.yml valid. A problem in a vacancy or
/// page file does not stop them; a problem in those three files does.
struct ContentSettings {
    var loaded: ContentLoader.Loaded
    var site: SiteConfig
    var communes: TermList
    var sectors: TermList

    /// The settings, or the errors (site.yml, communes.yml, sectors.yml, the folder) that stop a command.
    static func load(content: Folder) -> Result<ContentSettings, Diagnostics> {
        let loaded = ContentLoader(contentDirectory: content.url, displayRoot: content.shown).load()
        let settings = Set([content.shown] + ["site.yml", "communes.yml", "sectors.yml"].map(content.shown))
        var problems = loaded.diagnostics.filter { $0.severity == .error && settings.contains($0.path) }
        let site = loaded.siteConfig.flatMap { file -> SiteConfig? in
            let (config, diagnostics) = SiteConfig.decode(file, baseURLOverride: nil)
            problems += diagnostics.filter { $0.severity == .error }
            return config
        }
        let communes = loaded.communes.flatMap { file -> TermList? in
            let (list, diagnostics) = TermList.decode(file, isCommunes: true)
            problems += diagnostics.filter { $0.severity == .error }
            return list
        }
        let sectors = loaded.sectors.flatMap { file -> TermList? in
            let (list, diagnostics) = TermList.decode(file, isCommunes: false)
            problems += diagnostics.filter { $0.severity == .error }
            return list
        }
        guard problems.isEmpty, let site, let communes, let sectors, !communes.terms.isEmpty, !sectors.terms.isEmpty else {
            return .failure(Diagnostics(problems.sorted()))
        }
        return .success(ContentSettings(loaded: loaded, site: site, communes: communes, sectors: sectors))
    }
}
