/// A body: RÖS-gruppen, a political committee, a council.
public struct Group: Sendable, Hashable {
    public static let keys = ["name", "abbreviation"]
    public var abbreviation: String?

    static func decode(_ f: inout Fields) -> Group {
        Group(abbreviation: f.text("abbreviation")?.value)
    }
}
