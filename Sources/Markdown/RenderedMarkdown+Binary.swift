import Content

/// The binary form of what the Markdown stage learns from a body, for the incremental build's cache.
/// The HTML and plain text are not part of it: the cache keeps them apart and reads them only for
/// the pages it renders again.
extension RenderedMarkdown: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.writeCount(headings.count)
        for h in headings { writer.write(h.level); writer.write(h.text); writer.write(h.anchor); writer.write(h.line) }
        writer.writeCount(links.count)
        for l in links { writer.write(l.url); writer.write(l.text); writer.write(l.line); writer.write(l.column); writer.write(l.isImage) }
        writer.writeCount(escapedHTML.count)
        for r in escapedHTML { writer.write(r.line); writer.write(r.column) }
        writer.writeCount(uncaptionedTables.count)
        for line in uncaptionedTables { writer.write(line) }
    }

    public init(from reader: inout BinaryReader) throws {
        var headings: [Heading] = []
        for _ in 0..<(try reader.readCount()) {
            headings.append(Heading(level: try reader.readInt(), text: try reader.readString(), anchor: try reader.readString(),
                                    line: try reader.readInt()))
        }
        var links: [Link] = []
        for _ in 0..<(try reader.readCount()) {
            links.append(Link(url: try reader.readString(), text: try reader.readString(), line: try reader.readInt(),
                              column: try reader.readInt(), isImage: try reader.readBool()))
        }
        var raw: [RawHTML] = []
        for _ in 0..<(try reader.readCount()) { raw.append(RawHTML(line: try reader.readInt(), column: try reader.readInt())) }
        var uncaptioned: [Int] = []
        for _ in 0..<(try reader.readCount()) { uncaptioned.append(try reader.readInt()) }
        self.init(html: "", headings: headings, links: links, escapedHTML: raw, uncaptionedTables: uncaptioned, plainText: "")
    }
}
