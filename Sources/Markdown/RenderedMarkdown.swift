import Content

/// What the Markdown stage learns from a body: its HTML and the facts later stages check.
/// Lines are lines of the body (1 = the body's first line); the caller adds the body's offset.
public struct RenderedMarkdown: Sendable, Hashable {
    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var anchor: String
        public var line: Int

        /// The tag a heading opens with in the rendered HTML; an empty anchor gives no id (an empty id is
        /// invalid HTML, and GitHub gives such a heading no anchor either).
        public static func openingTag(level: Int, anchor: String) -> String {
            anchor.isEmpty ? "<h\(level)>" : "<h\(level) id=\"\(Escape.xml(anchor))\">"
        }
    }

    public struct Link: Sendable, Hashable {
        public var url: String
        public var text: String
        public var line: Int
        public var column: Int
        public var isImage: Bool

        public init(url: String, text: String, line: Int, column: Int, isImage: Bool) {
            self.url = url
            self.text = text
            self.line = line
            self.column = column
            self.isImage = isImage
        }
    }

    public struct RawHTML: Sendable, Hashable {
        public var line: Int
        public var column: Int
    }

    public var html: String
    public var headings: [Heading]
    /// Every link and image as written, in document order (before rewriting).
    public var links: [Link]
    /// Raw HTML that was escaped because the site does not allow it.
    public var escapedHTML: [RawHTML]
    /// First lines of tables that have no "Tabell: …" caption paragraph.
    public var uncaptionedTables: [Int]
    /// Plain text of the body, for summaries and search.
    public var plainText: String
}

public struct MarkdownOptions: Sendable, Hashable {
    public struct Abbreviation: Sendable, Hashable {
        public var abbreviation: String
        public var expansion: String
        public init(_ abbreviation: String, _ expansion: String) {
            self.abbreviation = abbreviation
            self.expansion = expansion
        }
    }

    public var unsafeHTML: Bool
    /// The first use of each on a page is marked up `<abbr title="expansion">`.
    public var abbreviations: [Abbreviation]
    /// Whether to collect `plainText` (the build does not show it; collecting it costs a copy of the text).
    public var plainText: Bool

    public init(unsafeHTML: Bool = false, abbreviations: [Abbreviation] = [], plainText: Bool = true) {
        self.unsafeHTML = unsafeHTML
        self.abbreviations = abbreviations
        self.plainText = plainText
    }
}
