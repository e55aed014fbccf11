import Content

/// The load stage's first step: which files the site has, what kind each page is and its id,
/// checked before anything is read (ids, duplicates, folders, names, symlinks).
struct SourceInventory {
    struct PageSource: Sendable {
        var kind: Kind
        var id: String
        /// From the site root: `content/meetings/x.md`.
        var path: String
    }

    /// Stamps of the files found (pages, assets, glossary), by path from the site root: the incremental
    /// build's first check that a file is unchanged.
    var stamps: [String: FileSystem.Stamp] = [:]

    var pages: [PageSource] = []
    /// Where the glossary is, if the site has one.
    static let glossaryPath = "content/glossary.yml"
    var glossary: String?
    /// Non-Markdown files under `content/`, by path from the site root.
    var assets: [String] = []
    var diagnostics: [Diagnostic] = []

    static let maxDepth = 12

    static func scan(siteRoot: String) -> SourceInventory {
        var inventory = SourceInventory()
        let realRoot = FileSystem.realPath(siteRoot) ?? siteRoot
        inventory.walk(siteRoot: siteRoot, realRoot: realRoot, relative: "content", depth: 0)
        inventory.checkDuplicates()
        return inventory
    }

    private mutating func walk(siteRoot: String, realRoot: String, relative: String, depth: Int) {
        guard depth <= SourceInventory.maxDepth else {
            diagnostics.append(.error("folders are nested too deeply", at: .file(relative)))
            return
        }
        let names = FileSystem.list(siteRoot + "/" + relative).filter { !$0.hasPrefix(".") }
        // One lstat per entry gives the type and, for a plain file, the stamp the cache checks; a
        // folder's entries are looked at on all cores (a rebuild of a large site waits on them first).
        let folder = FileSystem.OpenFolder(siteRoot + "/" + relative)
        let looked = parallelMap(names) { folder.typeAndStamp($0) }
        for (name, entry) in zip(names, looked) {
            let path = relative + "/" + name
            let full = siteRoot + "/" + path
            var (type, stamp) = entry
            if type == .symlink {
                guard let target = FileSystem.realPath(full), target == realRoot || target.hasPrefix(realRoot + "/") else {
                    diagnostics.append(.error("symbolic link leads outside the site folder", at: .file(path),
                                              hint: "copy the file into the site instead of linking to it"))
                    continue
                }
                type = FileSystem.type(target)
                // A link to a folder that holds it would be walked again and again (two such links: 2^12 times).
                if type == .directory, let here = FileSystem.realPath(siteRoot + "/" + relative),
                   here == target || here.hasPrefix(target + "/") {
                    diagnostics.append(.error("symbolic link leads back to a folder that contains it", at: .file(path),
                                              hint: "remove the link; a folder cannot hold itself"))
                    continue
                }
                stamp = FileSystem.stamp(target)
            }
            switch type {
            case .directory:
                // Folder names end up in the addresses of the files inside them, like file names do.
                if let problem = FileNames.problem(name) {
                    diagnostics.append(.error("folder name '\(name)' \(problem)", at: .file(path),
                                              hint: "rename it to '\(Identifier.slug(name))'"))
                }
                walk(siteRoot: siteRoot, realRoot: realRoot, relative: path, depth: depth + 1)
            case .file:
                if let stamp { stamps[path] = stamp }
                classify(path: path, name: name)
            default:
                diagnostics.append(.warning("not a regular file; skipped", at: .file(path)))
            }
        }
    }

