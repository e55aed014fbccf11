import Content
import Graph

/// What every view of one page needs: the graph, the strings and where the page lives,
/// so each link can be written relative to it.
///
/// Views read the graph only through the lookups below, and each lookup records the facts it read
/// in `log`: an incremental build renders a file again only when one of those facts changed. The
/// graph itself is private so that no view can read around the record.
struct ViewContext {
    private let graph: SiteGraph
    let strings: Strings
    /// Output folder of the page being rendered (`moten/2024-08-19-ros/`, `""` for the home page).
    let folder: String
    let log: FactLog
    /// The build's shells by place, if it made them.
    let shell: PageShell.Parts?

    init(graph: SiteGraph, strings: Strings, folder: String, log: FactLog, shell: PageShell.Parts? = nil) {
        self.graph = graph
        self.strings = strings
        self.folder = folder
        self.log = log
        self.shell = shell
    }

    /// The same page's context for another folder (absolute links of the 404 page, files at the root).
    func at(_ folder: String) -> ViewContext { ViewContext(graph: graph, strings: strings, folder: folder, log: log, shell: shell) }

    // Site-wide inputs that are part of the cache key, not facts: a change renders everything.
    var config: SiteConfig { graph.config }
    var routes: Routes { graph.routes }
    var glossary: [GlossaryEntry] { graph.glossary }

    // MARK: Recorded lookups

    @discardableResult
    private func recorded(_ doc: Document) -> Document {
        if let position = graph.position(of: doc) { log.record(.document, of: position) } else { log.record(.document(doc.key)) }
        return doc
    }

    private func recorded<S: Sequence>(_ docs: S) -> [Document] where S.Element == ParsedDocument {
        docs.map { recorded($0.document) }
    }

    func document(_ kind: Kind, _ id: String) -> Document? { document(key: "\(kind.rawValue)/\(id)") }

    func document(key: String) -> Document? {
        guard let position = graph.position(ofKey: key) else {
            log.record(.document(key))
            return nil
        }
        log.record(.document, of: position)
        return graph.documents[position].document
    }

    /// Every document of a kind, in graph order.
    func documents(of kind: Kind) -> [Document] {
        log.record(.kind(kind))
        return recorded(graph.documents(of: kind))
    }

    func hasDocuments(of kind: Kind) -> Bool {
        log.record(.kindIsEmpty(kind))
        return !graph.documents(of: kind).isEmpty
    }

    func count(of kind: Kind) -> Int {
        log.record(.kindCount(kind))
        return graph.documents(of: kind).count
    }

    /// A person by id or initials.
    func person(_ reference: String) -> Document? {
        log.record(.personReference(reference))
        return graph.personFrontMatter(reference).map { recorded($0) }
    }

    func area(_ reference: String, preferring plan: String? = nil) -> (plan: Document, area: Plan.Area)? {
        log.record(.areaReference(reference, plan: plan))
        guard let (planDoc, area) = graph.area(reference, preferring: plan) else { return nil }
        return (recorded(planDoc.document), area)
    }

    /// The backlinks of `doc`; `source(of:)` gives each one's document.
    func backlinks(to doc: Document) -> [GraphBacklink] {
        guard let position = graph.position(of: doc) else {
            log.record(.backlinks(doc.key))
            return []
        }
        log.record(.backlinks, of: position)
        return graph.backlinks(at: position)
    }

    /// The page a backlink comes from (by position: no lookup by key).
    func source(of backlink: GraphBacklink) -> Document {
        let position = Int(backlink.source)
        log.record(.document, of: position)
        return graph.documents[position].document
    }

    /// Where a backlink's page is, relative to this page.
    func url(ofSource backlink: GraphBacklink) -> String { url(toFolder: graph.folder(at: Int(backlink.source))) }

    func members(ofOrganisation id: String) -> [Document] {
        log.record(.members(id))
        return recorded(graph.members(ofOrganisation: id))
    }

    func successors(ofPerson id: String) -> [Document] {
        log.record(.successors(id))
        return recorded(graph.successors(ofPerson: id))
    }

    func actions(ownedBy key: String) -> [ActionEntry] {
        log.record(.ownedActions(key))
        return graph.actions(ownedBy: key).map(recorded)
    }

    var decisions: [DecisionEntry] {
        log.record(.decisions)
        return graph.decisions.map(recorded)
    }

    var actions: [ActionEntry] {
        log.record(.actions)
        return graph.actions.map(recorded)
    }

    /// A meeting's own decisions and tasks (the meeting's document holds them: nothing more to record).
    func decisions(ofMeeting doc: Document) -> [DecisionEntry] { recorded(doc); return graph.decisions(ofMeeting: doc.key) }

    func actions(ofMeeting doc: Document) -> [ActionEntry] { recorded(doc); return graph.actions(ofMeeting: doc.key) }

    func areaFacts(_ key: String) -> AreaFacts {
        log.record(.area(key))
        let facts = graph.areaFacts[key] ?? AreaFacts()
        for entry in facts.decisions { recorded(entry) }
        for entry in facts.actions { recorded(entry) }
        for meeting in facts.meetings { recorded(meeting) }
        for chapter in facts.chapters { recorded(chapter.report) }
        return facts
    }

    var matches: [Match] {
        log.record(.matches)
        return graph.matches
    }

    func matches(seeker key: String) -> [Match] {
        log.record(.organisationMatches(key))
        return graph.matches(seeker: key)
    }

