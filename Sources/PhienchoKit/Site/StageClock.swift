/// Tells `progress` as each build stage starts and measures how long each one took
/// (`phiencho build --timings`, the benchmark).
struct StageClock {
    private let progress: (@Sendable (BuildStage) -> Void)?
    private var current: (stage: BuildStage, start: ContinuousClock.Instant)?
    private var finished: [BuildReport.StageDuration] = []

    init(progress: (@Sendable (BuildStage) -> Void)?) {
        self.progress = progress
    }

    mutating func start(_ stage: BuildStage) {
        stopCurrent()
        progress?(stage)
        current = (stage, .now)
    }

    mutating func finish() -> [BuildReport.StageDuration] {
        stopCurrent()
        return finished
    }

    private mutating func stopCurrent() {
        guard let current else { return }
        finished.append(.init(stage: current.stage, duration: ContinuousClock.now - current.start))
        self.current = nil
    }
}
