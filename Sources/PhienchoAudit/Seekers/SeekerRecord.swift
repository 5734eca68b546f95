import PhienchoCore

/// One confidential seeker record ("người tìm việc") from `content/seekers/`. Only the leak audit
/// reads these; nothing of them is ever rendered.
package struct SeekerRecord: Sendable {
    /// Seeker file as shown to staff, e.g. `content/seekers/ho-so.csv`.
    package let file: String
    /// How staff find the record: its id column (ma_ho_so …) or "dòng N".
    let reference: String
    /// (column header, value) pairs, in file order.
    package let fields: [(column: String, value: String)]
}
