import Content
import Graph
import Markdown

/// What the cache remembers of one page source: how to tell it is unchanged, and everything the load,
/// parse and check stages made of it, so an unchanged file is neither read nor parsed again.
struct SourceRecord: Sendable {
    /// A link in the body and the URL the HTML got for it (nil: kept as written). The HTML depends on
    /// which pages and files exist only through these, so when that set changes the links are resolved
    /// again and the record is reused only if every one still resolves alike.
    struct Rewrite: Sendable, Hashable {
        var url: String
        var result: String?
    }

    var path: String
    var stamp: FileSystem.Stamp
    /// Written so soon after the file changed that a later change could keep the same stamp (file
    /// times are coarse): the content hash decides next time, not the stamp.
    var racy: Bool
    var contentHash: UInt64
    var outcome: DocumentStage.Outcome
    /// The body checks' findings (they depend on the page and `unsafe_html` only).
    var bodyDiagnostics: [Diagnostic]
    /// Placeholders and leftovers, as warnings: `--strict` makes them errors when they are reported.
    var placeholders: [Diagnostic]
    /// Nil for a page parsed by this build: not kept in memory (a large site has millions), but derived
    /// from the links' targets when the record is saved (`ParseStage.rewrites`).
    var rewrites: [Rewrite]?
    /// Hash of the document's front matter and headings: the value of its `.document` fact.
    var metaHash: UInt64
    /// Where the body's HTML is in the body file; nil while it is only in memory.
    var body: BodyRef?
    /// What the link stage found on the page, and the universe it was found in (Linker.universe).
    var links: (universe: UInt64, links: PageLinks)?
    /// The record's bytes as read, written back unchanged when nothing about the file changed.
    var raw: ArraySlice<UInt8>?

    /// The value of a document's `.document` fact: its front matter (positions included) and headings.
    static func metaHash(_ parsed: ParsedDocument) -> UInt64 {
        // Only hashed, never stored: no table of repeated texts (it hashed every text of the page).
        var writer = BinaryWriter(capacity: 512, sharesStrings: false)
        writer.write(parsed.document)
        for heading in parsed.markdown.headings {
            writer.write(heading.level)
            writer.write(heading.text)
            writer.write(heading.anchor)
        }
        return StableHasher.hash(writer.bytes)
    }
}

extension SourceRecord: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(path)
        writer.write(stamp.size); writer.write(stamp.modified); writer.write(stamp.changed); writer.write(stamp.inode); writer.write(stamp.device)
        writer.write(racy)
        writer.write(contentHash)
        if let parsed = outcome.parsed {
            writer.write(true)
            writer.write(parsed.document)
            writer.write(parsed.markdown)
            writer.writeCount(parsed.linkTargets.count)
            for url in parsed.linkTargets.keys.sorted() {
                writer.write(url)
                SourceRecord.encode(parsed.linkTargets[url]!, to: &writer)
            }
        } else {
            writer.write(false)
        }
        writer.write(outcome.diagnostics)
        writer.write(bodyDiagnostics)
        writer.write(placeholders)
        let rewrites = self.rewrites ?? []
        writer.writeCount(rewrites.count)
        for rewrite in rewrites { writer.write(rewrite.url); writer.write(rewrite.result) }
        writer.write(metaHash)
        writer.write(body != nil)
        if let body { writer.write(body.offset); writer.write(body.length); writer.write(body.hash) }
        writer.write(links != nil)
        if let (universe, page) = links {
            writer.write(universe)
            writer.write(page.diagnostics)
            writer.writeCount(page.backlinks.count)
            for (key, link) in page.backlinks { writer.write(key); writer.write(link.source); writer.write(link.relation.rank) }
        }
    }

    init(from reader: inout BinaryReader) throws {
        path = try reader.readString()
        stamp = FileSystem.Stamp(size: try reader.readInt(), modified: try reader.readInt(), changed: try reader.readInt(),
                                 inode: try reader.readUInt64(), device: try reader.readUInt64())
        racy = try reader.readBool()
        contentHash = try reader.readUInt64()
        var parsed: ParsedDocument?
        if try reader.readBool() {
            let document = try reader.read(Document.self)
            let markdown = try reader.read(RenderedMarkdown.self)
            var targets: [String: Routes.Target] = [:]
            for _ in 0..<(try reader.readCount()) { targets[try reader.readString()] = try SourceRecord.decodeTarget(&reader) }
            parsed = ParsedDocument(document: document, markdown: markdown, linkTargets: targets)
        }
        outcome = DocumentStage.Outcome(parsed: parsed, diagnostics: try reader.readArray())
        bodyDiagnostics = try reader.readArray()
        placeholders = try reader.readArray()
        var rewrites: [Rewrite] = []
        for _ in 0..<(try reader.readCount()) {
            rewrites.append(Rewrite(url: try reader.readString(), result: try reader.readOptional(String.self)))
        }
        self.rewrites = rewrites
        metaHash = try reader.readUInt64()
        body = try reader.readBool() ? BodyRef(offset: try reader.readUInt64(), length: try reader.readUInt64(), hash: try reader.readUInt64()) : nil
        if try reader.readBool() {
            let universe = try reader.readUInt64()
            let diagnostics = try reader.readArray(Diagnostic.self)
            var backlinks: [(String, Backlink)] = []
            for _ in 0..<(try reader.readCount()) {
                let key = try reader.readString()
                let source = try reader.readString()
                let rank = try reader.readInt()
                guard Relation.allCases.indices.contains(rank) else { throw BinaryReader.Corrupt() }
                backlinks.append((key, Backlink(source: source, relation: Relation.allCases[rank])))
            }
            links = (universe, PageLinks(diagnostics: diagnostics, backlinks: backlinks))
        }
        guard parsed == nil || body != nil else { throw BinaryReader.Corrupt() }
    }
}

extension SourceRecord {
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
