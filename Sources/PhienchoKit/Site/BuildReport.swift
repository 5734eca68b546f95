import Foundation
import PhienchoContent
import PhienchoCore
import PhienchoOutput
import PhienchoPublication

/// What a `check` or `build` run found and did; the CLI prints it as the closing summary.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var filesRead = 0
    public var openCount = 0
    public var expiredCount = 0
    /// Drafts, withdrawn vacancies and approved ones not shown (not yet posted, or expired longer
    /// than `Publication.expiredRetentionDays` ago).
    public var unpublishedCount = 0
    public var draftCount = 0
    public var withdrawnCount = 0
    /// Upcoming events and courses open for registration (`Agenda`), when the content could be read.
    public var upcomingEventCount = 0
    public var openTrainingCount = 0
    /// Whether the run was a build: after an error, its summary says the site was left as it was.
    public var isBuild = false
    public var pagesWritten = 0
    public var seekerRecords = 0
    var written: OutputWriter.Report?
    public var duration: Duration = .zero
    /// How long each stage that ran took, in order.
    public var stageDurations: [StageDuration] = []

    public struct StageDuration: Sendable {
        public var stage: BuildStage
        public var duration: Duration
        /// CPU time of all threads during the stage (up to twice `duration` on two cores).
        public var cpu: Duration = .zero
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var succeeded: Bool { errorCount == 0 }

    /// The process's exit status: 2 when the output folder could not or may not be written
    /// (PC601, PC602), 1 for any other error, 0 otherwise.
    public var exitStatus: Int32 { diagnostics.exitStatus }

    /// Counts the vacancies that could be read, at `now`: after a validation error, those of the
    /// files without one.
    mutating func count(_ vacancies: [Vacancy], unreadableDrafts: Int = 0, at now: LocalDate) {
        (openCount, expiredCount, draftCount, withdrawnCount) = (0, 0, 0, 0)
        for vacancy in vacancies {
            switch Publication.state(of: vacancy, at: now) {
            case .open: openCount += 1
            case .expired: expiredCount += 1
            case .unpublished: break
            }
            if vacancy.status == .draft { draftCount += 1 }
            if vacancy.status == .withdrawn { withdrawnCount += 1 }
        }
        unpublishedCount = vacancies.count - openCount - expiredCount + unreadableDrafts
        draftCount += unreadableDrafts
    }

    /// One line per stage with its duration (`phiencho build --timings`), e.g.
    /// "[3/6] Tạo các trang (24 tin được đăng): 0,52 giây (CPU 0,98 giây)".
    public var timings: [String] {
        stageDurations.map { "\($0.stage.line.dropLast()): \(Self.seconds($0.duration)) giây (CPU \(Self.seconds($0.cpu)) giây)" }
    }

    static func seconds(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.2f", seconds).replacingOccurrences(of: ".", with: ",")
    }

    /// The closing summary, in Vietnamese. After an error it says first that nothing was built and
    /// the site online is unchanged; the counts are those of the files that could be read.
    public var summary: String {
        var vacancies = ["\(openCount) tin đang tuyển", "\(expiredCount) tin hết hạn"]
        if draftCount > 0 { vacancies.append("\(draftCount) bản nháp") }
        if withdrawnCount > 0 { vacancies.append("\(withdrawnCount) tin đã gỡ") }
        let hidden = unpublishedCount - draftCount - withdrawnCount
        if hidden > 0 { vacancies.append("\(hidden) tin chưa tới ngày đăng hoặc hết hạn đã lâu") }
        if upcomingEventCount > 0 { vacancies.append("\(upcomingEventCount) sự kiện sắp tới") }
        if openTrainingCount > 0 { vacancies.append("\(openTrainingCount) khóa học đang nhận đăng ký") }
        var parts = ["Đã đọc \(filesRead) tệp" + (errorCount > 0 ? ", trong các tin đọc được có " : ": ") + vacancies.joined(separator: ", ")]
        if let written {
            parts.append("đã ghi \(pagesWritten) trang (\(written.written) tệp mới hoặc thay đổi, \(written.unchanged) tệp giữ nguyên, \(written.removed) tệp bị gỡ)")
        }
        if warningCount > 0 { parts.append("\(warningCount) cảnh báo") }
        parts.append("thời gian \(Self.seconds(duration)) giây")
        let counts = parts.joined(separator: "; ") + "."
        guard errorCount > 0 else { return counts }
        let verdict = isBuild ? "Chưa tạo trang vì có \(errorCount) lỗi; trang web đang đăng vẫn giữ nguyên."
                              : "Có \(errorCount) lỗi cần sửa trước khi tạo trang."
        return verdict + " " + counts
    }
}
