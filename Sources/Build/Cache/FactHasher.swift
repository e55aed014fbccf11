import Content
import Graph

/// The value of each fact (Graph/Fact.swift) in this build, as a stable hash: an output file whose
/// facts all have the values they had when it was made would be made again byte for byte.
///
/// A list fact hashes which documents are listed and in what order (keys), plus whatever the list
/// itself decides (numbers, resolved areas and owners); what is shown of each listed document is its
/// own `.document` fact, which the view recorded when it read the document.
struct FactHasher: Sendable {
    let graph: SiteGraph
    /// Key → hash of the document's front matter and headings, and of its rendered body.
    let documentHashes: [String: (meta: UInt64, body: UInt64)]
    let outputPathsHash: UInt64
    /// The inputs the graph was made from (BuildCache.RecordHashes.graphInputs, with the clock).
    let graphKey: UInt64

    init(graph: SiteGraph, documentHashes: [String: (meta: UInt64, body: UInt64)], outputPathsHash: UInt64, graphKey: UInt64) {
        self.graph = graph
        self.documentHashes = documentHashes
        self.outputPathsHash = outputPathsHash
        self.graphKey = graphKey
    }

    /// Each recorded fact's value now, and how many were valued afresh. A graph made from the same
    /// inputs as the recorded values' graph is the same graph, so a fact it alone decides keeps its
    /// value; only those valued from outside it (bodies, front matter hashes, output paths) are valued
    /// again. An edit that leaves every page's front matter, headings and links as they were (most
    /// edits of a page's text) then skips valuing every list and register of the site.
    func values(of recorded: [(fact: Fact, value: UInt64)], recordedGraphKey: UInt64) -> (values: [UInt64], valued: Int) {
        guard recordedGraphKey == graphKey else { return (parallelMap(recorded) { [self] in compute($0.fact) }, recorded.count) }
        var valued = 0
        let values = recorded.map { entry -> UInt64 in
            switch entry.fact {
            case .document, .body, .outputPaths:
                valued += 1
                return compute(entry.fact)
            default:
                return entry.value
            }
        }
        return (values, valued)
    }

    private static let absent: UInt64 = 0xA85E_17A8_5E17_A85E

    /// A pure function of the graph: called for many files at once.
    func compute(_ fact: Fact) -> UInt64 {
        var h = StableHasher()
        func keys(_ list: SiteGraph.DocumentList) { graph.forEachKey(of: list) { h.combine($0) } }
        func entry(_ meeting: String, _ number: Int, area: String?, owner: String?? = nil) {
            h.combine(meeting)
            h.combine(number)
            h.combine(area)
            if let owner { h.combine(owner) }
        }
        switch fact {
        case .document(let key): return documentHashes[key]?.meta ?? FactHasher.absent
        case .body(let key): return documentHashes[key]?.body ?? FactHasher.absent
        case .kind(let kind): keys(.kind(kind))
        case .kindCount(let kind): h.combine(graph.documents(of: kind).count)
        case .kindIsEmpty(let kind): h.combine(graph.documents(of: kind).isEmpty ? 1 : 0)
        case .backlinks(let key):
            // Over the sources' keys, as when backlinks held them: the values stay those of earlier caches.
            if let position = graph.position(ofKey: key) {
                for backlink in graph.backlinks(at: position) {
                    h.combine(graph.documents[Int(backlink.source)].document.key)
                    h.combine(backlink.relation.rawValue)
                }
            }
        case .members(let id): keys(.members(id))
        case .successors(let id): keys(.successors(id))
        case .ownedActions(let key):
            for e in graph.actions(ownedBy: key) { entry(e.meeting.key, e.number, area: e.area, owner: e.ownerKey) }
        case .decisions:
            for e in graph.decisions { entry(e.meeting.key, e.number, area: e.area) }
        case .actions:
            for e in graph.actions { entry(e.meeting.key, e.number, area: e.area, owner: e.ownerKey) }
        case .area(let key):
            let facts = graph.areaFacts[key] ?? AreaFacts()
            for e in facts.decisions { entry(e.meeting.key, e.number, area: e.area) }
            h.combine(-1)
            for e in facts.actions { entry(e.meeting.key, e.number, area: e.area, owner: e.ownerKey) }
            h.combine(-1)
            for meeting in facts.meetings { h.combine(meeting.key) }
            h.combine(-1)
            for chapter in facts.chapters { h.combine(chapter.report.key); h.combine(chapter.anchor); h.combine(chapter.title) }
        case .areaReference(let reference, let plan):
            h.combine(graph.area(reference, preferring: plan).map { $0.plan.document.key + "#" + $0.area.id.value })
        case .personReference(let reference): h.combine(graph.person(reference)?.document.key)
        case .category(let id): keys(.category(id))
        case .subregion(let id): keys(.subregion(id))
        case .matches: matches(graph.matches, into: &h)
        case .organisationMatches(let key):
            matches(graph.matches(seeker: key), into: &h)
            h.combine(-1)
            matches(graph.matches(offerer: key), into: &h)
        case .menu: keys(.menu)
        case .title(let key): h.combine(graph.frontMatter(key)?.title)
        case .now: h.combine(graph.now.iso)
        case .outputPaths: return outputPathsHash
        }
        return h.finalize()
    }

    private func matches(_ list: [Match], into h: inout StableHasher) {
        for m in list {
            h.combine(m.seeker); h.combine(m.need); h.combine(m.offerer); h.combine(m.offer)
            for word in m.sharedWords { h.combine(word) }
            h.combine(-1)
        }
    }
}
