import Content
import Markdown

/// The whole site after linking: every page, how they refer to each other, and computed facts.
/// Lookups live here so no later stage resolves a reference on its own.
public struct SiteGraph: Sendable {
    public let config: SiteConfig
    public let routes: Routes
    /// Sorted by kind, then id: the order everything is rendered and listed in unless a view sorts.
    public let documents: [ParsedDocument]
    public let glossary: [GlossaryEntry]
    /// The build's clock: what counts as upcoming, overdue.
    public let now: Day
    public let backlinks: [String: [Backlink]]

    let index: [String: Int]
    let initials: [String: String]
    let kindRanges: [Kind: Range<Int>]

    /// Computed once per graph; views read them for many pages.
    public private(set) var decisions: [DecisionEntry] = []
    public private(set) var actions: [ActionEntry] = []
    public private(set) var areaFacts: [String: AreaFacts] = [:]
    public private(set) var matches: [Match] = []

    public init(config: SiteConfig, routes: Routes, documents: [ParsedDocument], glossary: [GlossaryEntry], now: Day,
                backlinks: [String: [Backlink]]) {
        self.config = config
        self.routes = routes
        self.documents = documents.sorted { ($0.document.kind, $0.document.id) < ($1.document.kind, $1.document.id) }
        self.glossary = glossary
        self.now = now
        self.backlinks = backlinks
        var index: [String: Int] = [:]
        var initials: [String: String] = [:]
        for (i, parsed) in self.documents.enumerated() {
            index[parsed.document.key] = i
            if let value = parsed.document.person?.initials?.value, initials[value] == nil {
                initials[value] = parsed.document.key
            }
        }
        self.index = index
        self.initials = initials
        var kindRanges: [Kind: Range<Int>] = [:]
        for (i, parsed) in self.documents.enumerated() {
            let kind = parsed.document.kind
            kindRanges[kind] = (kindRanges[kind]?.lowerBound ?? i)..<(i + 1)
        }
        self.kindRanges = kindRanges
        decisions = computeDecisions()
        actions = computeActions()
        areaFacts = computeAreaFacts()
        matches = Matchmaking.matches(self.documents(of: .organisation).map(\.document))
    }

    public func document(_ key: String) -> ParsedDocument? { index[key].map { documents[$0] } }

    public func document(_ kind: Kind, _ id: String) -> ParsedDocument? { document("\(kind.rawValue)/\(id)") }

    /// The pages of one kind: a slice of `documents` (sorted by kind), so asking costs nothing. Every
    /// page's menu asks, and a filtered copy made rendering quadratic in the number of pages.
    public func documents(of kind: Kind) -> ArraySlice<ParsedDocument> { documents[kindRanges[kind] ?? 0..<0] }

    /// A person by id, or by initials where a field allows them.
    public func person(_ reference: String, allowInitials: Bool = true) -> ParsedDocument? {
        if let doc = document(.person, reference) { return doc }
        guard allowInitials, let key = initials[reference] else { return nil }
        return document(key)
    }

    /// A plan area by `plan#area`, or by a bare area id that only one plan has.
    public func area(_ reference: String, preferring planID: String? = nil) -> (plan: ParsedDocument, area: Plan.Area)? {
        let parts = reference.split(separator: "#", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            guard let plan = document(.plan, parts[0]), let area = plan.document.plan?.areas.first(where: { $0.id.value == parts[1] }) else { return nil }
            return (plan, area)
        }
        if let planID, let plan = document(.plan, planID), let area = plan.document.plan?.areas.first(where: { $0.id.value == reference }) {
            return (plan, area)
        }
        let matches = documents(of: .plan).compactMap { plan in
            plan.document.plan?.areas.first(where: { $0.id.value == reference }).map { (plan: plan, area: $0) }
        }
        return matches.count == 1 ? matches[0] : nil
    }

    /// Every `plan#area` reference that exists, for hints.
    public var areaReferences: [String] {
        documents(of: .plan).flatMap { plan in (plan.document.plan?.areas ?? []).map { "\(plan.document.id)#\($0.id.value)" } }
    }

    public func ids(of kind: Kind) -> [String] { documents(of: kind).map(\.document.id) }

    /// Whether a meeting lies ahead of the build's clock (today counts as ahead).
    public func isUpcoming(_ document: Document) -> Bool { (document.date ?? now) >= now }
}
