import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices edits by polling: every few hundred milliseconds it lists the watched files with their size
/// and modification time and compares. Polling was chosen over inotify because it is a few lines of
/// portable code, sees edits made through any tool (editors that replace files, git checkouts, network
/// folders where inotify is silent), and a site of a few thousand files is listed in milliseconds.
struct SourceWatcher: Sendable {
    struct Stamp: Hashable, Sendable {
        var size: Int
        var modified: Int
    }

    typealias Snapshot = [String: Stamp]

    /// Files or folders to watch; folders are walked to `maxDepth`.
    let paths: [String]
    static let maxDepth = 12
    /// A bound on the work of one look, so a mistaken `--site /` cannot make every tick walk the disk.
    static let maxFiles = 50_000

    func snapshot() -> Snapshot {
        var result: Snapshot = [:]
        for path in paths { add(path, depth: 0, to: &result) }
        return result
    }

    private func add(_ path: String, depth: Int, to result: inout Snapshot) {
        guard result.count < SourceWatcher.maxFiles else { return }
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            guard depth < SourceWatcher.maxDepth else { return }
            // Hidden names are skipped as the build skips them: editors' swap files must not rebuild.
            for name in SourceWatcher.names(in: path) where !name.hasPrefix(".") {
                add(path + "/" + name, depth: depth + 1, to: &result)
            }
        } else {
            result[path] = Stamp(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
        }
    }

    static func names(in folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    }
}
