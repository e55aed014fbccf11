import Content
import Graph

/// An action plan and its areas.
enum PlanView {
    static func context(_ view: ViewContext, _ parsed: ParsedDocument) -> [String: Any] {
        guard let p = parsed.document.plan else { return [:] }
        var c: [String: Any] = [:]
        if let from = p.from { c["period"] = p.to.map { "\(from)–\($0)" } ?? "\(from)–" }
        c["decided"] = p.decided
        c["status"] = p.status.map { view.strings["plan_status_\($0)"] }
        c["organisation"] = p.organisation
        c["areas"] = p.areas.map { area -> [String: Any] in
            var item: [String: Any] = ["id": area.id.value, "anchor": ViewContext.areaAnchor(area.id.value), "title": area.title]
            if let kind = area.kind { item["kind"] = view.strings["area_kind_\(kind)"] }
            if let summary = area.summary { item["summary"] = summary }
            let facts = view.areaFacts("\(parsed.document.id)#\(area.id.value)")
            item["decisions"] = facts.decisions.map { ["text": $0.decision.text, "meeting": view.link($0.meeting)] as [String: Any] }
            item["actions"] = facts.actions.map { RegisterViews.item(view, $0) }
            item["meetings"] = facts.meetings.map(view.link)
            item["chapters"] = facts.chapters.map { ["title": $0.title, "url": view.url($0.report) + "#" + $0.anchor, "report": $0.report.title] }
            if !facts.actions.isEmpty {
                var progress: [String: Any] = ["done": String(facts.doneCount), "total": String(facts.actions.count),
                                               "percent": String(facts.doneCount * 100 / facts.actions.count),
                                               "tasksWords": view.strings.words("progress_tasks", count: facts.actions.count)]
                if facts.cancelledCount > 0 {
                    progress["cancelled"] = String(facts.cancelledCount)
                    progress["cancelledWords"] = view.strings.words("progress_cancelled", count: facts.cancelledCount)
                }
                item["progress"] = progress
            }
            return item
        }
        return c
    }

    /// The ids plan.mustache makes from each area's anchor, which a body heading gives way to.
    static func anchors(_ parsed: ParsedDocument) -> Set<String> {
        guard let p = parsed.document.plan else { return [] }
        return Set(p.areas.flatMap { area -> [String] in
            let anchor = ViewContext.areaAnchor(area.id.value)
            return [anchor, anchor + "-rubrik"]
        })
    }
}
