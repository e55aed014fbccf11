import Content
import Markdown

/// A document with its body parsed and rendered.
public struct ParsedDocument: Sendable, Hashable {
    public var document: Document
    public var markdown: RenderedMarkdown
    /// What each link of the body pointed at when it was rewritten (by URL), so the link stage need not
    /// resolve it again; links to pages left out of the graph (drafts) are resolved again there.
    public var linkTargets: [String: Routes.Target]

    public init(document: Document, markdown: RenderedMarkdown, linkTargets: [String: Routes.Target] = [:]) {
        self.document = document
        self.markdown = markdown
        self.linkTargets = linkTargets
    }

    /// A position in the file for a line of the body.
    public func position(bodyLine line: Int, column: Int) -> SourcePosition {
        SourcePosition(file: document.path, line: document.bodyLine + line - 1, column: column)
    }
}
