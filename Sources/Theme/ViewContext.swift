import Content
import Graph

/// What every view of one page needs: the graph, the strings and where the page lives,
/// so each link can be written relative to it.
struct ViewContext {
    let graph: SiteGraph
    let strings: Strings
    /// Output folder of the page being rendered (`moten/2024-08-19-ros/`, `""` for the home page).
    let folder: String

    var routes: Routes { graph.routes }

    func url(toFolder target: String) -> String { Routes.relative(from: folder, to: target) }

    func url(_ doc: Document) -> String { url(toFolder: routes.folder(ofKey: doc.key) ?? "") }

    func link(_ doc: Document) -> [String: Any] {
        var item: [String: Any] = ["title": doc.title, "url": url(doc)]
        if let date = doc.date { item["date"] = strings.date(date); item["iso"] = date.iso }
        if let summary = doc.summary { item["summary"] = summary }
        return item
    }

    func date(_ day: Day?) -> String? { day.map { strings.date($0) } }

    func areaLink(_ reference: String, plan: String? = nil) -> [String: Any]? {
        guard let (planDoc, area) = graph.area(reference, preferring: plan) else { return nil }
        return ["title": area.title, "plan": planDoc.document.title, "url": url(planDoc.document) + "#" + ViewContext.areaAnchor(area.id.value)]
    }

    /// Area sections carry their own prefix so they never clash with the anchors of the plan's body headings.
    static func areaAnchor(_ id: String) -> String { "omrade-" + id }

    func personLink(_ reference: String, role: String? = nil) -> [String: Any] {
        guard let person = graph.person(reference) else { return ["title": reference] }
        var item = link(person.document)
        if let role { item["role"] = role }
        if let side = person.document.person?.side { item["side"] = strings["side_\(side)"] }
        return item
    }

    /// "Omnämnd i": the pages that point here, grouped by their kind.
    func backlinks(of doc: Document) -> [[String: Any]] {
        let links = graph.backlinks[doc.key] ?? []
        var byKind: [Kind: [Document]] = [:]
        for backlink in links {
            guard let source = graph.document(backlink.source)?.document else { continue }
            if !(byKind[source.kind]?.contains(where: { $0.key == source.key }) ?? false) {
                byKind[source.kind, default: []].append(source)
            }
        }
        return Kind.allCases.compactMap { kind in
            guard let docs = byKind[kind] else { return nil }
            let sorted = docs.sorted { ($0.date ?? Day(year: 1, month: 1, day: 1)!, $0.title) > ($1.date ?? Day(year: 1, month: 1, day: 1)!, $1.title) }
            return ["kind": strings["section_\(kind.rawValue)"], "items": sorted.map(link)]
        }
    }
}
