/// The one error a loader or a stage throws: the problems that stop it, each already a
/// Vietnamese line at its place. The stage runner adds them to the report (`StageRunner.run`);
/// nothing turns them into text on the way.
package struct Diagnostics: Error, Sendable {
    package var list: [Diagnostic]

    package init(_ list: [Diagnostic]) {
        self.list = list
    }
}

extension [Diagnostic] {
    /// The exit status of a command that reported these, one rule for every command: 2 when a
    /// folder or file could not or may not be written (PC601, PC602) — nothing was changed —, 1 for
    /// any other error, 0 otherwise (warnings included).
    package var exitStatus: Int32 {
        if contains(where: { $0.code == .outputProblem || $0.code == .outputRefused }) { return 2 }
        return contains(where: { $0.severity == .error }) ? 1 : 0
    }
}
