import Content
import Dispatch
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
    /// Indexes the finished site for search before it is swapped in; nil for no search index.
    public var searchIndexer: SearchIndexer?
    /// Placeholders and leftovers (`Skriv …`, links to `#`, TODO) are errors instead of warnings.
    public var strict: Bool
    /// Where the incremental build keeps its cache (`<site>/.okc-cache`); nil builds everything afresh.
    /// `okc check` reads the cache but does not write it.
    public var cacheFolder: String?
    /// For tests: render every file the cache would reuse as well, and report any that differs (an error
    /// naming the file: a fact the views read without recording it).
    public var verifyIncremental = false
    /// Called with the result while the build still holds its data. A command that reports and exits
    /// (`okc build`, `okc check`) exits here: freeing the model of 10,000 pages took 30 ms, 7% of an
    /// incremental build, for memory the system takes back at exit anyway.
    public var finishing: (@Sendable (BuildResult) -> Void)?
    /// Above this many pages (with a cache), bodies wait in the cache's body file instead of memory.
    var bodiesInMemoryLimit = BuildCache.bodiesInMemoryLimit

    public init(siteRoot: String, output: String?, now: Day, drafts: Bool = false, themeFolder: String? = nil,
                searchIndexer: SearchIndexer? = nil, strict: Bool = false, cacheFolder: String? = nil) {
        self.siteRoot = siteRoot
        self.output = output
        self.now = now
        self.drafts = drafts
        self.themeFolder = themeFolder
        self.searchIndexer = searchIndexer
        self.strict = strict
        self.cacheFolder = cacheFolder
    }
}

public struct BuildResult: Sendable {
    /// Sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    /// Paths of the files the site consists of (empty if the build failed).
    public var outputPaths: [String]
    public var pageCount: Int
    public var written: Bool
    /// Files rendered by this build; the others were reused from the previous build or copied.
    public var renderedCount = 0
    /// Of the previous build's facts, how many were valued again to decide what to render, and how
    /// many there were (nil: none were used).
    public var factsValued: (valued: Int, recorded: Int)? = nil
    public var failed: Bool { diagnostics.hasErrors }
}

