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
    private let graph: SiteGraph
    private let strings: Strings
    private let folder: String
    private let make: @Sendable (ViewContext) -> String

    init(path: String, documentKey: String? = nil, graph: SiteGraph, strings: Strings, folder: String,
         make: @escaping @Sendable (ViewContext) -> String) {
        self.path = path
        self.documentKey = documentKey
        self.graph = graph
        self.strings = strings
        self.folder = folder
        self.make = make
    }

    /// The file's text (UTF-8 is what is written) and every fact of the graph it was made from.
    public func render() -> (text: String, facts: [Fact]) {
        let log = FactLog()
        let text = make(ViewContext(graph: graph, strings: strings, folder: folder, log: log))
        return (text, log.facts)
    }
}
