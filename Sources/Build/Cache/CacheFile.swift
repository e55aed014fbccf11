import Content
#if canImport(Glibc)
import Glibc
#endif

/// One file of the incremental build's cache (`<site>/.okc-cache/`): a magic word naming what it holds,
/// the cache format, the key of the inputs it is valid for, the payload, and a checksum of all of it.
/// The payload is what lies between the key and the checksum: its length is not written first, so a
/// writer streams it without knowing (or holding) all of it beforehand.
/// A file that is truncated, garbled, from another format or for other inputs reads as nil, and the
/// build goes on as if there were no cache: it is never trusted, only ignored.
enum CacheFile {
    static let version = 11

    static func write(_ payload: [UInt8], magic: String, key: UInt64, to path: String) throws {
        try write(magic: magic, key: key, to: path) { sink in
            // A megabyte at a time: handed whole, the sink's buffer would hold a second copy of it.
            for start in stride(from: 0, to: payload.count, by: 1 << 20) {
                try sink.writeRaw(payload[start..<min(start + (1 << 20), payload.count)])
            }
        }
    }

    /// The same file, its payload given piece by piece to `fill` and written out as it comes: a large
    /// cache is never held whole a second time to be written.
    static func write(magic: String, key: UInt64, to path: String, fill: (inout Sink) throws -> Void) throws {
        // Written aside and renamed over the old file: a reader sees the old file or the new one.
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystem.Failure(description: "cannot write \(path)") }
        var sink = Sink(fd: fd, path: path)
        do {
            defer { close(fd) }
            try sink.writeRaw(Array(magic.utf8))
            try sink.writeVarint(UInt64(version * 1000 + BinaryFormat.version))
            try sink.writeVarint(key)
            try fill(&sink)
            try sink.finish()
        } catch {
            FileSystem.remove(temporary)
            throw error
        }
        guard FileSystem.rename(temporary, to: path) else { throw FileSystem.Failure(description: "cannot write \(path)") }
    }

    /// Where a cache file's bytes go: buffered, checksummed and written a megabyte at a time.
    struct Sink {
        let fd: Int32
        let path: String
        private var buffer: [UInt8] = []
        private var hasher = StableHasher.Streaming()

        init(fd: Int32, path: String) {
            self.fd = fd
            self.path = path
            buffer.reserveCapacity(1 << 20)
        }

        mutating func writeRaw<S: Sequence>(_ raw: S) throws where S.Element == UInt8 {
            buffer.append(contentsOf: raw)
            if buffer.count >= 1 << 20 { try flush() }
        }

        /// A count as `BinaryWriter.writeCount` writes it.
        mutating func writeCount(_ value: Int) throws { try writeVarint(UInt64(value)) }

        /// As `BinaryWriter.write(UInt64)` writes it (by it: one encoding of numbers).
        mutating func writeVarint(_ value: UInt64) throws {
            var number = BinaryWriter(capacity: 10, sharesStrings: false)
            number.write(value)
            try writeRaw(number.bytes)
        }

        private mutating func flush() throws {
            hasher.combine(buffer)
            try buffer.withUnsafeBufferPointer { try FileSystem.writeAll($0, to: fd, path: path) }
            buffer.removeAll(keepingCapacity: true)
        }

        /// The checksum of everything written, then the last bytes out.
        mutating func finish() throws {
            try flush()
            let checksum = hasher.finalize()
            withUnsafeBytes(of: checksum.littleEndian) { buffer.append(contentsOf: $0) }
            let sum = buffer
            buffer = []
            try sum.withUnsafeBufferPointer { try FileSystem.writeAll($0, to: fd, path: path) }
        }
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
              let storedKey = try? reader.readUInt64(), storedKey == key else { return nil }
        return (bytes, reader.offset..<(bytes.count - 8))
    }
}
