import Content
import Graph

/// A report: its registration facts and the plan areas its chapters follow up.
enum ReportView {
    static func context(_ view: ViewContext, _ parsed: ParsedDocument, anchors: BodyAnchors) -> [String: Any] {
        let doc = parsed.document
        guard let r = doc.report else { return [:] }
        var c: [String: Any] = [:]
        c["date"] = view.date(doc.date)
        c["diarienummer"] = r.diarienummer
        if let g = r.responsible.flatMap({ view.document(.group, $0.value) }) { c["responsible"] = view.link(g) }
        if let o = r.officer.flatMap({ view.document(.person, $0.value) }) { c["officer"] = view.link(o) }
        if let p = r.plan.flatMap({ view.document(.plan, $0.value) }) { c["plan"] = view.link(p) }
        c["chapters"] = r.chapters.compactMap { chapter -> [String: Any]? in
            guard let heading = parsed.markdown.headings.first(where: { $0.anchor == chapter.heading.value }) else { return nil }
            var item: [String: Any] = ["title": heading.text, "anchor": anchors.anchor(heading.anchor)]
            if let area = view.areaLink(chapter.area.value, plan: r.plan?.value) { item["area"] = area }
            return item
        }
        return c.compactMapValues { $0 }
    }
}
