import OKCSystem
import Content
#if canImport(Glibc)
import Glibc
#endif

/// The emit stage: writes the whole site into a fresh folder beside the target and swaps it in with
/// one atomic rename, so readers and a killed build only ever see the old site or the new one.
enum Emitter {
    static let marker = ".okc-build"

    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    /// The staging folder next to `output`; a leftover from a killed build is removed before use.
    static func stagingPath(for output: String) -> String { output + ".okc-new" }

    /// Checks that `output` may be replaced: absent, empty, or a folder okc built before.
    static func checkReplaceable(_ output: String, siteRoot: String) throws {
        let site = FileSystem.realPath(siteRoot) ?? siteRoot
        let target = FileSystem.realPath(output) ?? output
        if site == target || site.hasPrefix(target + "/") || target == "/" {
            throw Refusal(description: "refusing to write the site into \(output): it contains the sources")
        }
        for protected in ["content", "theme"] where target == site + "/" + protected || target.hasPrefix(site + "/" + protected + "/") {
            throw Refusal(description: "refusing to write the site into \(output): it is inside \(protected)/")
        }
        switch FileSystem.type(output) {
        case .missing: return
        case .directory:
            let names = FileSystem.list(output)
            if names.isEmpty || names.contains(marker) { return }
            throw Refusal(description: "refusing to replace \(output): it is not empty and okc did not build it (no \(marker) file)")
        default:
            throw Refusal(description: "refusing to replace \(output): it is not a folder")
        }
    }

    /// Every output path is relative, without `..` or empty parts: nothing can land outside the output.
    static func validate(_ path: String) throws {
        // ASCII paths (every path okc makes from ids): the same checks on the bytes, without Strings.
        if path.utf8.withContiguousStorageIfAvailable(isPlainASCIIPath) == true { return }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0"),
              parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw Refusal(description: "internal error: unsafe output path '\(path)'")
        }
    }

    /// ASCII without NUL, made of segments none of which is empty, `.` or `..`: one pass over the bytes
    /// (splitting each of a site's paths made an array per path on the way of every build).
    static func isPlainASCIIPath(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        var start = 0
        for i in 0...bytes.count {
            if i < bytes.count {
                let byte = bytes[i]
                if byte >= 0x80 || byte == 0 { return false }
                if byte != UInt8(ascii: "/") { continue }
            }
            let length = i - start
            if length == 0 { return false }
            if bytes[start] == UInt8(ascii: "."), length == 1 || (length == 2 && bytes[start + 1] == UInt8(ascii: ".")) { return false }
            start = i + 1
        }
        return true
    }

    /// Moves `staging` to `output`. The previous site is removed, or with `keepPrevious` left in
    /// `staging` (when the swap could exchange the two) for an incremental build to start from.
    static func swapIn(_ staging: String, _ output: String, keepPrevious: Bool = false) throws {
        guard FileSystem.exists(output) else {
            guard rename(staging, output) == 0 else { throw Refusal(description: "cannot move the new site into \(output): \(String(cString: strerror(errno)))") }
            return
        }
        if okc_exchange_paths(staging, output) == 0 {
            if !keepPrevious { FileSystem.remove(staging) } // now holds the previous site
            return
        }
        // File systems without RENAME_EXCHANGE: two renames, with a short moment of no site.
        let old = output + ".okc-old"
        FileSystem.remove(old)
        guard rename(output, old) == 0 else { throw Refusal(description: "cannot replace \(output): \(String(cString: strerror(errno)))") }
        guard rename(staging, output) == 0 else {
            _ = rename(old, output)
            throw Refusal(description: "cannot replace \(output): \(String(cString: strerror(errno)))")
        }
        FileSystem.remove(old)
    }
}

/// The new site while it is being written: files arrive from many render threads at once, each to
/// its own path, into folders made beforehand. Nothing is visible at `output` until `commit`.
///
/// An incremental build starts from the site before the current one (kept beside the output as
/// `<output>.okc-prev`, see RecycledSite) instead of an empty folder: most of its files are already
/// right and stay, so a build that changes ten files touches about ten files. Whatever is replaced is
/// unlinked first and written as a new file, never overwritten in place, because files are shared
/// (hard links) between the current site and the next.
final class Staging: Sendable {
    let output: String
    let folder: String
    /// Whether the folder started as the previous site rather than empty.
    let recycled: Bool
    /// Every folder `paths` need, made or found here (the manifest records their times).
    let folders: [String]
    /// `folder`, held open for `stamp`.
    private let opened: FileSystem.OpenFolder

