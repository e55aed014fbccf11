import Content
import Graph

/// The parts of every page around its main content: site, menu, breadcrumbs, strings.
enum PageShell {
    static func context(_ view: ViewContext, title: String, template: String, crumbs: [(String, String)] = [],
                        summary: String? = nil, extra: [String: Any]) -> [String: Any] {
        finish(view, base: view.shell?.base(view) ?? base(view), title: title, template: template,
               breadcrumbs: crumbs.map { ["title": $0.0, "url": $0.1] }, summary: summary, extra: extra)
    }

    /// A page's shell with the breadcrumbs `crumbs(view, section:)` makes, reused from `Parts` when it has them.
    static func context(_ view: ViewContext, title: String, template: String, section kind: Kind?,
                        summary: String? = nil, extra: [String: Any]) -> [String: Any] {
        if let parts = view.shell, let (base, breadcrumbs) = parts.baseAndCrumbs(view, section: kind) {
            return finish(view, base: base, title: title, template: template, breadcrumbs: breadcrumbs, summary: summary, extra: extra)
        }
        return context(view, title: title, template: template, crumbs: crumbs(view, section: kind), summary: summary, extra: extra)
    }

    private static func finish(_ view: ViewContext, base: [String: Any], title: String, template: String,
                               breadcrumbs: [[String: Any]], summary: String?, extra: [String: Any]) -> [String: Any] {
        var context = base
        // The base has room for the page's own keys: growing a dictionary rehashes it.
        context.reserveCapacity(base.count + 5 + extra.count)
        context["canonical"] = view.routes.absoluteURL(view.folder)
        context["title"] = title
        context["breadcrumbs"] = breadcrumbs
        context["template"] = template
        if let summary { context["summary"] = summary }
        for (key, value) in extra { context[key] = value }
        return context
    }

    /// The keys that depend only on the site and where the page sits: strings, site, root, menu.
    static func base(_ view: ViewContext) -> [String: Any] {
        let config = view.config
        var menu: [[String: Any]] = []
        for kind in [Kind.meeting, .organisation, .plan, .report, .news] where view.hasDocuments(of: kind) {
            let folder = view.routes.sectionFolder(kind)
            menu.append(["title": view.strings.section(kind), "url": view.url(toFolder: folder),
                         "current": view.folder.hasPrefix(folder)])
        }
        for page in view.menuPages {
            let folder = view.routes.folder(ofKey: page.key) ?? ""
            menu.append(["title": page.title, "url": view.url(toFolder: folder), "current": view.folder == folder])
        }
        // Room for every key a page adds: a copy of a base with room enough keeps its layout, a smaller
        // one is rehashed into a larger table.
        var base = [String: Any](minimumCapacity: 48)
        base.merge(constants(config: config, strings: view.strings), uniquingKeysWith: { $1 })
        base.merge([
            "lang": config.language,
            "root": view.url(toFolder: ""),
            "isHome": view.folder.isEmpty,
            "menu": menu,
        ] as [String: Any]) { $1 }
        return base
    }

    /// The keys of every page's base that are the same on every page of a build: the templates are
    /// compiled with them (ThemeTemplates.specialised). No view uses these keys for anything else.
    static func constants(config: SiteConfig, strings: Strings) -> [String: Any] {
        // Absent texts are left out: a section renders for any text, an empty one too.
        var site: [String: Any] = ["title": config.title, "contact": contact(config.contact)]
        if let v = config.organisation { site["organisation"] = v }
        if let v = config.description { site["description"] = v }
        return ["t": strings.table, "site": site]
    }

    static func contact(_ contact: SiteConfig.Contact?) -> [String: Any] {
        guard let contact else { return [:] }
        var out: [String: Any] = [:]
        if let v = contact.name { out["name"] = v }
        if let v = contact.email { out["email"] = v }
        if let v = contact.phone { out["phone"] = v }
        if let v = contact.address { out["address"] = v }
        if let v = contact.url { out["url"] = v }
        return out
    }

    /// Breadcrumbs from the home page through a section.
    static func crumbs(_ view: ViewContext, section kind: Kind?) -> [(String, String)] {
        var crumbs = [(view.strings["home"], view.url(toFolder: ""))]
        if let kind, kind != .page {
            crumbs.append((view.strings.section(kind), view.url(toFolder: view.routes.sectionFolder(kind))))
        }
        return crumbs
    }
}