    private mutating func classify(path: String, name: String) {
        // Split on the bytes for ASCII paths (every valid one); Characters for the rest, as before.
        let components = path.utf8.allSatisfy({ $0 < 0x80 }) ? path.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
                                                              : path.split(separator: "/").map(String.init)
        if path == Self.glossaryPath {
            glossary = path
            return
        }
        guard name.hasSuffix(".md") else {
            if let problem = FileNames.problem(name) {
                diagnostics.append(.error("file name '\(name)' \(problem)", at: .file(path), hint: "rename it to '\(FileNames.suggestion(name))'"))
            } else {
                assets.append(path)
            }
            return
        }
        guard components.count >= 3, let kind = Kind(folder: components[1]) else {
            let folder = components.count >= 3 ? components[1] : ""
            diagnostics.append(.error(folder.isEmpty ? "a page must be in a folder of content/ that names its kind"
                                                     : "unknown folder 'content/\(folder)/'", at: .file(path),
                                      hint: Closest.hint(folder, in: Kind.allCases.map(\.folder))
                                        ?? "folders: \(Kind.allCases.map(\.folder).joined(separator: ", "))"))
            return
        }
        pages.append(PageSource(kind: kind, id: String(name.dropLast(3)), path: path))
    }

    /// Ids must be unique within a kind, even where only case or Unicode normalisation differs
    /// (macOS writes decomposed names; case-insensitive disks merge them). Valid ids and names already
    /// in composed form are taken first, so the message lands on the file to rename.
    private mutating func checkDuplicates() {
        // Valid ids are lower-case ASCII (Identifier.problem): composed and lower-cased already.
        let problems = pages.map { Identifier.problem($0.id) }
        func rank(_ offset: Int) -> Int {
            problems[offset] == nil ? 0 : pages[offset].id.unicodeScalars.elementsEqual(pages[offset].id.precomposedForm.unicodeScalars) ? 1 : 2
        }
        // Each page's rank once, not once per comparison of the sort.
        let order = pages.indices.map { ($0, rank($0)) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
        var seen: [String: PageSource] = [:]
        seen.reserveCapacity(pages.count)
        var kept = [Bool](repeating: false, count: pages.count)
        for offset in order {
            let page = pages[offset]
            // Composed and lower-cased: the names a case-insensitive, normalising disk (macOS) takes as one.
            let key = page.kind.rawValue + "/" + (problems[offset] == nil ? page.id : page.id.precomposedForm.lowercased())
            if let first = seen[key] {
                diagnostics.append(SourceInventory.clash(page, with: first))
                continue
            }
            seen[key] = page
            if let problem = problems[offset] {
                diagnostics.append(.error("file name '\(page.id).md' cannot be a page id: \(problem)", at: .file(page.path),
                                          hint: "rename it to '\(Identifier.slug(page.id)).md'"))
                continue
            }
            kept[offset] = true
        }
        pages = pages.indices.filter { kept[$0] }.map { pages[$0] }
    }

    static func clash(_ page: PageSource, with first: PageSource) -> Diagnostic {
        let same = page.id.unicodeScalars.elementsEqual(first.id.unicodeScalars)
        let composedAlike = page.id.precomposedForm.unicodeScalars.elementsEqual(first.id.precomposedForm.unicodeScalars)
        let hint = "rename one of them; ids are file names and must be unique within content/\(page.kind.folder)/"
        if same {
            return .error("duplicate id '\(page.id)': \(first.path) has the same id", at: .file(page.path), hint: hint)
        }
        let how = composedAlike ? "only by Unicode normalisation (one is written decomposed, as macOS does)" : "only by case"
        return .error("file name '\(page.id).md' differs from \(first.path) \(how): on macOS and Windows they are one file",
                      at: .file(page.path), hint: hint)
    }
}

/// Names of files copied as they are: they end up in URLs, so only characters every URL and disk carry.
enum FileNames {
    static func problem(_ name: String) -> String? {
        let ok = name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
        return ok ? nil : "has characters a web address cannot carry (use a–z, 0–9, '-', '_' and '.')"
    }

    static func suggestion(_ name: String) -> String {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return Identifier.slug(name) }
        return Identifier.slug(parts.dropLast().joined(separator: ".")) + "." + parts.last!.lowercased()
    }
}

extension String {
    var precomposedForm: String { precomposedStringWithCanonicalMapping }
}

import Foundation
