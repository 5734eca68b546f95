import PhienchoCore

/// `phiencho check`: the content's problems, read as a build reads them (the stages up to select
/// on the same runner); writes nothing and needs neither themes nor an output folder.
public struct ContentCheck {
    public struct Options: Sendable {
        package var content: Folder
        /// The day to check at; default today in the site's time zone.
        public var now: LocalDate?

        package init(content: Folder, now: LocalDate? = nil) {
            self.content = content
            self.now = now
        }
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    public func run() -> BuildReport {
        let stages = ContentStages(content: options.content, baseURL: nil, now: options.now)
        var run = StageRunner(progress: nil)
        if let loaded = run.run(.load, stages.load),
           let validated = run.run(.validate(files: loaded.filesRead), { stages.validate(loaded, into: &$0) }),
           let catalog = validated.catalog {
            _ = run.run(.select) { stages.select(catalog, into: &$0) }
        }
        return run.finish()
    }
}
