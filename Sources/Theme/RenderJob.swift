import Content
import Graph

/// One file of the site, not yet rendered: where it goes and how to make it. Jobs are independent,
/// so the build renders them on all cores, skips the ones an incremental build can reuse, and writes
/// each as soon as it is made instead of holding the whole site in memory. A class: the emit stage hands
/// jobs to its workers, and copying a struct retained each of its fields.
public final class RenderJob: Sendable {
    public let path: String
    /// The document whose page this is; nil for lists, registers, feeds and other site-wide files.
    public let documentKey: String?
    private let site: Site
    private let folder: String
    private let make: @Sendable (ViewContext) -> String

    /// What every job of a build renders from, held once: a large site has 100,000 jobs, and the strings
    /// (and, while the graph was a struct, the graph) copied into each were ~1 KB a job.
    final class Site: Sendable {
        let graph: SiteGraph
        let strings: Strings
        let shell: PageShell.Parts?

        init(graph: SiteGraph, strings: Strings) {
            self.graph = graph
            self.strings = strings
            shell = PageShell.Parts(graph: graph, strings: strings)
        }
    }

    init(path: String, documentKey: String? = nil, site: Site, folder: String, make: @escaping @Sendable (ViewContext) -> String) {
        self.path = path
        self.documentKey = documentKey
        self.site = site
        self.folder = folder
        self.make = make
    }

    /// The file's text (UTF-8 is what is written) and every fact of the graph it was made from.
    public func render() -> (text: String, facts: RecordedFacts) {
        let log = FactLog()
        let text = make(ViewContext(graph: site.graph, strings: site.strings, folder: folder, log: log, shell: site.shell))
        return (text, log.recorded)
    }
}
