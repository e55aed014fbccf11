/// JSON written by hand so output is deterministic (schemas, diagnostics, open data, JSON-LD): object keys
/// keep the order they were given, numbers print the same everywhere, and `<`, `>` and `&` are escaped so
/// JSON can sit inside `<script>`.
public indirect enum JSONValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    case string(String)
    case int(Int)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// An object without the keys whose value is nil.
    public static func fields(_ pairs: [(String, JSONValue?)]) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    public static func text(_ text: String?) -> JSONValue? { text.map { .string($0) } }

    /// Pretty-printed with two spaces, as written to files.
    public func rendered() -> String { serialized(pretty: true) }

    /// One JSON string literal.
    public static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        writeString(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public func serialized(pretty: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(to: &out, depth: pretty ? 0 : nil)
        return String(decoding: out, as: UTF8.self)
    }

    /// `.array(items).serialized(pretty: true)`, made one item at a time: a large site's open data files
    /// are tens of MB, and a tree of every record before any text doubled what the build held.
    public static func prettyArray<C: Collection>(_ items: C) -> String where C.Element == JSONValue {
        if items.isEmpty { return "[]" }
        var out: [UInt8] = Array("[\n".utf8)
        out.reserveCapacity(items.count * 256)
        var remaining = items.count
        for item in items {
            append("  ", to: &out)
            item.write(to: &out, depth: 1)
            remaining -= 1
            append(remaining > 0 ? ",\n" : "\n", to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes, not a String: appending to a String checks its storage and flags at every piece, and
    /// open data and JSON-LD are written in thousands of small pieces.
    @inline(__always)
    private static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// `depth` nil writes compact JSON; a number, pretty JSON indented two spaces per level (appended
    /// in place rather than building an indentation string per value).
    private func write(to out: inout [UInt8], depth: Int?) {
        func indent(_ level: Int) { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level)) }
        switch self {
        case .string(let text): JSONValue.writeString(text, to: &out)
        case .int(let value): JSONValue.append(String(value), to: &out)
        case .number(let value):
            JSONValue.append(value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value), to: &out)
        case .bool(let value): JSONValue.append(value ? "true" : "false", to: &out)
        case .null: JSONValue.append("null", to: &out)
        case .array(let items):
            if items.isEmpty { JSONValue.append("[]", to: &out); return }
            out.append(UInt8(ascii: "["))
            if depth != nil { out.append(UInt8(ascii: "\n")) }
            for (i, item) in items.enumerated() {
                if let depth { indent(depth + 1) }
                item.write(to: &out, depth: depth.map { $0 + 1 })
                if i < items.count - 1 { out.append(UInt8(ascii: ",")) }
                if depth != nil { out.append(UInt8(ascii: "\n")) }
            }
            if let depth { indent(depth) }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { JSONValue.append("{}", to: &out); return }
            out.append(UInt8(ascii: "{"))
            if depth != nil { out.append(UInt8(ascii: "\n")) }
            for (i, (key, value)) in pairs.enumerated() {
                if let depth { indent(depth + 1) }
                JSONValue.writeString(key, to: &out)
                JSONValue.append(depth == nil ? ":" : ": ", to: &out)
                value.write(to: &out, depth: depth.map { $0 + 1 })
                if i < pairs.count - 1 { out.append(UInt8(ascii: ",")) }
                if depth != nil { out.append(UInt8(ascii: "\n")) }
            }
            if let depth { indent(depth) }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Whether any scalar of `text` is escaped by `writeString`. Over the contiguous bytes: U+2028 and
    /// U+2029 are looked for exactly (E2 80 A8/A9), so text with other E2 sequences (dashes, quotes,
    /// common in prose) is appended whole instead of scalar by scalar.
    static func needsEscape(_ text: String) -> Bool {
        // Control characters, quote, backslash and the HTML specials: escaped whatever follows them.
        func escaped(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26 }
        func special(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            for i in bytes.indices {
                let byte = bytes[i]
                if escaped(byte) { return true }
                if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return true }
            }
            return false
        }
        return text.utf8.withContiguousStorageIfAvailable(special) ?? text.utf8.contains(where: { escaped($0) || $0 == 0xE2 })
    }

    static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most text needs no escape: one look at its bytes, then a single append.
        if !needsEscape(text) {
            append(text, to: &out)
            out.append(UInt8(ascii: "\""))
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": append("\\\"", to: &out)
            case "\\": append("\\\\", to: &out)
            case "\n": append("\\n", to: &out)
            case "\r": append("\\r", to: &out)
            case "\t": append("\\t", to: &out)
            case "<": append("\\u003c", to: &out)
            case ">": append("\\u003e", to: &out)
            case "&": append("\\u0026", to: &out)
            case "\u{2028}": append("\\u2028", to: &out)
            case "\u{2029}": append("\\u2029", to: &out)
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, to: &out)
                } else {
                    out.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
