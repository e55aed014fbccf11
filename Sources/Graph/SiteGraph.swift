import Content
import Markdown

/// The whole site after linking: every page, how they refer to each other, and computed facts.
/// Lookups live here so no later stage resolves a reference on its own.
/// A final class, not a struct: every render job, view and fact hasher holds the graph, and copying a
/// struct of this many collections cost a retain per field for each of them.
public final class SiteGraph: Sendable {
    public let config: SiteConfig
    public let routes: Routes
    /// Sorted by kind, then id: the order everything is rendered and listed in unless a view sorts.
    public let documents: [ParsedDocument]
    public let glossary: [GlossaryEntry]
    /// The build's clock: what counts as upcoming, overdue.
    public let now: Day
    /// Each document's backlinks by position (empty where none): sorted by relation, then by the source's key.
    let backlinkLists: [[GraphBacklink]]

    let lookup: DocumentLookup
    /// Each document's output folder, by position (views link to documents on every page).
    let folders: [String]

    /// Computed once per graph; views read them for many pages.
    public let decisions: [DecisionEntry]
    public let actions: [ActionEntry]
    public let areaFacts: [String: AreaFacts]
    public let matches: [Match]
    /// Indexes that turn "filter every document" into one lookup, so a view stays O(1) per page
    /// and a site O(n) rather than O(n²).
    public let indexes: GraphIndexes

    /// What the final graph computes from its documents alone: the registers, the matches, and what
    /// is made from them. Backlinks play no part, so the link stage makes it while it gathers them.
    struct Derived: Sendable {
        let decisions: [DecisionEntry]
        let actions: [ActionEntry]
        let matches: [Match]
        let areaFacts: [String: AreaFacts]
        let indexes: GraphIndexes

        /// `desk`: where the thread that waits for this (made in the background) joins the work. Nested
        /// in background work, `parallelPair` found the cores taken when it started and ran both halves on
        /// one thread, while the thread waiting for the result only waited.
        init(_ base: SiteGraph, desk: HelpDesk? = nil) {
            // Independent of each other: the registers and matches, then what is made from them.
            let meetings = base.meetingsNewestFirst
            let registered = Self.parts(3, desk: desk) { part -> Registered in
                switch part {
                case 0: .decisions(base.computeDecisions(meetings))
                case 1: .actions(base.computeActions(meetings))
                default: .matches(Matchmaking.matches(base.documents(of: .organisation).map(\.document)))
                }
            }
            guard case .decisions(let decisions) = registered[0], case .actions(let actions) = registered[1],
                  case .matches(let matches) = registered[2] else { preconditionFailure("parts in order") }
            let registers = SiteGraph(base, decisions: decisions, actions: actions, matches: matches)
            (self.decisions, self.actions, self.matches) = (decisions, actions, matches)
            let made = Self.parts(2, desk: desk) { part -> Made in
                part == 0 ? .areaFacts(registers.computeAreaFacts()) : .indexes(GraphIndexes(registers))
            }
            guard case .areaFacts(let areaFacts) = made[0], case .indexes(let indexes) = made[1] else {
                preconditionFailure("parts in order")
            }
            (self.areaFacts, self.indexes) = (areaFacts, indexes)
        }

        private enum Registered: Sendable {
            case decisions([DecisionEntry]), actions([ActionEntry]), matches([Match])
        }

        private enum Made: Sendable {
            case areaFacts([String: AreaFacts]), indexes(GraphIndexes)
        }

        /// Parts `0..<count` made at once: by the threads at the desk, else on all cores.
        private static func parts<R: Sendable>(_ count: Int, desk: HelpDesk?, _ make: @escaping @Sendable (Int) -> R) -> [R] {
            desk.map { $0.map(Array(0..<count), make) } ?? parallelMap(Array(0..<count), make)
        }
    }

    /// `base` (a graph without anything derived) with its backlinks and what was derived from it.
    convenience init(_ base: SiteGraph, backlinks: [[GraphBacklink]]? = nil, derived: Derived) {
        self.init(base, backlinks: backlinks, decisions: derived.decisions, actions: derived.actions, matches: derived.matches,
                  areaFacts: derived.areaFacts, indexes: derived.indexes)
    }

