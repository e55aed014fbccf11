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
        var result: [UInt8] = []
        var info = stat()
        // One read of the size the file has, unless it grows meanwhile.
        var chunk = [UInt8](repeating: 0, count: fstat(fd, &info) == 0 && info.st_size > 0 ? Int(info.st_size) + 1 : 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot read \(path): \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            result.append(contentsOf: chunk[0..<n])
        }
        return result
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += n
        }
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

    enum EntryType { case file, directory, symlink, other, missing }

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

    /// Names in a folder, sorted bytewise so every machine lists them alike.
    static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
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
