import Synchronization

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

    /// The fields, immutable and behind one reference: views pass documents around constantly, and
    /// copying a struct of a dozen strings and lists cost a retain per field, a tenth of a build.
    private final class Storage: Sendable {
        let values: Values
        /// Where the document was last placed in a site's sorted list (see `positionHint`); -1 before.
        let position = Atomic<Int>(-1)
        init(_ values: Values) { self.values = values }
    }

    struct Values: Sendable, Hashable {
        var kind: Kind
        var id: String
        var key: String
        var path: String
        var title: String
        var date: Day?
        var summary: String?
        var draft: Bool
        var updated: Day?
        var body: String
        var bodyLine: Int
        var payload: Payload
        var frontMatterTexts: [Located<String>]
    }

    private let storage: Storage

    public var kind: Kind { storage.values.kind }
    public var id: String { storage.values.id }
    /// Stable key across kinds: `meeting/2024-08-19-ros`.
    public var key: String { storage.values.key }
    /// Source path from the site root (`content/meetings/2024-08-19-ros.md`).
    public var path: String { storage.values.path }
    /// `title`, or `name` for organisations, people and groups.
    public var title: String { storage.values.title }
    public var date: Day? { storage.values.date }
    public var summary: String? { storage.values.summary }
    public var draft: Bool { storage.values.draft }
    public var updated: Day? { storage.values.updated }
    public var body: String { storage.values.body }
    /// Line of the file where the body starts, so body diagnostics point at the editor's line.
    public var bodyLine: Int { storage.values.bodyLine }
    public var payload: Payload { storage.values.payload }
    /// Every text value of the front matter with its place, for checks that read all values alike (placeholders).
    public var frontMatterTexts: [Located<String>] { storage.values.frontMatterTexts }

    public var meeting: Meeting? { if case .meeting(let v) = payload { v } else { nil } }
    public var organisation: Organisation? { if case .organisation(let v) = payload { v } else { nil } }
    public var person: Person? { if case .person(let v) = payload { v } else { nil } }
    public var group: Group? { if case .group(let v) = payload { v } else { nil } }
    public var plan: Plan? { if case .plan(let v) = payload { v } else { nil } }
    public var report: Report? { if case .report(let v) = payload { v } else { nil } }
    public var page: Page? { if case .page(let v) = payload { v } else { nil } }

    public init(kind: Kind, id: String, path: String, title: String, date: Day?, summary: String?, draft: Bool, updated: Day?,
                body: String, bodyLine: Int, payload: Payload, frontMatterTexts: [Located<String>] = []) {
        storage = Storage(Values(kind: kind, id: id, key: kind.rawValue + "/" + id, path: path, title: title, date: date,
                                 summary: summary, draft: draft, updated: updated, body: body, bodyLine: bodyLine, payload: payload,
                                 frontMatterTexts: frontMatterTexts))
    }

    /// The same document without its body's Markdown and its front matter's texts, which nothing
    /// reads once the body is rendered and the placeholder checks have run: a site keeps only the HTML
    /// and the typed fields in memory (the texts were ~1.2 KB a page), and a document restored from
    /// the cache equals a parsed one.
    public func droppingSource() -> Document {
        var values = storage.values
        values.body = ""
        values.frontMatterTexts = []
        return Document(storage: Storage(values))
    }

    private init(storage: Storage) { self.storage = storage }

    /// The position the last site list that sorted this document gave it. A hint, not a fact: a
    /// document can be in more than one list, so a reader checks it (`isSameDocument`) before trusting
    /// it, and falls back to a lookup by key. It lets the render stage name a document by a number
    /// instead of hashing its key at every lookup.
    public var positionHint: Int { storage.position.load(ordering: .relaxed) }

    public func setPositionHint(_ position: Int) { storage.position.store(position, ordering: .relaxed) }

    /// The same instance (not merely equal fields): what makes a position hint trustworthy.
    public func isSameDocument(as other: Document) -> Bool { storage === other.storage }

    public static func == (lhs: Document, rhs: Document) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.values == rhs.storage.values
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.values) }
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

extension Document {
    /// Dated pages (meetings, reports, news) oldest first, then by id. A page whose date is missing or
    /// impossible is never rendered (that is an error), but the link stage still sees it, so that every
    /// mistake is reported at once: it sorts as the earliest day instead of stopping okc.
    public static func isEarlier(_ a: Document, _ b: Document) -> Bool {
        (a.date ?? .earliest, a.id) < (b.date ?? .earliest, b.id)
    }

    /// `isEarlier` reversed: newest first.
    public static func isNewer(_ a: Document, _ b: Document) -> Bool { isEarlier(b, a) }
}
