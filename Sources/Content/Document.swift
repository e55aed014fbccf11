/// One page of content: what every kind shares, and the kind's own model.
public struct Document: Sendable, Hashable {
    public enum Payload: Sendable, Hashable {
        case meeting(Meeting)
        case organisation(Organisation)
        case person(Person)
        case group(Group)
        case plan(Plan)
        case report(Report)
        case news
        case page(Page)
    }

    public var kind: Kind
    public var id: String
    /// Source path from the site root (`content/meetings/2024-08-19-ros.md`).
    public var path: String
    /// `title`, or `name` for organisations, people and groups.
    public var title: String
    public var date: Day?
    public var summary: String?
    public var draft: Bool
    public var updated: Day?
    public var body: String
    /// Line of the file where the body starts, so body diagnostics point at the editor's line.
    public var bodyLine: Int
    public var payload: Payload
    /// Every text value of the front matter with its place, for checks that read all values alike (placeholders).
    public var frontMatterTexts: [Located<String>] = []

    public var meeting: Meeting? { if case .meeting(let v) = payload { v } else { nil } }
    public var organisation: Organisation? { if case .organisation(let v) = payload { v } else { nil } }
    public var person: Person? { if case .person(let v) = payload { v } else { nil } }
    public var group: Group? { if case .group(let v) = payload { v } else { nil } }
    public var plan: Plan? { if case .plan(let v) = payload { v } else { nil } }
    public var report: Report? { if case .report(let v) = payload { v } else { nil } }
    public var page: Page? { if case .page(let v) = payload { v } else { nil } }

    /// Stable key across kinds: `meeting/2024-08-19-ros`.
    public var key: String { "\(kind.rawValue)/\(id)" }
}

public enum DocumentDecoder {
    static let shared = ["draft", "summary", "updated"]

    /// Decodes a page's front matter into its typed model; every mistake becomes a diagnostic.
    public static func decode(kind: Kind, id: String, path: String, split: FrontMatterSplit,
                              diagnostics: inout [Diagnostic]) -> Document? {
        guard let root = YAMLTree.parse(split.yaml, path: path, firstLine: split.yamlLine, diagnostics: &diagnostics) else {
            return nil
        }
        var f = Fields(root, path: path, what: "front matter")
        // A front matter of only `~`, `null` or `&anchor` is empty: decoding goes on and reports the missing
        // keys. Returning here without a diagnostic dropped the page from the site silently (found by fuzzing).
        if case .mapping = root.value {} else if !root.isNull {
            diagnostics += f.diagnostics
            return nil
        }
        let (title, date, summary, draft, updated, payload) = read(kind: kind, &f)
        diagnostics += f.diagnostics
        guard let title else { return nil }
        if let date, date.value.year < 1900 || date.value.year > 2200 {
            diagnostics.append(.warning("the date \(date.value) looks mistyped", at: date.position))
        }
        return Document(kind: kind, id: id, path: path, title: title.value, date: date?.value, summary: summary,
                        draft: draft, updated: updated, body: split.body, bodyLine: split.bodyLine, payload: payload,
                        frontMatterTexts: root.texts)
    }

    /// The front matter keys of a kind as its reader reads them (for the JSON Schema and `okc new`).
    public static func shape(of kind: Kind) -> [KeyShape] { KeyShape.collect { _ = read(kind: kind, &$0) } }

    static func read(kind: Kind, _ f: inout Fields)
        -> (title: Located<String>?, date: Located<Day>?, summary: String?, draft: Bool, updated: Day?, payload: Document.Payload) {
        let titleKey = [.organisation, .person, .group].contains(kind) ? "name" : "title"
        let title = f.requiredText(titleKey, example: kind == .person ? "Förnamn Efternamn" : "Rubrik")
        let date: Located<Day>?
        switch kind {
        case .meeting, .report, .news: date = f.requiredDay("date")
        default: date = nil
        }
        let summary = f.text("summary")?.value
        if kind == .organisation, summary == nil, !f.has("summary") {
            f.missing("summary", example: "Vi arbetar för … (vad ni gör och för vem)")
        }
        let draft = f.bool("draft") ?? false
        let updated = f.day("updated")?.value
        let payload: Document.Payload
        switch kind {
        case .meeting: payload = .meeting(Meeting.decode(&f))
        case .organisation: payload = .organisation(Organisation.decode(&f))
        case .person: payload = .person(Person.decode(&f))
        case .group: payload = .group(Group.decode(&f))
        case .plan: payload = .plan(Plan.decode(&f))
        case .report: payload = .report(Report.decode(&f))
        case .news: payload = .news
        case .page: payload = .page(Page.decode(&f))
        }
        f.warnUnknown()
        return (title, date, summary, draft, updated, payload)
    }
}
