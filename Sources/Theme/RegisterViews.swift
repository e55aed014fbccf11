import Content
import Graph

/// The decisions register and the follow-up tracker: every decision and task of every meeting.
enum RegisterViews {
    static func decisions(_ view: ViewContext) -> [String: Any] {
        let items = view.decisions.map { entry -> [String: Any] in
            var item: [String: Any] = ["text": entry.decision.text, "meeting": view.link(entry.meeting)]
            if let area = entry.area.flatMap({ view.areaLink($0) }) { item["area"] = area }
            return item
        }
        return ["decisions": items, "count": String(items.count)]
    }

    static func actions(_ view: ViewContext) -> [String: Any] {
        let actions = view.actions
        let groups = Meeting.Status.allCases.map { status -> [String: Any] in
            let entries = actions.filter { $0.action.status == status }
            return ["status": view.strings["status_\(status.rawValue)"], "statusId": status.rawValue, "count": String(entries.count),
                    "items": entries.map { item(view, $0) }]
        }
        let now = view.now
        let overdue = actions.filter { $0.isOverdue(now: now) }.count
        var context: [String: Any] = ["groups": groups, "total": String(actions.count)]
        if overdue > 0 {
            context["overdueCount"] = String(overdue)
            context["overdueWords"] = view.strings.words("actions_overdue", count: overdue)
        }
        return context
    }

    static func item(_ view: ViewContext, _ entry: ActionEntry) -> [String: Any] {
        var item = MeetingView.action(view, entry.action)
        item["meeting"] = view.link(entry.meeting)
        return item
    }
}
