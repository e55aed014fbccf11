import Content
import Graph

/// A signatory's profile: pitch, categories, the parts of the region it covers, umbrella and members.
enum OrganisationView {
    static func context(_ view: ViewContext, _ parsed: ParsedDocument) -> [String: Any] {
        let doc = parsed.document
        guard let o = doc.organisation else { return [:] }
        let config = view.config
        var c: [String: Any] = [:]
        let paths = SitePaths(view.strings)
        c["categories"] = o.categories.compactMap { ref in
            config.categories.first { $0.id == ref.value }.map { ["title": $0.name, "url": view.url(toFolder: paths.category($0.id))] }
        }
        let regions = o.allSubregions ? config.subregions : config.subregions.filter { s in o.subregions.contains { $0.value == s.id } }
        c["subregions"] = regions.map { ["title": $0.name, "url": view.url(toFolder: paths.subregion($0.id))] }
        c["allSubregions"] = o.allSubregions
        c["website"] = o.website
        c["signed"] = view.date(o.signed)
        c["federation"] = o.federation
        c["memberOrganisations"] = o.memberOrganisations.map(String.init)
        if let parent = o.parent.flatMap({ view.document(.organisation, $0.value) }) { c["parent"] = view.link(parent) }
        c["members"] = view.members(ofOrganisation: doc.id).map(view.link)
        c["offers"] = o.offers
        c["seeks"] = o.seeks
        for (key, value) in MatchmakingView.forOrganisation(view, doc) { c[key] = value }
        return c
    }
}
