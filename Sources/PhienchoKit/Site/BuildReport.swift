import Foundation

/// What a `check` or `build` run found and did; the CLI prints it as the closing summary.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var filesRead = 0
    public var openCount = 0
    public var expiredCount = 0
    public var unpublishedCount = 0
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
    public var exitStatus: Int32 {
        if diagnostics.contains(where: { $0.code == .outputProblem || $0.code == .outputRefused }) { return 2 }
        return succeeded ? 0 : 1
    }

    mutating func count(_ publication: Publication) {
        openCount = publication.open.count
        expiredCount = publication.expired.count
        unpublishedCount = publication.unpublishedCount
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

    /// The closing summary, in Vietnamese.
    public var summary: String {
        let time = Self.seconds(duration)
        var parts = ["Đã đọc \(filesRead) tệp", "\(openCount) tin đang tuyển, \(expiredCount) tin hết hạn, \(unpublishedCount) tin không đăng"]
        if let written {
            parts.append("đã ghi \(pagesWritten) trang (\(written.written) tệp mới hoặc thay đổi, \(written.unchanged) tệp giữ nguyên, \(written.removed) tệp bị gỡ)")
        }
        if errorCount > 0 { parts.append("\(errorCount) lỗi") }
        if warningCount > 0 { parts.append("\(warningCount) cảnh báo") }
        parts.append("thời gian \(time) giây")
        return parts.joined(separator: "; ") + "."
    }
}
