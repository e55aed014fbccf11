import Content
import Graph
import Markdown

/// Load and parse for one page: read, check the text, split the front matter, decode it, render the body.
/// Runs for many pages at once; it touches nothing shared.
enum DocumentStage {
    struct Outcome: Sendable {
        var parsed: ParsedDocument?
        var diagnostics: [Diagnostic]
    }

    static func load(_ source: SourceInventory.PageSource, siteRoot: String, routes: Routes, options: MarkdownOptions) -> Outcome {
        var diagnostics: [Diagnostic] = []
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(siteRoot + "/" + source.path)
        } catch {
            return Outcome(parsed: nil, diagnostics: [.error("\(error)", at: .file(source.path))])
        }
        let text: String
        switch SourceText.decode(bytes, path: source.path) {
        case .success(let value): text = value
        case .failure(let diagnostic): return Outcome(parsed: nil, diagnostics: [diagnostic])
        }
        let split: FrontMatterSplit
        switch FrontMatter.split(text, path: source.path) {
        case .success(let value): split = value
        case .failure(let diagnostic): return Outcome(parsed: nil, diagnostics: [diagnostic])
        }
        guard let document = DocumentDecoder.decode(kind: source.kind, id: source.id, path: source.path, split: split,
                                                     diagnostics: &diagnostics) else {
            return Outcome(parsed: nil, diagnostics: diagnostics)
        }
        let folder = routes.folder(ofKey: document.key) ?? ""
        let markdown = MarkdownRenderer.render(document.body, options: options) { url in
            routes.rewrite(url, from: source.path, fromFolder: folder)
        }
        return Outcome(parsed: ParsedDocument(document: document, markdown: markdown), diagnostics: diagnostics)
    }
}
