import Content
import Markdown

/// A document with its body parsed and rendered.
public struct ParsedDocument: Sendable, Hashable {
    public var document: Document
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
