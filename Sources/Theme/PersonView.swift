import Content
import Graph

/// A person's public roles over time, whom they succeeded, and who succeeded them.
enum PersonView {
    /// Roles grouped per body, each body's roles in time order: how a person's mandates changed.
    static func roleGroups(_ view: ViewContext, _ roles: [Person.Role]) -> [[String: Any]] {
        var order: [String] = []
        var byGroup: [String: [Person.Role]] = [:]
        for role in roles {
            if byGroup[role.group.value] == nil { order.append(role.group.value) }
            byGroup[role.group.value, default: []].append(role)
        }
        return order.map { id in
            var group: [String: Any] = ["title": id]
            if let doc = view.document(.group, id) { group = view.link(doc) }
            let sorted = byGroup[id]!.sorted { ($0.from?.earliest ?? .earliest) < ($1.from?.earliest ?? .earliest) }
            group["roles"] = sorted.map { role -> [String: Any] in
                var item: [String: Any] = ["role": role.role]
                if let from = role.from { item["from"] = view.strings.date(from) }
                if let to = role.to { item["to"] = view.strings.date(to) }
                if let org = role.organisation.flatMap({ view.document(.organisation, $0.value) }) { item["organisation"] = view.link(org) }
                return item
            }
            return group
        }
    }

    static func context(_ view: ViewContext, _ parsed: ParsedDocument) -> [String: Any] {
        let doc = parsed.document
        guard let p = doc.person else { return [:] }
        var c: [String: Any] = [:]
        c["initials"] = p.initials?.value
        c["side"] = p.side.map { view.strings["side_\($0)"] }
        c["jobTitle"] = p.title
        if let org = p.organisation.flatMap({ view.document(.organisation, $0.value) }) { c["organisation"] = view.link(org) }
        c["roleGroups"] = roleGroups(view, p.roles)
        if let s = p.succeeded.flatMap({ view.document(.person, $0.value) }) { c["succeeded"] = view.link(s) }
        c["successors"] = view.successors(ofPerson: doc.id).map(view.link)
        // The meetings that name the person, in one pass over the backlinks (each source looked up once).
        var attended: [Document] = [], recorded: [Document] = []
        for backlink in view.backlinks(to: doc) {
            let attendance: Bool
            switch backlink.relation {
            case .attended, .guest: attendance = true
            case .recorded, .approved: attendance = false
            default: continue
            }
            let meeting = view.source(of: backlink)
            guard meeting.kind == .meeting else { continue }
            if attendance { attended.append(meeting) } else { recorded.append(meeting) }
        }
        func newestFirst(_ meetings: [Document]) -> [[String: Any]] { meetings.sorted(by: Document.isNewer).map(view.link) }
        c["attended"] = newestFirst(attended)
        c["recorded"] = newestFirst(recorded)
        c["tasks"] = view.actions(ownedBy: doc.key).map { RegisterViews.item(view, $0) }
        return c
    }
}
