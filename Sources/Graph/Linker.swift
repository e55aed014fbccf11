import Content
import Markdown

/// What the link stage found on one page: its mistakes and the backlinks it gives other pages.
public struct PageLinks: Sendable {
    public var diagnostics: [Diagnostic]
    /// Key of the page pointed at, and the backlink it gets.
    public let backlinks: [(String, Backlink)]
    /// A stable hash of `backlinks`, made where pages are linked or read back on all cores: the
    /// incremental build hashes every page's backlinks into the inputs of the graph.
    public let backlinksHash: UInt64
    /// Where each backlink's page is among the sorted documents of the universe the links were found in
    /// (the same positions while the universe is the same): gathering a site's backlinks by position
    /// hashed every target's key again on every build.
    public let targets: [Int32]

    /// `hash`: `backlinksHash` as recorded with the backlinks (the cache keeps it); nil computes it.
    public init(diagnostics: [Diagnostic], backlinks: [(String, Backlink)], targets: [Int32], hash: UInt64? = nil) {
        precondition(targets.count == backlinks.count, "a position for every backlink")
        self.diagnostics = diagnostics
        self.backlinks = backlinks
        self.targets = targets
        backlinksHash = hash ?? Self.hash(backlinks)
    }

    public static func hash(_ backlinks: [(String, Backlink)]) -> UInt64 {
        var hasher = StableHasher()
        for (target, backlink) in backlinks {
            hasher.combine(target)
            hasher.combine(backlink.source)
            hasher.combine(backlink.relation.rank)
        }
        return hasher.finalize()
    }
}

/// The link stage: resolves every reference in front matter and every link in a body, records
/// backlinks, and reports what does not resolve with the closest id as a hint.
public enum Linker {
    /// Takes a page's links from `known` when the caller has them for this `universe` (see `universe`);
    /// returns what each page found, in the order of `documents`, for the caller to keep. `bodyLinks`: each
    /// page's links as the parse packed them. Both are by position in `documents`: looking pages up by path
    /// hashed every path three times on the way of an incremental build.
    public static func link(config: SiteConfig, routes: Routes, documents: [ParsedDocument], glossary: [GlossaryEntry], now: Day,
                            routesFingerprint: UInt64, bodyLinks: [BodyLinks], known: [(universe: UInt64, links: PageLinks)?])
        -> (SiteGraph, [Diagnostic], (universe: UInt64, pages: [PageLinks])) {
        precondition(bodyLinks.count == documents.count && known.count == documents.count, "inputs for every document")
        // The provisional graph only answers lookups; registers and indexes wait for the final one.
        let lookup = DocumentLookup(documents)
        let provisional = SiteGraph(lookup: lookup, config: config, routes: routes, glossary: glossary, now: now, backlinks: [:],
                                    derived: false)
        let universe = Linker.universe(lookup, routesFingerprint: routesFingerprint)
        // Each page's references resolve on their own, on all cores; the backlinks are gathered after.
        let resolved = parallelMap(Array(lookup.inputPositions.enumerated())) { sorted, input -> PageLinks in
            if let cached = known[input], cached.universe == universe { return cached.links }
            let parsed = provisional.documents[sorted]
            var resolver = ReferenceResolver(graph: provisional)
            resolver.resolveFrontMatter(parsed)
            resolver.resolveBodyLinks(parsed, bodyLinks[input])
            return resolver.pageLinks(lookup)
        }
        var resolver = ReferenceResolver(graph: provisional)
        for entry in glossary {
            if let group = entry.group { resolver.expect(.group, group, from: nil, relation: .glossary) }
        }
        resolver.checkInitialsAreUnique()
        var diagnostics: [Diagnostic] = []
        // Gathered by the position of the page pointed at, then sorted with repeats dropped (the same as
        // sorting a set of them, without hashing each).
        var gathered = [[Backlink]](repeating: [], count: lookup.documents.count)
        let parts = resolved + [resolver.pageLinks(lookup)]
        // Each page's list made its size first: growing 10,000 lists by appends was most of the gathering.
        var counts = [Int](repeating: 0, count: gathered.count)
        for part in parts {
            for target in part.targets where Int(target) < counts.count { counts[Int(target)] += 1 }
        }
        for i in gathered.indices where counts[i] > 0 { gathered[i].reserveCapacity(counts[i]) }
        for part in parts {
            diagnostics += part.diagnostics
            for (target, (key, link)) in zip(part.targets, part.backlinks) {
                // A position read from the cache is in range when its universe is this one; checked all the same.
                gathered[Int(target) < gathered.count ? Int(target) : lookup.index[key]!].append(link)
            }
        }
        let sorted = parallelMap(gathered) { links -> [Backlink] in
            var unique: [Backlink] = []
            for link in links.sorted() where unique.last != link { unique.append(link) }
            return unique
        }
        var backlinks: [String: [Backlink]] = [:]
        backlinks.reserveCapacity(sorted.count)
        for (i, links) in sorted.enumerated() where !links.isEmpty { backlinks[lookup.documents[i].document.key] = links }
        let graph = SiteGraph(lookup: lookup, config: config, routes: routes, glossary: glossary, now: now,
                              backlinks: backlinks, derived: true, folders: provisional.folders)
        var pages = [PageLinks?](repeating: nil, count: documents.count)
        for (input, links) in zip(lookup.inputPositions, resolved) { pages[input] = links }
        return (graph, diagnostics, (universe, pages.map { $0! }))
    }

