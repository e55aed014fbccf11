import Content

/// Where every page and file lands on the site, and how a link written in a source file maps to it.
/// Built from file paths alone, so links can be rewritten while bodies are rendered.
public struct Routes: Sendable {
    public enum Target: Sendable, Hashable {
        /// A page, by its document key, with the anchor written after `#`.
        case page(key: String, anchor: String?)
        /// A file copied from `content/`, by its output path.
        case file(String)
        /// An anchor on the same page.
        case sameDocument(anchor: String)
        /// Not something okc checks (outside addresses, mail).
        case external
        /// A relative link whose target does not exist; the text says what was looked for.
        case missing(String)
    }

    public let config: SiteConfig
    /// Source path → document key, for every page that will be built.
    private let pageKeys: [String: String]
    /// Document key → output folder (`moten/2024-08-19-ros/`).
    private let folders: [String: String]
    /// Source path of a non-Markdown file under `content/` → its output path.
    private let files: [String: String]

    public static let filesFolder = "filer"

    public init(config: SiteConfig, documents: [(kind: Kind, id: String, path: String)], contentFiles: [String]) {
        self.config = config
        var keys: [String: String] = [:]
        var folders: [String: String] = [:]
        for doc in documents {
            let key = "\(doc.kind.rawValue)/\(doc.id)"
            keys[doc.path] = key
            let section = config.section(doc.kind)
            folders[key] = section.isEmpty ? "\(doc.id)/" : "\(section)/\(doc.id)/"
        }
        self.pageKeys = keys
        self.folders = folders
        var files: [String: String] = [:]
        for path in contentFiles where path.hasPrefix("content/") {
            files[path] = Routes.filesFolder + "/" + path.dropFirst("content/".count)
        }
        self.files = files
    }

    /// The output folder of a page, relative to the site root, ending in `/` (`""` for the home page).
    public func folder(ofKey key: String) -> String? { folders[key] }

    /// The output folder of a section's list page (`moten/`).
    public func sectionFolder(_ kind: Kind) -> String {
        let section = config.section(kind)
        return section.isEmpty ? "" : section + "/"
    }

    /// Absolute URL of an output folder or file, for feeds, sitemaps and canonical links.
    public func absoluteURL(_ outputPath: String) -> String { config.baseURL + outputPath }

    /// A link from the page whose output folder is `from` to `to` (both relative to the site root),
    /// written relative so the site works under any base path, on a preview server and from disk.
    public static func relative(from: String, to: String) -> String {
        asciiRelative(from: from, to: to) ?? characterRelative(from: from, to: to)
    }

    static func characterRelative(from: String, to: String) -> String {
        let fromParts = from.split(separator: "/")
        let toParts = to.split(separator: "/", omittingEmptySubsequences: false)
        // Shared leading folders need no climbing: /delregioner/ links to norr/, not ../delregioner/norr/.
        var shared = 0
        while shared < fromParts.count, shared < toParts.count - 1, fromParts[shared] == toParts[shared] { shared += 1 }
        let up = String(repeating: "../", count: fromParts.count - shared)
        let link = up + toParts[shared...].joined(separator: "/")
        return link.isEmpty ? "./" : link
    }

    /// `relative(from:to:)` on the UTF-8 bytes of ASCII paths (every path okc makes from ids): the same
    /// result without splitting into substrings. Nil for other text, where `==` on substrings means
    /// canonical equivalence and the general code decides.
    static func asciiRelative(from: String, to: String) -> String? {
        var from = from, to = to
        return from.withUTF8 { f -> String? in
            to.withUTF8 { t -> String? in
                let slash = UInt8(ascii: "/")
                guard !f.contains(where: { $0 >= 0x80 }), !t.contains(where: { $0 >= 0x80 }) else { return nil }
                // The non-empty segments of `from`, counted and matched in one pass (no array of them): the
                // leading ones equal to `to`'s segments are shared; the last segment of `to` (after its last
                // slash) never counts.
                var segments = 0
                var shared = 0
                var tail = 0
                var matching = true
                var i = 0
                while i < f.count {
                    if f[i] == slash { i += 1; continue }
                    let start = i
                    while i < f.count, f[i] != slash { i += 1 }
                    segments += 1
                    guard matching else { continue }
                    if let end = t[tail...].firstIndex(of: slash), t[tail..<end].elementsEqual(f[start..<i]) {
                        shared += 1
                        tail = end + 1
                    } else {
                        matching = false
                    }
                }
                // "../" per unshared segment, then the rest of `to`, written once into a String of that length.
                let up = segments - shared
                let length = up * 3 + (t.count - tail)
                guard length > 0 else { return "./" }
                return String(unsafeUninitializedCapacity: length) { out in
                    var k = 0
                    for _ in 0..<up {
                        out[k] = UInt8(ascii: "."); out[k + 1] = UInt8(ascii: "."); out[k + 2] = slash
                        k += 3
                    }
                    for j in tail..<t.count {
                        out[k] = t[j]
                        k += 1
                    }
                    return length
                }
            }
        }
    }

    /// What a link written in the source file `sourcePath` points at.
    public func target(of url: String, from sourcePath: String) -> Target {
        if let target = asciiRelativeTarget(of: url, from: sourcePath) { return target }
        if url.isEmpty { return .missing("the link has no target") }
        if URLCheck.scheme(of: url) != nil || url.hasPrefix("//") { return .external }
        let (pathPart, anchor) = Routes.splitAnchor(url)
        if pathPart.isEmpty {
            return .sameDocument(anchor: anchor ?? "")
        }
        if pathPart.hasPrefix("/") { return .external }
        guard let resolved = Routes.resolve(pathPart.removingPercentEncodingSafe, relativeTo: sourcePath) else {
            return .missing("'\(pathPart)' leads outside the site folder")
        }
        if let key = pageKeys[resolved] { return .page(key: key, anchor: anchor) }
        if let file = files[resolved] { return .file(file) }
        return .missing("no page or file '\(resolved)'")
    }

