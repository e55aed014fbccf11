import FuzzDriver
import Markdown

/// Target (c): any text as a Markdown body, with raw HTML escaped and allowed, and with links rewritten.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data = start else { return 0 }
    let body = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    let safe = MarkdownRenderer.render(body, options: MarkdownOptions(unsafeHTML: false)) { url in
        url.hasSuffix(".md") ? "../" + url.dropLast(3) + "/" : nil
    }
    // With raw HTML escaped, no tag an editor wrote may reach the page.
    if !safe.escapedHTML.isEmpty || body.contains("<") {
        precondition(!safe.html.contains("<script"), "raw <script> passed through escaping")
    }
    for link in safe.links { precondition(link.line >= 1 && link.column >= 1, "link without a position: \(link)") }
    for heading in safe.headings { precondition(heading.line >= 1 && (1...6).contains(heading.level)) }
    _ = MarkdownRenderer.render(body, options: MarkdownOptions(unsafeHTML: true))
    return 0
}

/// SwiftPM's name for this executable's entry point (see fuzz_driver.h).
@_cdecl("FuzzMarkdown_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    okc_fuzz_run(argc, argv, fuzzMarkdown)
}