    /// The graph the link stage resolves references in: the lookups, without backlinks, registers or
    /// indexes, which only the final graph has.
    init(lookup: DocumentLookup, config: SiteConfig, routes: Routes, glossary: [GlossaryEntry], now: Day) {
        self.config = config
        self.routes = routes
        self.lookup = lookup
        self.documents = lookup.documents
        self.glossary = glossary
        self.now = now
        backlinkLists = []
        folders = lookup.documents.map { routes.folder(ofKey: $0.document.key) ?? "" }
        decisions = []
        actions = []
        areaFacts = [:]
        matches = []
        indexes = GraphIndexes()
    }

    /// `graph` with what is given replacing what it has.
    private init(_ graph: SiteGraph, backlinks: [[GraphBacklink]]? = nil, decisions: [DecisionEntry]? = nil,
                 actions: [ActionEntry]? = nil, matches: [Match]? = nil, areaFacts: [String: AreaFacts]? = nil,
                 indexes: GraphIndexes? = nil) {
        config = graph.config
        routes = graph.routes
        lookup = graph.lookup
        documents = graph.documents
        glossary = graph.glossary
        now = graph.now
        backlinkLists = backlinks ?? graph.backlinkLists
        folders = graph.folders
        self.decisions = decisions ?? graph.decisions
        self.actions = actions ?? graph.actions
        self.matches = matches ?? graph.matches
        self.areaFacts = areaFacts ?? graph.areaFacts
        self.indexes = indexes ?? graph.indexes
    }

    public func document(_ key: String) -> ParsedDocument? { lookup.index[key].map { documents[$0] } }

    /// A document's position in `documents`: its hint when the hint points at this very document (no
    /// hashing), else by key; nil when the graph does not have it.
    public func position(of doc: Document) -> Int? {
        let hint = doc.positionHint
        if hint >= 0, hint < documents.count, documents[hint].document.isSameDocument(as: doc) { return hint }
        return lookup.index[doc.key]
    }

    public func position(ofKey key: String) -> Int? { lookup.index[key] }

    /// The backlinks of the document at `position`.
    public func backlinks(at position: Int) -> [GraphBacklink] {
        position < backlinkLists.count ? backlinkLists[position] : []
    }

    /// The backlinks of the document with `key`, with their sources' keys (nil: no such document).
    public func backlinks(ofKey key: String) -> [Backlink]? {
        lookup.index[key].map { backlinks(at: $0).map { Backlink(source: documents[Int($0.source)].document.key, relation: $0.relation) } }
    }

    /// The output folder of the document at `position` (`Routes.folder(ofKey:)`, looked up once per build).
    public func folder(at position: Int) -> String { folders[position] }

    public func document(_ kind: Kind, _ id: String) -> ParsedDocument? { document("\(kind.rawValue)/\(id)") }

    /// Only the document: views look one up for every link they show, and a copy of the whole
    /// `ParsedDocument` retained its HTML, headings, links and link targets as well.
    public func frontMatter(_ key: String) -> Document? { lookup.index[key].map { documents[$0].document } }

    /// `person(_:allowInitials:)`'s document alone (see `frontMatter(_:)`).
    public func personFrontMatter(_ reference: String) -> Document? {
        if let doc = frontMatter("person/" + reference) { return doc }
        guard let key = lookup.initials[reference] else { return nil }
        return frontMatter(key)
    }

    /// The documents of one kind, in graph order: a slice of `documents`, no copy.
    public func documents(of kind: Kind) -> ArraySlice<ParsedDocument> { documents[lookup.range(of: kind)] }

    /// A person by id, or by initials where a field allows them.
    public func person(_ reference: String, allowInitials: Bool = true) -> ParsedDocument? {
        if let doc = document(.person, reference) { return doc }
        guard allowInitials, let key = lookup.initials[reference] else { return nil }
        return document(key)
    }

