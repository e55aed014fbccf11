/// Why one page points at another; the theme groups "Omnämnd i" lists by it.
public enum Relation: String, Sendable, Hashable, CaseIterable, Comparable {
    case attended, guest, recorded, approved, ownsAction, decisionArea, actionArea, meetingGroup,
         role, roleOrganisation, worksAt, succeeded, parent, responsible, officer, followsPlan, chapterArea,
         glossary, link

    /// Position in `allCases` (declaration order, checked by a test): comparing relations sorts every
    /// page's backlinks, and searching `allCases` for each comparison was a tenth of the link stage.
    public var rank: Int {
        switch self {
        case .attended: 0
        case .guest: 1
        case .recorded: 2
        case .approved: 3
        case .ownsAction: 4
        case .decisionArea: 5
        case .actionArea: 6
        case .meetingGroup: 7
        case .role: 8
        case .roleOrganisation: 9
        case .worksAt: 10
        case .succeeded: 11
        case .parent: 12
        case .responsible: 13
        case .officer: 14
        case .followsPlan: 15
        case .chapterArea: 16
        case .glossary: 17
        case .link: 18
        }
    }

    public static func < (lhs: Relation, rhs: Relation) -> Bool { lhs.rank < rhs.rank }
}

public struct Backlink: Sendable, Hashable, Comparable {
    /// Key of the page that points (`meeting/2024-08-19-ros`).
    public var source: String
    public var relation: Relation

    public init(source: String, relation: Relation) {
        self.source = source
        self.relation = relation
    }

    public static func < (lhs: Backlink, rhs: Backlink) -> Bool {
        (lhs.relation, lhs.source) < (rhs.relation, rhs.source)
    }
}

/// A backlink as the graph keeps it: the source's position in `SiteGraph.documents`, not its key.
/// Views look each source up for every page they render; a position needs no hashing, and a list of
/// them holds no strings to retain.
public struct GraphBacklink: Sendable, Hashable {
    public let source: Int32
    public let relation: Relation

    public init(source: Int32, relation: Relation) {
        self.source = source
        self.relation = relation
    }
}