    func matches(offerer key: String) -> [Match] {
        log.record(.organisationMatches(key))
        return graph.matches(offerer: key)
    }

    func organisations(inCategory id: String) -> [Document] {
        log.record(.category(id))
        return recorded(graph.organisations(inCategory: id))
    }

    func organisationCount(inCategory id: String) -> Int {
        log.record(.category(id))
        return graph.organisations(inCategory: id).count
    }

    func organisationCount(inSubregion id: String) -> Int {
        log.record(.subregion(id))
        return graph.organisations(inSubregion: id).count
    }

    func organisations(inSubregion id: String) -> [Document] {
        log.record(.subregion(id))
        return recorded(graph.organisations(inSubregion: id))
    }

    /// The menu's pages: their keys (which give their addresses) and titles, and nothing else.
    var menuPages: [(key: String, title: String)] {
        log.record(.menu)
        return graph.menuPages.map { page in
            if let position = graph.position(of: page.document) { log.record(.title, of: position) } else { log.record(.title(page.document.key)) }
            return (page.document.key, page.document.title)
        }
    }

    var now: Day {
        log.record(.now)
        return graph.now
    }

    /// Whether a meeting lies ahead of the build's clock (today counts as ahead).
    func isUpcoming(_ doc: Document) -> Bool { (doc.date ?? now) >= now }

    @discardableResult
    private func recorded(_ entry: DecisionEntry) -> DecisionEntry { recorded(entry.meeting); return entry }

    @discardableResult
    private func recorded(_ entry: ActionEntry) -> ActionEntry { recorded(entry.meeting); return entry }

    // MARK: Links

    func url(toFolder target: String) -> String { Routes.relative(from: folder, to: target) }

    func url(_ doc: Document) -> String {
        url(toFolder: graph.position(of: doc).map(graph.folder(at:)) ?? routes.folder(ofKey: doc.key) ?? "")
    }

    /// The page's own document read in full, front matter and body (the page view's first lookups).
    func recordPage(_ doc: Document) {
        guard let position = graph.position(of: doc) else {
            log.record(.document(doc.key))
            log.record(.body(doc.key))
            return
        }
        log.record(.document, of: position)
        log.record(.body, of: position)
    }

    func link(_ doc: Document) -> [String: Any] { link(doc, url: url(doc)) }

    /// `link(_:)` where the caller knows the document's URL.
    private func link(_ doc: Document, url: String) -> [String: Any] {
        // Room for every key a link gets here and in `personLink`: growing a dictionary rehashes it.
        var item = [String: Any](minimumCapacity: 7)
        item["title"] = doc.title
        item["url"] = url
        if let date = doc.date { item["date"] = strings.date(date); item["iso"] = date.iso }
        if let summary = doc.summary { item["summary"] = summary }
        return item
    }

    func date(_ day: Day?) -> String? { day.map { strings.date($0) } }

    func areaLink(_ reference: String, plan: String? = nil) -> [String: Any]? {
        guard let (planDoc, area) = area(reference, preferring: plan) else { return nil }
        return ["title": area.title, "plan": planDoc.title, "url": url(planDoc) + "#" + ViewContext.areaAnchor(area.id.value)]
    }

    /// Area sections carry their own prefix so they never clash with the anchors of the plan's body headings.
    static func areaAnchor(_ id: String) -> String { "omrade-" + id }

    func personLink(_ reference: String, role: String? = nil) -> [String: Any] {
        guard let person = person(reference) else { return ["title": reference] }
        var item = link(person)
        if let role { item["role"] = role }
        if let side = person.person?.side { item["side"] = strings["side_\(side)"] }
        return item
    }

    /// "Omnämnd i": the pages that point here, grouped by their kind.
    func backlinks(of doc: Document) -> [[String: Any]] {
        let list = backlinks(to: doc)
        guard !list.isEmpty else { return [] }
        // One bucket per kind in `Kind.allCases` order, not a dictionary of arrays.
        var byKind = [[(backlink: GraphBacklink, doc: Document)]](repeating: [], count: Self.kinds.count)
        // A source can point here through several relations; most pages have a handful of backlinks,
        // where comparing with the earlier ones is cheaper than hashing every source into a set.
        var seen = list.count > 8 ? Set<Int32>(minimumCapacity: list.count) : nil
        for (i, backlink) in list.enumerated() {
            if seen != nil {
                guard seen!.insert(backlink.source).inserted else { continue }
            } else if list[..<i].contains(where: { $0.source == backlink.source }) {
                continue
            }
            let source = source(of: backlink)
            byKind[Self.kindIndex(source.kind)].append((backlink, source))
        }
        var groups: [[String: Any]] = []
        for (index, sources) in byKind.enumerated() where !sources.isEmpty {
            let items: [[String: Any]]
            if sources.count == 1 {
                items = [link(sources[0].doc, url: url(ofSource: sources[0].backlink))]
            } else {
                // Sorting positions by small keys, not the documents themselves: fewer copies, the same order.
                let keys = sources.map { (date: $0.doc.date ?? .earliest, title: $0.doc.title) }
                let order = keys.indices.sorted { (keys[$0].date, keys[$0].title) > (keys[$1].date, keys[$1].title) }
                items = order.map { link(sources[$0].doc, url: url(ofSource: sources[$0].backlink)) }
            }
            groups.append(["kind": strings.section(Self.kinds[index]), "items": items])
        }
        return groups
    }

    private static let kinds = Kind.allCases

    private static func kindIndex(_ kind: Kind) -> Int { kinds.firstIndex(of: kind)! }
}
