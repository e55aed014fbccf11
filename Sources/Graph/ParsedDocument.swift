import Content
import Markdown

/// A document with its body parsed and rendered.
public struct ParsedDocument: Sendable, Hashable {
    public var document: Document
    /// The body's HTML, headings and findings. A page the build parsed has no `links` here: they are
    /// packed beside it (`BodyLinks`, in the page's record) and read by the link stage alone, so that
    /// the graph the render reads does not hold them.
    public var markdown: RenderedMarkdown

    public init(document: Document, markdown: RenderedMarkdown) {
        self.document = document
        self.markdown = markdown
    }

    /// A position in the file for a line of the body.
    public func position(bodyLine line: Int, column: Int) -> SourcePosition {
        SourcePosition(file: document.path, line: document.bodyLine + line - 1, column: column)
    }
}
