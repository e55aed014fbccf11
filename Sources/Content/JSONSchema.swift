/// JSON Schemas for editors (completion and checks in VS Code and other editors), one per kind of page
/// plus site.yml and the glossary. Made from the decoders' own `KeyShape`s, so a key okc reads is never
/// missing from them.
public enum JSONSchema {
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// File name → schema, in a stable order.
    public static var all: [(file: String, schema: JSONValue)] {
        Kind.allCases.map { (fileName(for: $0), forKind($0)) }
            + [("site.schema.json", siteConfig), ("glossary.schema.json", glossary)]
    }

    public static func fileName(for kind: Kind) -> String { kind.rawValue + ".schema.json" }

    public static func forKind(_ kind: Kind) -> JSONValue {
        document(title: "okc front matter: \(kind.rawValue) (content/\(kind.folder)/*.md)",
                 body: object(DocumentDecoder.shape(of: kind), path: ""))
    }

    public static var siteConfig: JSONValue {
        document(title: "okc site.yml", body: object(SiteConfig.shape, path: ""))
    }

    public static var glossary: JSONValue {
        document(title: "okc content/glossary.yml", body: [("type", "array"), ("items", .object(object(GlossaryDecoder.entryShape, path: "")))])
    }

    static func document(title: String, body: [(String, JSONValue)]) -> JSONValue {
        .object([("$schema", .string(dialect)), ("title", .string(title))] + body)
    }

    /// Unknown keys are flagged: okc warns about them too, with the closest known key.
    static func object(_ shapes: [KeyShape], path: String) -> [(String, JSONValue)] {
        var result: [(String, JSONValue)] = [("type", "object"),
                                             ("properties", .object(shapes.map { ($0.key, value($0, path: path + $0.key)) }))]
        let required = shapes.filter(\.required).map { JSONValue.string($0.key) }
        if !required.isEmpty { result.append(("required", .array(required))) }
        result.append(("additionalProperties", false))
        return result
    }

    static func value(_ shape: KeyShape, path: String) -> JSONValue {
        if shape.children.isEmpty, shape.type == .raw || shape.type == .list, let special = rawValues[path] { return special }
        switch shape.type {
        case .text: return .object([("type", "string")])
        case .date: return .object([("type", "string"), ("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), ("format", "date")])
        case .fuzzyDate:
            return .object([("anyOf", .array([.object([("type", "integer")]),
                                               .object([("type", "string"), ("pattern", "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")])]))])
        case .count: return .object([("type", "integer"), ("minimum", 0)])
        case .bool: return .object([("type", "boolean")])
        case .time: return .object([("type", "string"), ("pattern", "^([01][0-9]|2[0-3]):[0-5][0-9]$")])
        case .url: return .object([("type", "string"), ("pattern", "^(https?://|mailto:|tel:)")])
        case .choice(let allowed): return .object([("enum", .array(allowed.map(JSONValue.string)))])
        case .texts: return oneOrMany(.object([("type", "string")]))
        case .list:
            // Items are single values, or groups of keys where the decoder read some (attendees: id or {person, role}).
            let item: JSONValue = shape.children.isEmpty ? .object([])
                : .object([("anyOf", .array([.object([("type", "string")]), .object(object(shape.children, path: path + "."))]))])
            return oneOrMany(item)
        case .objects:
            return .object([("type", "array"), ("items", .object(object(shape.children, path: path + ".")))])
        case .raw:
            return shape.children.isEmpty ? .object([]) : .object(object(shape.children, path: path + "."))
        }
    }

    /// A list, or one value alone (okc reads it as a list of one).
    static func oneOrMany(_ item: JSONValue) -> JSONValue {
        .object([("anyOf", .array([.object([("type", "array"), ("items", item)]), item]))])
    }

    /// Keys whose decoders read the raw YAML themselves, so their shape is written here. Computed, not
    /// stored: a global holding indirect enum payloads reads as a leak to LeakSanitizer.
    static var rawValues: [String: JSONValue] {
        let number = JSONValue.object([("anyOf", .array([.object([("type", "number")]),
                                                          .object([("type", "string"), ("pattern", "^[0-9]+([.,][0-9]+)?$")])]))])
        let names = JSONValue.object([("type", "object"), ("additionalProperties", .object([("type", "string")]))])
        return [
            "scores.values": .object([("type", "array"), ("items", number)]),
            "scores.mean": number,
            "subregions": names,
            "categories": names,
            "sections": names,
        ]
    }
}
