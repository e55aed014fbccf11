@testable import Content
@testable import Graph
@testable import Markdown
import Testing

/// The link stage gathers backlinks by position and sorts them as numbers; the result must be what
/// sorting the `Backlink` values themselves (relation, then source key) with repeats dropped gives.
@Suite struct BacklinkGatheringTests {
    static func document(_ kind: Kind, _ id: String) -> ParsedDocument {
        ParsedDocument(document: Document(kind: kind, id: id, path: "content/\(kind.folder)/\(id).md", title: id, date: nil, summary: nil,
                                          draft: false, updated: nil, body: "", bodyLine: 1, payload: .news),
                       markdown: RenderedMarkdown(html: "", headings: [], links: [], escapedHTML: [], uncaptionedTables: [], plainText: ""))
    }

    /// Sorted as the link stage sorts documents (kind, then id), while their keys sort otherwise:
    /// `person/` comes before `plan/`, and `news/` before `organisation/`.
    static let documents: [ParsedDocument] = [
        document(.meeting, "2024-01-01-a"), document(.meeting, "2024-02-01-b"), document(.meeting, "b"),
        document(.organisation, "forening"), document(.organisation, "z-forbund"),
        document(.person, "anna"), document(.person, "bo"),
        document(.group, "ros"), document(.plan, "plan-2020"), document(.news, "nyhet"), document(.page, "om"),
    ]

    /// Every document's place in key order, as sorting the keys gives it.
    @Test func keyOrderIsTheOrderOfTheKeys() {
        let (rankOf, positionAt) = Linker.keyOrder(Self.documents)
        let byKey = Self.documents.indices.sorted { Self.documents[$0].document.key < Self.documents[$1].document.key }
        #expect(positionAt.map(Int.init) == byKey)
        #expect(byKey.enumerated().allSatisfy { rankOf[$0.element] == Int32($0.offset) })
    }

    /// Documents not sorted by id within their kind: the order by kind blocks is wrong, and the check
    /// falls back to sorting the keys.
    @Test func keyOrderSortsKeysWhenTheBlocksAreNotInOrder() {
        let unsorted = [Self.document(.person, "bo"), Self.document(.person, "anna"), Self.document(.meeting, "m")]
        let (rankOf, positionAt) = Linker.keyOrder(unsorted)
        #expect(positionAt == [2, 1, 0])
        #expect(rankOf == [2, 1, 0])
    }

    @Test func gatheredBacklinksAreSortedBacklinksWithoutRepeats() {
        let docs = Self.documents
        // Numbers from a linear congruential generator: the same backlinks on every run.
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let pages = docs.indices.map { _ -> PageLinks in
            let count = next(13)
            let targets = (0..<count).map { _ in Int32(next(docs.count)) }
            // Few relations, so that the same source and relation repeat.
            let relations = (0..<count).map { _ in [Relation.attended, .link, .ownsAction][next(3)] }
            return PageLinks(diagnostics: [], targets: targets, relations: relations, hash: 0)
        }
        var expected = [[Backlink]](repeating: [], count: docs.count)
        for (source, page) in pages.enumerated() {
            for (target, relation) in zip(page.targets, page.relations) {
                expected[Int(target)].append(Backlink(source: docs[source].document.key, relation: relation))
            }
        }
        expected = expected.map { Array(Set($0)).sorted() }
        #expect(expected.contains { $0.count > 1 })
        let gathered = Linker.gatherBacklinks(pages, documents: docs).map { list in
            list.map { Backlink(source: docs[Int($0.source)].document.key, relation: $0.relation) }
        }
        #expect(gathered == expected)
    }

    /// The hash of a page's backlinks is taken over their keys, as it was when backlinks held them.
    @Test func backlinksHashIsOverKeys() {
        var hasher = StableHasher()
        for (key, rank) in [("person/anna", Relation.attended.rank), ("plan/plan-2020", Relation.link.rank)] {
            hasher.combine(key)
            hasher.combine("meeting/b")
            hasher.combine(rank)
        }
        #expect(PageLinks.hash(source: "meeting/b", targets: [5, 8], relations: [.attended, .link], documents: Self.documents)
                == hasher.finalize())
    }

    /// A page's links kept by the cache are used only for their universe and only when every position
    /// is in it; anything else is resolved afresh (and a position out of range never reaches the gathering).
    @Test func cachedLinksOutsideTheUniverseAreResolvedAgain() throws {
        var diagnostics: [Diagnostic] = []
        let config = try #require(SiteConfig.decode("title: T\nbase_url: https://example.org/\n", diagnostics: &diagnostics))
        let person = ParsedDocument(document: Document(kind: .person, id: "anna", path: "content/people/anna.md", title: "Anna",
                                                       date: nil, summary: nil, draft: false, updated: nil, body: "", bodyLine: 1,
                                                       payload: .person(Person())),
                                    markdown: RenderedMarkdown(html: "", headings: [], links: [], escapedHTML: [], uncaptionedTables: [],
                                                               plainText: ""))
        let news = Self.document(.news, "nyhet")
        let documents = [news, person]
        let routes = Routes(config: config, documents: documents.map { ($0.document.kind, $0.document.id, $0.document.path) },
                            contentFiles: [])
        let links = [BodyLinks](repeating: .none, count: documents.count)
        func link(_ known: [(universe: UInt64, links: PageLinks)?]) -> (SiteGraph, (universe: UInt64, pages: [PageLinks])) {
            let (graph, _, pages) = Linker.link(config: config, routes: routes, documents: documents, glossary: [],
                                                now: Day(year: 2026, month: 1, day: 1)!, routesFingerprint: 1, bodyLinks: links, known: known)
            return (graph, pages)
        }
        let (_, fresh) = link([nil, nil])
        // The news item pretends (from a cache of this universe) to point at the person, as an attendee;
        // positions are in the sorted order (people before news).
        let claimed = PageLinks(diagnostics: [], targets: [0], relations: [.attended], hash: 7)
        let (trusted, _) = link([(fresh.universe, claimed), nil])
        #expect(trusted.backlinks(ofKey: "person/anna") == [Backlink(source: "news/nyhet", relation: .attended)])
        // Another universe, or a position past the pages: resolved again, so no backlink.
        for known in [(fresh.universe &+ 1, claimed), (fresh.universe, PageLinks(diagnostics: [], targets: [9], relations: [.link], hash: 7))] {
            let (graph, pages) = link([known, nil])
            #expect(graph.documents.indices.allSatisfy { graph.backlinks(at: $0).isEmpty })
            #expect(pages.pages[0].targets.isEmpty)
        }
    }
}
