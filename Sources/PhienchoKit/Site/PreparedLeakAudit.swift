import PhienchoAudit
import PhienchoCore

/// The seeker records loaded and their patterns compiled, which needs nothing but the seeker files
/// and `audit_allow`: `build` prepares it in the background while pages are rendered.
struct PreparedLeakAudit: Sendable {
    let audit: LeakAudit?
    let seekers: (records: [SeekerRecord], diagnostics: [Diagnostic])

    init(content: Folder, allow: [String]) {
        seekers = SeekerLoader(contentDirectory: content.url, displayRoot: content.shown).load()
        audit = seekers.diagnostics.isEmpty
            ? LeakAudit(patterns: LeakPatterns(records: seekers.records, allowed: allow), allowed: allow)
            : nil
    }

    /// The audit, or nil (with the seeker files' problems in the report) when one is unreadable.
    func audit(into report: inout BuildReport) -> LeakAudit? {
        report.diagnostics += seekers.diagnostics
        report.seekerRecords = seekers.records.count
        return audit
    }
}
