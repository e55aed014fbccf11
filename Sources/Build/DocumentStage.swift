import Content
import Graph
import Markdown

/// Load, parse and check for one page: read, check the text, split the front matter, decode it, render
/// the body, run the body checks. Runs for many pages at once; it touches nothing shared.
enum DocumentStage {
    struct Outcome: Sendable {
        var parsed: ParsedDocument?
        var diagnostics: [Diagnostic]
    }

    /// Everything about one page source, made fresh from its bytes (which are read unless given).
    /// `hashMeta`: whether to compute the record's meta hash, which only a cache reads (a fact's value).
    /// `keepRewrites`: whether the record gets what each link target was rewritten to now (the cache
    /// stores it), instead of the cache deriving it again from the targets when saving.
    static func load(_ source: SourceInventory.PageSource, bytes given: [UInt8]? = nil, stamp: FileSystem.Stamp?, siteRoot: String,
                     routes: Routes, options: MarkdownOptions, unsafeHTML: Bool, hashMeta: Bool = true,
                     keepRewrites: Bool = false) -> SourceRecord {
        var targets: [String: Routes.Target] = [:]
        var rewritten: [String: String?] = [:]
        var contentHash: UInt64 = 0
        func record(_ outcome: Outcome, placeholders: [Diagnostic] = [], bodyDiagnostics: [Diagnostic] = []) -> SourceRecord {
            let parsed = outcome.parsed
            return SourceRecord(path: source.path, stamp: stamp ?? .none, racy: true, contentHash: contentHash, outcome: outcome,
                                bodyDiagnostics: bodyDiagnostics,
                                placeholders: placeholders,
                                bodyLinks: .none, rewrites: nil, metaHash: hashMeta ? parsed.map(SourceRecord.metaHash) ?? 0 : 0, body: nil, links: nil, raw: nil)
        }
        let bytes: [UInt8]
        do {
            bytes = try given ?? FileSystem.read(siteRoot + "/" + source.path)
        } catch {
            return record(Outcome(parsed: nil, diagnostics: [.error("\(error)", at: .file(source.path))]))
        }
        contentHash = StableHasher.hash(bytes)
        let text: String
        switch SourceText.decode(bytes, path: source.path) {
        case .success(let value): text = value
        case .failure(let diagnostic): return record(Outcome(parsed: nil, diagnostics: [diagnostic]))
        }
        let split: FrontMatterSplit
        switch FrontMatter.split(text, path: source.path) {
        case .success(let value): split = value
        case .failure(let diagnostic): return record(Outcome(parsed: nil, diagnostics: [diagnostic]))
        }
        var diagnostics: [Diagnostic] = []
        guard let document = DocumentDecoder.decode(kind: source.kind, id: source.id, path: source.path, split: split,
                                                     diagnostics: &diagnostics) else {
            return record(Outcome(parsed: nil, diagnostics: diagnostics))
        }
        let folder = routes.folder(ofKey: document.key) ?? ""
        var markdown = MarkdownRenderer.render(document.body, options: options) { url in
            let target: Routes.Target
            if let known = targets[url] {
                target = known
            } else {
                target = routes.target(of: url, from: source.path)
                targets[url] = target
            }
            let rewrite = routes.rewrite(target, fromFolder: folder)
            if keepRewrites { rewritten[url] = .some(rewrite) }
            return rewrite
        }
        // Later stages read the HTML, headings and links: the Markdown is dropped (and no plain text was
        // collected) so a large site is not held twice in memory, and a page restored from the cache is the same value.
        markdown.plainText = ""
        // The placeholder checks read the body's lines and the front matter's texts, so they run before those are dropped.
        let links = markdown.links
        markdown.links = []
        let placeholders = PlaceholderChecks.check(ParsedDocument(document: document, markdown: markdown), links: links)
        let withoutBody = document.droppingSource()
        let bodyDiagnostics = BodyChecks.check(ParsedDocument(document: withoutBody, markdown: markdown), links: links,
                                               unsafeHTML: unsafeHTML)
        // Only the checks above read a link's text: a large site need not keep it (nor the cache store it).
        var made = record(Outcome(parsed: ParsedDocument(document: withoutBody, markdown: markdown), diagnostics: diagnostics),
                          placeholders: placeholders, bodyDiagnostics: bodyDiagnostics)
        made.bodyLinks = BodyLinks(links: links.map { var link = $0; link.text = ""; return link }, targets: targets)
        // In the targets' order (by URL), as ParseStage.rewrites derives them.
        if keepRewrites { made.rewrites = SourceRecord.pack(rewrites: targets.keys.sorted().map { rewritten[$0] ?? nil }) }
        return made
    }
}