/// Runs the stages in order: load, parse, link, check, render, emit.
public enum Site {
    public static func build(_ options: BuildOptions) -> BuildResult {
        let root = FileSystem.absolute(options.siteRoot)
        let clock = StageClock.shared
        clock.lap("start")
        var diagnostics: [Diagnostic] = []
        var rendered = 0
        var factsValued: (valued: Int, recorded: Int)? = nil
        var saving: Background<Void>? = nil
        func finish(_ paths: [String] = [], pages: Int = 0, written: Bool = false) -> BuildResult {
            saving?.wait()
            clock.lap("finish")
            let result = BuildResult(diagnostics: diagnostics.sorted(), outputPaths: paths, pageCount: pages, written: written,
                                     renderedCount: rendered, factsValued: factsValued)
            options.finishing?(result)
            return result
        }

        // load
        let configText = readText(root + "/" + SiteConfig.path, display: SiteConfig.path, missingIsError: true, &diagnostics)
        guard let configText, let config = SiteConfig.decode(configText, diagnostics: &diagnostics) else { return finish() }
        // The previous build's page records are read meanwhile.
        let readAhead = options.cacheFolder.map { BuildCache.readAhead(folder: FileSystem.absolute($0), siteRoot: root, config: configText) }
        // The theme is read and compiled while the content folder is scanned.
        let themeFolders = [options.themeFolder, root + "/theme"].compactMap { $0 }
        let (inventory, (theme, compiledTheme, themeDiagnostics)) = parallelPair({ SourceInventory.scan(siteRoot: root) }, {
            let theme = ThemeSource.load(folders: themeFolders, siteRoot: root)
            var diagnostics: [Diagnostic] = []
            let compiled = theme.compile(diagnostics: &diagnostics)
            return (theme, compiled, diagnostics)
        })
        // Above the bodies-in-memory limit, memory is the constraint: bodies go to the cache's file as they are
        // parsed, the records are saved before rendering, and freed memory is handed back between stages.
        let large = inventory.pages.count > options.bodiesInMemoryLimit
        diagnostics += inventory.diagnostics
        let glossaryText = inventory.glossary.flatMap { readText(root + "/" + $0, display: $0, missingIsError: false, &diagnostics) }
        let glossary = glossaryText.map { GlossaryDecoder.decode($0, path: inventory.glossary!, diagnostics: &diagnostics) } ?? []
        diagnostics += themeDiagnostics
        clock.lap("read")
        let cache = options.cacheFolder.map {
            BuildCache(folder: FileSystem.absolute($0), config: configText, glossary: glossaryText, theme: theme, options: options,
                       preloaded: readAhead)
        }
        clock.lap("load")

        // parse (with load and the body checks, page by page on all cores; unchanged pages from the cache)
        let provisionalRoutes = Routes(config: config, documents: inventory.pages.map { ($0.kind, $0.id, $0.path) }, contentFiles: inventory.assets)
        let markdownOptions = MarkdownOptions(unsafeHTML: config.unsafeHTML,
                                              abbreviations: glossary.map { .init($0.abbreviation, $0.expansion) }, plainText: false)
        var parse = ParseStage(siteRoot: root, routes: provisionalRoutes, options: markdownOptions, unsafeHTML: config.unsafeHTML,
                               cache: cache?.takeSources(), routesFingerprint: ParseStage.fingerprint(inventory))
        parse.hashesMeta = cache != nil
        var bodies = cache?.bodies
        if let cache, options.output != nil, large, let target = cache.offloadTarget() {
            bodies = target
            parse.offload = target.store
        }
        var records = parse.run(inventory)
        // The reused records are in `records` now: the cache's table of them goes, freed on another core
        // (10,000 records took 10 ms to free, on the path of an incremental build).
        if let table = parse.cache {
            parse.cache = nil
            freeElsewhere(table)
        }
        diagnostics += records.flatMap(\.outcome.diagnostics)
        clock.lap("parse")

        // The previous output manifest is read meanwhile (for a site whose memory is not the constraint).
        let output = options.output.map(FileSystem.absolute)
        let manifest = !large ? output.flatMap { cache?.prefetchManifest(output: $0) } : nil
        let (graph, routes) = link(&records, inventory: inventory, config: config, glossary: glossary, options: options,
                                   keepResults: cache != nil, allPagesRoutes: provisionalRoutes, diagnostics: &diagnostics)
        FreedMemory.release(large)
        clock.lap("link")

        // check: the body checks ran with the parse; their findings count for the pages that are built
        let built = Set(graph.documents.map(\.document.path))
        for record in records where built.contains(record.path) {
            diagnostics += record.bodyDiagnostics
            diagnostics += options.strict ? record.placeholders.map { var strict = $0; strict.severity = .error; return strict } : record.placeholders
        }
        if let cache, options.output != nil {
            // Written while the site renders, on the cores rendering leaves idle; a large site writes
            // it first, so that its records are not held through rendering.
            if !large {
                saving = Background { [records, parse, bodies] in cache.saveSources(records, parse: parse, bodies: bodies) }
            } else {
                cache.saveSources(records, parse: parse, bodies: bodies)
            }
        }
        FreedMemory.release(large)
        clock.lap("save sources")
        guard !diagnostics.hasErrors, let (templates, strings) = compiledTheme else { return finish() }

        clock.lap("check")
        // render and emit, file by file on all cores
        // What rendering needs of the records is taken (two walks over every record, at once); the rest
        // of them (rewrites, diagnostics, link results) is freed before the largest stage.
        let store = bodies?.store
        let (body, hashes) = parallelPair({ [records, parse] in parse.bodySource(records, store: store) },
                                          { [records, parse] in
                                              cache == nil ? .init() : BuildCache.hashes(records, routesFingerprint: parse.routesFingerprint) })
        records = []
        let jobs = SiteRenderer.jobs(graph, templates: templates, strings: strings, body: body)
        let copies = inventory.assets.map { (path: Routes.filesFolder + "/" + $0.dropFirst("content/".count), source: root + "/" + $0) }
            + theme.staticFiles.keys.sorted().map { (path: $0, source: theme.staticFiles[$0]!) }
        let paths = (jobs.map(\.path) + copies.map(\.path)).sorted()
        if let duplicate = zip(paths, paths.dropFirst()).first(where: { $0 == $1 })?.0 {
            // Name the page whose address clashes (with a section's list page, a renamed section, a file):
            // its file is what the editor renames.
            let page = graph.documents.first { (routes.folder(ofKey: $0.document.key) ?? "") + "index.html" == duplicate }
            diagnostics.append(.error("two sources would write the same file '\(duplicate)'", at: .file(page?.document.path ?? SiteConfig.path),
                                      hint: page == nil ? "a page id or a section name clashes with another page or folder"
                                                        : "rename this file, or give the section another name in site.yml ('sections:')"))
            return finish()
        }
        FreedMemory.release(large)
        clock.lap("jobs")
        guard let output else { return finish(paths, pages: graph.documents.count) }
        do {
            if let cache {
                let outcome = try cache.emit(jobs: jobs, copies: copies, paths: paths, graph: graph, hashes: hashes, output: output,
                                             siteRoot: root, trimsMemory: large, previous: manifest, beforeSwap: options.searchIndexer?.index)
                rendered = outcome.rendered
                factsValued = outcome.factsValued
                diagnostics += outcome.diagnostics
            } else {
                try emit(jobs, copies: copies, paths: paths, to: output, siteRoot: root, trimsMemory: large, beforeSwap: options.searchIndexer?.index)
                rendered = paths.count
            }
        } catch {
            diagnostics.append(.error("\(error)", at: .file(options.output!)))
            return finish()
        }
        // The site's model is large (a tenth of an incremental build goes to freeing it): the last
        // reference is dropped on another thread, so the caller, or the process's exit, need not wait.
        freeElsewhere(Leftovers(graph: graph, jobs: jobs, cache: cache))
        return finish(paths, pages: graph.documents.count, written: true)
    }

