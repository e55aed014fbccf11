import Foundation

/// Reads the keys of one YAML mapping into typed values, collecting a diagnostic for every
/// mistake instead of stopping: wrong types, missing required keys, duplicates and unknown keys.
public struct Fields {
    public let path: String
    public let position: SourcePosition
    private var pairs: [String: YPair] = [:]
    private var order: [String] = []
    private var used: Set<String> = []
    public var diagnostics: [Diagnostic] = []
    /// The keys read so far, with their types: the decoder describing itself (see `KeyShape`).
    public internal(set) var shape: [KeyShape] = []
    /// The node was not a group of keys: that is already reported, so no key is "missing" from it.
    private var notAGroup = false

    public init(_ node: YNode, path: String, what: String) {
        self.path = path
        self.position = node.position
        switch node.value {
        case .mapping(let list):
            for pair in list {
                guard let key = pair.key.scalar else {
                    diagnostics.append(.error("a key must be a plain word", at: pair.key.position))
                    continue
                }
                // Yams refuses duplicate keys while parsing, so each key arrives once.
                pairs[key] = pair
                order.append(key)
            }
        default:
            if !node.isNull {
                notAGroup = true
                diagnostics.append(.error("\(what) must be a group of 'key: value' lines, not \(node.kindName)", at: node.position))
            }
        }
    }

    public func has(_ key: String) -> Bool { pairs[key] != nil && !(pairs[key]!.value.isNull) }

    /// The raw node of a key (marks it as known).
    public mutating func node(_ key: String) -> YNode? {
        used.insert(key)
        shape.note(key)
        guard let pair = pairs[key], !pair.value.isNull else { return nil }
        return pair.value
    }

    /// Where the key itself was written: for "missing"/"wrong" messages that concern a whole entry.
    public func keyPosition(_ key: String) -> SourcePosition? { pairs[key]?.key.position }

    public mutating func missing(_ key: String, example: String) {
        used.insert(key)
        shape.note(key, required: true)
        if notAGroup { return }
        diagnostics.append(.error("missing required key '\(key)'", at: position, hint: "add a line '\(key): \(example)'"))
    }

    public mutating func text(_ key: String) -> Located<String>? {
        shape.note(key, .text)
        guard let node = node(key) else { return nil }
        guard let text = node.scalar else {
            diagnostics.append(.error("'\(key)' must be text, not \(node.kindName)", at: node.position))
            return nil
        }
        let trimmed = text.trimmingWhitespace(newlines: true)
        if trimmed.isEmpty {
            diagnostics.append(.error("'\(key)' is empty", at: node.position))
            return nil
        }
        return Located(trimmed, at: node.position)
    }

    public mutating func requiredText(_ key: String, example: String) -> Located<String>? {
        if !has(key) { missing(key, example: example); shape.note(key, .text); return nil }
        return text(key)
    }

    public mutating func day(_ key: String) -> Located<Day>? {
        shape.note(key, .date)
        guard let node = node(key) else { return nil }
        return Fields.day(node, key: key, diagnostics: &diagnostics)
    }

    public static func day(_ node: YNode, key: String, diagnostics: inout [Diagnostic]) -> Located<Day>? {
        guard let text = node.scalar else {
            diagnostics.append(.error("'\(key)' must be a date (YYYY-MM-DD), not \(node.kindName)", at: node.position))
            return nil
        }
        if let day = Day(iso: text) { return Located(day, at: node.position) }
        let looksISO = text.count == 10 && text.split(separator: "-").count == 3
        diagnostics.append(.error(looksISO ? "impossible date '\(text)'" : "'\(key)' must be a date like 2024-08-19, not '\(text)'",
                                  at: node.position,
                                  hint: looksISO ? "check the month (01–12) and the day of the month" : "write dates as YYYY-MM-DD"))
        return nil
    }

    public mutating func requiredDay(_ key: String) -> Located<Day>? {
        if !has(key) { missing(key, example: "2024-08-19"); shape.note(key, .date); return nil }
        return day(key)
    }

    /// A whole number ≥ 0 (counts, years).
    public mutating func count(_ key: String) -> Located<Int>? {
        shape.note(key, .count)
        guard let node = node(key) else { return nil }
        return Fields.count(node, key: key, diagnostics: &diagnostics)
    }

    public static func count(_ node: YNode, key: String, diagnostics: inout [Diagnostic]) -> Located<Int>? {
        guard let text = node.scalar, let value = Int(text), value >= 0 else {
            diagnostics.append(.error("'\(key)' must be a whole number ≥ 0, not \(node.scalar.map { "'\($0)'" } ?? node.kindName)",
                                      at: node.position))
            return nil
        }
        return Located(value, at: node.position)
    }

