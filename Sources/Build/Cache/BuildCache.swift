import Content
import Synchronization
import Foundation
import Graph
import Theme

/// The incremental build's cache, `<site>/.okc-cache/` (see docs/architecture.md, "Incremental builds").
///
/// - `sources.bin` + `bodies-<n>.bin`: what the load, parse and check stages made of each page, keyed by
///   the parse key (okc itself, `site.yml`, the glossary).
/// - `outputs.bin`: what each output file read and its hash, keyed by the output folder; the facts' values
///   count only under the same render key (parse key, theme, `--drafts`).
///
/// Every file carries a checksum and its key: anything damaged, stale or foreign is ignored and the
/// build does the work instead. Writing the cache can fail without failing the build.
final class BuildCache: Sendable {
    let folder: String
    let parseKey: UInt64
    let renderKey: UInt64
    let verify: Bool
    /// The previous build's page records, handed to the parse stage once (`takeSources`) so that they
    /// are freed when it is done with them: a large site's are hundreds of megabytes.
    private let sources: Mutex<SourceCache?>
    /// The body file this build reads and appends to: the cache's, unless `offloadTarget` started one.
    let bodies: (store: BodyStore, generation: Int)?
    /// The stamp of the `sources.bin` read (its unchanged records are copied from it when saved).
    private let sourcesFile: FileSystem.Stamp?
    private let buildStart = IncrementalEmit.now()

    /// `preloaded`: the page records read ahead under a key guessed before the folder was scanned
    /// (`readAhead`); used only if that key is this build's.
    init(folder: String, config: String, glossary: String?, theme: ThemeSource, options: BuildOptions,
         preloaded: Background<(key: UInt64, cache: SourceCache?)>? = nil) {
        self.folder = folder
        parseKey = Self.parseKey(config: config, glossary: glossary)
        var render = StableHasher()
        render.combine(parseKey)
        for name in theme.templates.keys.sorted() {
            render.combine(name)
            render.combine(theme.templates[name]!.text)
        }
        render.combine(theme.stringsText)
        render.combine(options.drafts ? 1 : 0)
        renderKey = render.finalize()
        verify = options.verifyIncremental
        let ahead = preloaded?.take()
        let loaded = ahead?.key == parseKey ? ahead!.cache : SourceCache.load(folder: folder, key: parseKey)
        bodies = loaded.flatMap { cache in cache.bodies.map { ($0, cache.generation) } }
        sourcesFile = loaded?.fileStamp
        sources = Mutex(loaded)
    }

    /// What the page records depend on besides the pages: okc itself, `site.yml` and the glossary.
    static func parseKey(config: String, glossary: String?) -> UInt64 {
        var parse = StableHasher()
        parse.combine(BuildCache.okcIdentity)
        parse.combine(config)
        parse.combine(glossary)
        return parse.finalize()
    }

    /// The previous build's page records, read on another thread while the site's folder is scanned.
    /// The glossary can only be `content/glossary.yml`: its text is read ahead to make the key, and
    /// `init` checks that the key is the one the scanned site gives.
    static func readAhead(folder: String, siteRoot: String, config: String) -> Background<(key: UInt64, cache: SourceCache?)> {
        Background(helped: { desk in
            let bytes = try? FileSystem.read(siteRoot + "/" + SourceInventory.glossaryPath)
            let glossary = bytes.flatMap { try? SourceText.decode($0, path: SourceInventory.glossaryPath).get() }
            let key = parseKey(config: config, glossary: glossary)
            return (key, SourceCache.load(folder: folder, key: key, desk: desk))
        })
    }

