import Content
import Graph

/// A signatory's profile: pitch, categories, the parts of the region it covers, umbrella and members.
enum OrganisationView {
    static func context(_ view: ViewContext, _ parsed: ParsedDocument) -> [String: Any] {
        let doc = parsed.document
        guard let o = doc.organisation else { return [:] }
        let config = view.graph.config
        var c: [String: Any] = [:]
        c["categories"] = o.categories.compactMap { ref in config.categories.first { $0.id == ref.value }?.name }
        if o.allSubregions {
            c["subregions"] = [view.strings["all_subregions"]]
        } else {
            c["subregions"] = o.subregions.compactMap { ref in config.subregions.first { $0.id == ref.value }?.name }
        }
        c["website"] = o.website
        c["signed"] = view.date(o.signed)
        c["federation"] = o.federation
        c["memberOrganisations"] = o.memberOrganisations.map(String.init)
        if let parent = o.parent.flatMap({ view.graph.document(.organisation, $0.value) }) { c["parent"] = view.link(parent.document) }
        let members = view.graph.documents(of: .organisation).filter { $0.document.organisation?.parent?.value == doc.id }
        c["members"] = members.map { view.link($0.document) }
        c["offers"] = o.offers
        c["seeks"] = o.seeks
        return c.compactMapValues { $0 }
    }
}
