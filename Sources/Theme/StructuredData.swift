import Content
import Graph

/// schema.org JSON-LD for search engines: Event on meetings, Organization on signatories, Report on reports.
enum StructuredData {
    typealias Fields = [(String, JSONValue?)]

    static func script(_ parsed: ParsedDocument, _ graph: SiteGraph) -> String? {
        let doc = parsed.document
        let url = pageURL(doc, graph)
        let publisher = organisation(graph.config.organisation ?? graph.config.title, url: nil)
        var fields: Fields = [("@context", .string("https://schema.org"))]
        switch doc.payload {
        case .meeting(let m):
            let date = doc.date!.iso
            let place: JSONValue? = m.location.map { JSONValue.fields([("@type", .string("Place")), ("name", .string($0))]) }
            fields += [
                ("@type", .string("Event")), ("name", .string(doc.title)), ("url", .string(url)),
                ("startDate", .string(m.start.map { "\(date)T\($0)" } ?? date)),
                ("endDate", .text(m.end.map { "\(date)T\($0)" })),
                ("location", place), ("description", .text(doc.summary)), ("organizer", publisher),
            ]
        case .organisation(let o):
            let areas = o.allSubregions ? graph.config.subregions : graph.config.subregions.filter { s in o.subregions.contains { $0.value == s.id } }
            let served: [JSONValue] = areas.map { JSONValue.fields([("@type", .string("AdministrativeArea")), ("name", .string($0.name))]) }
            let parent = o.parent.flatMap { graph.document(.organisation, $0.value) }?.document
            fields += [
                ("@type", .string("Organization")), ("name", .string(doc.title)), ("url", .string(url)),
                ("description", .text(doc.summary)), ("sameAs", .text(o.website)),
                ("areaServed", served.isEmpty ? nil : .array(served)),
                ("memberOf", parent.map { organisation($0.title, url: pageURL($0, graph)) }),
            ]
        case .report(let r):
            fields += [
                ("@type", .string("Report")), ("name", .string(doc.title)), ("url", .string(url)),
                ("datePublished", .text(doc.date?.iso)), ("reportNumber", .text(r.diarienummer)),
                ("description", .text(doc.summary)), ("publisher", publisher),
            ]
        default:
            return nil
        }
        return JSONValue.fields(fields).serialized()
    }

    static func organisation(_ name: String, url: String?) -> JSONValue {
        let fields: Fields = [("@type", .string("Organization")), ("name", .string(name)), ("url", .text(url))]
        return .fields(fields)
    }

    static func pageURL(_ doc: Document, _ graph: SiteGraph) -> String {
        graph.routes.absoluteURL(graph.routes.folder(ofKey: doc.key) ?? "")
    }
}