    /// Checks that `output` may be replaced, then makes the staging folder, from `recycle` when given,
    /// with every folder `paths` need.
    /// `knownFolders`: the recycled folder's folders, checked to be there (see IncrementalEmit).
    init(output: String, siteRoot: String, paths: [String], recycle: String? = nil, knownFolders: [String: Int] = [:]) throws {
        try Emitter.checkReplaceable(output, siteRoot: siteRoot)
        self.output = output
        folder = Emitter.stagingPath(for: output)
        FileSystem.remove(folder)
        if let recycle, FileSystem.type(recycle) == .directory, FileSystem.rename(recycle, to: folder) {
            recycled = true
            // The search index is not in the manifest: it is made anew for every site, or left out. Nor may
            // Pagefind write into a recycled index, whose files are hard links shared with the live site.
            FileSystem.remove(folder + "/" + SearchIndexer.folder)
        } else {
            if let recycle { FileSystem.remove(recycle) }
            recycled = false
            try FileSystem.makeDirectory(folder)
        }
        var folders = Set<Substring>()
        for path in paths {
            try Emitter.validate(path)
            var end = path.utf8.lastIndex(of: UInt8(ascii: "/"))
            while let slash = end, folders.insert(path[..<slash]).inserted {
                end = path.utf8[..<slash].lastIndex(of: UInt8(ascii: "/"))
            }
        }
        self.folders = folders.map(String.init)
        // Level by level (a folder after the one it is in), each level's folders on all cores.
        var levels: [[String]] = []
        for relative in self.folders where !recycled || knownFolders[relative] == nil {
            let depth = relative.utf8.count { $0 == UInt8(ascii: "/") }
            while levels.count <= depth { levels.append([]) }
            levels[depth].append(relative)
        }
        let base = folder, isRecycled = recycled
        for level in levels {
            let failures = parallelMap(level) { relative -> String? in
                let full = base + "/" + relative
                if isRecycled, FileSystem.type(full) != .directory { FileSystem.remove(full) }
                do { try FileSystem.makeDirectory(full) } catch { return "\(error)" }
                return nil
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw FileSystem.Failure(description: failure) }
        }
        opened = FileSystem.OpenFolder(folder)
    }

    /// Removes what is at `path` in a recycled folder, so that a new file can be made there.
    private func clear(_ path: String) {
        guard recycled else { return }
        let full = folder + "/" + path
        if !FileSystem.unlinkFile(full), FileSystem.type(full) == .directory { FileSystem.remove(full) }
    }

    /// The written file's stamp (nil if it could not be read).
    @discardableResult
    func write(_ bytes: [UInt8], to path: String) throws -> FileSystem.Stamp? {
        clear(path)
        return try FileSystem.write(bytes, to: folder + "/" + path)
    }

    /// A rendered file, written from the text's own UTF-8 storage (a site's largest files are tens of MB).
    @discardableResult
    func write(_ text: String, to path: String) throws -> FileSystem.Stamp? {
        clear(path)
        var text = text
        return try text.withUTF8 { try FileSystem.write($0, to: folder + "/" + path) }
    }

    /// Puts an unchanged file of the current site into the new one without copying its bytes.
    func reuse(_ previous: String, at path: String) throws {
        clear(path)
        try FileSystem.hardLink(previous, to: folder + "/" + path)
    }

    func copy(_ source: String, to path: String) throws {
        try write(try FileSystem.read(source), to: path)
    }

    /// The stamp of what is at `path` now (nil if nothing).
    func stamp(_ path: String) -> FileSystem.Stamp? { opened.stamp(path) }

    /// In a recycled folder, removes the files of the previous site that the new one does not have,
    /// then the folders that are left empty.
    func prune(previous: [String], keeping paths: Set<String>) {
        guard recycled else { return }
        var folders = Set<String>()
        for path in previous where !paths.contains(path) {
            FileSystem.unlinkFile(folder + "/" + path)
            var current = path
            while let slash = current.lastIndex(of: "/") {
                current = String(current[..<slash])
                folders.insert(current)
            }
        }
        // Deepest first; a folder that still holds something stays.
        for relative in folders.sorted(by: { $0.count > $1.count }) { _ = FileSystem.removeEmptyFolder(folder + "/" + relative) }
    }

    /// Marks the folder as okc's and swaps it in for `output`. The site it replaces is then in `folder`.
    /// `beforeSwap` runs on the complete folder (the search indexer); if it throws, nothing is swapped.
    func commit(beforeSwap: ((String) throws -> Void)? = nil) throws {
        try write(Array("okc\n".utf8), to: Emitter.marker)
        try beforeSwap?(folder)
        try Emitter.swapIn(folder, output, keepPrevious: true)
    }

    /// Removes a staging folder that will not be committed.
    func discard() { FileSystem.remove(folder) }
}
