import CSystem
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
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0"),
              parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw Refusal(description: "internal error: unsafe output path '\(path)'")
        }
    }

    static func swapIn(_ staging: String, _ output: String) throws {
        guard FileSystem.exists(output) else {
            guard rename(staging, output) == 0 else { throw Refusal(description: "cannot move the new site into \(output): \(String(cString: strerror(errno)))") }
            return
        }
        if okc_exchange_paths(staging, output) == 0 {
            FileSystem.remove(staging) // now holds the previous site
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
final class Staging: Sendable {
    let output: String
    let folder: String

    /// Checks that `output` may be replaced, then makes an empty staging folder with every folder `paths` need.
    init(output: String, siteRoot: String, paths: [String]) throws {
        try Emitter.checkReplaceable(output, siteRoot: siteRoot)
        self.output = output
        folder = Emitter.stagingPath(for: output)
        FileSystem.remove(folder)
        try FileSystem.makeDirectory(folder)
        var folders = Set<Substring>()
        for path in paths {
            try Emitter.validate(path)
            var end = path.lastIndex(of: "/")
            while let slash = end, folders.insert(path[..<slash]).inserted {
                end = path[..<slash].lastIndex(of: "/")
            }
        }
        // Sorted, a folder comes before everything inside it.
        for relative in folders.sorted() {
            try FileSystem.makeDirectory(folder + "/" + relative)
        }
    }

    func write(_ bytes: [UInt8], to path: String) throws {
        try FileSystem.write(bytes, to: folder + "/" + path)
    }

    /// Puts an unchanged file of the previous site into the new one without copying its bytes.
    func reuse(_ previous: String, at path: String) throws {
        try FileSystem.hardLink(previous, to: folder + "/" + path)
    }

    func copy(_ source: String, to path: String) throws {
        try write(try FileSystem.read(source), to: path)
    }

    /// Marks the folder as okc's and swaps it in for `output`.
    func commit() throws {
        try FileSystem.write(Array("okc\n".utf8), to: folder + "/" + Emitter.marker)
        try Emitter.swapIn(folder, output)
    }

    /// Removes a staging folder that will not be committed.
    func discard() { FileSystem.remove(folder) }
}
