import CMark
import Foundation

/// Process-wide cmark-gfm state that must be touched carefully (see docs/cmark-gfm-notes.md).
enum CMarkSession {
    /// `cmark_gfm_core_extensions_ensure_registered` is not thread-safe: run it exactly once.
    static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// `cmark_parser_finish` flips global character tables; two threads finishing at once silently
    /// drop strikethrough and autolinks. Only this call is serialised.
    static let finishLock = NSLock()

    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// The node type the table extension registered; extension types are not in the public headers.
    static let tableNodeType: cmark_node_type = {
        _ = registered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return CMARK_NODE_NONE }
        defer { cmark_parser_free(parser) }
        if let table = cmark_find_syntax_extension("table") { cmark_parser_attach_syntax_extension(parser, table) }
        let source = "| a |\n|---|\n"
        cmark_parser_feed(parser, source, source.utf8.count)
        finishLock.lock()
        let document = cmark_parser_finish(parser)
        finishLock.unlock()
        defer { cmark_node_free(document) }
        guard let first = cmark_node_first_child(document) else { return CMARK_NODE_NONE }
        return cmark_node_get_type(first)
    }()
}
