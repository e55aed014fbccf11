/// A person with a public role. Only public roles: the format has no key for private contact data.
public struct Person: Sendable, Hashable {
    public static let sides = ["civil_society", "political", "process_leader", "official", "guest"]
    public static let keys = ["name", "initials", "side", "title", "organisation", "roles", "succeeded"]

    public struct Role: Sendable, Hashable {
        public var group: Located<String>
        public var role: String
        public var from: FuzzyDay?
        public var to: FuzzyDay?
        public var organisation: Located<String>?
    }

    public var initials: Located<String>?
    public var side: String?
    public var title: String?
    public var organisation: Located<String>?
    public var roles: [Role] = []
    public var succeeded: Located<String>?

    static func decode(_ f: inout Fields) -> Person {
        var p = Person()
        p.initials = f.text("initials")
        p.side = f.choice("side", sides)?.value
        p.title = f.text("title")?.value
        p.organisation = f.text("organisation")
        p.roles = f.objects("roles", what: "a role") { r in
            let group = r.requiredText("group", example: "ros")
            let role = r.requiredText("role", example: "ledamot")
            let from = r.fuzzyDay("from")
            let to = r.fuzzyDay("to")
            if let from, let to, to.value < from.value {
                r.diagnostics.append(.error("'to' (\(to.value)) is before 'from' (\(from.value))", at: to.position))
            }
            let organisation = r.text("organisation")
            r.warnUnknown()
            guard let group, let role else { return nil }
            return Role(group: group, role: role.value, from: from?.value, to: to?.value, organisation: organisation)
        }
        p.succeeded = f.text("succeeded")
        return p
    }
}
