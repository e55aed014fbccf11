import CMark
import Content
import Foundation

/// One pass over a parsed document: collects headings, links and text, rewrites link targets,
/// and notes raw HTML to escape. Structural changes wait until the walk is over (`replaceRawHTML`),
/// because cmark's iterator must not see nodes vanish under it.
struct TreeWalk {
    let options: MarkdownOptions

    var headings: [RenderedMarkdown.Heading] = []
    var links: [RenderedMarkdown.Link] = []
    var escapedHTML: [RenderedMarkdown.RawHTML] = []
    /// Each table's caption (a paragraph "Tabell: …" right before it) or nil, in document order: the order
    /// cmark renders them in, as it renders the tree this walk saw.
    var tables: [(line: Int, caption: String?)] = []
    /// Raw HTML passed through (unsafe_html) that writes a `<table>` itself: tables can then be told apart
    /// only by their source positions.
    var rawHTMLHasTable = false
    var plainText = ""

    private var slugger = Slugger()
    private var headingText: String?
    private var headingLine = 0
    private var headingLevel = 0
    private var openLinks: [(index: Int, text: String)] = []
    private var rawNodes: [OpaquePointer] = []
    private var captionParagraphs: [OpaquePointer] = []
    /// The table nodes, in the order of `tables`.
    private var tableNodes: [OpaquePointer] = []
    private var headingNodes: [(node: OpaquePointer, level: Int, anchor: String)] = []
    /// Headings taken out of the tree, freed only after rendering (`freeDetachedHeadings`).
    private var detachedHeadings: [OpaquePointer] = []
    private var abbreviations: AbbreviationMarker

    init(options: MarkdownOptions) {
        self.options = options
        self.abbreviations = AbbreviationMarker(options.abbreviations)
    }

