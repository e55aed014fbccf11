import Content
import Graph
import Markdown
import Theme

public struct BuildOptions: Sendable {
    /// The site folder (holds `site.yml` and `content/`).
    public var siteRoot: String
    /// Where the site is written; nil for `okc check`, which writes nothing.
    public var output: String?
    /// The build's clock: what is upcoming or overdue.
    public var now: Day
    public var drafts: Bool
    /// The built-in theme folder; the site's own `theme/` overrides it file by file.
    public var themeFolder: String?

    public init(siteRoot: String, output: String?, now: Day, drafts: Bool = false, themeFolder: String? = nil) {
        self.siteRoot = siteRoot
        self.output = output
        self.now = now
        self.drafts = drafts
        self.themeFolder = themeFolder
    }
}

public struct BuildResult: Sendable {
    /// Sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    /// Paths of the files the site consists of (empty if the build failed).
    public var outputPaths: [String]
    public var pageCount: Int
    public var written: Bool
    public var failed: Bool { diagnostics.hasErrors }
}

/// Runs the stages in order: load, parse, link, check, render, emit.
public enum Site {
    public static func build(_ options: BuildOptions) -> BuildResult {
        let root = FileSystem.absolute(options.siteRoot)
        var diagnostics: [Diagnostic] = []
        func finish(_ paths: [String] = [], pages: Int = 0, written: Bool = false) -> BuildResult {
            BuildResult(diagnostics: diagnostics.sorted(), outputPaths: paths, pageCount: pages, written: written)
        }

        // load
        guard let config = loadConfig(root, &diagnostics) else { return finish() }
        let inventory = SourceInventory.scan(siteRoot: root)
        diagnostics += inventory.diagnostics
        let glossary = loadGlossary(root, inventory.glossary, &diagnostics)
        let theme = ThemeSource.load(folders: [options.themeFolder, root + "/theme"].compactMap { $0 }, siteRoot: root)
        let compiledTheme = theme.compile(diagnostics: &diagnostics)

        // parse (with load, page by page on all cores)
        let provisionalRoutes = Routes(config: config, documents: inventory.pages.map { ($0.kind, $0.id, $0.path) }, contentFiles: inventory.assets)
        let markdownOptions = MarkdownOptions(unsafeHTML: config.unsafeHTML,
                                              abbreviations: glossary.map { .init($0.abbreviation, $0.expansion) })
        let outcomes = parallelMap(inventory.pages) { DocumentStage.load($0, siteRoot: root, routes: provisionalRoutes, options: markdownOptions) }
        diagnostics += outcomes.flatMap(\.diagnostics)
        let parsed = outcomes.compactMap(\.parsed).filter { options.drafts || !$0.document.draft }

        // link: drafts have no page, while pages that failed to load keep theirs so links to them
        // do not add a second error to the first.
        let drafts = Set(outcomes.compactMap(\.parsed).filter { !options.drafts && $0.document.draft }.map(\.document.path))
        let routes = Routes(config: config, documents: inventory.pages.filter { !drafts.contains($0.path) }.map { ($0.kind, $0.id, $0.path) },
                            contentFiles: inventory.assets)
        let (graph, linkDiagnostics) = Linker.link(config: config, routes: routes, documents: parsed, glossary: glossary, now: options.now)
        diagnostics += linkDiagnostics

        // check
        for document in graph.documents {
            diagnostics += BodyChecks.check(document, unsafeHTML: config.unsafeHTML)
        }
        guard !diagnostics.hasErrors, let (templates, strings) = compiledTheme else { return finish() }

        // render and emit, file by file on all cores
        let jobs = SiteRenderer.jobs(graph, templates: templates, strings: strings)
        let copies = inventory.assets.map { (path: Routes.filesFolder + "/" + $0.dropFirst("content/".count), source: root + "/" + $0) }
            + theme.staticFiles.keys.sorted().map { (path: $0, source: theme.staticFiles[$0]!) }
        let paths = (jobs.map(\.path) + copies.map(\.path)).sorted()
        if let duplicate = zip(paths, paths.dropFirst()).first(where: { $0 == $1 }) {
            diagnostics.append(.error("two sources would write the same file '\(duplicate.0)'", at: .file(SiteConfig.path),
                                      hint: "a page id or a section name clashes with another page or folder"))
            return finish()
        }
        guard let output = options.output else { return finish(paths, pages: graph.documents.count) }
        do {
            try emit(jobs, copies: copies, paths: paths, to: FileSystem.absolute(output), siteRoot: root)
        } catch {
            diagnostics.append(.error("\(error)", at: .file(output)))
            return finish()
        }
        return finish(paths, pages: graph.documents.count, written: true)
    }

    /// Renders every job on all cores and writes each file as soon as it is made, so the site is never
    /// held in memory whole; then swaps the new site in.
    static func emit(_ jobs: [RenderJob], copies: [(path: String, source: String)], paths: [String], to output: String,
                     siteRoot: String) throws {
        let staging = try Staging(output: output, siteRoot: siteRoot, paths: paths)
        do {
            let failures = parallelMap(jobs) { job -> String? in
                do {
                    try staging.write(job.render().bytes, to: job.path)
                    return nil
                } catch {
                    return "\(error)"
                }
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw FileSystem.Failure(description: failure) }
            for copy in copies { try staging.copy(copy.source, to: copy.path) }
            try staging.commit()
        } catch {
            staging.discard()
            throw error
        }
    }

    static func loadConfig(_ root: String, _ diagnostics: inout [Diagnostic]) -> SiteConfig? {
        let path = root + "/" + SiteConfig.path
        guard FileSystem.type(path) == .file else {
            diagnostics.append(.error("no site.yml in \(root)", at: .file(SiteConfig.path),
                                      hint: "run okc in the site's folder or pass --site DIR"))
            return nil
        }
        guard let text = readText(path, display: SiteConfig.path, &diagnostics) else { return nil }
        return SiteConfig.decode(text, diagnostics: &diagnostics)
    }

    static func loadGlossary(_ root: String, _ path: String?, _ diagnostics: inout [Diagnostic]) -> [GlossaryEntry] {
        guard let path, let text = readText(root + "/" + path, display: path, &diagnostics) else { return [] }
        return GlossaryDecoder.decode(text, path: path, diagnostics: &diagnostics)
    }

    static func readText(_ path: String, display: String, _ diagnostics: inout [Diagnostic]) -> String? {
        do {
            switch SourceText.decode(try FileSystem.read(path), path: display) {
            case .success(let text): return text
            case .failure(let diagnostic): diagnostics.append(diagnostic); return nil
            }
        } catch {
            diagnostics.append(.error("\(error)", at: .file(display)))
            return nil
        }
    }
}
