import PhienchoCore

extension FrontMatter {
    /// Splits a vacancy or page file, reporting a missing opening `---` (PC201, with
    /// `missingOpeningMessage`, which says what that kind of file must start with) or a missing
    /// closing one (PC202) at line 1; nil then.
    package static func split(_ text: String, missingOpeningMessage: String, sink: inout DiagnosticSink) -> FrontMatter? {
        do {
            return try split(text)
        } catch .missingOpening {
            sink.error(.missingFrontMatter, at: SourcePosition(line: 1, column: 1), missingOpeningMessage)
        } catch {
            sink.error(.unclosedFrontMatter, at: SourcePosition(line: 1, column: 1),
                       "Phần khai báo mở bằng “---” ở dòng 1 nhưng không có dòng “---” để đóng.")
        }
        return nil
    }
}
