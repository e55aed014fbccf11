import CMark
#if canImport(Glibc)
import Glibc
#endif

/// The only code that calls cmark-gfm. Pointers never leave `render`; it returns Sendable values.
public enum MarkdownRenderer {
    /// Parses `body` with the GFM extensions, rewrites link targets through `rewrite` (return nil to keep
    /// a URL as written), escapes raw HTML unless allowed, and renders HTML with GitHub-style heading ids.
    public static func render(_ body: String, options: MarkdownOptions = MarkdownOptions(),
                              rewrite: (String) -> String? = { _ in nil }) -> RenderedMarkdown {
        _ = CMarkSession.registered
        // Tables use style attributes because the default align= attributes are invalid HTML5.
        var flags = CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | CMARK_OPT_FOOTNOTES
        if options.unsafeHTML { flags |= CMARK_OPT_UNSAFE }

        guard let parser = cmark_parser_new(flags) else { fatalError("cmark_parser_new failed: out of memory") }
        defer { cmark_parser_free(parser) }
        for name in CMarkSession.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var source = body
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in cmark_parser_feed(parser, chars.baseAddress, chars.count) }
        }
        CMarkSession.finishLock.lock()
        let document = cmark_parser_finish(parser)
        CMarkSession.finishLock.unlock()
        guard let document else { fatalError("cmark_parser_finish failed: out of memory") }
        defer { cmark_node_free(document) }

        var walk = TreeWalk(options: options)
        walk.run(document, rewrite: rewrite)
        walk.replaceRawHTML()
        walk.markAbbreviations()
        walk.removeCaptionParagraphs()
        walk.wrapTables()
        walk.anchorHeadings()

        // Tables found by position only when raw HTML could pass as one of them (see TableCaptions).
        let positioned = walk.rawHTMLHasTable && walk.tables.contains { $0.caption != nil }
        guard let cString = cmark_render_html(document, positioned ? flags | CMARK_OPT_SOURCEPOS : flags,
                                              cmark_parser_get_syntax_extensions(parser)) else {
            fatalError("cmark_render_html failed: out of memory")
        }
        walk.freeDetachedHeadings()
        let rendered = UnsafeBufferPointer(start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self), count: strlen(cString))
        let html = positioned
            ? SourcePositions.apply(rendered, captions: Dictionary(walk.tables.compactMap { table in table.caption.map { (table.line, $0) } },
                                                                   uniquingKeysWith: { first, _ in first }))
            : TableCaptions.apply(rendered, captions: walk.tables.map(\.caption))
        free(cString)
        // Diagnostics name columns as editors count them, not as cmark's bytes ("Årets möte: [x]…").
        let columns = SourceColumns(body)
        var links = walk.links
        for i in links.indices {
            let link = links[i]
            let autolink = isAutolink(url: link.url, text: link.text)
            let start = columns.linkStart(line: link.line, byteColumn: link.column, isImage: link.isImage,
                                          autolinkText: autolink ? link.text : nil)
            links[i].line = start.line
            links[i].column = columns.column(line: start.line, byteColumn: start.byteColumn)
        }
        var escapedHTML = walk.escapedHTML
        for i in escapedHTML.indices {
            let start = columns.rawHTMLStart(line: escapedHTML[i].line, byteColumn: escapedHTML[i].column)
            escapedHTML[i].line = start.line
            escapedHTML[i].column = columns.column(line: start.line, byteColumn: start.byteColumn)
        }
        return RenderedMarkdown(html: html,
                                headings: walk.headings, links: links, escapedHTML: escapedHTML,
                                uncaptionedTables: walk.tables.filter { $0.caption == nil }.map(\.line), plainText: walk.plainText)
    }

    /// Whether a link shows its own target, as the autolink extension writes it (`www.x.se` links to
    /// `http://www.x.se`, `a@b.se` to `mailto:a@b.se`).
    static func isAutolink(url: String, text: String) -> Bool {
        if url == text { return true }
        for scheme in ["http://", "mailto:"] where url.utf8.count == scheme.utf8.count + text.utf8.count {
            if url.utf8.starts(with: scheme.utf8), url.utf8.dropFirst(scheme.utf8.count).elementsEqual(text.utf8) { return true }
        }
        return false
    }
}