    /// The URL to write in the HTML of a page whose output folder is `fromFolder`, or nil to keep it.
    public func rewrite(_ url: String, from sourcePath: String, fromFolder: String) -> String? {
        rewrite(target(of: url, from: sourcePath), fromFolder: fromFolder)
    }

    /// The URL for a link whose target is known.
    public func rewrite(_ target: Target, fromFolder: String) -> String? {
        switch target {
        case .page(let key, let anchor):
            guard let folder = folders[key] else { return nil }
            return Routes.relative(from: fromFolder, to: folder) + (anchor.map { "#" + $0 } ?? "")
        case .file(let output):
            return Routes.relative(from: fromFolder, to: output)
        default:
            return nil
        }
    }

    /// `target(of:from:)` for the links most pages hold: ASCII relative paths without `%`, `#`-anchors
    /// aside, where the bytes say what the Characters say. Nil for anything the general code must decide.
    private func asciiRelativeTarget(of url: String, from sourcePath: String) -> Target? {
        let utf8 = url.utf8
        guard let first = utf8.first, first == UInt8(ascii: ".") || (first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")),
              utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "%") && $0 != UInt8(ascii: ":") }) else { return nil }
        // No ':' at all: not a URL with a scheme; starting with '.' or a letter: not '//' nor '/'.
        let hash = utf8.firstIndex(of: UInt8(ascii: "#"))
        let pathPart = hash.map { String(url[..<$0]) } ?? url
        let anchor = hash.map { String(url[utf8.index(after: $0)...]) }
        guard !pathPart.isEmpty else { return nil }
        guard let resolved = Routes.resolve(pathPart, relativeTo: sourcePath) else {
            return .missing("'\(pathPart)' leads outside the site folder")
        }
        if let key = pageKeys[resolved] { return .page(key: key, anchor: anchor) }
        if let file = files[resolved] { return .file(file) }
        return .missing("no page or file '\(resolved)'")
    }

    static func splitAnchor(_ url: String) -> (String, String?) {
        guard let hash = url.firstIndex(of: "#") else { return (url, nil) }
        return (String(url[..<hash]), String(url[url.index(after: hash)...]).removingPercentEncodingSafe)
    }

    /// Joins a relative path onto the folder of `sourcePath`; nil if `..` climbs above the site root.
    static func resolve(_ relative: String, relativeTo sourcePath: String) -> String? {
        if relative.utf8.allSatisfy({ $0 < 0x80 }), sourcePath.utf8.allSatisfy({ $0 < 0x80 }) {
            return asciiResolve(relative, relativeTo: sourcePath)
        }
        return resolveCharacters(relative, relativeTo: sourcePath)
    }

    /// `resolve` for ASCII text, where bytes and Characters split alike: substrings of the UTF-8
    /// view instead of a String per path component.
    static func asciiResolve(_ relative: String, relativeTo sourcePath: String) -> String? {
        var relative = relative, sourcePath = sourcePath
        return sourcePath.withUTF8 { source in
            relative.withUTF8 { link -> String? in
                // Built in one buffer: splitting both paths into arrays of slices and joining them again
                // was most of resolving a link, and every page has ~20.
                var path = SegmentPath(capacity: source.count + link.count)
                forEachSegment(source) { path.push($0) }
                guard path.pop() else { return nil }
                var inside = true
                forEachSegment(link) { segment in
                    guard inside, !(segment.count == 1 && segment[segment.startIndex] == dot) else { return }
                    if segment.count == 2 && segment[segment.startIndex] == dot && segment[segment.startIndex + 1] == dot {
                        inside = path.pop()
                    } else {
                        path.push(segment)
                    }
                }
                return inside ? String(decoding: path.bytes, as: UTF8.self) : nil
            }
        }
    }

    private static let dot = UInt8(ascii: "."), slash = UInt8(ascii: "/")

    /// The non-empty parts between slashes, as `split(separator: "/")` gives them.
    private static func forEachSegment(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> Void) {
        var start = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == slash {
            if i > start { body(bytes[start..<i]) }
            start = i + 1
        }
    }

    /// Path segments joined by slashes as they are pushed and popped.
    private struct SegmentPath {
        var bytes: [UInt8] = []

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        mutating func push(_ segment: Slice<UnsafeBufferPointer<UInt8>>) {
            if !bytes.isEmpty { bytes.append(Routes.slash) }
            bytes.append(contentsOf: segment)
        }

        /// Removes the last segment; false if there is none.
        mutating func pop() -> Bool {
            guard !bytes.isEmpty else { return false }
            bytes.removeSubrange((bytes.lastIndex(of: Routes.slash) ?? 0)...)
            return true
        }
    }

    static func resolveCharacters(_ relative: String, relativeTo sourcePath: String) -> String? {
        var parts = sourcePath.split(separator: "/").map(String.init)
        parts.removeLast()
        for component in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }
}

extension String {
    /// Percent-decoding that leaves malformed input as written.
    var removingPercentEncodingSafe: String {
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.first {
            if byte == UInt8(ascii: "%"), utf8.count >= 3,
               let value = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
                utf8 = utf8.dropFirst()
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
