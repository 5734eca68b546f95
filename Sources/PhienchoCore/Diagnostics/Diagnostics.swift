/// The one error a loader or a stage throws: the problems that stop it, each already a
/// Vietnamese line at its place. The stage runner adds them to the report (`StageRunner.run`);
/// nothing turns them into text on the way.
package struct Diagnostics: Error, Sendable {
    package var list: [Diagnostic]

    package init(_ list: [Diagnostic]) {
        self.list = list
    }
}
