import Content
import Markdown

/// A document with its body parsed and rendered.
public struct ParsedDocument: Sendable, Hashable {
    public var document: Document
    /// The body's HTML, headings and findings; its `links` are always empty here: they are in `bodyLinks`.
    public var markdown: RenderedMarkdown
    /// The body's links, and what each pointed at when it was rewritten (by URL), so the link stage need
    /// not resolve it again; links to pages left out of the graph (drafts) are resolved again there.
    public var bodyLinks: BodyLinks

    /// `markdown.links` and `linkTargets` are packed into `bodyLinks`.
    public init(document: Document, markdown: RenderedMarkdown, linkTargets: [String: Routes.Target] = [:]) {
        var markdown = markdown
        let links = BodyLinks(links: markdown.links, targets: linkTargets)
        markdown.links = []
        self.init(document: document, markdown: markdown, bodyLinks: links)
    }

    public init(document: Document, markdown: RenderedMarkdown, bodyLinks: BodyLinks) {
        self.document = document
        self.markdown = markdown
        self.bodyLinks = bodyLinks
    }

    /// A position in the file for a line of the body.
    public func position(bodyLine line: Int, column: Int) -> SourcePosition {
        SourcePosition(file: document.path, line: document.bodyLine + line - 1, column: column)
    }
}