    mutating func run(_ document: OpaquePointer, rewrite: (String) -> String?) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER
            switch type {
            case CMARK_NODE_HEADING:
                if entering {
                    headingText = ""
                    headingLine = Int(cmark_node_get_start_line(node))
                    headingLevel = Int(cmark_node_get_heading_level(node))
                } else if let text = headingText {
                    let anchor = slugger.anchor(for: text)
                    headings.append(.init(level: headingLevel, text: text, anchor: anchor, line: headingLine))
                    headingNodes.append((node, headingLevel, anchor))
                    headingText = nil
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering {
                    let url = string(cmark_node_get_url(node))
                    let (line, column) = sourcePosition(of: node)
                    links.append(.init(url: url, text: "", line: line, column: column, isImage: type == CMARK_NODE_IMAGE))
                    openLinks.append((links.count - 1, ""))
                    if !URLCheck.isSafeInBody(url) {
                        cmark_node_set_url(node, "")
                    } else if let replacement = rewrite(url) {
                        cmark_node_set_url(node, replacement)
                    }
                } else if let open = openLinks.popLast() {
                    links[open.index].text = open.text
                }
            case CMARK_NODE_TEXT:
                // Most text is only rendered: it becomes a Swift string only when a heading, a link text,
                // the plain text or an abbreviation not yet marked needs it.
                let needsText = headingText != nil || !openLinks.isEmpty || options.plainText
                guard needsText || !abbreviations.isDone else { break }
                if !needsText, let literal = cmark_node_get_literal(node) {
                    abbreviations.visit(node, literal: literal)
                    break
                }
                let text = string(cmark_node_get_literal(node))
                addText(text)
                abbreviations.visit(node, text: text)
            case CMARK_NODE_CODE:
                addText(string(cmark_node_get_literal(node)))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                addText(" ")
            case CMarkSession.tableNodeType where entering:
                noteTable(node)
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_ITEM, CMARK_NODE_CODE_BLOCK:
                if options.plainText, !entering || type == CMARK_NODE_CODE_BLOCK {
                    if type == CMARK_NODE_CODE_BLOCK { plainText += string(cmark_node_get_literal(node)) }
                    plainText += "\n"
                }
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                if !options.unsafeHTML {
                    // cmark-gfm sometimes gives no line (0) here too (found by fuzzing).
                    let position = sourcePosition(of: node)
                    escapedHTML.append(.init(line: position.line, column: position.column))
                    rawNodes.append(node)
                } else if !rawHTMLHasTable, let literal = cmark_node_get_literal(node), strstr(literal, "<table>") != nil {
                    rawHTMLHasTable = true
                }
            default:
                break
            }
        }
    }

    static let captionPrefix = "Tabell:"

    /// A paragraph of plain text starting "Tabell:" just before a table becomes the table's caption.
    private mutating func noteTable(_ table: OpaquePointer) {
        let line = Int(cmark_node_get_start_line(table))
        if let previous = cmark_node_previous(table), cmark_node_get_type(previous) == CMARK_NODE_PARAGRAPH,
           let text = plainText(of: previous), text.hasPrefix(TreeWalk.captionPrefix) {
            // Leading ASCII spaces and tabs are dropped as bytes first, so a caption without other whitespace
            // at its ends skips Foundation's trimming (a copy to UTF-16 and a character set per table).
            let rest = Substring(text.dropFirst(TreeWalk.captionPrefix.count).utf8.drop { $0 == 0x20 || $0 == 0x09 })
            let caption = String(rest).trimmingWhitespace(newlines: false)
            if !caption.isEmpty {
                tables.append((line, caption))
                tableNodes.append(table)
                captionParagraphs.append(previous)
                return
            }
        }
        tables.append((line, nil))
        tableNodes.append(table)
    }

    /// The text of a paragraph made only of text and soft breaks; nil if it has links, emphasis or code.
    private func plainText(of paragraph: OpaquePointer) -> String? {
        var text = ""
        var child = cmark_node_first_child(paragraph)
        while let node = child {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT: text += string(cmark_node_get_literal(node))
            case CMARK_NODE_SOFTBREAK: text += " "
            default: return nil
            }
            child = cmark_node_next(node)
        }
        return text
    }

    private mutating func addText(_ text: String) {
        if options.plainText { plainText += text }
        if headingText != nil { headingText! += text }
        for i in openLinks.indices { openLinks[i].text += text }
    }

    mutating func markAbbreviations() { abbreviations.apply() }

    /// Caption paragraphs are shown inside their tables instead.
    mutating func removeCaptionParagraphs() {
        for paragraph in captionParagraphs { cmark_node_free(paragraph) }
        captionParagraphs = []
    }

    /// Each table sits in a box that scrolls sideways on a narrow screen, so that its words stay whole
    /// (WCAG 1.4.10 lets a data table scroll). Keyboard users scroll it once it has focus; a captioned
    /// table's box is a region named by the caption. The box is two empty custom blocks around the
    /// table: the table itself stays where cmark put it.
    mutating func wrapTables() {
        for (node, table) in zip(tableNodes, tables) {
            guard let open = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK), let close = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else {
                fatalError("cmark_node_new failed: out of memory")
            }
            let label = table.caption.map { " role=\"region\" aria-label=\"\(Escape.xml($0))\"" } ?? ""
            cmark_node_set_on_enter(open, "<div class=\"table-scroll\"\(label) tabindex=\"0\">")
            cmark_node_set_on_enter(close, "</div>")
            cmark_node_insert_before(node, open)
            cmark_node_insert_after(node, close)
        }
        tableNodes = []
    }

    /// cmark cannot give an element an attribute: each heading becomes a custom block holding its content
    /// between `<hN id="…">` and `</hN>`, which cmark renders with the line breaks it gives a heading.
    mutating func anchorHeadings() {
        for heading in headingNodes {
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK), let open = cmark_node_new(CMARK_NODE_CUSTOM_INLINE),
                  let close = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { fatalError("cmark_node_new failed: out of memory") }
            cmark_node_set_on_enter(open, RenderedMarkdown.Heading.openingTag(level: heading.level, anchor: heading.anchor))
            cmark_node_set_on_enter(close, "</h\(heading.level)>")
            cmark_node_append_child(block, open)
            while let child = cmark_node_first_child(heading.node) { cmark_node_append_child(block, child) }
            cmark_node_append_child(block, close)
            cmark_node_insert_before(heading.node, block)
            // An inline's literal may still point into its heading's text buffer (cmark copies it only
            // when asked for it), so the heading outlives the rendering (found by fuzzing: `# <table><a>`).
            cmark_node_unlink(heading.node)
            detachedHeadings.append(heading.node)
        }
        headingNodes = []
    }

    mutating func freeDetachedHeadings() {
        for node in detachedHeadings { cmark_node_free(node) }
        detachedHeadings = []
    }

    /// Replaces each raw HTML node by text showing the same characters, so editors see what they wrote
    /// instead of a silent "raw HTML omitted" comment.
    mutating func replaceRawHTML() {
        for node in rawNodes {
            let literal = cmark_node_get_literal(node)
            let isBlock = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
            guard let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_literal(text, literal)
            if isBlock {
                guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) else { cmark_node_free(text); continue }
                cmark_node_append_child(paragraph, text)
                cmark_node_insert_before(node, paragraph)
            } else {
                cmark_node_insert_before(node, text)
            }
            cmark_node_free(node)
        }
        rawNodes = []
    }

    /// Where a node was written. Nodes made after parsing (the autolink extension's links) carry no
    /// position: they get the nearest enclosing node's, so a diagnostic still points into the body.
    private func sourcePosition(of node: OpaquePointer) -> (line: Int, column: Int) {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return (line, max(1, Int(cmark_node_get_start_column(candidate)))) }
            current = cmark_node_parent(candidate)
        }
        return (1, 1)
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
