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
}
