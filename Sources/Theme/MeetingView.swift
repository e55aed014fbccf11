import Content
import Graph

/// A meeting: when and where, who took part, what was decided and who follows up what.
enum MeetingView {
    static func context(_ view: ViewContext, _ parsed: ParsedDocument) -> [String: Any] {
        let doc = parsed.document
        guard let m = doc.meeting else { return [:] }
        let s = view.strings
        var c: [String: Any] = [:]
        if let type = m.type { c["type"] = s["meeting_type_\(type)"] }
        c["date"] = view.date(doc.date)
        c["iso"] = doc.date?.iso
        if let start = m.start { c["time"] = m.end.map { "\(start)–\($0)" } ?? start }
        c["location"] = m.location
        c["upcoming"] = view.isUpcoming(doc)
        if let group = m.group.flatMap({ view.document(.group, $0.value) }) { c["group"] = view.link(group) }
        c["attendees"] = m.attendees.map { view.personLink($0.person.value, role: $0.role) }
        c["guests"] = m.guests.map { view.personLink($0.person.value, role: $0.role) }
        c["participants"] = m.participants.map(String.init)
        c["organisations"] = m.organisations.map(String.init)
        c["decisions"] = m.decisions.map { d -> [String: Any] in
            var item: [String: Any] = ["text": d.text]
            if let area = d.area.flatMap({ view.areaLink($0.value) }) { item["area"] = area }
            return item
        }
        c["actions"] = m.actions.map { action(view, $0) }
        let results = Scores.results(m.scores, lowIsBest: m.lowScoreIsBest)
        c["lowScoreIsBest"] = m.lowScoreIsBest
        c["scores"] = results.map { r -> [String: Any] in
            ["option": r.option, "values": r.values.map(Scores.number).joined(separator: ", "), "count": String(r.values.count),
             "mean": r.meanText, "rank": String(r.rank)]
        }
        if let r = m.recordedBy { c["recordedBy"] = view.personLink(r.value) }
        c["recordedOn"] = view.date(m.recordedOn)
        c["approvedBy"] = m.approvedBy.map { view.personLink($0.value) }
        c["registration"] = m.registration
        return c.compactMapValues { $0 }
    }

    static func action(_ view: ViewContext, _ a: Meeting.Action) -> [String: Any] {
        var item: [String: Any] = ["text": a.text, "status": view.strings["status_\(a.status.rawValue)"], "statusId": a.status.rawValue]
        if let owner = a.owner { item["owner"] = view.personLink(owner.value) }
        if let due = a.due {
            item["due"] = view.strings.date(due)
            item["overdue"] = a.status == .open && due < view.now
        }
        if let area = a.area.flatMap({ view.areaLink($0.value) }) { item["area"] = area }
        return item
    }
}
