/// A compact binary form of okc's models for the incremental build's cache: integers as LEB128
/// varints, text as UTF-8 with its length, and each text written once per record (a page's file path
/// stands in every position of its front matter). Only `Build` stores the bytes.
///
/// Reading never trusts the bytes: a truncated or garbled record throws `BinaryReader.Corrupt`
/// instead of crashing, and the build then ignores the cache.
public protocol BinaryCodable {
    func encode(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws
}

public struct BinaryWriter {
    public private(set) var bytes: [UInt8] = []
    private var strings: [String: Int] = [:]
    private let sharesStrings: Bool

    /// `sharesStrings: false` for records whose texts are all different (paths): no table to keep.
    public init(capacity: Int = 256, sharesStrings: Bool = true) {
        bytes.reserveCapacity(capacity)
        self.sharesStrings = sharesStrings
        // A page's record has ~100 texts: room for them from the start, not rehashed as the table grows.
        if sharesStrings { strings.reserveCapacity(min(128, capacity / 16)) }
    }

    /// The bytes in a buffer of their size (the writer's over-reserves): for values kept per page.
    public var exactBytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = buffer.initialize(from: bytes).1
        }
    }

    public mutating func write(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Zig-zag, so small negative numbers stay small.
    public mutating func write(_ value: Int) {
        let v = Int64(value)
        write(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    /// A number of items, read back with `readCount`.
    public mutating func writeCount(_ count: Int) { write(UInt64(count)) }

    /// How many bytes `writeCount(count)` writes.
    public static func countLength(_ count: Int) -> Int {
        var length = 1
        var v = UInt64(count)
        while v >= 0x80 { v >>= 7; length += 1 }
        return length
    }

    public mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func write(_ value: Double) { write(value.bitPattern) }

    /// A text seen before in this record is written as a back-reference.
    public mutating func write(_ value: String) {
        if sharesStrings {
            // One hash: the slot is found once, and filled with the next number if the text is new.
            let next = strings.count
            let index = Self.claim(&strings[value, default: -1], next)
            if index >= 0 {
                write(UInt64(index) << 1 | 1)
                return
            }
        }
        write(UInt64(value.utf8.count) << 1)
        bytes.append(contentsOf: value.utf8)
    }

    /// The number in `slot`, or -1 after putting `next` there when it was empty (-1).
    @inline(__always)
    private static func claim(_ slot: inout Int, _ next: Int) -> Int {
        if slot >= 0 { return slot }
        slot = next
        return -1
    }

    public mutating func writeRaw<S: Sequence>(_ raw: S) where S.Element == UInt8 { bytes.append(contentsOf: raw) }

    public mutating func write<T: BinaryCodable>(_ value: T) { value.encode(to: &self) }

    public mutating func write<T: BinaryCodable>(_ value: T?) {
        if let value { write(true); value.encode(to: &self) } else { write(false) }
    }

    public mutating func write<T: BinaryCodable>(_ values: [T]) {
        write(UInt64(values.count))
        for value in values { value.encode(to: &self) }
    }
}

public struct BinaryReader {
    public struct Corrupt: Error { public init() {} }

    private let bytes: [UInt8]
    public private(set) var offset: Int
    private let end: Int
    private var strings: [String] = []
    /// Texts passed over by `skipString`, which back-references may name too.
    private var skipped = 0

    public init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        offset = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
    }

    public var isAtEnd: Bool { offset >= end }

    /// Bytes not read yet: an upper bound for any count still to come (each item takes a byte at least).
    public var remaining: Int { max(end - offset, 0) }

    public mutating func readUInt64() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw Corrupt() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    public mutating func readInt() throws -> Int {
        let v = try readUInt64()
        let decoded = Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
        guard let value = Int(exactly: decoded) else { throw Corrupt() }
        return value
    }

    /// A count of items that must each take at least one byte: garbage cannot ask for a huge allocation.
    public mutating func readCount() throws -> Int {
        let v = try readUInt64()
        guard v <= UInt64(end - offset) else { throw Corrupt() }
        return Int(v)
    }

    public mutating func readBool() throws -> Bool {
        guard offset < end else { throw Corrupt() }
        defer { offset += 1 }
        switch bytes[offset] {
        case 0: return false
        case 1: return true
        default: throw Corrupt()
        }
    }

    public mutating func readDouble() throws -> Double { Double(bitPattern: try readUInt64()) }

    public mutating func readString() throws -> String {
        let tag = try readUInt64()
        if tag & 1 == 1 {
            let index = Int(tag >> 1)
            guard index < strings.count else { throw Corrupt() }
            return strings[index]
        }
        guard tag >> 1 <= UInt64(end - offset) else { throw Corrupt() }
        let count = Int(tag >> 1)
        // Through a buffer pointer: String(decoding:) on an array slice takes a slower, generic path.
        let start = offset
        let text = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + count]), as: UTF8.self) }
        offset += count
        strings.append(text)
        return text
    }

    /// Checks a text as `readString` would and passes over it without making it (`readString` never
    /// rejects a text for its bytes: invalid UTF-8 is repaired). For readers that only validate: a
    /// back-reference that `readString` then made to a skipped text throws.
    public mutating func skipString() throws {
        let tag = try readUInt64()
        if tag & 1 == 1 {
            guard Int(tag >> 1) < strings.count + skipped else { throw Corrupt() }
            return
        }
        guard tag >> 1 <= UInt64(end - offset) else { throw Corrupt() }
        offset += Int(tag >> 1)
        skipped += 1
    }

    public mutating func readRaw(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= end - offset else { throw Corrupt() }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    public mutating func read<T: BinaryCodable>(_: T.Type = T.self) throws -> T { try T(from: &self) }

    public mutating func readOptional<T: BinaryCodable>(_: T.Type = T.self) throws -> T? {
        try readBool() ? try T(from: &self) : nil
    }

    public mutating func readArray<T: BinaryCodable>(_: T.Type = T.self) throws -> [T] {
        let count = try readCount()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try T(from: &self)) }
        return values
    }
}

extension String: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(self) }
    public init(from reader: inout BinaryReader) throws { self = try reader.readString() }
}

extension Int: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(self) }
    public init(from reader: inout BinaryReader) throws { self = try reader.readInt() }
}

extension Double: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(self) }
    public init(from reader: inout BinaryReader) throws { self = try reader.readDouble() }
}

extension Bool: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(self) }
    public init(from reader: inout BinaryReader) throws { self = try reader.readBool() }
}

extension UInt64: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(self) }
    public init(from reader: inout BinaryReader) throws { self = try reader.readUInt64() }
}
