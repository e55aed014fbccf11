import Content

/// A writer whose bytes are handed on a piece at a time, so that a large cache file is never held
/// whole: records go into `writer`, and `piece` takes its bytes once there are `size` of them. Texts are
/// not shared between records (a piece could not refer back to another).
struct BinaryPieces {
    private(set) var writer: BinaryWriter
    private let size: Int

    init(size: Int) {
        self.size = size
        writer = Self.fresh(size)
    }

    mutating func write(_ encode: (inout BinaryWriter) -> Void) { encode(&writer) }

    /// The bytes written since the last piece when they are `size` or more (or, with `last`, any), and
    /// the writer starts afresh.
    mutating func piece(last: Bool = false) -> [UInt8]? {
        guard writer.bytes.count >= size || (last && !writer.bytes.isEmpty) else { return nil }
        defer { writer = Self.fresh(size) }
        return writer.bytes
    }

    private static func fresh(_ size: Int) -> BinaryWriter { BinaryWriter(capacity: min(size, 1 << 20) + 4096, sharesStrings: false) }
}
