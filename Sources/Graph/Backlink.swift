/// Why one page points at another; the theme groups "Omnämnd i" lists by it.
public enum Relation: String, Sendable, Hashable, CaseIterable, Comparable {
    case attended, guest, recorded, approved, ownsAction, decisionArea, actionArea, meetingGroup,
         role, roleOrganisation, worksAt, succeeded, parent, responsible, officer, followsPlan, chapterArea,
         glossary, link

    public static func < (lhs: Relation, rhs: Relation) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public struct Backlink: Sendable, Hashable, Comparable {
    /// Key of the page that points (`meeting/2024-08-19-ros`).
    public var source: String
    public var relation: Relation

    public static func < (lhs: Backlink, rhs: Backlink) -> Bool {
        (lhs.relation, lhs.source) < (rhs.relation, rhs.source)
    }
}
