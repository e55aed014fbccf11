import Content
import Graph
import Markdown
import Theme

/// The load and parse stages for every page, on all cores, taking from the cache what is still valid:
/// a page whose file has the recorded stamp (or, failing that, the recorded content hash) is not read
/// or parsed again, as long as the links in its body still resolve as they did.
struct ParseStage {
    let siteRoot: String
    let routes: Routes
    let options: MarkdownOptions
    let unsafeHTML: Bool
    /// The previous build's records; dropped once `run` has taken what it reuses.
    var cache: SourceCache?
    /// The set of pages and files links can point at; when it equals the cache's, no link changed target.
    let routesFingerprint: UInt64
    /// For a large site: where each fresh page's body goes as soon as it is rendered (see BuildCache.offloadBodies).
    var offload: BodyStore? = nil
    /// Whether records get their meta hash: a build without a cache never reads it, and encoding every
    /// document to hash it was ~2% of a full build.
    var hashesMeta = true

    static func fingerprint(_ inventory: SourceInventory) -> UInt64 { fingerprint(inventory.pages, assets: inventory.assets) }

    static func fingerprint(_ pages: [SourceInventory.PageSource], assets: [String]) -> UInt64 {
        var hasher = StableHasher()
        for page in pages { hasher.combine(page.path) }
        hasher.combine(-1)
        for asset in assets { hasher.combine(asset) }
        return hasher.finalize()
    }

    func run(_ inventory: SourceInventory) -> [SourceRecord] {
        parallelMap(inventory.pages) { source in
            let stamp = inventory.stamps[source.path]
            if let record = cache?.record(source.path), linksStillResolve(record) {
                if let stamp, !record.racy, stamp == record.stamp { return record }
                // The stamp says nothing: the content decides.
                if let bytes = try? FileSystem.read(siteRoot + "/" + source.path) {
                    if StableHasher.hash(bytes) == record.contentHash {
                        var same = record
                        same.stamp = stamp ?? .none
                        same.raw = nil
                        return same
                    }
                    return fresh(source, bytes: bytes, stamp: stamp)
                }
            }
            return fresh(source, bytes: nil, stamp: stamp)
        }
    }

    private func fresh(_ source: SourceInventory.PageSource, bytes: [UInt8]?, stamp: FileSystem.Stamp?) -> SourceRecord {
        // The cache stores each link's rewrite; kept from the parse below the bodies-in-memory limit (~0.5 KB a
        // page until saved), derived again when saving above it.
        var record = DocumentStage.load(source, bytes: bytes, stamp: stamp, siteRoot: siteRoot, routes: routes, options: options,
                                        unsafeHTML: unsafeHTML, hashMeta: hashesMeta, keepRewrites: hashesMeta && offload == nil)
        if let offload, let html = record.outcome.parsed?.markdown.html, let ref = offload.append(html) {
            record.body = ref
            record.outcome.parsed!.markdown.html = ""
        }
        return record
    }

    private func linksStillResolve(_ record: SourceRecord) -> Bool {
        guard let cache, cache.routesFingerprint != routesFingerprint else { return true }
        guard let parsed = record.outcome.parsed else { return true }
        let folder = routes.folder(ofKey: parsed.document.key) ?? ""
        let results = record.rewrites.flatMap(SourceRecord.unpack(rewrites:)) ?? Self.rewriteResults(record, routes: routes)
        let targets = record.bodyLinks.targets
        return targets.count == results.count
            && zip(targets, results).allSatisfy { routes.rewrite($0.url, from: record.path, fromFolder: folder) == $1 }
    }

    /// The URL each link of a freshly parsed page was rewritten to, packed as the cache keeps them: one
    /// per link target, in the targets' order (the rewrite of a target is what the parse gave the link).
    static func rewrites(_ record: SourceRecord, routes: Routes) -> [UInt8] {
        SourceRecord.pack(rewrites: record.outcome.parsed == nil ? [] : rewriteResults(record, routes: routes))
    }

    private static func rewriteResults(_ record: SourceRecord, routes: Routes) -> [String?] {
        let folder = record.outcome.parsed.flatMap { routes.folder(ofKey: $0.document.key) } ?? ""
        return record.bodyLinks.targets.map { routes.rewrite($0.target, fromFolder: folder) }
    }

    /// Each page's body: from memory when parsed by this build, else read back from the cache's body
    /// file; if the cache lost it, the page is parsed again.
    func bodySource(_ records: [SourceRecord], store: BodyStore?) -> SiteRenderer.BodySource {
        var restored: [String: (BodyRef, SourceInventory.PageSource)] = [:]
        for record in records {
            guard let parsed = record.outcome.parsed, let body = record.body else { continue }
            let document = parsed.document
            restored[document.key] = (body, SourceInventory.PageSource(kind: document.kind, id: document.id, path: document.path))
        }
        let stage = self
        return { [restored] parsed in
            guard let (ref, source) = restored[parsed.document.key] else { return parsed.markdown.html }
            if let html = store?.read(ref) { return html }
            return DocumentStage.load(source, stamp: nil, siteRoot: stage.siteRoot, routes: stage.routes, options: stage.options,
                                      unsafeHTML: stage.unsafeHTML).outcome.parsed?.markdown.html ?? ""
        }
    }
}
