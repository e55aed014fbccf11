/// A RÖS meeting, a dialogue meeting, a seminar: past ones carry notes, future ones make the calendar.
public struct Meeting: Sendable, Hashable {
    public static let types = ["ros", "dialog", "seminar", "conference", "training", "visit", "other"]
    public static let keys = ["type", "start", "end", "location", "group", "attendees", "guests", "participants",
                              "organisations", "decisions", "actions", "scores", "scores_best", "recorded_by", "recorded_on",
                              "approved_by", "registration"]

    public struct Attendance: Sendable, Hashable {
        public var person: Located<String>
        public var role: String?
    }

    public struct Decision: Sendable, Hashable {
        public var text: String
        public var area: Located<String>?
        public var position: SourcePosition
    }

    public enum Status: String, Sendable, Hashable, CaseIterable {
        case open, done, cancelled
    }

    public struct Action: Sendable, Hashable {
        public var text: String
        public var owner: Located<String>?
        public var due: Day?
        public var status: Status
        public var area: Located<String>?
        public var position: SourcePosition
    }

    public struct Score: Sendable, Hashable {
        public var option: String
        public var values: [Double]
        /// A mean the editor wrote; the generator checks it against its own.
        public var writtenMean: Located<Double>?
        public var position: SourcePosition
    }

    public var type: String?
    public var start: String?
    public var end: String?
    public var location: String?
    public var group: Located<String>?
    public var attendees: [Attendance] = []
    public var guests: [Attendance] = []
    public var participants: Int?
    public var organisations: Int?
    public var decisions: [Decision] = []
    public var actions: [Action] = []
    public var scores: [Score] = []
    /// Whether a low mean ranks first (`scores_best: low`, "the lower the mean, the higher the priority").
    public var lowScoreIsBest = false
    public var recordedBy: Located<String>?
    public var recordedOn: Day?
    public var approvedBy: [Located<String>] = []
    public var registration: String?
    /// Where `start` was written, for "end before start".
    public var startPosition: SourcePosition?

    static func decode(_ f: inout Fields) -> Meeting {
        var m = Meeting()
        m.type = f.choice("type", types)?.value
        let start = f.time("start")
        m.start = start?.value
        m.startPosition = start?.position
        let end = f.time("end")
        m.end = end?.value
        if let s = start, let e = end, e.value < s.value {
            f.diagnostics.append(.error("'end' (\(e.value)) is before 'start' (\(s.value))", at: e.position))
        }
        m.location = f.text("location")?.value
        m.group = f.text("group")
        m.attendees = attendance(&f, "attendees")
        m.guests = attendance(&f, "guests")
        m.participants = f.count("participants")?.value
        m.organisations = f.count("organisations")?.value
        m.decisions = f.objects("decisions", what: "a decision") { d in
            let text = d.requiredText("text", example: "Gruppen beslöt att …")
            let area = d.text("area")
            d.warnUnknown()
            return text.map { Decision(text: $0.value, area: area, position: $0.position) }
        }
        m.actions = f.objects("actions", what: "a follow-up task") { a in
            let text = a.requiredText("text", example: "Processledaren tar fram ett förslag")
            let owner = a.text("owner")
            let due = a.day("due")?.value
            let status = a.choice("status", Status.allCases.map(\.rawValue)).flatMap { Status(rawValue: $0.value) } ?? .open
            let area = a.text("area")
            a.warnUnknown()
            return text.map { Action(text: $0.value, owner: owner, due: due, status: status, area: area, position: $0.position) }
        }
        m.scores = f.objects("scores", what: "a score") { s in
            let option = s.requiredText("option", example: "Mötesplatser")
            var values: [Double] = []
            if !s.has("values") { s.missing("values", example: "[3, 2, 3]") }
            for item in s.list("values") {
                if let text = item.scalar, let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite {
                    values.append(value)
                } else {
                    s.diagnostics.append(.error("each of 'values' must be a number, not \(item.scalar.map { "'\($0)'" } ?? item.kindName)", at: item.position))
                }
            }
            var written: Located<Double>?
            if let node = s.node("mean") {
                if let text = node.scalar, let value = Double(text.replacingOccurrences(of: ",", with: ".")) {
                    written = Located(value, at: node.position)
                } else {
                    s.diagnostics.append(.error("'mean' must be a number", at: node.position))
                }
            }
            s.warnUnknown()
            return option.map { Score(option: $0.value, values: values, writtenMean: written, position: $0.position) }
        }
        m.lowScoreIsBest = f.choice("scores_best", ["high", "low"])?.value == "low"
        m.recordedBy = f.text("recorded_by")
        m.recordedOn = f.day("recorded_on")?.value
        m.approvedBy = f.texts("approved_by")
        m.registration = f.url("registration")?.value
        return m
    }

    static func attendance(_ f: inout Fields, _ key: String) -> [Attendance] {
        f.list(key).compactMap { item in
            if let id = item.scalar { return Attendance(person: Located(id, at: item.position), role: nil) }
            var a = Fields(item, path: f.path, what: "an entry of '\(key)'")
            let person = a.requiredText("person", example: "kerstin-soderberg")
            let role = a.text("role")?.value
            a.warnUnknown()
            f.adopt(a, under: key)
            return person.map { Attendance(person: $0, role: role) }
        }
    }
}
