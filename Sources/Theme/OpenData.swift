import Content
import Graph

/// Machine-readable copies of the registers, close to Popolo / Open Civic Data
/// (documented in docs/open-data.md). Ids are the page ids; every record links its page.
enum OpenData {
    typealias Fields = [(String, JSONValue?)]

    /// The data files: each is its own render job, so an incremental build remakes only those whose facts changed.
    static func datasets(_ paths: SitePaths) -> [(path: String, make: @Sendable (ViewContext) -> String)] {
        return [
            (paths.file("file_organisations_json"), { view in json(organisations(view).lazy.map { organisation($0, view) }) }),
            (paths.file("file_organisations_csv"), { view in organisationsCSV(organisations(view), view) }),
            (paths.file("file_meetings_json"), { view in
                json(view.documents(of: .meeting).sorted(by: Document.isEarlier).lazy.map { meeting($0, view) })
            }),
            (paths.file("file_decisions_json"), { view in json(view.decisions.lazy.map { decision($0, view) }) }),
            (paths.file("file_actions_json"), { view in
                let now = view.now
                return json(view.actions.lazy.map { action($0, now: now, view) })
            }),
            (paths.file("file_people_json"), { view in json(view.documents(of: .person).lazy.map { person($0, view) }) }),
        ]
    }

    static func organisations(_ view: ViewContext) -> [Document] {
        SwedishOrder.sorted(view.documents(of: .organisation), by: \.title)
    }

    static func json<C: Collection>(_ records: C) -> String where C.Element == JSONValue {
        JSONValue.prettyArray(records) + "\n"
    }

    static func url(_ doc: Document, _ view: ViewContext) -> String {
        view.routes.absoluteURL(view.routes.folder(ofKey: doc.key) ?? "")
    }

    static func strings(_ values: [String]) -> JSONValue { .array(values.map { JSONValue.string($0) }) }

    static func subregionIDs(_ o: Organisation, _ view: ViewContext) -> [String] {
        o.allSubregions ? view.config.subregions.map(\.id) : o.subregions.map(\.value)
    }

    static func organisation(_ doc: Document, _ view: ViewContext) -> JSONValue {
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
            ("area_ids", strings(subregionIDs(o, view))),
            ("parent_id", .text(o.parent?.value)),
            ("signed_on", .text(o.signed?.iso)),
            ("member_organisations", o.memberOrganisations.map { JSONValue.int($0) }),
            ("offers", strings(o.offers)),
            ("seeks", strings(o.seeks)),
            ("links", .array(links)),
            ("url", .string(url(doc, view))),
        ]
        return .fields(fields)
    }

    static func organisationsCSV(_ docs: [Document], _ view: ViewContext) -> String {
        var rows = [["id", "name", "summary", "categories", "subregions", "parent_id", "website", "signed_on", "url"]]
        for doc in docs {
            let o = doc.organisation!
            let row: [String] = [doc.id, doc.title, doc.summary ?? "", o.categories.map(\.value).joined(separator: ";"),
                                 subregionIDs(o, view).joined(separator: ";"), o.parent?.value ?? "", o.website ?? "",
                                 o.signed?.iso ?? "", url(doc, view)]
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

    static func participant(_ attendance: Meeting.Attendance, note: String, _ view: ViewContext) -> JSONValue {
        let person = view.person(attendance.person.value)
        let fields: Fields = [("person_id", .string(person?.id ?? attendance.person.value)), ("name", .text(person?.title)),
                              ("role", .text(attendance.role)), ("note", .string(note))]
        return .fields(fields)
    }

    static func meeting(_ doc: Document, _ view: ViewContext) -> JSONValue {
        let m = doc.meeting!
        let date = doc.date!.iso
        let participants = m.attendees.map { participant($0, note: "attendee", view) } + m.guests.map { participant($0, note: "guest", view) }
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
            ("decision_ids", strings(view.decisions(ofMeeting: doc).map(\.id))),
            ("action_ids", strings(view.actions(ofMeeting: doc).map(\.id))),
            ("url", .string(url(doc, view))),
        ]
        return .fields(fields)
    }

    static func decision(_ entry: DecisionEntry, _ view: ViewContext) -> JSONValue {
        let fields: Fields = [
            ("id", .string(entry.id)),
            ("text", .string(entry.decision.text)),
            ("date", .text(entry.meeting.date?.iso)),
            ("meeting_id", .string(entry.meeting.id)),
            ("area", .text(entry.area)),
            ("url", .string(url(entry.meeting, view) + "#beslut")),
        ]
        return .fields(fields)
    }

    static func action(_ entry: ActionEntry, now: Day, _ view: ViewContext) -> JSONValue {
        let owner = entry.ownerKey.map { String($0.split(separator: "/").last!) }
        let fields: Fields = [
            ("id", .string(entry.id)),
            ("text", .string(entry.action.text)),
            ("owner_id", .text(owner)),
            ("due_date", .text(entry.action.due?.iso)),
            ("status", .string(entry.action.status.rawValue)),
            ("overdue", .bool(entry.isOverdue(now: now))),
            ("meeting_id", .string(entry.meeting.id)),
            ("area", .text(entry.area)),
            ("url", .string(url(entry.meeting, view) + "#uppfoljning")),
        ]
        return .fields(fields)
    }

    static func person(_ doc: Document, _ view: ViewContext) -> JSONValue {
        let memberships: [JSONValue] = doc.person!.roles.map { role in
            let fields: Fields = [("organization_id", .string(role.group.value)), ("role", .string(role.role)),
                                  ("start_date", .text(role.from?.description)), ("end_date", .text(role.to?.description)),
                                  ("on_behalf_of_id", .text(role.organisation?.value))]
            return .fields(fields)
        }
        let fields: Fields = [("id", .string(doc.id)), ("name", .string(doc.title)), ("memberships", .array(memberships)),
                              ("url", .string(url(doc, view)))]
        return .fields(fields)
    }
}