    /// A plan area by `plan#area`, or by a bare area id that only one plan has.
    public func area(_ reference: String, preferring planID: String? = nil) -> (plan: ParsedDocument, area: Plan.Area)? {
        // Looked up in indexes made once (every decision, task and chapter names an area); the rules are
        // those of a search through the plans: `plan#area`, then the preferred plan, then a unique bare id.
        // `plan#area` in ASCII with both parts non-empty is its own index key: no split, no new string.
        let utf8 = reference.utf8
        if let hash = utf8.firstIndex(of: UInt8(ascii: "#")), hash != utf8.startIndex, utf8.index(after: hash) != utf8.endIndex,
           utf8.allSatisfy({ $0 < 0x80 }) {
            return lookup.areas[reference].map { (documents[$0.plan], $0.area) }
        }
        let parts = reference.utf8.contains(UInt8(ascii: "#")) ? reference.split(separator: "#", maxSplits: 1)
                                                               : (reference.isEmpty ? [] : [reference[...]])
        if parts.count == 2 {
            return lookup.areas[parts[0] + "#" + parts[1]].map { (documents[$0.plan], $0.area) }
        }
        if let planID, let found = lookup.areas[planID + "#" + reference] {
            return (documents[found.plan], found.area)
        }
        guard let matches = lookup.bareAreas[reference], matches.count == 1 else { return nil }
        return (documents[matches[0].plan], matches[0].area)
    }

    /// Every `plan#area` reference that exists, for hints.
    public var areaReferences: [String] {
        documents(of: .plan).flatMap { plan in (plan.document.plan?.areas ?? []).map { "\(plan.document.id)#\($0.id.value)" } }
    }

    public func ids(of kind: Kind) -> [String] { documents(of: kind).map(\.document.id) }

    /// Whether a meeting lies ahead of the build's clock (today counts as ahead).
    public func isUpcoming(_ document: Document) -> Bool { (document.date ?? now) >= now }
}

/// Documents sorted once, with the lookups every later stage needs: by key, by initials, by kind.
/// The link stage builds it once; the final graph reuses it instead of sorting again.
struct DocumentLookup: Sendable {
    let documents: [ParsedDocument]
    /// Where each of `documents` was in the array given.
    let inputPositions: [Int]
    let index: [String: Int]
    let initials: [String: String]
    /// `plan-id#area-id` → the plan's position and the area (each plan's first area of an id).
    let areas: [String: (plan: Int, area: Plan.Area)]
    /// Area id → every plan that has one, in plan order.
    let bareAreas: [String: [(plan: Int, area: Plan.Area)]]
    /// `documents` is sorted by kind, so each kind is one contiguous range.
    private let ranges: [Range<Int>]

    init(_ unsorted: [ParsedDocument]) {
        let order = Dictionary(uniqueKeysWithValues: Kind.allCases.enumerated().map { ($1, $0) })
        // Positions sorted by small keys, then the documents taken in that order: sorting the documents
        // themselves moved eight references per swap and looked the kind up per comparison.
        let keys = unsorted.map { (kind: order[$0.document.kind]!, id: $0.document.id) }
        inputPositions = keys.indices.sorted { keys[$0].kind != keys[$1].kind ? keys[$0].kind < keys[$1].kind : keys[$0].id < keys[$1].id }
        documents = inputPositions.map { unsorted[$0] }
        var index: [String: Int] = [:]
        index.reserveCapacity(documents.count)
        var initials: [String: String] = [:]
        var ranges = Array(repeating: 0..<0, count: Kind.allCases.count)
        var start = 0
        for (i, parsed) in documents.enumerated() {
            index[parsed.document.key] = i
            parsed.document.setPositionHint(i)
            if let value = parsed.document.person?.initials?.value, initials[value] == nil {
                initials[value] = parsed.document.key
            }
            let kind = order[parsed.document.kind]!
            if i + 1 == documents.count || order[documents[i + 1].document.kind]! != kind {
                ranges[kind] = start..<(i + 1)
                start = i + 1
            }
        }
        self.index = index
        self.initials = initials
        self.ranges = ranges
        var areas: [String: (plan: Int, area: Plan.Area)] = [:]
        var bareAreas: [String: [(plan: Int, area: Plan.Area)]] = [:]
        for i in ranges[Kind.allCases.firstIndex(of: .plan)!] {
            guard let plan = documents[i].document.plan else { continue }
            var seen = Set<String>()
            for area in plan.areas where seen.insert(area.id.value).inserted {
                areas[documents[i].document.id + "#" + area.id.value] = (i, area)
                bareAreas[area.id.value, default: []].append((i, area))
            }
        }
        self.areas = areas
        self.bareAreas = bareAreas
    }

    func range(of kind: Kind) -> Range<Int> { ranges[Kind.allCases.firstIndex(of: kind)!] }
}
