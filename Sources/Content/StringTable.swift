/// The theme's strings file (`theme/strings.yml`): a flat map of key → reader-facing text.
public enum StringTable {
    public static func decode(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> [String: String] {
        guard let root = YAMLTree.parse(text, path: path, firstLine: 1, diagnostics: &diagnostics) else { return [:] }
        guard case .mapping(let pairs) = root.value else {
            diagnostics.append(.error("the strings file must be a group of 'key: text' lines", at: root.position))
            return [:]
        }
        var table: [String: String] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar, let value = pair.value.scalar else {
                diagnostics.append(.error("each entry must be 'key: text'", at: pair.key.position))
                continue
            }
            if table[key] != nil {
                diagnostics.append(.error("duplicate string '\(key)'", at: pair.key.position))
            }
            table[key] = value
        }
        return table
    }
}
