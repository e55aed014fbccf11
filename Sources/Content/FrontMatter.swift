/// A page split into its YAML front matter and its Markdown body, with the line each starts on.
public struct FrontMatterSplit: Sendable, Equatable {
    public var yaml: String
    /// Line of the file on which the YAML's first line stands (2 when the file opens with `---`).
    public var yamlLine: Int
    public var body: String
    /// Line of the file on which the body's first line stands.
    public var bodyLine: Int
}

public enum FrontMatter {
    /// Splits normalised text (see `SourceText`). The opening `---` must be the first line; the
    /// closing one is `---` or `...` alone on a line.
    public static func split(_ text: String, path: String) -> Result<FrontMatterSplit, Diagnostic> {
        if text.allSatisfy({ $0.isWhitespace }) {
            return .failure(.error("empty file", at: .file(path),
                                   hint: "a page starts with front matter between two '---' lines, e.g. '---\\ntitle: …\\n---'"))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, isFence(first, allowDots: false) else {
            return .failure(.error("front matter missing: the first line must be '---'",
                                   at: SourcePosition(file: path, line: 1, column: 1),
                                   hint: "start the file with '---', the page's keys (title: …), and another '---'"))
        }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var lineNumber = 2
        while let line = lines.first {
            if isFence(line, allowDots: true) {
                let body = lines.dropFirst().joined(separator: "\n")
                return .success(FrontMatterSplit(yaml: yamlLines.joined(separator: "\n"), yamlLine: 2,
                                                 body: body, bodyLine: lineNumber + 1))
            }
            yamlLines.append(line)
            lines = lines.dropFirst()
            lineNumber += 1
        }
        return .failure(.error("front matter is never closed: no '---' line after the opening one",
                               at: SourcePosition(file: path, line: 1, column: 1),
                               hint: "add a line with only '---' after the last key"))
    }

    static func isFence(_ line: Substring, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}