extension PageShell {
    /// The shell's base and section breadcrumbs for every place a page can sit, made once per build before
    /// any page renders (the dictionaries are then only read, from every core), and the facts making them read.
    ///
    /// A page's base differs from another's only through links from its folder to the menu's and
    /// sections' folders and whether one of them is current. When each of those folders is the root or
    /// one ASCII segment (`moten/`), that depends only on how many segments the page's folder has and
    /// which of those folders its first segment names: a few dozen places for a whole site.
    final class Parts: Sendable {
        /// The first segments that matter; index 0 of a depth's row is "none of these".
        private let segments: [[UInt8]]
        private let facts: RecordedFacts
        /// `rows[depth][segment]`; deeper folders render the shell the slow way.
        nonisolated(unsafe) private let bases: [[[String: Any]]]
        /// `crumbs[depth][segment][kind]`, the last kind slot for no section.
        nonisolated(unsafe) private let crumbs: [[[[[String: Any]]]]]

        private static let depths = 5

        /// Nil when a menu or section folder is deeper than one segment or not ASCII: then every page
        /// makes its own shell.
        init?(graph: SiteGraph, strings: Strings) {
            let routes = graph.routes
            let targets = Kind.allCases.map { routes.sectionFolder($0) }
                + graph.menuPages.map { routes.folder(ofKey: $0.document.key) ?? "" }
            var segments: [[UInt8]] = []
            for target in targets where !target.isEmpty {
                let bytes = Array(target.utf8)
                guard bytes.allSatisfy({ $0 < 0x80 }), bytes.count > 1, bytes.last == UInt8(ascii: "/"),
                      bytes.firstIndex(of: UInt8(ascii: "/")) == bytes.count - 1 else { return nil }
                let segment = Array(bytes.dropLast())
                if !segments.contains(segment) { segments.append(segment) }
            }
            // A first segment that names none of them, for the "elsewhere" column.
            var other: [UInt8] = [UInt8(ascii: "x")]
            while segments.contains(other) { other.append(UInt8(ascii: "x")) }
            var facts = RecordedFacts()
            var bases: [[[String: Any]]] = []
            var crumbs: [[[[[String: Any]]]]] = []
            for depth in 0..<Self.depths {
                var baseRow: [[String: Any]] = []
                var crumbsRow: [[[[String: Any]]]] = []
                for first in [other] + segments {
                    // A folder of this depth starting with this segment stands for every such folder.
                    let folder = depth == 0 ? ""
                        : String(decoding: first, as: UTF8.self) + "/" + String(repeating: "x/", count: depth - 1)
                    let log = FactLog()
                    let view = ViewContext(graph: graph, strings: strings, folder: folder, log: log)
                    baseRow.append(PageShell.base(view))
                    facts = log.recorded
                    crumbsRow.append((Kind.allCases.map { Optional($0) } + [nil]).map { kind in
                        PageShell.crumbs(view, section: kind).map { ["title": $0.0, "url": $0.1] }
                    })
                    if depth == 0 { break }
                }
                bases.append(baseRow)
                crumbs.append(crumbsRow)
            }
            self.segments = segments
            self.facts = facts
            self.bases = bases
            self.crumbs = crumbs
        }

        /// Where `folder` sits: its depth and the column of its first segment, nil unless it is `""` or
        /// ASCII segments each ending in a slash, and shallow enough.
        private func place(_ folder: String) -> (depth: Int, column: Int)? {
            var folder = folder
            return folder.withUTF8 { bytes -> (depth: Int, column: Int)? in
                if bytes.isEmpty { return (0, 0) }
                let slash = UInt8(ascii: "/")
                var depth = 0
                var firstEnd = -1
                var previous = slash
                for (i, byte) in bytes.enumerated() {
                    guard byte < 0x80 else { return nil }
                    if byte == slash {
                        guard previous != slash else { return nil }
                        if firstEnd < 0 { firstEnd = i }
                        depth += 1
                    }
                    previous = byte
                }
                guard previous == slash, depth < Self.depths else { return nil }
                let first = UnsafeBufferPointer(rebasing: bytes[..<firstEnd])
                let column = segments.firstIndex { $0.elementsEqual(first) }.map { $0 + 1 } ?? 0
                return (depth, column)
            }
        }

        /// The base of `view`'s page, with the facts making it read recorded; nil where it is made the slow way.
        func base(_ view: ViewContext) -> [String: Any]? { baseAndCrumbs(view, section: nil)?.base }

        /// The same, with the breadcrumbs through `kind`'s section.
        func baseAndCrumbs(_ view: ViewContext, section kind: Kind?) -> (base: [String: Any], crumbs: [[String: Any]])? {
            guard let (depth, column) = place(view.folder) else { return nil }
            view.log.record(contentsOf: facts)
            let slot = kind.flatMap { Kind.allCases.firstIndex(of: $0) } ?? Kind.allCases.count
            return (bases[depth][column], crumbs[depth][column][slot])
        }
    }
}
