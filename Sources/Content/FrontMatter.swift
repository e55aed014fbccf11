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
        // Line by line over the UTF-8 bytes: a newline is always its own byte and its own Character
        // (CR is gone), so byte offsets are valid String indices and the pieces equal a Character split.
        let utf8 = text.utf8
        var cursor: String.Index? = utf8.startIndex
        func nextLine() -> Range<String.Index>? {
            guard let start = cursor else { return nil }
            if let newline = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) {
                cursor = utf8.index(after: newline)
                return start..<newline
            }
            cursor = nil
            return start..<utf8.endIndex
        }
        guard let first = nextLine(), isFence(text[first], allowDots: false) else {
            return .failure(.error("front matter missing: the first line must be '---'",
                                   at: SourcePosition(file: path, line: 1, column: 1),
                                   hint: "start the file with '---', the page's keys (title: …), and another '---'"))
        }
        let yamlStart = cursor ?? utf8.endIndex
        var lineNumber = 2
        while let line = nextLine() {
            if isFence(text[line], allowDots: true) {
                // The YAML is every line in between without the newline before the fence; the body is all after it.
                let yamlEnd = line.lowerBound == yamlStart ? yamlStart : utf8.index(before: line.lowerBound)
                let body = cursor.map { String(text[$0...]) } ?? ""
                return .success(FrontMatterSplit(yaml: String(text[yamlStart..<yamlEnd]), yamlLine: 2,
                                                 body: body, bodyLine: lineNumber + 1))
            }
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
