import Graph

/// The facts one output file read, in the order they were read (repeats are kept: cheaper than a set).
/// A document's own facts (`.document`, `.title`, `.body`, `.backlinks`) are kept as its position in the
/// graph: a page reads ~100 of them, and hashing each key into a `Fact` table was most of what the
/// cache cost a full build.
public final class FactLog {
    public private(set) var recorded = RecordedFacts()

    public init() {}

    func record(_ fact: Fact) { recorded.facts.append(fact) }

    /// `aspect` of the graph's document at `position`.
    func record(_ aspect: RecordedFacts.Aspect, of position: Int) { recorded.positions.append(RecordedFacts.tag(position, aspect)) }

    func record(contentsOf other: RecordedFacts) {
        recorded.facts.append(contentsOf: other.facts)
        recorded.positions.append(contentsOf: other.positions)
    }
}

/// What a `FactLog` recorded: facts, and documents' own facts by position in the graph they were read from.
public struct RecordedFacts: Sendable {
    public var facts: [Fact] = []
    /// `position * 4 + aspect` (see `tag`).
    public var positions: [UInt32] = []

    public init() {}

    /// Which of a document's own facts a tagged position stands for.
    public enum Aspect: UInt32, CaseIterable, Sendable {
        case document, title, body, backlinks
    }

    public static func tag(_ position: Int, _ aspect: Aspect) -> UInt32 { UInt32(position) << 2 | aspect.rawValue }

    /// The fact a tagged position stands for in `graph` (the graph the positions were recorded from).
    public static func fact(_ tagged: UInt32, in graph: SiteGraph) -> Fact {
        let key = graph.documents[Int(tagged >> 2)].document.key
        switch Aspect(rawValue: tagged & 3)! {
        case .document: return .document(key)
        case .title: return .title(key)
        case .body: return .body(key)
        case .backlinks: return .backlinks(key)
        }
    }

    /// The tagged position of a document's own fact, if the graph has the document.
    public static func tag(of fact: Fact, in graph: SiteGraph) -> UInt32? {
        let key: String, aspect: Aspect
        switch fact {
        case .document(let k): (key, aspect) = (k, .document)
        case .title(let k): (key, aspect) = (k, .title)
        case .body(let k): (key, aspect) = (k, .body)
        case .backlinks(let k): (key, aspect) = (k, .backlinks)
        default: return nil
        }
        return graph.position(ofKey: key).map { tag($0, aspect) }
    }

    /// Every fact as a `Fact`, in no particular order.
    public func all(in graph: SiteGraph) -> [Fact] { facts + positions.map { Self.fact($0, in: graph) } }
}