    public mutating func bool(_ key: String) -> Bool? {
        shape.note(key, .bool)
        guard let node = node(key) else { return nil }
        switch node.scalar?.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            diagnostics.append(.error("'\(key)' must be true or false, not \(node.scalar.map { "'\($0)'" } ?? node.kindName)",
                                      at: node.position))
            return nil
        }
    }

    /// A clock time `HH:MM` (quoted or not).
    public mutating func time(_ key: String) -> Located<String>? {
        shape.note(key, .time)
        guard let node = node(key) else { return nil }
        let text = node.scalar ?? ""
        let parts = text.split(separator: ":")
        if parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
           let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60 {
            return Located(text, at: node.position)
        }
        diagnostics.append(.error("'\(key)' must be a time like \"09:30\", not \(node.scalar.map { "'\($0)'" } ?? node.kindName)",
                                  at: node.position, hint: "write the time in quotes with two digits for hours and minutes"))
        return nil
    }

    /// A link to the outside world: only http(s) and mailto; `javascript:` and friends are refused.
    public mutating func url(_ key: String) -> Located<String>? {
        defer { shape.note(key, .url) }
        guard let value = text(key) else { return nil }
        if let problem = URLCheck.problem(value.value) {
            diagnostics.append(.error("'\(key)': \(problem)", at: value.position, hint: "write a full address such as https://www.example.se/"))
            return nil
        }
        return value
    }

    /// A value that must be one of a few words.
    public mutating func choice(_ key: String, _ allowed: [String]) -> Located<String>? {
        defer { shape.note(key, .choice(allowed)) }
        guard let value = text(key) else { return nil }
        guard allowed.contains(value.value) else {
            diagnostics.append(.error("'\(key)' must be one of \(allowed.joined(separator: ", ")), not '\(value.value)'", at: value.position,
                                      hint: Closest.hint(value.value, in: allowed)))
            return nil
        }
        return value
    }

    /// The items of a list. A single value where a list is expected is taken as a list of one.
    public mutating func list(_ key: String) -> [YNode] {
        shape.note(key, .list)
        guard let node = node(key) else { return [] }
        switch node.value {
        case .sequence(let items): return items
        case .scalar: return [node]
        case .mapping:
            diagnostics.append(.error("'\(key)' must be a list (lines starting with '- ')", at: node.position))
            return []
        }
    }

    /// A list of short texts (ids, initials, phrases).
    public mutating func texts(_ key: String) -> [Located<String>] {
        defer { shape.note(key, .texts) }
        return list(key).compactMap { item in
            guard let text = item.scalar, !text.trimmingWhitespace(newlines: false).isEmpty else {
                diagnostics.append(.error("each item of '\(key)' must be a single value, not \(item.kindName)", at: item.position))
                return nil
            }
            return Located(text.trimmingWhitespace(newlines: false), at: item.position)
        }
    }

    /// Decodes each item of a list of groups of keys with `decode`, which reads from its own `Fields`.
    public mutating func objects<T>(_ key: String, what: String, _ decode: (inout Fields) -> T?) -> [T] {
        defer { shape.note(key, .objects) }
        return list(key).compactMap { item in
            var fields = Fields(item, path: path, what: what)
            let value = decode(&fields)
            adopt(fields, under: key)
            return value
        }
    }

    /// Takes over what the reader of a nested group found: its mistakes, and its keys as `key`'s children.
    public mutating func adopt(_ nested: Fields, under key: String) {
        diagnostics += nested.diagnostics
        shape.note(key, children: nested.shape)
    }

    /// Warns about every key that no reader asked for, with the closest known key as hint.
    public mutating func warnUnknown(known extra: [String] = []) {
        let known = used.union(extra)
        for key in order where !known.contains(key) {
            diagnostics.append(.warning("unknown key '\(key)'", at: pairs[key]!.key.position,
                                        hint: Closest.hint(key, in: known.sorted()) ?? "known keys: \(known.sorted().joined(separator: ", "))"))
        }
    }
}

extension String {
    /// `trimmingCharacters(in:)` without Foundation's copy to UTF-16 when there is nothing to trim: text that
    /// starts and ends with a visible ASCII character (almost every value) is returned as it is.
    public func trimmingWhitespace(newlines: Bool) -> String {
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return self }
        // Foundation's whitespace and newlines are Unicode's White_Space and U+200B, its whitespace a part of
        // them: a text that neither starts nor ends with one ("Möte i Borås") keeps every character either way.
        if let first = unicodeScalars.first, let last = unicodeScalars.last, !Self.isTrimmed(first), !Self.isTrimmed(last) {
            return self
        }
        return trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
    }

    static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace || scalar == "\u{200B}" }
}
