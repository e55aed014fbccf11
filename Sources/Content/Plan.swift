/// An action plan with its areas; decisions, tasks and report chapters point at the areas.
public struct Plan: Sendable, Hashable {
    public static let keys = ["title", "period", "areas", "decided", "status", "organisation"]
    public static let statuses = ["active", "completed", "proposed"]
    public static let areaKinds = ["cross_cutting", "priority"]

    public struct Area: Sendable, Hashable {
        public var id: Located<String>
        public var title: String
        public var kind: String?
        public var summary: String?
    }

    public var from: Int?
    public var to: Int?
    public var areas: [Area] = []
    public var decided: String?
    public var status: String?
    public var organisation: String?

    static func decode(_ f: inout Fields) -> Plan {
        var p = Plan()
        if let node = f.node("period") {
            var period = Fields(node, path: f.path, what: "'period'")
            p.from = period.count("from")?.value
            p.to = period.count("to")?.value
            if p.from == nil, !period.has("from") { period.missing("from", example: "2020") }
            if let from = p.from, let to = p.to, to < from {
                period.diagnostics.append(.error("'period' ends (\(to)) before it starts (\(from))", at: node.position))
            }
            period.warnUnknown()
            f.adopt(period, under: "period")
        } else {
            f.missing("period", example: "{from: 2020, to: 2022}")
        }
        if !f.has("areas") { f.missing("areas", example: "[{id: folkhalsa, title: Folkhälsa}]") }
        var seen: [String: SourcePosition] = [:]
        p.areas = f.objects("areas", what: "an area") { a in
            let id = a.requiredText("id", example: "folkhalsa")
            let title = a.requiredText("title", example: "Folkhälsa")
            let kind = a.choice("kind", areaKinds)?.value
            let summary = a.text("summary")?.value
            a.warnUnknown()
            guard let id, let title else { return nil }
            if let problem = Identifier.problem(id.value) {
                a.diagnostics.append(.error("area id '\(id.value)': \(problem)", at: id.position, hint: "try '\(Identifier.slug(id.value))'"))
            }
            if let first = seen[id.value] {
                a.diagnostics.append(.error("duplicate area id '\(id.value)'", at: id.position, hint: "the first is at line \(first.line)"))
                return nil
            }
            seen[id.value] = id.position
            return Area(id: id, title: title.value, kind: kind, summary: summary)
        }
        p.decided = f.text("decided")?.value
        p.status = f.choice("status", statuses)?.value
        p.organisation = f.text("organisation")?.value
        return p
    }
}
