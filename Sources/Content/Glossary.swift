/// An abbreviation and what it stands for (`content/glossary.yml`).
public struct GlossaryEntry: Sendable, Hashable {
    public var abbreviation: String
    public var expansion: String
    public var group: Located<String>?
    public var position: SourcePosition
}

public enum GlossaryDecoder {
    public static func decode(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> [GlossaryEntry] {
        guard let root = YAMLTree.parse(text, path: path, firstLine: 1, diagnostics: &diagnostics) else { return [] }
        guard case .sequence(let items) = root.value else {
            if !root.isNull {
                diagnostics.append(.error("the glossary must be a list of entries ('- abbr: …')", at: root.position))
            }
            return []
        }
        var seen: [String: SourcePosition] = [:]
        var entries: [GlossaryEntry] = []
        for item in items {
            var f = Fields(item, path: path, what: "a glossary entry")
            let (abbr, expansion, group) = readEntry(&f)
            diagnostics += f.diagnostics
            guard let abbr, let expansion else { continue }
            if let first = seen[abbr.value] {
                diagnostics.append(.error("'\(abbr.value)' is already explained", at: abbr.position, hint: "the first entry is at line \(first.line)"))
                continue
            }
            seen[abbr.value] = abbr.position
            entries.append(GlossaryEntry(abbreviation: abbr.value, expansion: expansion.value, group: group, position: abbr.position))
        }
        return entries
    }

    /// The keys of one entry as the reader reads them (for the JSON Schema).
    public static var entryShape: [KeyShape] { KeyShape.collect { _ = readEntry(&$0) } }

    static func readEntry(_ f: inout Fields) -> (abbr: Located<String>?, expansion: Located<String>?, group: Located<String>?) {
        let abbr = f.requiredText("abbr", example: "RÖS")
        let expansion = f.requiredText("expansion", example: "Regionala överenskommelsegruppen")
        let group = f.text("group")
        f.warnUnknown()
        return (abbr, expansion, group)
    }
}