    /// okc's own version: the cache format and the executable that wrote it (its size and time, so that
    /// a rebuilt okc never reads what an older one wrote).
    static let okcIdentity: String = {
        // The program as started (argv[0], searched in PATH when it is a bare name): under a profiler
        // /proc/self/exe is the profiler.
        let name = CommandLine.arguments.first ?? ""
        let candidates = name.contains("/") ? [name]
            : (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { $0 + "/" + name }
        let stamp = candidates.lazy.compactMap { FileSystem.stamp($0) }.first ?? FileSystem.stamp("/proc/self/exe")
        return "okc cache \(CacheFile.version).\(BinaryFormat.version) \(stamp?.size ?? 0) \(stamp?.modified ?? 0)"
    }()

    /// The previous build's records (nil the second time).
    func takeSources() -> SourceCache? {
        sources.withLock { sources in
            defer { sources = nil }
            return sources
        }
    }

    /// Sites larger than this keep their bodies in the cache's body file, not in memory, from the end of
    /// the parse stage; each page reads its own back while rendering. Below it, memory is cheaper.
    static let bodiesInMemoryLimit = 15_000

    /// The body file a large site's parse stage writes each body to as soon as it is rendered, so that
    /// memory is bounded by the site's model, not by all of its HTML. Nil if it cannot be written.
    func offloadTarget() -> (store: BodyStore, generation: Int)? {
        guard (try? FileSystem.makeDirectory(folder)) != nil else { return nil }
        if let bodies { return bodies }
        return BodyStore(path: SourceCache.bodiesPath(folder, generation: 1), fresh: true).map { ($0, 1) }
    }

    func saveSources(_ records: [SourceRecord], parse: ParseStage, bodies active: (store: BodyStore, generation: Int)?) {
        guard (try? FileSystem.makeDirectory(folder)) != nil else { return }
        try? SourceCache.save(records, routes: parse.routes, routesFingerprint: parse.routesFingerprint, bodies: active ?? bodies, folder: folder, key: parseKey,
                              buildStart: buildStart, previousFile: sourcesFile)
    }

    /// The manifest describes the output folder's files, whatever inputs made them.
    static func manifestKey(output: String) -> UInt64 {
        var key = StableHasher()
        key.combine(BuildCache.okcIdentity)
        key.combine(output)
        return key.finalize()
    }

    /// The previous build's output manifest, read on another thread while the link stage runs.
    func prefetchManifest(output: String) -> Background<OutputManifest?> {
        let folder = folder
        return Background { OutputManifest.load(folder: folder, output: output, key: BuildCache.manifestKey(output: output)) }
    }

    /// Renders what changed, reuses the rest, swaps the new site in and records what it read.
    /// Each page's `.document` and `.body` fact values, by key (all the render half needs of the records).
    /// What the fact hasher needs of the records, taken before they are freed.
    struct RecordHashes: Sendable {
        /// Key → hash of the document's front matter and headings, and of its rendered body.
        var documents: [String: (meta: UInt64, body: UInt64)] = [:]
        /// Everything of the pages the graph is made from: which pages and files exist, each page's
        /// front matter and headings, and the backlinks its links and references make (as the link
        /// stage found them). The build's clock is added by `emit`; the configuration, the glossary
        /// and `--drafts` are in the render key.
        var graphInputs: UInt64 = 0
    }

    static func hashes(_ records: [SourceRecord], routesFingerprint: UInt64) -> RecordHashes {
        var hashes = RecordHashes()
        var inputs = StableHasher()
        inputs.combine(routesFingerprint)
        hashes.documents.reserveCapacity(records.count)
        // By position: a copy of each record retained all of its parts.
        for i in records.indices {
            guard let key = records[i].outcome.parsed?.document.key else { continue }
            hashes.documents[key] = (records[i].metaHash, records[i].body?.hash ?? StableHasher.hashUTF8(records[i].outcome.parsed!.markdown.html))
            inputs.combine(records[i].path)
            inputs.combine(records[i].metaHash)
            // What the graph takes from a body: the backlinks its links make (where each link sits on
            // the page only places diagnostics, which are not facts).
            inputs.combine(records[i].links?.links.backlinksHash ?? 0)
        }
        hashes.graphInputs = inputs.finalize()
        return hashes
    }

    func emit(jobs: [RenderJob], copies: [(path: String, source: String)], paths: [String], graph: SiteGraph,
              hashes: RecordHashes, output: String, siteRoot: String, trimsMemory: Bool = false,
              previous: Background<OutputManifest?>? = nil, beforeSwap: ((String) throws -> Void)? = nil) throws -> IncrementalEmit.Outcome {
        var listed = StableHasher()
        for path in jobs.map(\.path) where path != "sitemap.xml" && path != "robots.txt" { listed.combine(path) }
        var graphKey = StableHasher()
        graphKey.combine(hashes.graphInputs)
        graphKey.combine(graph.now.iso)
        let hasher = FactHasher(graph: graph, documentHashes: hashes.documents, outputPathsHash: listed.finalize(),
                                graphKey: graphKey.finalize())
        let manifestKey = Self.manifestKey(output: output)
        let emit = IncrementalEmit(output: output, siteRoot: siteRoot, cacheFolder: folder, renderKey: renderKey, verify: verify,
                                   trimsMemory: trimsMemory)
        // The previous manifest is read in the call (or taken from the read started earlier), so it is
        // freed before the next one is written.
        let outcome = try emit.run(jobs: jobs, copies: copies, paths: paths, hasher: hasher,
                                   previous: previous.map { $0.take() } ?? OutputManifest.load(folder: folder, output: output, key: manifestKey),
                                   beforeSwap: beforeSwap)
        StageClock.shared.lap("tree")
        if (try? FileSystem.makeDirectory(folder)) != nil {
            try? outcome.manifest.save(folder: folder, output: output, key: manifestKey)
        }
        StageClock.shared.lap("manifest")
        return outcome
    }
}