    /// Everything one page's links can resolve against besides the page itself: which pages exist
    /// (keys, paths), their initials, plan areas and heading anchors, and which pages and files links
    /// can point at (`routesFingerprint`). While it is unchanged, an unchanged page finds what it found
    /// before. (The site's configuration is part of the cache key.)
    static func universe(_ lookup: DocumentLookup, routesFingerprint: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(routesFingerprint)
        // By position: a copy of each ParsedDocument would retain all of its parts.
        for i in lookup.documents.indices {
            let doc = lookup.documents[i].document
            hasher.combine(doc.key)
            hasher.combine(doc.path)
            hasher.combine(doc.person?.initials?.value)
            for area in doc.plan?.areas ?? [] { hasher.combine(area.id.value) }
            for heading in lookup.documents[i].markdown.headings { hasher.combine(heading.anchor) }
            hasher.combine(-1)
        }
        return hasher.finalize()
    }
}

struct ReferenceResolver: Sendable {
    let graph: SiteGraph
    var diagnostics: [Diagnostic] = []
    /// Target key and the backlink it gets, in the order found.
    var backlinks: [(String, Backlink)] = []
    /// Heading anchors by document key, made once per page that links point into.
    var anchorSets: [String: Set<String>] = [:]

    init(graph: SiteGraph) { self.graph = graph }

    /// What was found, with each backlink's target by position in `lookup` (every target is a page of it).
    func pageLinks(_ lookup: DocumentLookup) -> PageLinks {
        PageLinks(diagnostics: diagnostics, backlinks: backlinks, targets: backlinks.map { Int32(lookup.index[$0.0]!) })
    }

    static let kindWords: [Kind: String] = [
        .meeting: "meeting", .organisation: "organisation", .person: "person", .group: "group",
        .plan: "plan", .report: "report", .news: "news item", .page: "page",
    ]

    /// Resolves an id of `kind`; records a backlink from `source` or an error with the closest id.
    @discardableResult
    mutating func expect(_ kind: Kind, _ reference: Located<String>, from source: Document?, relation: Relation,
                         allowInitials: Bool = false) -> Bool {
        // The document alone: a copy of its ParsedDocument retained every part of it, for every reference.
        let found = kind == .person && allowInitials ? graph.personFrontMatter(reference.value)
                                                     : graph.frontMatter(kind.rawValue + "/" + reference.value)
        guard let found else {
            var candidates = graph.ids(of: kind)
            if allowInitials {
                candidates += graph.documents(of: .person).compactMap { $0.document.person?.initials?.value }
            }
            let what = ReferenceResolver.kindWords[kind]!
            let known = candidates.isEmpty ? "there are no \(what) pages yet (content/\(kind.folder)/)" : nil
            diagnostics.append(.error("unknown \(what) '\(reference.value)'", at: reference.position,
                                      hint: Closest.hint(reference.value, in: candidates) ?? known
                                        ?? "add content/\(kind.folder)/\(Identifier.slug(reference.value)).md or correct the id"))
            return false
        }
        if let source, found.key != source.key {
            backlinks.append((found.key, Backlink(source: source.key, relation: relation)))
        }
        return true
    }

