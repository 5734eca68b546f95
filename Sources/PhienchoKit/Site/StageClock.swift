#if canImport(Glibc)
import Glibc
#endif
import PhienchoCore

/// Tells `progress` as each build stage starts and measures how long each one took, in wall time
/// and in CPU time of all threads (`phiencho build --timings`, the benchmark).
struct StageClock {
    private let progress: (@Sendable (BuildStage) -> Void)?
    private var current: (stage: BuildStage, start: ContinuousClock.Instant, cpu: Duration)?
    private var finished: [BuildReport.StageDuration] = []

    init(progress: (@Sendable (BuildStage) -> Void)?) {
        self.progress = progress
    }

    mutating func start(_ stage: BuildStage) {
        stopCurrent()
        progress?(stage)
        current = (stage, .now, Self.processCPUTime())
    }

    mutating func finish() -> [BuildReport.StageDuration] {
        stopCurrent()
        return finished
    }

    private mutating func stopCurrent() {
        guard let current else { return }
        finished.append(.init(stage: current.stage, duration: ContinuousClock.now - current.start,
                             cpu: Self.processCPUTime() - current.cpu))
        self.current = nil
    }

    /// User plus system time of the whole process so far.
    private static func processCPUTime() -> Duration {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func duration(_ time: timeval) -> Duration { .seconds(time.tv_sec) + .microseconds(time.tv_usec) }
        return duration(usage.ru_utime) + duration(usage.ru_stime)
    }
}
