import Content
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a body's HTML lies in the cache's body file, with a hash to check it by when read back.
struct BodyRef: Sendable, Hashable {
    var offset: UInt64
    var length: UInt64
    var hash: UInt64
}

/// The rendered bodies of every page, apart from the rest of the cache: an incremental build reads a
/// body back only for a page it renders again. The file only grows while the site is edited (a body
/// that changed is appended, the old bytes stay), and is written afresh when most of it is stale.
final class BodyStore: @unchecked Sendable {
    let path: String
    private let fd: Int32
    /// Bytes in the file. Appends reserve their range under the lock and write outside it.
    private(set) var size: UInt64
    private let lock = NSLock()

    private func reserve(_ count: Int) -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        let offset = size
        size += UInt64(count)
        return offset
    }

    /// Opens the body file of a cache generation, or creates an empty one (`fresh`).
    init?(path: String, fresh: Bool) {
        self.path = path
        if fresh { FileSystem.remove(path) }
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0 else { close(fd); return nil }
        size = UInt64(info.st_size)
    }

    deinit { close(fd) }

    /// Appends many bodies in one reserved range; their hashes are taken on all cores first. They go
    /// through one reused buffer of about a megabyte: a buffer of all of them was 50 MB of fresh memory
    /// (and its page faults) at 10,000 pages.
    func append(all bodies: [String]) -> [BodyRef]? {
        let hashes = parallelMap(bodies) { StableHasher.hashUTF8($0) }
        let start = reserve(bodies.reduce(0) { $0 + $1.utf8.count })
        let chunk = 1 << 20
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunk)
        var refs: [BodyRef] = []
        refs.reserveCapacity(bodies.count)
        var position: UInt64 = 0
        var flushed: UInt64 = 0
        for (body, hash) in zip(bodies, hashes) {
            refs.append(BodyRef(offset: start + position, length: UInt64(body.utf8.count), hash: hash))
            position += UInt64(body.utf8.count)
            buffer.append(contentsOf: body.utf8)
            if buffer.count >= chunk {
                guard buffer.withUnsafeBytes({ write($0, at: start + flushed) }) else { return nil }
                flushed += UInt64(buffer.count)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        guard buffer.isEmpty || buffer.withUnsafeBytes({ write($0, at: start + flushed) }) else { return nil }
        return refs
    }

    /// Appends one body; safe from many threads at once (the parse stage of a large site).
    func append(_ html: String) -> BodyRef? {
        var text = html
        return text.withUTF8 { bytes -> BodyRef? in
            let start = reserve(bytes.count)
            guard write(UnsafeRawBufferPointer(bytes), at: start) else { return nil }
            var hasher = StableHasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            return BodyRef(offset: start, length: UInt64(bytes.count), hash: hasher.finalize())
        }
    }

    private func write(_ bytes: UnsafeRawBufferPointer, at offset: UInt64) -> Bool {
        var written = 0
        while written < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + written, bytes.count - written, off_t(offset) + off_t(written))
            if n < 0 { if errno == EINTR { continue }; return false }
            written += n
        }
        return true
    }

    /// The HTML, or nil when the bytes are not there or not what was written: the caller parses again.
    func read(_ ref: BodyRef) -> String? {
        // Rendering reads while the cache's writer may append (Site.build): the size under the lock.
        let size = lock.withLock { self.size }
        guard ref.offset + ref.length <= size, ref.length < 1 << 31 else { return nil }
        guard let bytes = FileSystem.read(fd, count: Int(ref.length), at: Int(ref.offset)), StableHasher.hash(bytes) == ref.hash else {
            return nil
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
