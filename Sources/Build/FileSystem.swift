import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few disk operations the build needs, with plain POSIX calls: Foundation's writes fsync every
/// file on Linux, which makes large sites several times slower (docs/cmark-gfm-notes.md).
enum FileSystem {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(description: "cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        // Read straight into the array, sized as the file is (+1 to see its end in one read): no zero
        // filling and no second copy, which mattered for the cache's files of tens of MB.
        let expected = fstat(fd, &info) == 0 && info.st_size > 0 ? Int(info.st_size) + 1 : 1 << 16
        var failure: Int32 = 0
        var result = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { break }
                count += n
            }
        }
        // A file that grew while being read (or whose size was unknown): the rest in chunks.
        if failure == 0, result.count == expected {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }
                result.append(contentsOf: chunk[0..<n])
            }
        }
        guard failure == 0 else { throw Failure(description: "cannot read \(path): \(String(cString: strerror(failure)))") }
        return result
    }

    @discardableResult
    static func write(_ bytes: [UInt8], to path: String) throws -> Stamp? {
        try bytes.withUnsafeBufferPointer { try write($0, to: path) }
    }

    /// The written file's stamp, from the open file (what `stamp(path)` then gives, without a lookup of the path).
    @discardableResult
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) throws -> Stamp? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try writeAll(bytes, to: fd, path: path)
        var info = stat()
        return fstat(fd, &info) == 0 ? Stamp(info) : nil
    }

    /// Writes all of `bytes` to an open file: one `write` may take only part of them.
    static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to fd: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    /// `count` bytes of an open file from `offset`; nil if they cannot all be read (one `pread` may return
    /// only part of them).
    static func read(_ fd: Int32, count: Int, at offset: Int) -> [UInt8]? {
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, read in
            read = 0
            while read < count {
                let n = pread(fd, buffer.baseAddress! + read, count - read, off_t(offset + read))
                if n < 0, errno == EINTR { continue }
                if n <= 0 { complete = false; return }
                read += n
            }
        }
        return complete ? bytes : nil
    }

    /// Writes a new file; fails if anything exists at `path` (O_EXCL: no window between check and write).
    static func create(_ bytes: [UInt8], at path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
        close(fd)
        try write(bytes, to: path)
    }

    static func hardLink(_ existing: String, to path: String) throws {
        guard link(existing, path) == 0 else {
            throw Failure(description: "cannot link \(existing) to \(path): \(String(cString: strerror(errno)))")
        }
    }

    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw Failure(description: "cannot create folder \(path): \(String(cString: strerror(errno)))")
        }
    }

    enum EntryType: Sendable { case file, directory, symlink, other, missing }

    static func type(_ path: String) -> EntryType {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    static func exists(_ path: String) -> Bool { type(path) != .missing }

    /// What says a file is unchanged without reading it. Used only to validate the incremental
    /// build's cache, never to make output.
    struct Stamp: Hashable, Sendable {
        var size: Int
        var modified: Int
        var changed: Int
        var inode: UInt64
        var device: UInt64

        static let none = Stamp(size: -1, modified: 0, changed: 0, inode: 0, device: 0)

        init(size: Int, modified: Int, changed: Int, inode: UInt64, device: UInt64) {
            (self.size, self.modified, self.changed, self.inode, self.device) = (size, modified, changed, inode, device)
        }

        init(_ info: stat) {
            self.init(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                      changed: Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec),
                      inode: UInt64(info.st_ino), device: UInt64(info.st_dev))
        }
    }

    static func typeAndStamp(_ path: String) -> (EntryType, Stamp?) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return (.missing, nil) }
        return typeAndStamp(info)
    }

    private static func typeAndStamp(_ info: stat) -> (EntryType, Stamp?) {
        let stamp = Stamp(info)
        switch info.st_mode & S_IFMT {
        case S_IFREG: return (.file, stamp)
        case S_IFDIR: return (.directory, stamp)
        case S_IFLNK: return (.symlink, nil)
        default: return (.other, nil)
        }
    }

    /// A folder held open, for looking at what lies under it by relative path: a path from the root
    /// walks every folder on the way again, and a large site's rebuild stats ~30,000 files. A folder
    /// that cannot be opened is looked into by full paths instead.
    final class OpenFolder: Sendable {
        private let path: String
        /// -1 when the folder could not be opened.
        private let fd: Int32

        init(_ path: String) {
            self.path = path
            fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }

        deinit { if fd >= 0 { close(fd) } }

        /// `lstat` of what is at `relative` under the folder.
        private func look(_ relative: String, _ info: inout stat) -> Bool {
            fd >= 0 ? fstatat(fd, relative, &info, AT_SYMLINK_NOFOLLOW) == 0 : lstat(path + "/" + relative, &info) == 0
        }

        /// `FileSystem.typeAndStamp` of what is at `relative` under the folder.
        func typeAndStamp(_ relative: String) -> (EntryType, Stamp?) {
            var info = stat()
            guard look(relative, &info) else { return (.missing, nil) }
            return FileSystem.typeAndStamp(info)
        }

        /// The stamp of what is at `relative` under the folder, not following a link there.
        func stamp(_ relative: String) -> Stamp? {
            var info = stat()
            guard look(relative, &info) else { return nil }
            return Stamp(info)
        }
    }

    /// The stamp of a file (following a symbolic link), nil if there is none.
    static func stamp(_ path: String, follow: Bool = true) -> Stamp? {
        var info = stat()
        guard (follow ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        return Stamp(info)
    }

    /// Removes one file or empty folder entry; false if it was not there or could not be removed.
    @discardableResult
    static func unlinkFile(_ path: String) -> Bool { unlink(path) == 0 }

    static func rename(_ from: String, to: String) -> Bool { Glibc.rename(from, to) == 0 }

    static func removeEmptyFolder(_ path: String) -> Bool { rmdir(path) == 0 }

    /// Names in a folder, sorted bytewise so every machine lists them alike.
    static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            // Read the name in place: glibc allocates only d_reclen bytes of an entry, so copying the
            // whole 256-byte d_name field (entry.pointee.d_name) reads past the end of the buffer.
            let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let name = String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Removes a file or a whole folder; symlinks are removed, never followed.
    static func remove(_ path: String) {
        switch type(path) {
        case .directory:
            for name in list(path) { remove(path + "/" + name) }
            rmdir(path)
        case .missing:
            return
        default:
            unlink(path)
        }
    }

    static func absolute(_ path: String) -> String {
        let base = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in base.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
