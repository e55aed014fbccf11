import Testing
@testable import Content
import Graph
import Markdown
@testable import Build

/// A page's record in `sources.bin` reads back as written, its packed links and rewrites included,
/// and damaged bytes are refused rather than read as something else.
@Suite struct SourceRecordCodecTests {
    static func record() -> SourceRecord {
        var markdown = MarkdownRenderer.render("## Rubrik\n\n[a](b.md) [c](https://x.se) ![bild](d.png)\n", options: MarkdownOptions(plainText: false))
        markdown.html = "" // the body file keeps it, not the record
        let document = Document(kind: .page, id: "x", path: "content/pages/x.md", title: "X", date: nil, summary: nil, draft: false,
                                updated: nil, body: "", bodyLine: 4, payload: .page(Page(menu: nil)))
        let links = markdown.links
        markdown.links = []
        let parsed = ParsedDocument(document: document, markdown: markdown)
        let targets: [String: Routes.Target] = ["b.md": .page(key: "page/b", anchor: nil), "https://x.se": .external, "d.png": .file("filer/d.png")]
        return SourceRecord(path: document.path, stamp: .none, racy: false, contentHash: 7, outcome: .init(parsed: parsed, diagnostics: []),
                            bodyDiagnostics: [], placeholders: [], bodyLinks: BodyLinks(links: links, targets: targets),
                            rewrites: SourceRecord.pack(rewrites: ["../b/", nil, "../../filer/d.png"]),
                            metaHash: 9, body: BodyRef(offset: 0, length: 10, hash: 11), links: nil, raw: nil)
    }

    static func encoded(_ record: SourceRecord) -> [UInt8] {
        var writer = BinaryWriter()
        record.encode(to: &writer)
        return writer.bytes
    }

    @Test func aRecordReadsBackAsWritten() throws {
        let record = Self.record()
        let bytes = Self.encoded(record)
        var reader = BinaryReader(bytes)
        let read = try SourceRecord(from: &reader)
        #expect(reader.isAtEnd)
        #expect(read.outcome.parsed == record.outcome.parsed)
        #expect(read.rewrites == record.rewrites)
        #expect(SourceRecord.unpack(rewrites: read.rewrites!)! == ["../b/", nil, "../../filer/d.png"])
        #expect(read.bodyLinks == record.bodyLinks)
        #expect(try read.bodyLinks.unpacked().links.map(\.url) == ["b.md", "https://x.se", "d.png"])
    }

    @Test func aDamagedRecordIsRefused() {
        let bytes = Self.encoded(Self.record())
        for length in 0..<bytes.count {
            var reader = BinaryReader(Array(bytes.prefix(length)))
            #expect(throws: BinaryReader.Corrupt.self, "cut at \(length)") { try SourceRecord(from: &reader) }
        }
        #expect(SourceRecord.unpack(rewrites: [2, 1]) == nil)
        #expect(SourceRecord.unpack(rewrites: SourceRecord.pack(rewrites: ["a"]) + [0]) == nil)
        #expect(SourceRecord.unpack(rewrites: SourceRecord.pack(rewrites: [])) == [])
    }

    /// The check that makes no strings accepts exactly what unpacking reads: every byte of packed
    /// rewrites set to every value, and every cut.
    @Test func rewritesValidationAgreesWithUnpacking() {
        let bytes = SourceRecord.pack(rewrites: ["../b/", nil, "../../filer/d.png", "../b/"])
        var refused = 0
        for index in bytes.indices {
            for value in [0, 1, 2, 3, 4, 5, 0x7F, 0x80, 0xFF] as [UInt8] {
                var damaged = bytes
                damaged[index] = value
                #expect(SourceRecord.validRewrites(damaged) == (SourceRecord.unpack(rewrites: damaged) != nil), "byte \(index) set to \(value)")
                if !SourceRecord.validRewrites(damaged) { refused += 1 }
            }
        }
        for length in 0...bytes.count {
            let cut = Array(bytes.prefix(length))
            #expect(SourceRecord.validRewrites(cut) == (SourceRecord.unpack(rewrites: cut) != nil), "cut at \(length)")
        }
        #expect(refused > 0)
    }
}
