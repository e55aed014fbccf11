import Content

/// One file of the incremental build's cache (`<site>/.okc-cache/`): a magic word naming what it holds,
/// the cache format, the key of the inputs it is valid for, the payload, and a checksum of all of it.
/// A file that is truncated, garbled, from another format or for other inputs reads as nil, and the
/// build goes on as if there were no cache: it is never trusted, only ignored.
enum CacheFile {
    static let version = 2

    static func write(_ payload: [UInt8], magic: String, key: UInt64, to path: String) throws {
        try write(magic: magic, key: key, payloadCount: payload.count, to: path) { $0.writeRaw(payload) }
    }

    /// The same file, its payload written by `fill` (exactly `payloadCount` bytes) straight into the one
    /// buffer that goes to disk: a large cache is not held two or three times over while it is written.
    static func write(magic: String, key: UInt64, payloadCount: Int, to path: String, fill: (inout BinaryWriter) -> Void) throws {
        var writer = BinaryWriter(capacity: payloadCount + 64, sharesStrings: false)
        writer.writeRaw(Array(magic.utf8))
        writer.write(UInt64(version * 1000 + BinaryFormat.version))
        writer.write(key)
        writer.write(UInt64(payloadCount))
        let start = writer.bytes.count
        fill(&writer)
        guard writer.bytes.count - start == payloadCount else { throw FileSystem.Failure(description: "cannot write \(path)") }
        let checksum = StableHasher.hash(writer.bytes)
        withUnsafeBytes(of: checksum.littleEndian) { writer.writeRaw($0) }
        // Written aside and renamed over the old file: a reader sees the old file or the new one.
        let temporary = path + ".tmp"
        try FileSystem.write(writer.bytes, to: temporary)
        guard FileSystem.rename(temporary, to: path) else { throw FileSystem.Failure(description: "cannot write \(path)") }
    }

    static func read(_ path: String, magic: String, key: UInt64) -> [UInt8]? {
        readInPlace(path, magic: magic, key: key).map { Array($0.bytes[$0.payload]) }
    }

    /// The file's bytes and where its payload is in them: a large cache is not copied once more to be read.
    static func readInPlace(_ path: String, magic: String, key: UInt64) -> (bytes: [UInt8], payload: Range<Int>)? {
        guard FileSystem.type(path) == .file, let bytes = try? FileSystem.read(path), bytes.count >= magic.utf8.count + 8,
              bytes.starts(with: magic.utf8) else { return nil }
        let body = bytes[..<(bytes.count - 8)]
        let stored = bytes[(bytes.count - 8)...].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard StableHasher.hash(body) == stored else { return nil }
        var reader = BinaryReader(bytes, range: magic.utf8.count..<(bytes.count - 8))
        guard let format = try? reader.readUInt64(), format == UInt64(version * 1000 + BinaryFormat.version),
              let storedKey = try? reader.readUInt64(), storedKey == key,
              let count = try? reader.readCount(), let payload = try? reader.readRaw(count), reader.isAtEnd else { return nil }
        return (bytes, payload.startIndex..<payload.endIndex)
    }
}
