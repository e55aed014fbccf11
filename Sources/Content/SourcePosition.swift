/// A place in a source file: the file's path from the site root, 1-based line and column.
public struct SourcePosition: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The whole file, for mistakes that have no better place.
    public static func file(_ path: String) -> SourcePosition {
        SourcePosition(file: path, line: 0, column: 0)
    }
}

/// A value from front matter together with where it was written, so later stages can point at it.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var position: SourcePosition

    public init(_ value: Value, at position: SourcePosition) {
        self.value = value
        self.position = position
    }
}