    /// The link stage. Drafts have no page, while pages that failed to load keep theirs so links to
    /// them do not add a second error to the first. With `keepResults`, each record gets what the stage
    /// found on its page. A function of its own: its tables (a large site's are tens of MB) are freed
    /// when it returns, not at the end of the build. `allPagesRoutes`: the routes of every page of the
    /// inventory, which are the final ones when no page is left out as a draft.
    static func link(_ records: inout [SourceRecord], inventory: SourceInventory, config: SiteConfig, glossary: [GlossaryEntry],
                     options: BuildOptions, keepResults: Bool, allPagesRoutes: Routes, diagnostics: inout [Diagnostic]) -> (SiteGraph, Routes) {
        // The records of the pages to link, by position.
        // Read in place (a page's ParsedDocument copied is a retain of each of its parts).
        let isDraft = records.indices.map { records[$0].outcome.parsed?.document.draft }
        let linked = records.indices.filter { isDraft[$0].map { options.drafts || !$0 } ?? false }
        let parsed = linked.map { records[$0].outcome.parsed! }
        let drafts = options.drafts ? [] : Set(records.indices.filter { isDraft[$0] == true }.map { records[$0].path })
        // Without drafts, every page (no hash of each path into an empty set).
        let published = drafts.isEmpty ? inventory.pages : inventory.pages.filter { !drafts.contains($0.path) }
        let routes = drafts.isEmpty ? allPagesRoutes
                                    : Routes(config: config, documents: published.map { ($0.kind, $0.id, $0.path) }, contentFiles: inventory.assets)
        StageClock.shared.lap("routes")
        // A page unchanged since the last build, in an unchanged universe of pages, keeps what the link
        // stage found on it then (only pages restored from the cache offer it).
        let finalRoutes = ParseStage.fingerprint(published, assets: inventory.assets)
        let (graph, linkDiagnostics, pageLinks) = Linker.link(config: config, routes: routes, documents: parsed, glossary: glossary,
                                                              now: options.now, routesFingerprint: finalRoutes,
                                                              bodyLinks: linked.map { records[$0].bodyLinks },
                                                              known: linked.map { records[$0].links })
        diagnostics += linkDiagnostics
        if keepResults {
            for (i, found) in zip(linked, pageLinks.pages) {
                if records[i].links?.universe != pageLinks.universe { records[i].raw = nil }
                records[i].links = (pageLinks.universe, found)
            }
        }
        return (graph, routes)
    }

    /// Renders every job on all cores and writes each file as soon as it is made, so the site is never
    /// held in memory whole; then swaps the new site in.
    static func emit(_ jobs: [RenderJob], copies: [(path: String, source: String)], paths: [String], to output: String,
                     siteRoot: String, trimsMemory: Bool, beforeSwap: ((String) throws -> Void)? = nil) throws {
        let staging = try Staging(output: output, siteRoot: siteRoot, paths: paths)
        do {
            // Site-wide files (registers, open data) one at a time: each holds hundreds of MB while made.
            let failures = parallelMap(jobs, oneLargeAtATime: { $0.documentKey == nil }) { job -> String? in
                // What the site-wide file before this one freed goes back first (see FreedMemory).
                if job.documentKey == nil { FreedMemory.release(trimsMemory) }
                do {
                    try staging.write(job.render().text, to: job.path)
                    return nil
                } catch {
                    return "\(error)"
                }
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw FileSystem.Failure(description: failure) }
            for copy in copies { try staging.copy(copy.source, to: copy.path) }
            try staging.commit(beforeSwap: beforeSwap)
            FileSystem.remove(staging.folder) // the previous site, if there was one
        } catch {
            staging.discard()
            throw error
        }
    }

    static func readText(_ path: String, display: String, missingIsError: Bool, _ diagnostics: inout [Diagnostic]) -> String? {
        if missingIsError, FileSystem.type(path) != .file {
            diagnostics.append(.error("no site.yml in \(path.dropLast(display.count + 1))", at: .file(display),
                                      hint: "run okc in the site's folder or pass --site DIR"))
            return nil
        }
        return readText(path, display: display, &diagnostics)
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

/// Drops `value` on another thread, which (starting a moment later) holds its last reference: the
/// caller goes on instead of waiting for a large model to be freed.
func freeElsewhere<T: Sendable>(_ value: T) {
    DispatchQueue.global(qos: .background).async { withExtendedLifetime(value) {} }
}

/// What a build made and no longer needs, to be freed off the caller's thread.
private struct Leftovers: Sendable {
    let graph: SiteGraph
    let jobs: [RenderJob]
    let cache: BuildCache?
}
