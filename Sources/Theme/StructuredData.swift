import Content
import Graph

/// schema.org JSON-LD for search engines: Event on meetings, Organization on signatories, Report on reports.
enum StructuredData {
    typealias Fields = [(String, JSONValue?)]

    static func script(_ parsed: ParsedDocument, _ view: ViewContext) -> String? {
        let doc = parsed.document
        let url = pageURL(doc, view)
        let publisher = organisation(view.config.organisation ?? view.config.title, url: nil)
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
            let areas = o.allSubregions ? view.config.subregions : view.config.subregions.filter { s in o.subregions.contains { $0.value == s.id } }
            let served: [JSONValue] = areas.map { JSONValue.fields([("@type", .string("AdministrativeArea")), ("name", .string($0.name))]) }
            let parent = o.parent.flatMap { view.document(.organisation, $0.value) }
            fields += [
                ("@type", .string("Organization")), ("name", .string(doc.title)), ("url", .string(url)),
                ("description", .text(doc.summary)), ("sameAs", .text(o.website)),
                ("areaServed", served.isEmpty ? nil : .array(served)),
                ("memberOf", parent.map { organisation($0.title, url: pageURL($0, view)) }),
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

    static func pageURL(_ doc: Document, _ view: ViewContext) -> String {
        view.routes.absoluteURL(view.routes.folder(ofKey: doc.key) ?? "")
    }
}
