import Content
import Foundation

/// `okc diff BASE [HEAD]`: builds the site at two git revisions (HEAD defaults to the working tree) with
/// the same clock and lists the pages added, removed and changed, as Markdown for a pull request.
public enum SiteDiff {
    public struct Changes: Sendable, Equatable {
        /// Site paths (`/moten/x/`, `/sitemap.xml`), sorted.
        public var added: [String] = []
        public var removed: [String] = []
        public var changed: [String] = []
        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
    }

    public struct Outcome: Sendable {
        public var changes: Changes?
        /// Diagnostics of a side that failed to build, each file prefixed with that side.
        public var diagnostics: [Diagnostic]
        public var markdown: String
    }

    /// `options.siteRoot` is the site in the working tree; its output is ignored (temporary folders are used).
    public static func run(base: String, head: String?, options: BuildOptions) throws -> Outcome {
        let site = FileSystem.absolute(options.siteRoot)
        let repository = try Git.run(["rev-parse", "--show-toplevel"], in: site).trimmingCharacters(in: .whitespacesAndNewlines)
        let prefix = try Git.run(["rev-parse", "--show-prefix"], in: site).trimmingCharacters(in: .whitespacesAndNewlines)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("okc-diff-\(UUID().uuidString)").path
        try FileSystem.makeDirectory(scratch)
        defer { FileSystem.remove(scratch) }

        func siteFolder(_ revision: String?, _ name: String) throws -> String {
            guard let revision else { return site }
            try Git.export(revision, from: repository, to: scratch + "/" + name)
            return scratch + "/" + name + (prefix.isEmpty ? "" : "/" + prefix)
        }
        var diagnostics: [Diagnostic] = []
        var outputs: [String] = []
        for (revision, name) in [(Optional(base), "base"), (head, "head")] {
            var sideOptions = options
            sideOptions.siteRoot = try siteFolder(revision, name)
            sideOptions.output = scratch + "/site-" + name
            // Both sides are built once, in temporary folders: a cache would only replace the working tree's.
            sideOptions.cacheFolder = nil
            let result = Site.build(sideOptions)
            let label = revision ?? "working tree"
            diagnostics += result.diagnostics.filter(\.isError).map { var d = $0; d.file = "\(label): \(d.file)"; return d }
            outputs.append(sideOptions.output!)
        }
        let labels = (base, head ?? "working tree")
        guard !diagnostics.hasErrors else {
            return Outcome(changes: nil, diagnostics: diagnostics, markdown: failedMarkdown(labels))
        }
        let changes = compare(outputs[0], outputs[1])
        return Outcome(changes: changes, diagnostics: [], markdown: markdown(changes, base: labels.0, head: labels.1))
    }

    /// Compares two built sites byte by byte.
    public static func compare(_ base: String, _ head: String) -> Changes {
        let old = files(in: base)
        let new = files(in: head)
        var changes = Changes()
        for (path, bytes) in new {
            if let before = old[path] {
                if before != bytes { changes.changed.append(sitePath(path)) }
            } else {
                changes.added.append(sitePath(path))
            }
        }
        changes.removed = old.keys.filter { new[$0] == nil }.map(sitePath)
        changes.added.sort()
        changes.removed.sort()
        changes.changed.sort()
        return changes
    }

    /// `moten/x/index.html` is the page `/moten/x/`; other files keep their name.
    static func sitePath(_ file: String) -> String {
        if file == "index.html" { return "/" }
        if file.hasSuffix("/index.html") { return "/" + file.dropLast("index.html".count) }
        return "/" + file
    }

    static func files(in folder: String, relative: String = "") -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for name in FileSystem.list(folder + (relative.isEmpty ? "" : "/" + relative)) where !name.hasPrefix(".") {
            let path = relative.isEmpty ? name : relative + "/" + name
            switch FileSystem.type(folder + "/" + path) {
            case .directory: result.merge(files(in: folder, relative: path)) { $1 }
            case .file: result[path] = (try? FileSystem.read(folder + "/" + path)) ?? []
            default: continue
            }
        }
        return result
    }

    /// The comment carries a marker so a workflow can find and update its own comment.
    public static let marker = "<!-- okc-diff -->"

    public static func markdown(_ changes: Changes, base: String, head: String) -> String {
        var text = "\(marker)\n### Site changes: `\(base)` → `\(head)`\n\n"
        if changes.isEmpty { return text + "No page or file of the site changes.\n" }
        text += "\(changes.added.count) added, \(changes.removed.count) removed, \(changes.changed.count) changed.\n"
        for (title, paths) in [("Added", changes.added), ("Removed", changes.removed), ("Changed", changes.changed)] where !paths.isEmpty {
            text += "\n#### \(title)\n\n" + paths.map { "- `\($0)`\n" }.joined()
        }
        return text
    }

    static func failedMarkdown(_ labels: (String, String)) -> String {
        "\(marker)\n### Site changes: `\(labels.0)` → `\(labels.1)`\n\nThe site does not build; see the check's annotations.\n"
    }
}
