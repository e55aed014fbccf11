import Foundation

/// Every link and source inside a built site that leads nowhere: a relative `href` or `src` whose file
/// is missing, or whose `#fragment` names no `id` of the page it leads to. What a reader would click
/// and get a 404 (or the top of a page) for; okc checks the links editors write, this checks the theme's.
public enum SiteLinks {
    /// `page: link` lines, sorted. `404.html` is left out: its links are absolute on purpose. Links into
    /// `notBuilt` (folders another tool writes, such as Pagefind's index when search was off) are not checked.
    public static func broken(in site: String, notBuilt: [String] = []) -> [String] {
        let files = SiteFiles(site)
        var broken: [String] = []
        for page in files.pages where page != "404.html" {
            guard let html = files.text(page) else { continue }
            let folder = (page as NSString).deletingLastPathComponent
            for link in attributeValues(in: html, names: ["href", "src"]) {
                guard let target = resolve(link, from: folder, page: page),
                      !notBuilt.contains(where: { target.path.hasPrefix($0) }) else { continue }
                if let problem = files.problem(with: target) { broken.append("\(page): \(link) (\(problem))") }
            }
        }
        return broken.sorted()
    }

    /// The values of `name="…"` attributes in document order, repeats included, with the HTML entities
    /// okc writes in them decoded.
    public static func attributeValues(in html: String, names: [String]) -> [String] {
        var values: [String] = []
        for name in names {
            for part in html.components(separatedBy: " \(name)=\"").dropFirst() {
                guard let end = part.firstIndex(of: "\"") else { continue }
                values.append(part[..<end].replacingOccurrences(of: "&amp;", with: "&"))
            }
        }
        return values
    }

    /// The site file and fragment a link leads to; nil for links out of the site (scheme, `//`, `/`).
    static func resolve(_ link: String, from folder: String, page: String) -> (path: String, fragment: String?)? {
        if link.hasPrefix("/") || link.contains(":") { return nil }
        var rest = link
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = String(rest[..<hash])
        }
        if let query = rest.firstIndex(of: "?") { rest = String(rest[..<query]) }
        guard !rest.isEmpty else { return (page, fragment) }
        var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        for piece in rest.split(separator: "/", omittingEmptySubsequences: true) {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(String(piece)) }
        }
        var path = parts.joined(separator: "/")
        if rest.hasSuffix("/") || path.isEmpty { path += path.isEmpty ? "index.html" : "/index.html" }
        return (path.removingPercentEncoding ?? path, fragment?.removingPercentEncoding ?? fragment)
    }
}

/// The files of a built site; each page's ids are read once, however many links point into it.
final class SiteFiles {
    let root: String
    let paths: Set<String>
    private var ids: [String: Set<String>] = [:]
    var pages: [String] { paths.filter { $0.hasSuffix(".html") }.sorted() }

    init(_ root: String) {
        self.root = root
        var paths: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.insert(path)
            }
        }
        self.paths = paths
    }

    func text(_ path: String) -> String? { try? String(contentsOfFile: root + "/" + path, encoding: .utf8) }

    func problem(with target: (path: String, fragment: String?)) -> String? {
        guard paths.contains(target.path) else { return "no such file" }
        guard let fragment = target.fragment, !fragment.isEmpty, target.path.hasSuffix(".html") else { return nil }
        return ids(of: target.path).contains(fragment) ? nil : "no id '\(fragment)' there"
    }

    private func ids(of page: String) -> Set<String> {
        if let known = ids[page] { return known }
        let found = Set(SiteLinks.attributeValues(in: text(page) ?? "", names: ["id"]))
        ids[page] = found
        return found
    }
}
