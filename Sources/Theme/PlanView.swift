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
        c["areas"] = p.areas.map { area -> [String: Any] in
            var item: [String: Any] = ["id": area.id.value, "title": area.title]
            if let kind = area.kind { item["kind"] = view.strings["area_kind_\(kind)"] }
            if let summary = area.summary { item["summary"] = summary }
            return item
        }
        return c.compactMapValues { $0 }
    }
}
