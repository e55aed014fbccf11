import Content

/// One file of the incremental build's cache (`<site>/.okc-cache/`): a magic word naming what it holds,
/// the cache format, the key of the inputs it is valid for, the payload, and a checksum of all of it.
/// A file that is truncated, garbled, from another format or for other inputs reads as nil, and the
/// build goes on as if there were no cache: it is never trusted, only ignored.
enum CacheFile {
    static let version = 3

    /// The checksum covers the header and the payload, hashed one after the other (so the payload is
    /// never copied behind the header in memory).
    static func write(_ payload: [UInt8], magic: String, key: UInt64, to path: String) throws {
        var writer = BinaryWriter(capacity: 64)
        writer.writeRaw(Array(magic.utf8))
        writer.write(UInt64(version * 1000 + BinaryFormat.version))
        writer.write(key)
        writer.write(UInt64(payload.count))
        let header = writer.bytes
        var hasher = StableHasher()
        hasher.combine(header)
        hasher.combine(payload)
        let checksum = withUnsafeBytes(of: hasher.finalize().littleEndian) { Array($0) }
        // Written aside and renamed over the old file: a reader sees the old file or the new one.
        let temporary = path + ".tmp"
        try FileSystem.write(parts: [header, payload, checksum], to: temporary)
        guard FileSystem.rename(temporary, to: path) else { throw FileSystem.Failure(description: "cannot write \(path)") }
    }

    /// The file's bytes and where its payload lies in them (not copied out: cache files are tens of MB).
    static func read(_ path: String, magic: String, key: UInt64) -> (bytes: [UInt8], payload: Range<Int>)? {
        guard FileSystem.type(path) == .file, let bytes = try? FileSystem.read(path), bytes.count >= magic.utf8.count + 8,
              bytes.starts(with: magic.utf8) else { return nil }
        var reader = BinaryReader(bytes, range: magic.utf8.count..<(bytes.count - 8))
        guard let format = try? reader.readUInt64(), format == UInt64(version * 1000 + BinaryFormat.version),
              let storedKey = try? reader.readUInt64(), storedKey == key,
              let count = try? reader.readCount(), reader.offset + count == bytes.count - 8 else { return nil }
        let payload = reader.offset..<(reader.offset + count)
        var hasher = StableHasher()
        bytes[..<payload.lowerBound].withUnsafeBytes { hasher.combine(bytes: $0) }
        bytes[payload].withUnsafeBytes { hasher.combine(bytes: $0) }
        let stored = bytes[(bytes.count - 8)...].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard hasher.finalize() == stored else { return nil }
        return (bytes, payload)
    }
}
