import Content
import Graph
import Markdown

/// What the cache remembers of one page source: how to tell it is unchanged, and everything the load,
/// parse and check stages made of it, so an unchanged file is neither read nor parsed again.
struct SourceRecord: Sendable {
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
    /// The body's links and their targets, packed: read by the link stage only, and freed with the
    /// records before the render.
    var bodyLinks: BodyLinks
    /// The URL the HTML got for each link target (in `bodyLinks`' order, by URL; nil: kept as written),
    /// packed. The HTML depends on which pages and files exist only through these, so when that set
    /// changes the links are resolved again and the record is reused only if every one still resolves
    /// alike. Nil for a page parsed by this build: derived from the targets when the record is saved
    /// (`ParseStage.rewrites`).
    var rewrites: [UInt8]?
    /// Hash of the document's front matter and headings: the value of its `.document` fact.
    var metaHash: UInt64
    /// Where the body's HTML is in the body file; nil while it is only in memory.
    var body: BodyRef?
    /// What the link stage found on the page, and the universe it was found in (Linker.universe).
    var links: (universe: UInt64, links: PageLinks)?
    /// Where the record's bytes are in the `sources.bin` it was read from: copied from there into the
    /// next one when nothing about the file changed (nil: encoded afresh).
    var raw: Range<Int>?

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
            writer.writeCount(bodyLinks.bytes.count)
            writer.writeRaw(bodyLinks.bytes)
        } else {
            writer.write(false)
        }
        writer.write(outcome.diagnostics)
        writer.write(bodyDiagnostics)
        writer.write(placeholders)
        let rewrites = self.rewrites ?? SourceRecord.pack(rewrites: [])
        writer.writeCount(rewrites.count)
        writer.writeRaw(rewrites)
        writer.write(metaHash)
        writer.write(body != nil)
        if let body { writer.write(body.offset); writer.write(body.length); writer.write(body.hash) }
        writer.write(links != nil)
        if let (universe, page) = links {
            writer.write(universe)
            writer.write(page.diagnostics)
            writer.write(page.backlinksHash)
            writer.writeCount(page.targets.count)
            for (target, relation) in zip(page.targets, page.relations) {
                writer.write(relation.rank); writer.write(Int(target))
            }
        }
    }

    init(from reader: inout BinaryReader) throws {
        path = try reader.readString()
        stamp = FileSystem.Stamp(size: try reader.readInt(), modified: try reader.readInt(), changed: try reader.readInt(),
                                 inode: try reader.readUInt64(), device: try reader.readUInt64())
        racy = try reader.readBool()
        contentHash = try reader.readUInt64()
        var parsed: ParsedDocument?
        var packed = BodyLinks.none
        if try reader.readBool() {
            let document = try reader.read(Document.self)
            let markdown = try reader.read(RenderedMarkdown.self)
            packed = try BodyLinks(validating: Array(try reader.readRaw(try reader.readCount())))
            parsed = ParsedDocument(document: document, markdown: markdown)
        }
        bodyLinks = packed
        outcome = DocumentStage.Outcome(parsed: parsed, diagnostics: try reader.readArray())
        bodyDiagnostics = try reader.readArray()
        placeholders = try reader.readArray()
        let rewrites = Array(try reader.readRaw(try reader.readCount()))
        guard SourceRecord.validRewrites(rewrites) else { throw BinaryReader.Corrupt() }
        self.rewrites = rewrites
        metaHash = try reader.readUInt64()
        body = try reader.readBool() ? BodyRef(offset: try reader.readUInt64(), length: try reader.readUInt64(), hash: try reader.readUInt64()) : nil
        if try reader.readBool() {
            let universe = try reader.readUInt64()
            let diagnostics = try reader.readArray(Diagnostic.self)
            let backlinksHash = try reader.readUInt64()
            let count = try reader.readCount()
            var targets: [Int32] = []
            var relations: [Relation] = []
            targets.reserveCapacity(count)
            relations.reserveCapacity(count)
            for _ in 0..<count {
                let rank = try reader.readInt()
                let target = try reader.readInt()
                guard Relation.allCases.indices.contains(rank), (0...Int(Int32.max)).contains(target) else { throw BinaryReader.Corrupt() }
                relations.append(Relation.allCases[rank])
                targets.append(Int32(target))
            }
            links = (universe, PageLinks(diagnostics: diagnostics, targets: targets, relations: relations, hash: backlinksHash))
        }
        guard parsed == nil || body != nil else { throw BinaryReader.Corrupt() }
    }
}

extension SourceRecord {
    static func pack(rewrites results: [String?]) -> [UInt8] {
        var writer = BinaryWriter(capacity: 48 * results.count + 1, sharesStrings: false)
        writer.writeCount(results.count)
        for result in results { writer.write(result) }
        return writer.exactBytes
    }

    /// Whether `unpack(rewrites:)` reads the bytes, checked without making their strings (every record's
    /// are checked when the cache is read).
    static func validRewrites(_ bytes: [UInt8]) -> Bool {
        var reader = BinaryReader(bytes)
        do {
            for _ in 0..<(try reader.readCount()) {
                if try reader.readBool() { try reader.skipString() }
            }
            return reader.isAtEnd
        } catch {
            return false
        }
    }

    /// Nil if the bytes are damaged.
    static func unpack(rewrites bytes: [UInt8]) -> [String?]? {
        var reader = BinaryReader(bytes)
        do {
            let count = try reader.readCount()
            var results: [String?] = []
            results.reserveCapacity(count)
            for _ in 0..<count { results.append(try reader.readOptional(String.self)) }
            return reader.isAtEnd ? results : nil
        } catch {
            return nil
        }
    }
}
