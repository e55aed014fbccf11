import Content
import Markdown

/// A body's links and what each pointed at when the body was rendered (by URL, so the link stage need
/// not resolve it again; links to pages left out of the graph, drafts, are resolved again there),
/// packed into one buffer.
///
/// Only the link stage reads them after the parse, once per page, while the site's model holds them
/// for the whole build: as arrays of structs of strings plus a dictionary of targets they were
/// ~4.5 KB a page (a 100,000-page site holds millions of links); packed, ~1 KB. The cache stores the
/// bytes as they are.
public struct BodyLinks: Sendable, Hashable {
    /// Links in document order, then the targets sorted by URL (each URL written once: a target's
    /// URL refers back to its link's).
    public let bytes: [UInt8]

    /// No links.
    public static let none = BodyLinks(links: [], targets: [:])

    public init(links: [RenderedMarkdown.Link], targets: [String: Routes.Target]) {
        var writer = BinaryWriter(capacity: 48 * links.count + 2)
        writer.writeCount(links.count)
        for link in links {
            writer.write(link.url); writer.write(link.text); writer.write(link.line); writer.write(link.column); writer.write(link.isImage)
        }
        writer.writeCount(targets.count)
        for url in targets.keys.sorted() {
            writer.write(url)
            BodyLinks.encode(targets[url]!, to: &writer)
        }
        bytes = writer.exactBytes
    }

    /// Bytes read back from the cache, checked whole now: damage must show when the cache is read,
    /// where it is ignored, not later in the link stage.
    public init(validating bytes: [UInt8]) throws {
        self.bytes = bytes
        try validate()
    }

    /// Bytes taken as they are, for tests that damage them.
    init(bytesForTesting bytes: [UInt8]) { self.bytes = bytes }

    /// Throws where `unpacked` would, without making its strings: every page's links are checked when
    /// the cache is read, and unpacking them all was a twentieth of a one-page rebuild.
    func validate() throws {
        var reader = BinaryReader(bytes)
        for _ in 0..<(try reader.readCount()) {
            try reader.skipString(); try reader.skipString()
            _ = try reader.readInt(); _ = try reader.readInt(); _ = try reader.readBool()
        }
        for _ in 0..<(try reader.readCount()) {
            try reader.skipString()
            switch try reader.readInt() {
            case 0:
                try reader.skipString()
                if try reader.readBool() { try reader.skipString() }
            case 1, 2, 4: try reader.skipString()
            case 3: break
            default: throw BinaryReader.Corrupt()
            }
        }
        guard reader.isAtEnd else { throw BinaryReader.Corrupt() }
    }

    /// The links in document order and each target by URL.
    public func unpacked() throws -> (links: [RenderedMarkdown.Link], targets: [(url: String, target: Routes.Target)]) {
        var reader = BinaryReader(bytes)
        var links: [RenderedMarkdown.Link] = []
        let count = try reader.readCount()
        links.reserveCapacity(count)
        for _ in 0..<count {
            links.append(RenderedMarkdown.Link(url: try reader.readString(), text: try reader.readString(), line: try reader.readInt(),
                                               column: try reader.readInt(), isImage: try reader.readBool()))
        }
        var targets: [(url: String, target: Routes.Target)] = []
        for _ in 0..<(try reader.readCount()) { targets.append((try reader.readString(), try BodyLinks.decodeTarget(&reader))) }
        guard reader.isAtEnd else { throw BinaryReader.Corrupt() }
        return (links, targets)
    }

    /// Each link's target by URL, sorted by URL (none if the bytes are damaged: `init(validating:)`
    /// rejects those).
    public var targets: [(url: String, target: Routes.Target)] { (try? unpacked())?.targets ?? [] }

    static func encode(_ target: Routes.Target, to writer: inout BinaryWriter) {
        switch target {
        case .page(let key, let anchor): writer.write(0); writer.write(key); writer.write(anchor)
        case .file(let path): writer.write(1); writer.write(path)
        case .sameDocument(let anchor): writer.write(2); writer.write(anchor)
        case .external: writer.write(3)
        case .missing(let reason): writer.write(4); writer.write(reason)
        }
    }

    static func decodeTarget(_ reader: inout BinaryReader) throws -> Routes.Target {
        switch try reader.readInt() {
        case 0: return .page(key: try reader.readString(), anchor: try reader.readOptional(String.self))
        case 1: return .file(try reader.readString())
        case 2: return .sameDocument(anchor: try reader.readString())
        case 3: return .external
        case 4: return .missing(try reader.readString())
        default: throw BinaryReader.Corrupt()
        }
    }
}
