import Content

/// Who belongs to whom, computed once per graph: every view that used to filter all documents
/// for one page (members of an umbrella, successors, a person's tasks, a meeting's records,
/// signatories per category) asks here instead. Values are positions in the graph's arrays,
/// in the order the filters gave, so output is unchanged.
public struct GraphIndexes: Sendable {
    /// Organisation id → positions in `documents` of the organisations whose `parent` it is.
    var members: [String: [Int]] = [:]
    /// Person id → positions in `documents` of the people who `succeeded` them.
    var successors: [String: [Int]] = [:]
    /// Person key → positions in `actions` of the tasks they own.
    var actionsByOwner: [String: [Int]] = [:]
    /// Meeting key → positions in `decisions` / `actions`.
    var decisionsByMeeting: [String: [Int]] = [:]
    var actionsByMeeting: [String: [Int]] = [:]
    /// Category or subregion id → positions in `documents` of the organisations in it
    /// (`subregions: all` counts for every subregion).
    var categories: [String: [Int]] = [:]
    var subregions: [String: [Int]] = [:]
    /// Organisation key → positions in `matches` where it seeks / offers.
    var matchesBySeeker: [String: [Int]] = [:]
    var matchesByOfferer: [String: [Int]] = [:]
    /// Positions in `documents` of the plain pages in the main menu, in menu order.
    var menu: [Int] = []

    init() {}

    init(_ graph: SiteGraph) {
        let range = graph.lookup.range(of: .organisation)
        for i in range {
            guard let o = graph.documents[i].document.organisation else { continue }
            if let parent = o.parent?.value { members[parent, default: []].append(i) }
            for category in o.categories { categories[category.value, default: []].append(i) }
            if o.allSubregions {
                for subregion in graph.config.subregions { subregions[subregion.id, default: []].append(i) }
            } else {
                // Listed twice is still one signatory in the subregion.
                var seen = Set<String>()
                for subregion in o.subregions where seen.insert(subregion.value).inserted {
                    subregions[subregion.value, default: []].append(i)
                }
            }
        }
        for id in categories.keys { categories[id] = Self.unique(categories[id]!) }
        for i in graph.lookup.range(of: .person) {
            if let succeeded = graph.documents[i].document.person?.succeeded?.value { successors[succeeded, default: []].append(i) }
        }
        for (i, entry) in graph.actions.enumerated() {
            if let owner = entry.ownerKey { actionsByOwner[owner, default: []].append(i) }
            actionsByMeeting[entry.meeting.key, default: []].append(i)
        }
        for (i, entry) in graph.decisions.enumerated() {
            decisionsByMeeting[entry.meeting.key, default: []].append(i)
        }
        menu = graph.lookup.range(of: .page).compactMap { i in graph.documents[i].document.page?.menu.map { (order: $0, index: i) } }
            .sorted { ($0.order, graph.documents[$0.index].document.id) < ($1.order, graph.documents[$1.index].document.id) }.map(\.index)
        for (i, match) in graph.matches.enumerated() {
            matchesBySeeker[match.seeker, default: []].append(i)
            matchesByOfferer[match.offerer, default: []].append(i)
        }
    }

    /// Positions in increasing order without repeats (a category written twice counts once).
    static func unique(_ positions: [Int]) -> [Int] {
        var out: [Int] = []
        for p in positions where out.last != p { out.append(p) }
        return out
    }
}

extension SiteGraph {
    /// Organisations whose `parent` is the organisation `id`, in graph order.
    public func members(ofOrganisation id: String) -> [ParsedDocument] { (indexes.members[id] ?? []).map { documents[$0] } }

    /// People who `succeeded` the person `id`, in graph order.
    public func successors(ofPerson id: String) -> [ParsedDocument] { (indexes.successors[id] ?? []).map { documents[$0] } }

    /// Tasks whose owner resolves to the person page `key`, in register order.
    public func actions(ownedBy key: String) -> [ActionEntry] { (indexes.actionsByOwner[key] ?? []).map { actions[$0] } }

    public func decisions(ofMeeting key: String) -> [DecisionEntry] { (indexes.decisionsByMeeting[key] ?? []).map { decisions[$0] } }

    public func actions(ofMeeting key: String) -> [ActionEntry] { (indexes.actionsByMeeting[key] ?? []).map { actions[$0] } }

    /// Organisations in a category / subregion, in graph order.
    public func organisations(inCategory id: String) -> [ParsedDocument] { (indexes.categories[id] ?? []).map { documents[$0] } }

    public func organisations(inSubregion id: String) -> [ParsedDocument] { (indexes.subregions[id] ?? []).map { documents[$0] } }

    /// Matches where the organisation `key` seeks / offers, in the order of `matches`.
    public func matches(seeker key: String) -> [Match] { (indexes.matchesBySeeker[key] ?? []).map { matches[$0] } }

    public func matches(offerer key: String) -> [Match] { (indexes.matchesByOfferer[key] ?? []).map { matches[$0] } }

    /// Plain pages with a `menu` order, in that order (ties by id).
    public var menuPages: [ParsedDocument] { indexes.menu.map { documents[$0] } }
}

extension SiteGraph {
    /// A list of documents a view can read, named for the incremental build's fact hasher.
    public enum DocumentList: Sendable {
        case kind(Kind), members(String), successors(String), category(String), subregion(String), menu
    }

    /// The keys of a list's documents, in the list's order, without copying the documents: the fact
    /// hasher values every list of a large site on each build and reads nothing but the keys.
    public func forEachKey(of list: DocumentList, _ body: (String) -> Void) {
        func each(_ positions: [Int]?) { for i in positions ?? [] { body(documents[i].document.key) } }
        switch list {
        case .kind(let kind): for i in lookup.range(of: kind) { body(documents[i].document.key) }
        case .members(let id): each(indexes.members[id])
        case .successors(let id): each(indexes.successors[id])
        case .category(let id): each(indexes.categories[id])
        case .subregion(let id): each(indexes.subregions[id])
        case .menu: each(indexes.menu)
        }
    }
}
