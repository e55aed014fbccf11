/// One thing an editor got wrong (or might have), pointing at the place in the file.
public struct Diagnostic: Error, Sendable, Hashable, Comparable {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    /// Path from the site root, with `/` separators (`content/meetings/x.md`).
    public var file: String
    /// 1-based line as the editor sees it (the opening `---` is line 1); 0 when the whole file is meant.
    public var line: Int
    /// 1-based column; 0 when the whole line is meant.
    public var column: Int
    public var severity: Severity
    public var message: String
    public var hint: String?

    public init(file: String, line: Int, column: Int, severity: Severity, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    public static func error(_ message: String, at position: SourcePosition, hint: String? = nil) -> Diagnostic {
        Diagnostic(file: position.file, line: position.line, column: position.column, severity: .error, message: message, hint: hint)
    }

    public static func warning(_ message: String, at position: SourcePosition, hint: String? = nil) -> Diagnostic {
        Diagnostic(file: position.file, line: position.line, column: position.column, severity: .warning, message: message, hint: hint)
    }

    public var isError: Bool { severity == .error }

    /// `file:line:col: severity: message`, the form compilers use, so editors and CI jump to the place.
    public var location: String {
        var text = file
        if line > 0 {
            text += ":\(line)"
            if column > 0 { text += ":\(column)" }
        }
        return text
    }

    public var formatted: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.isError } }
    public var errorCount: Int { count { $0.isError } }
    public var warningCount: Int { count { !$0.isError } }
}
