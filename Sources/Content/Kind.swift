/// The kinds of page; the folder under `content/` decides which one a file is.
public enum Kind: String, CaseIterable, Sendable, Hashable, Comparable {
    case meeting, organisation, person, group, plan, report, news, page

    /// The folder under `content/` that holds pages of this kind.
    public var folder: String {
        switch self {
        case .meeting: "meetings"
        case .organisation: "organisations"
        case .person: "people"
        case .group: "groups"
        case .plan: "plans"
        case .report: "reports"
        case .news: "news"
        case .page: "pages"
        }
    }

    /// The default path segment of the section on the site (Swedish, as readers see it in the address bar).
    /// Plain pages have no section: `content/pages/om.md` goes to `/om/`.
    public var defaultSection: String {
        switch self {
        case .meeting: "moten"
        case .organisation: "underskrivare"
        case .person: "personer"
        case .group: "grupper"
        case .plan: "handlingsplaner"
        case .report: "rapporter"
        case .news: "nyheter"
        case .page: ""
        }
    }

    public init?(folder: String) {
        guard let kind = Kind.allCases.first(where: { $0.folder == folder }) else { return nil }
        self = kind
    }

    public static func < (lhs: Kind, rhs: Kind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
