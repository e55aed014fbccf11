import Content
import Graph

/// A person's public roles over time, whom they succeeded, and who succeeded them.
enum PersonView {
    static func context(_ view: ViewContext, _ parsed: ParsedDocument) -> [String: Any] {
        let doc = parsed.document
        guard let p = doc.person else { return [:] }
        var c: [String: Any] = [:]
        c["initials"] = p.initials?.value
        c["side"] = p.side.map { view.strings["side_\($0)"] }
        c["jobTitle"] = p.title
        if let org = p.organisation.flatMap({ view.graph.document(.organisation, $0.value) }) { c["organisation"] = view.link(org.document) }
        c["roles"] = p.roles.map { role -> [String: Any] in
            var item: [String: Any] = ["role": role.role]
            if let group = view.graph.document(.group, role.group.value) { item["group"] = view.link(group.document) }
            if let from = role.from { item["from"] = view.strings.date(from) }
            if let to = role.to { item["to"] = view.strings.date(to) }
            if let org = role.organisation.flatMap({ view.graph.document(.organisation, $0.value) }) { item["organisation"] = view.link(org.document) }
            return item
        }
        if let s = p.succeeded.flatMap({ view.graph.document(.person, $0.value) }) { c["succeeded"] = view.link(s.document) }
        let successors = view.graph.documents(of: .person).filter { $0.document.person?.succeeded?.value == doc.id }
        c["successors"] = successors.map { view.link($0.document) }
        return c.compactMapValues { $0 }
    }
}
