import OKCSystem
import Content
import Theme
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

    /// `beforeSwap` runs on the complete staging folder (the search indexer); if it throws, nothing is swapped.
    static func emit(_ files: [OutputFile], copies: [(path: String, source: String)], to output: String, siteRoot: String,
                     beforeSwap: ((String) throws -> Void)? = nil) throws {
        try checkReplaceable(output, siteRoot: siteRoot)
        let staging = stagingPath(for: output)
        FileSystem.remove(staging)
        try FileSystem.makeDirectory(staging)
        var folders = Set<String>()
        func ensureFolder(for path: String) throws {
            var components = path.split(separator: "/").dropLast()
            var pending: [String] = []
            while !components.isEmpty {
                let folder = components.joined(separator: "/")
                if folders.contains(folder) { break }
                pending.append(folder)
                components = components.dropLast()
            }
            for folder in pending.reversed() {
                try FileSystem.makeDirectory(staging + "/" + folder)
                folders.insert(folder)
            }
        }
        for file in files {
            try validate(file.path)
            try ensureFolder(for: file.path)
            try FileSystem.write(file.bytes, to: staging + "/" + file.path)
        }
        for copy in copies {
            try validate(copy.path)
            try ensureFolder(for: copy.path)
            try FileSystem.write(try FileSystem.read(copy.source), to: staging + "/" + copy.path)
        }
        try FileSystem.write(Array("okc\n".utf8), to: staging + "/" + marker)
        do {
            try beforeSwap?(staging)
        } catch {
            FileSystem.remove(staging)
            throw error
        }
        try swapIn(staging, output)
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
