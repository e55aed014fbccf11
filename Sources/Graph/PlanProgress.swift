import Content

/// What a plan area has to show: the decisions, tasks, meetings and report chapters linked to it.
public struct AreaFacts: Sendable {
    public var decisions: [DecisionEntry] = []
    public var actions: [ActionEntry] = []
    /// Meetings whose decisions or tasks concern the area, newest first.
    public var meetings: [Document] = []
    public var chapters: [(report: Document, anchor: String, title: String)] = []

    public init() {}

    public var doneCount: Int { actions.count { $0.action.status == .done } }
    public var cancelledCount: Int { actions.count { $0.action.status == .cancelled } }
}

extension SiteGraph {
    /// Facts per area, keyed `plan#area`.
    func computeAreaFacts() -> [String: AreaFacts] {
        var facts: [String: AreaFacts] = [:]
        for entry in decisions { if let area = entry.area { facts[area, default: AreaFacts()].decisions.append(entry) } }
        for entry in actions { if let area = entry.area { facts[area, default: AreaFacts()].actions.append(entry) } }
        for (area, value) in facts {
            var seen = Set<String>()
            let meetings = (value.decisions.map(\.meeting) + value.actions.map(\.meeting)).filter { seen.insert($0.key).inserted }
            facts[area]!.meetings = meetings.sorted(by: Document.isNewer)
        }
        for report in documents(of: .report) {
            guard let r = report.document.report else { continue }
            for chapter in r.chapters {
                guard let (plan, area) = area(chapter.area.value, preferring: r.plan?.value),
                      let heading = report.markdown.headings.first(where: { $0.anchor == chapter.heading.value }) else { continue }
                facts["\(plan.document.id)#\(area.id.value)", default: AreaFacts()].chapters
                    .append((report.document, heading.anchor, heading.text))
            }
        }
        return facts
    }
}
