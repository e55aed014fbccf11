import Content
import Markdown

/// What the link stage found on one page: its mistakes and the backlinks it gives other pages.
/// A backlink is the position of the page pointed at, among the sorted documents of the universe the
/// links were found in (the same positions while the universe is the same), and the relation; its
/// source is the page itself. Positions, not keys: the cache read two texts per backlink back, and
/// the link stage gathered and sorted by key strings, on every build.
public struct PageLinks: Sendable {
    public var diagnostics: [Diagnostic]
    public let targets: [Int32]
    public let relations: [Relation]
    /// A stable hash of the backlinks by key (target, source, relation), made where pages are linked
    /// or read back on all cores: the incremental build hashes every page's backlinks into the inputs of
    /// the graph.
    public let backlinksHash: UInt64

    /// `hash`: `backlinksHash` as recorded with the backlinks (the cache keeps it).
    public init(diagnostics: [Diagnostic], targets: [Int32], relations: [Relation], hash: UInt64) {
        precondition(targets.count == relations.count, "a relation for every backlink")
        self.diagnostics = diagnostics
        self.targets = targets
        self.relations = relations
        backlinksHash = hash
    }

    /// The backlinks `source` gives the documents at `targets` of `documents`, hashed by key.
    static func hash(source: String, targets: [Int32], relations: [Relation], documents: [ParsedDocument]) -> UInt64 {
        var hasher = StableHasher()
        for (target, relation) in zip(targets, relations) {
            hasher.combine(documents[Int(target)].document.key)
            hasher.combine(source)
            hasher.combine(relation.rank)
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
        // The provisional graph answers the lookups; the final one adds the backlinks and what is derived.
        let lookup = DocumentLookup(documents)
        let provisional = SiteGraph(lookup: lookup, config: config, routes: routes, glossary: glossary, now: now)
        // The registers, matches and indexes need the documents alone: made beside resolving and gathering.
        let derived = Background(helped: { SiteGraph.Derived(provisional, desk: $0) })
        let universe = Linker.universe(lookup, routesFingerprint: routesFingerprint)
        // Each page's references resolve on their own, on all cores; the backlinks are gathered after.
        let resolved = parallelMap(Array(lookup.inputPositions.enumerated())) { sorted, input -> PageLinks in
            // Positions a cache kept are in range when its universe is this one; checked all the same.
            if let cached = known[input], cached.universe == universe,
               cached.links.targets.allSatisfy({ $0 >= 0 && Int($0) < lookup.documents.count }) { return cached.links }
            let parsed = provisional.documents[sorted]
            var resolver = ReferenceResolver(graph: provisional)
            resolver.resolveFrontMatter(parsed)
            resolver.resolveBodyLinks(parsed, bodyLinks[input])
            return resolver.pageLinks(source: parsed.document.key)
        }
        var resolver = ReferenceResolver(graph: provisional)
        for entry in glossary {
            if let group = entry.group { resolver.expect(.group, group, from: nil, relation: .glossary) }
        }
        resolver.checkInitialsAreUnique()
        // The glossary's references have no page of their own: they give no backlinks, only diagnostics.
        let diagnostics = resolved.flatMap(\.diagnostics) + resolver.diagnostics
        let backlinks = gatherBacklinks(resolved, documents: lookup.documents)
        let graph = SiteGraph(provisional, backlinks: backlinks, derived: derived.take())
        // Back into the order of `documents`: where each of them went in the sorted order.
        var sortedPosition = [Int](repeating: 0, count: documents.count)
        for (sorted, input) in lookup.inputPositions.enumerated() { sortedPosition[input] = sorted }
        return (graph, diagnostics, (universe, sortedPosition.map { resolved[$0] }))
    }

    /// `Relation.allCases` once: the synthesized property makes a new array at every call.
    private static let relations = Relation.allCases

    /// Each document's backlinks (by position), sorted as `Backlink` sorts (relation, then source key)
    /// with repeats dropped. `pages[i]` is what the document at position `i` found. Gathered by counting
    /// into one flat list, then each document's part sorted on all cores as one number per backlink
    /// (relation rank, then the source's place in key order): the same order as sorting `Backlink`s,
    /// without comparing their key strings.
    static func gatherBacklinks(_ pages: [PageLinks], documents: [ParsedDocument]) -> [[GraphBacklink]] {
        let count = documents.count
        let (rankOf, positionAt) = keyOrder(documents)
        var starts = [Int](repeating: 0, count: count + 1)
        for page in pages {
            for target in page.targets { starts[Int(target) + 1] += 1 }
        }
        for i in 0..<count { starts[i + 1] += starts[i] }
        var next = starts
        var flat = [UInt64](repeating: 0, count: starts[count])
        for (source, page) in pages.enumerated() {
            let sourceRank = UInt64(rankOf[source])
            for (target, relation) in zip(page.targets, page.relations) {
                flat[next[Int(target)]] = UInt64(relation.rank) << 32 | sourceRank
                next[Int(target)] += 1
            }
        }
        return parallelMap(Array(0..<count)) { [starts, flat] target -> [GraphBacklink] in
            guard starts[target] < starts[target + 1] else { return [] }
            var part = Array(flat[starts[target]..<starts[target + 1]])
            part.sort()
            var unique: [GraphBacklink] = []
            unique.reserveCapacity(part.count)
            var previous: UInt64? = nil
            for value in part where value != previous {
                previous = value
                unique.append(GraphBacklink(source: positionAt[Int(value & 0xFFFF_FFFF)], relation: relations[Int(value >> 32)]))
            }
            return unique
        }
    }

    /// Each document's place in the order of keys (`rankOf`, by position) and the position at each
    /// place (`positionAt`). `documents` is sorted by kind, then id; a key is `kind/id`, so key order is
    /// the kinds' `kind/` in text order, then the ids (checked, with a sort of the keys where it fails).
    static func keyOrder(_ documents: [ParsedDocument]) -> (rankOf: [Int32], positionAt: [Int32]) {
        var blocks: [(prefix: String, range: Range<Int>)] = []
        var start = 0
        for i in documents.indices where i + 1 == documents.count || documents[i + 1].document.kind != documents[i].document.kind {
            blocks.append((documents[i].document.kind.rawValue + "/", start..<(i + 1)))
            start = i + 1
        }
        var positionAt = blocks.sorted { $0.prefix < $1.prefix }.flatMap { $0.range.map(Int32.init) }
        let inOrder = zip(positionAt, positionAt.dropFirst()).allSatisfy {
            documents[Int($0)].document.key < documents[Int($1)].document.key
        }
        if !inOrder { positionAt.sort { documents[Int($0)].document.key < documents[Int($1)].document.key } }
        var rankOf = [Int32](repeating: 0, count: documents.count)
        for (rank, position) in positionAt.enumerated() { rankOf[Int(position)] = Int32(rank) }
        return (rankOf, positionAt)
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
    /// The backlinks found, in the order found: the target's position in the graph and the relation.
    var targets: [Int32] = []
    var relations: [Relation] = []
    /// Heading anchors by document key, made once per page that links point into.
    var anchorSets: [String: Set<String>] = [:]

    init(graph: SiteGraph) { self.graph = graph }

    /// What was found on the page `source` (nil: references of no page, which give no backlinks).
    func pageLinks(source: String?) -> PageLinks {
        PageLinks(diagnostics: diagnostics, targets: targets, relations: relations,
                  hash: PageLinks.hash(source: source ?? "", targets: targets, relations: relations, documents: graph.documents))
    }

    mutating func backlink(to position: Int, _ relation: Relation) {
        targets.append(Int32(position))
        relations.append(relation)
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
        if let source, found.key != source.key, let position = graph.position(of: found) {
            backlink(to: position, relation)
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
        if source != nil, let position = graph.position(of: planDoc.document) {
            backlink(to: position, relation)
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
                if key != doc.key { backlink(to: target, .link) }
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