    mutating func expectArea(_ reference: Located<String>, from source: Document?, relation: Relation, plan: String? = nil) {
        guard let (planDoc, _) = graph.area(reference.value, preferring: plan) else {
            let bare = !reference.value.contains("#")
            let ambiguous = bare && graph.areaReferences.filter { $0.hasSuffix("#" + reference.value) }.count > 1
            diagnostics.append(.error(ambiguous ? "area '\(reference.value)' exists in several plans" : "unknown plan area '\(reference.value)'",
                                      at: reference.position,
                                      hint: ambiguous ? "write it as plan-id#\(reference.value)"
                                        : Closest.hint(reference.value, in: graph.areaReferences + graph.areaReferences.map { String($0.split(separator: "#")[1]) })
                                            ?? "areas are written plan-id#area-id"))
            return
        }
        if let source {
            backlinks.append((planDoc.document.key, Backlink(source: source.key, relation: relation)))
        }
    }

    mutating func expectNamed(_ reference: Located<String>, in list: [SiteConfig.Named], what: String, key: String) {
        guard !list.contains(where: { $0.id == reference.value }) else { return }
        diagnostics.append(.error("unknown \(what) '\(reference.value)'", at: reference.position,
                                  hint: Closest.hint(reference.value, in: list.map(\.id))
                                    ?? (list.isEmpty ? "site.yml has no '\(key)'" : "known: \(list.map(\.id).joined(separator: ", "))")))
    }

    mutating func resolveFrontMatter(_ parsed: ParsedDocument) {
        let doc = parsed.document
        switch doc.payload {
        case .meeting(let m):
            if let group = m.group { expect(.group, group, from: doc, relation: .meetingGroup) }
            for a in m.attendees { expect(.person, a.person, from: doc, relation: .attended) }
            for g in m.guests { expect(.person, g.person, from: doc, relation: .guest) }
            for d in m.decisions { if let area = d.area { expectArea(area, from: doc, relation: .decisionArea) } }
            for a in m.actions {
                if let owner = a.owner { expect(.person, owner, from: doc, relation: .ownsAction, allowInitials: true) }
                if let area = a.area { expectArea(area, from: doc, relation: .actionArea) }
            }
            if let r = m.recordedBy { expect(.person, r, from: doc, relation: .recorded, allowInitials: true) }
            for a in m.approvedBy { expect(.person, a, from: doc, relation: .approved, allowInitials: true) }
            var seen = Set<String>()
            for a in m.attendees + m.guests where !seen.insert(a.person.value).inserted {
                diagnostics.append(.warning("'\(a.person.value)' is listed twice", at: a.person.position))
            }
            for score in m.scores {
                if score.values.isEmpty {
                    diagnostics.append(.error("'\(score.option)' has no values", at: score.position))
                } else if let written = score.writtenMean, let mean = Scores.roundedMean(score.values),
                          abs(written.value - mean) > 0.05 + 1e-9 {
                    diagnostics.append(.error("the written mean \(Scores.number(written.value)) of '\(score.option)' disagrees with its values (mean \(Scores.decimalComma(mean)))",
                                              at: written.position, hint: "remove 'mean': okc computes it from 'values'"))
                }
            }
        case .organisation(let o):
            for c in o.categories { expectNamed(c, in: graph.config.categories, what: "category", key: "categories") }
            for s in o.subregions { expectNamed(s, in: graph.config.subregions, what: "subregion", key: "subregions") }
            if let parent = o.parent {
                if parent.value == doc.id {
                    diagnostics.append(.error("an organisation cannot be its own parent", at: parent.position))
                } else {
                    expect(.organisation, parent, from: doc, relation: .parent)
                }
            }
        case .person(let p):
            if let org = p.organisation { expect(.organisation, org, from: doc, relation: .worksAt) }
            for role in p.roles {
                expect(.group, role.group, from: doc, relation: .role)
                if let org = role.organisation { expect(.organisation, org, from: doc, relation: .roleOrganisation) }
            }
            if let s = p.succeeded {
                if s.value == doc.id {
                    diagnostics.append(.error("a person cannot succeed themselves", at: s.position))
                } else {
                    expect(.person, s, from: doc, relation: .succeeded)
                }
            }
        case .report(let r):
            if let g = r.responsible { expect(.group, g, from: doc, relation: .responsible) }
            if let o = r.officer { expect(.person, o, from: doc, relation: .officer) }
            if let p = r.plan { expect(.plan, p, from: doc, relation: .followsPlan) }
            let anchors = Set(parsed.markdown.headings.map(\.anchor))
            for chapter in r.chapters {
                if !anchors.contains(chapter.heading.value) {
                    diagnostics.append(.error("no heading with the anchor '\(chapter.heading.value)' in this report", at: chapter.heading.position,
                                              hint: Closest.hint(chapter.heading.value, in: anchors.sorted()) ?? "use the anchor of a heading of the body"))
                }
                expectArea(chapter.area, from: doc, relation: .chapterArea, plan: r.plan?.value)
            }
        case .group, .plan, .news, .page:
            break
        }
    }

