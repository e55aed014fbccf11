import Foundation

/// The ways `okc check` can print diagnostics: for people (text), for programs (JSON) and for
/// GitHub Actions, whose workflow commands put each one on the pull request's line.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, github

    /// `pathPrefix` is put before each file (the site folder as seen from the repository root), because
    /// GitHub matches annotations to files by their path in the repository.
    public func render(_ diagnostics: [Diagnostic], pathPrefix: String = "") -> String {
        switch self {
        case .text:
            return diagnostics.map { $0.formatted + "\n" }.joined()
        case .json:
            return JSONValue.array(diagnostics.map(\.json)).rendered() + "\n"
        case .github:
            return diagnostics.map { $0.githubCommand(pathPrefix: pathPrefix) + "\n" }.joined()
        }
    }
}

extension Diagnostic {
    public var json: JSONValue {
        .object([("file", .string(file)), ("line", .int(line)), ("column", .int(column)),
                 ("severity", .string(severity.rawValue)), ("message", .string(message)), ("hint", hint.map(JSONValue.string) ?? .null)])
    }

    /// `::error file=F,line=L,col=C,title=okc::message`, escaped by GitHub's rules for workflow commands.
    public func githubCommand(pathPrefix: String = "") -> String {
        var properties = ["file=" + Diagnostic.escapeProperty(pathPrefix + file)]
        if line > 0 {
            properties.append("line=\(line)")
            if column > 0 { properties.append("col=\(column)") }
        }
        properties.append("title=okc")
        var text = message
        if let hint { text += "\nhint: " + hint }
        return "::\(severity.rawValue) \(properties.joined(separator: ","))::\(Diagnostic.escapeData(text))"
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
