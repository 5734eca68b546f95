/// One problem found in the content, reported to staff in Vietnamese as
/// `path:line:col: lỗi[CODE]: message` (or `cảnh báo[CODE]` for a warning).
public struct Diagnostic: Sendable, Hashable, Comparable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .error && rhs == .warning }
        /// The word staff read in front of the code.
        public var label: String { self == .error ? "lỗi" : "cảnh báo" }
    }

    public var severity: Severity
    package var code: DiagnosticCode
    /// Path as staff typed it on the command line, joined with the file's path inside the content folder.
    public var path: String
    /// 1-based line and column, counted from the top of the file; nil when the problem has no position.
    public var line: Int?
    public var column: Int?
    public var message: String

    package init(_ severity: Severity, _ code: DiagnosticCode, path: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.severity = severity
        self.code = code
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// The line printed for staff; controls from file names or values are shown escaped (`TerminalText`).
    public var formatted: String {
        var location = TerminalText.escaped(path)
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.label)[\(code.rawValue)]: \(TerminalText.escaped(message))"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.path, lhs.line ?? 0, lhs.column ?? 0, lhs.code, lhs.message)
            < (rhs.path, rhs.line ?? 0, rhs.column ?? 0, rhs.code, rhs.message)
    }
}

/// Collects diagnostics for one file; positions are 1-based file coordinates.
public struct DiagnosticSink: Sendable {
    public let path: String
    /// Drafts report their problems as warnings: a draft never blocks a build.
    public var demoteErrors = false
    public private(set) var diagnostics: [Diagnostic] = []

    public init(path: String) { self.path = path }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    package mutating func error(_ code: DiagnosticCode, at position: SourcePosition?, _ message: String) {
        add(demoteErrors ? .warning : .error, code, at: position, message)
    }

    package mutating func warning(_ code: DiagnosticCode, at position: SourcePosition?, _ message: String) {
        add(.warning, code, at: position, message)
    }

    private mutating func add(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, at position: SourcePosition?, _ message: String) {
        diagnostics.append(Diagnostic(severity, code, path: path, line: position?.line, column: position?.column, message))
    }
}

/// A 1-based line and column in a source file.
public struct SourcePosition: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
