/// libyaml starts a new line at CR, NEL (U+0085), LS (U+2028) and PS (U+2029) as well as at LF; editors
/// and `SourceText` count LF only. Turns libyaml's (line, column) into the editor's, so a stray U+2028
/// pasted into a title does not shift every later diagnostic, nor send a line number past the text.
struct YAMLLines {
    /// For each libyaml line (0-based): the LF line (0-based) it lies on, and how many characters of that
    /// line come before it. Nil when the text has no other line breaks than LF: then the two agree.
    private let starts: [(line: Int, offset: Int)]?

    init(_ text: String) {
        func isOtherBreak(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
        }
        guard text.unicodeScalars.contains(where: isOtherBreak) else {
            starts = nil
            return
        }
        var starts: [(line: Int, offset: Int)] = [(0, 0)]
        var line = 0
        var offset = 0
        var afterCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                offset = 0
                // CR LF is one break for libyaml: the line the CR started begins after the LF.
                if afterCR { starts[starts.count - 1] = (line, 0) } else { starts.append((line, 0)) }
                afterCR = false
                continue
            }
            offset += 1
            afterCR = scalar == "\r"
            if isOtherBreak(scalar) { starts.append((line, offset)) }
        }
        self.starts = starts
    }

    /// libyaml's 1-based line and column as the editor's 1-based line and column.
    func place(line: Int, column: Int) -> (line: Int, column: Int) {
        guard let starts, starts.indices.contains(line - 1) else { return (line, column) }
        let start = starts[line - 1]
        return (start.line + 1, start.offset + column)
    }
}
