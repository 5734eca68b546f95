import Foundation
import PhienchoCore
import PhienchoOutput

/// Runs the stages of a `build`, a `check` or an `audit` in order (`Site`): starts each stage's
/// clock and progress line — the labels `--timings` prints are the same `BuildStage`s —, gathers
/// what each stage reports, and stops at the first stage that ends with an error. Work that can
/// overlap the stages after it runs on a thread of its own (`inBackground`), large values are
/// freed off the path to the report (`free`), and the report carries the exit status
/// (`BuildReport.exitStatus`).
struct StageRunner {
    private(set) var report = BuildReport()
    private var clock: StageClock
    private let started = ContinuousClock.now

    init(progress: (@Sendable (BuildStage) -> Void)?, isBuild: Bool = false) {
        clock = StageClock(progress: progress)
        report.isBuild = isBuild
    }

    /// Runs `body` as `stage` (nil: no line of its own, timed with the stage before), with the
    /// report to add diagnostics and counts to. Returns what the stage produced, or nil when the run
    /// stops here: the stage produced nothing, or an error was reported.
    mutating func run<Output>(_ stage: BuildStage?, _ body: (inout BuildReport) -> Output?) -> Output? {
        if let stage { clock.start(stage) }
        guard let output = body(&report), report.succeeded else { return nil }
        return output
    }

    /// The steps of a run without a progress line of their own, timed with the stage before.
    enum Step {
        /// The output folder may be replaced (`OutputGuard`).
        case checkOutput
        /// What is open, expired and unpublished at `now`.
        case select
        /// The public projection every later stage sees (`PublicSite`).
        case project
        /// The seeker records read and their patterns compiled (`phiencho audit`).
        case prepareAudit
    }

    mutating func run<Output>(_ step: Step, _ body: (inout BuildReport) -> Output?) -> Output? {
        run(nil as BuildStage?, body)
    }

    /// `run` for a stage whose body throws the problems that stop it: they join the report, and
    /// the run stops here.
    mutating func run<Output>(_ stage: BuildStage?, _ body: (inout BuildReport) throws(Diagnostics) -> Output?) -> Output? {
        run(stage) { report -> Output? in
            do throws(Diagnostics) {
                return try body(&report)
            } catch {
                report.diagnostics += error.list
                return nil
            }
        }
    }

    /// Work that needs nothing from the stages still to come, done on a thread of its own while
    /// they run; `value` waits for it.
    func inBackground<Value: Sendable>(_ work: @escaping @Sendable () -> Value) -> BackgroundWork<Value> {
        BackgroundWork(work)
    }

    /// Frees `value` on a thread of its own (`Disposal`): the report does not wait for it.
    func free<Value>(_ value: consuming Value) {
        Disposal.release(value)
    }

    /// The report, with each stage's duration and the whole run's.
    mutating func finish() -> BuildReport {
        report.stageDurations = clock.finish()
        report.duration = ContinuousClock.now - started
        return report
    }
}