    mutating func resolveBodyLinks(_ parsed: ParsedDocument, _ packed: BodyLinks) {
        let doc = parsed.document
        // Packed bytes the parse or the cache checked: they unpack.
        guard let (links, targets) = try? packed.unpacked() else { return }
        func recorded(_ url: String) -> Routes.Target? {
            // Sorted by URL: a binary search, no table per page.
            var low = 0, high = targets.count
            while low < high {
                let middle = (low + high) / 2
                if targets[middle].url < url { low = middle + 1 } else { high = middle }
            }
            return low < targets.count && targets[low].url == url ? targets[low].target : nil
        }
        for link in links {
            let position = parsed.position(bodyLine: link.line, column: link.column)
            if let scheme = URLCheck.scheme(of: link.url), !URLCheck.isSafeInBody(link.url) {
                diagnostics.append(.error("links with '\(scheme):' are not allowed", at: position,
                                          hint: "link to a web address (https://…) or to another .md file"))
                continue
            }
            var target = recorded(link.url) ?? graph.routes.target(of: link.url, from: doc.path)
            if case .page(let key, _) = target, graph.position(ofKey: key) == nil { target = graph.routes.target(of: link.url, from: doc.path) }
            switch target {
            case .external:
                continue
            case .missing(let reason):
                if link.url.isEmpty || link.url == "#" { continue } // placeholder links are the placeholder check's business
                let candidates = graph.documents.map { Routes.relative(from: String(doc.path.split(separator: "/").dropLast().joined(separator: "/")) + "/", to: $0.document.path) }
                diagnostics.append(.error("broken link '\(link.url)': \(reason)", at: position,
                                          hint: Closest.hint(Routes.splitAnchor(link.url).0, in: candidates) ?? "link to another page by its .md file, e.g. ../meetings/2024-08-19-ros.md"))
            case .sameDocument(let anchor):
                checkAnchor(anchor, in: parsed.markdown.headings, of: doc.key, path: doc.path, at: position)
            case .page(let key, let anchor):
                guard let target = graph.position(ofKey: key) else { continue }
                if key != doc.key {
                    backlinks.append((key, Backlink(source: doc.key, relation: .link)))
                }
                if let anchor {
                    // Read in place: a copy of the ParsedDocument retained every part of it, for every link.
                    checkAnchor(anchor, in: graph.documents[target].markdown.headings, of: key, path: graph.documents[target].document.path,
                                at: position)
                }
            case .file:
                continue
            }
        }
    }

    /// `headings` and `path` of the document with `key`, which the link points into.
    mutating func checkAnchor(_ anchor: String, in headings: [RenderedMarkdown.Heading], of key: String, path: String, at position: SourcePosition) {
        guard !anchor.isEmpty else { return }
        // A few headings are compared directly; a long page's get one set per page linking into it (a long
        // page linking to each of its own headings made this quadratic).
        if headings.count <= 16 {
            if headings.contains(where: { $0.anchor == anchor }) { return }
        } else {
            let known = anchorSets[key] ?? Set(headings.map(\.anchor))
            anchorSets[key] = known
            if known.contains(anchor) { return }
        }
        let anchors = headings.map(\.anchor)
        diagnostics.append(.error("no heading '#\(anchor)' in \(path)", at: position,
                                  hint: Closest.hint(anchor, in: anchors) ?? (anchors.isEmpty ? "that page has no headings" : "its headings: \(anchors.prefix(8).joined(separator: ", "))")))
    }

    mutating func checkInitialsAreUnique() {
        var first: [String: Document] = [:]
        for parsed in graph.documents(of: .person) {
            guard let initials = parsed.document.person?.initials else { continue }
            if let other = first[initials.value] {
                diagnostics.append(.error("initials '\(initials.value)' are already used by \(other.id)", at: initials.position,
                                          hint: "initials must tell people apart; add a letter"))
            } else {
                first[initials.value] = parsed.document
            }
        }
    }
}
