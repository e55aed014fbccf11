/// One key a decoder reads, as the decoder itself reported it while reading: its type, whether it is
/// required, and the keys of its nested groups. The JSON Schema and `okc new` are made from these,
/// so they cannot drift from what okc accepts.
public struct KeyShape: Sendable, Hashable {
    public enum ValueType: Sendable, Hashable {
        /// Read as a raw node (its own decoder handles it).
        case raw
        case text, date, fuzzyDate, count, bool, time, url
        case choice([String])
        /// A list of anything; one value alone counts as a list of one.
        case list
        case texts
        /// A list of groups of keys (`children`).
        case objects
    }

    public var key: String
    public var type: ValueType
    public var required: Bool
    public var children: [KeyShape]

    public init(key: String, type: ValueType, required: Bool = false, children: [KeyShape] = []) {
        self.key = key
        self.type = type
        self.required = required
        self.children = children
    }
}

extension [KeyShape] {
    /// Records a key, keeping the first-asked order; a later, more specific type wins over `.raw`.
    mutating func note(_ key: String, _ type: KeyShape.ValueType? = nil, required: Bool = false, children: [KeyShape] = []) {
        guard let index = firstIndex(where: { $0.key == key }) else {
            append(KeyShape(key: key, type: type ?? .raw, required: required, children: []))
            self[count - 1].children.merge(children)
            return
        }
        if let type, type != .raw { self[index].type = type }
        if required { self[index].required = true }
        self[index].children.merge(children)
    }

    mutating func merge(_ other: [KeyShape]) {
        for shape in other { note(shape.key, shape.type, required: shape.required, children: shape.children) }
    }

    /// Every key path, nested ones as `parent.child`.
    public var paths: [String] {
        flatMap { shape in [shape.key] + shape.children.paths.map { shape.key + "." + $0 } }
    }
}

extension YNode {
    /// A group of keys, each holding a list of one empty group: decoders read every key they know
    /// from it, nested ones included, which is how `KeyShape`s are collected.
    static func probe(keys: [String]) -> YNode {
        let here = SourcePosition(file: "", line: 1, column: 1)
        let emptyGroup = YNode(value: .mapping([]), position: here)
        return YNode(value: .mapping(keys.map { YPair(key: YNode(value: .scalar($0, plain: true), position: here),
                                                      value: YNode(value: .sequence([emptyGroup]), position: here)) }),
                     position: here)
    }

    /// Computed, not stored: a global holding indirect enum payloads reads as a leak to LeakSanitizer.
    static var emptyMapping: YNode { YNode(value: .mapping([]), position: SourcePosition(file: "", line: 1, column: 1)) }
}

extension KeyShape {
    /// Runs a decoder twice: on nothing (which keys it asks for, which it misses as required) and on a
    /// probe giving every key a list of one empty group (their types and nested keys).
    static func collect(_ read: (inout Fields) -> Void) -> [KeyShape] {
        var empty = Fields(.emptyMapping, path: "", what: "")
        read(&empty)
        var probe = Fields(.probe(keys: empty.shape.map(\.key)), path: "", what: "")
        read(&probe)
        var result = empty.shape
        for index in result.indices {
            if let found = probe.shape.first(where: { $0.key == result[index].key }) {
                result[index].type = found.type
                result[index].children = found.children
            }
        }
        return result
    }
}
