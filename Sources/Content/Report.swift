/// A report (final report, annual report), optionally following up a plan chapter by chapter.
public struct Report: Sendable, Hashable {
    public static let keys = ["title", "date", "diarienummer", "responsible", "officer", "plan", "chapters"]

    public struct Chapter: Sendable, Hashable {
        /// Anchor id of a heading of the report's body.
        public var heading: Located<String>
        public var area: Located<String>
    }

    public var diarienummer: String?
    public var responsible: Located<String>?
    public var officer: Located<String>?
    public var plan: Located<String>?
    public var chapters: [Chapter] = []

    static func decode(_ f: inout Fields) -> Report {
        var r = Report()
        r.diarienummer = f.text("diarienummer")?.value
        r.responsible = f.text("responsible")
        r.officer = f.text("officer")
        r.plan = f.text("plan")
        r.chapters = f.objects("chapters", what: "a chapter") { c in
            let heading = c.requiredText("heading", example: "folkhalsa")
            let area = c.requiredText("area", example: "handlingsplan-2020-2022#folkhalsa")
            c.warnUnknown()
            guard let heading, let area else { return nil }
            return Chapter(heading: heading, area: area)
        }
        return r
    }
}
