import Content
import Graph

/// Machine-readable copies of the registers, close to Popolo / Open Civic Data
/// (documented in docs/open-data.md). Ids are the page ids; every record links its page.
enum OpenData {
    typealias Fields = [(String, JSONValue?)]

    static func files(_ graph: SiteGraph, paths: SitePaths) -> [OutputFile] {
        let people = graph.documents(of: .person).map(\.document)
        let organisations = graph.documents(of: .organisation).map(\.document).sorted { SwedishOrder.less($0.title, $1.title) }
        let meetings = graph.documents(of: .meeting).map(\.document).sorted { ($0.date!, $0.id) < ($1.date!, $1.id) }
        return [
            json(paths.file("file_organisations_json"), organisations.map { organisation($0, graph) }),
            OutputFile(path: paths.file("file_organisations_csv"), text: organisationsCSV(organisations, graph)),
            json(paths.file("file_meetings_json"), meetings.map { meeting($0, graph) }),
            json(paths.file("file_decisions_json"), graph.decisions.map { decision($0, graph) }),
            json(paths.file("file_actions_json"), graph.actions.map { action($0, graph) }),
            json(paths.file("file_people_json"), people.map { person($0, graph) }),
        ]
    }

    static func json(_ path: String, _ records: [JSONValue]) -> OutputFile {
        OutputFile(path: path, text: JSONValue.array(records).serialized(pretty: true) + "\n")
    }

    static func url(_ doc: Document, _ graph: SiteGraph) -> String {
        graph.routes.absoluteURL(graph.routes.folder(ofKey: doc.key) ?? "")
    }

    static func strings(_ values: [String]) -> JSONValue { .array(values.map { JSONValue.string($0) }) }

    static func subregionIDs(_ o: Organisation, _ graph: SiteGraph) -> [String] {
        o.allSubregions ? graph.config.subregions.map(\.id) : o.subregions.map(\.value)
    }

    static func organisation(_ doc: Document, _ graph: SiteGraph) -> JSONValue {
        let o = doc.organisation!
        var links: [JSONValue] = []
        if let website = o.website {
            links.append(.fields([("url", .string(website)), ("note", .string("website"))]))
        }
        let fields: Fields = [
            ("id", .string(doc.id)),
            ("name", .string(doc.title)),
            ("summary", .text(doc.summary)),
            ("classification", strings(o.categories.map(\.value))),
            ("area_ids", strings(subregionIDs(o, graph))),
            ("parent_id", .text(o.parent?.value)),
            ("signed_on", .text(o.signed?.iso)),
            ("member_organisations", o.memberOrganisations.map { JSONValue.int($0) }),
            ("offers", strings(o.offers)),
            ("seeks", strings(o.seeks)),
            ("links", .array(links)),
            ("url", .string(url(doc, graph))),
        ]
        return .fields(fields)
    }

    static func organisationsCSV(_ docs: [Document], _ graph: SiteGraph) -> String {
        var rows = [["id", "name", "summary", "categories", "subregions", "parent_id", "website", "signed_on", "url"]]
        for doc in docs {
            let o = doc.organisation!
            let row: [String] = [doc.id, doc.title, doc.summary ?? "", o.categories.map(\.value).joined(separator: ";"),
                                 subregionIDs(o, graph).joined(separator: ";"), o.parent?.value ?? "", o.website ?? "",
                                 o.signed?.iso ?? "", url(doc, graph)]
            rows.append(row)
        }
        return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180: quote fields with commas, quotes or line breaks; a leading = + - @ is prefixed with '
    /// so spreadsheet programs never run a cell as a formula.
    static func csvField(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func participant(_ attendance: Meeting.Attendance, note: String, _ graph: SiteGraph) -> JSONValue {
        let person = graph.person(attendance.person.value)?.document
        let fields: Fields = [("person_id", .string(person?.id ?? attendance.person.value)), ("name", .text(person?.title)),
                              ("role", .text(attendance.role)), ("note", .string(note))]
        return .fields(fields)
    }

    static func meeting(_ doc: Document, _ graph: SiteGraph) -> JSONValue {
        let m = doc.meeting!
        let date = doc.date!.iso
        let participants = m.attendees.map { participant($0, note: "attendee", graph) } + m.guests.map { participant($0, note: "guest", graph) }
        let location: JSONValue? = m.location.map { JSONValue.fields([("name", .string($0))]) }
        let fields: Fields = [
            ("id", .string(doc.id)),
            ("name", .string(doc.title)),
            ("classification", .text(m.type)),
            ("start_date", .string(m.start.map { "\(date)T\($0)" } ?? date)),
            ("end_date", .string(m.end.map { "\(date)T\($0)" } ?? date)),
            ("timezone", .string("Europe/Stockholm")),
            ("location", location),
            ("organization_id", .text(m.group?.value)),
            ("participants", .array(participants)),
            ("participant_count", m.participants.map { JSONValue.int($0) }),
            ("organization_count", m.organisations.map { JSONValue.int($0) }),
            ("decision_ids", strings(graph.decisions.filter { $0.meeting.key == doc.key }.map(\.id))),
            ("action_ids", strings(graph.actions.filter { $0.meeting.key == doc.key }.map(\.id))),
            ("url", .string(url(doc, graph))),
        ]
        return .fields(fields)
    }

    static func decision(_ entry: DecisionEntry, _ graph: SiteGraph) -> JSONValue {
        let fields: Fields = [
            ("id", .string(entry.id)),
            ("text", .string(entry.decision.text)),
            ("date", .text(entry.meeting.date?.iso)),
            ("meeting_id", .string(entry.meeting.id)),
            ("area", .text(entry.area)),
            ("url", .string(url(entry.meeting, graph) + "#beslut")),
        ]
        return .fields(fields)
    }

    static func action(_ entry: ActionEntry, _ graph: SiteGraph) -> JSONValue {
        let owner = entry.ownerKey.map { String($0.split(separator: "/").last!) }
        let fields: Fields = [
            ("id", .string(entry.id)),
            ("text", .string(entry.action.text)),
            ("owner_id", .text(owner)),
            ("due_date", .text(entry.action.due?.iso)),
            ("status", .string(entry.action.status.rawValue)),
            ("overdue", .bool(entry.isOverdue(now: graph.now))),
            ("meeting_id", .string(entry.meeting.id)),
            ("area", .text(entry.area)),
            ("url", .string(url(entry.meeting, graph) + "#uppfoljning")),
        ]
        return .fields(fields)
    }

    static func person(_ doc: Document, _ graph: SiteGraph) -> JSONValue {
        let memberships: [JSONValue] = doc.person!.roles.map { role in
            let fields: Fields = [("organization_id", .string(role.group.value)), ("role", .string(role.role)),
                                  ("start_date", .text(role.from?.description)), ("end_date", .text(role.to?.description)),
                                  ("on_behalf_of_id", .text(role.organisation?.value))]
            return .fields(fields)
        }
        let fields: Fields = [("id", .string(doc.id)), ("name", .string(doc.title)), ("memberships", .array(memberships)),
                              ("url", .string(url(doc, graph)))]
        return .fields(fields)
    }
}
