import FuzzDriver
import Content
import Graph
import Markdown

/// Target (d): one page through the whole per-page pipeline of the build (load, parse, body checks),
/// as `DocumentStage.load` runs it, with links rewritten against a small site's routes.
let config: SiteConfig = {
    var diagnostics: [Diagnostic] = []
    return SiteConfig.decode("title: Fuzz\nbase_url: https://example.org/\n", diagnostics: &diagnostics)!
}()

let routes = Routes(config: config,
                    documents: [(.page, "om", "content/pages/om.md"), (.meeting, "m", "content/meetings/m.md")],
                    contentFiles: ["content/pages/bild.png"])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPage(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data = start else { return 0 }
    guard count > 0 else { return 0 }
    // The first byte picks the kind, so every kind's decoder sees every input shape.
    let kind = Kind.allCases[Int(data[0]) % Kind.allCases.count]
    let path = "content/\(kind.folder)/fuzz.md"
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: count - 1))
    guard case .success(let text) = SourceText.decode(bytes, path: path),
          case .success(let split) = FrontMatter.split(text, path: path) else { return 0 }
    var diagnostics: [Diagnostic] = []
    guard let document = DocumentDecoder.decode(kind: kind, id: "fuzz", path: path, split: split, diagnostics: &diagnostics) else {
        return 0
    }
    let folder = config.section(kind).isEmpty ? "fuzz/" : config.section(kind) + "/fuzz/"
    let markdown = MarkdownRenderer.render(document.body, options: MarkdownOptions()) { url in
        routes.rewrite(url, from: path, fromFolder: folder)
    }
    let parsed = ParsedDocument(document: document, markdown: markdown)
    // Body diagnostics point into the body, at a column of the line as an editor counts it.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for diagnostic in BodyChecks.check(parsed, unsafeHTML: false) {
        precondition(diagnostic.line >= document.bodyLine && diagnostic.line <= lines.count, "\(diagnostic.formatted) is outside the body")
        let scalars = lines[diagnostic.line - 1].unicodeScalars.count
        precondition(diagnostic.column >= 1 && diagnostic.column <= scalars + 1, "\(diagnostic.formatted) is outside its line")
    }
    return 0
}

/// SwiftPM's name for this executable's entry point (see fuzz_driver.h).
@_cdecl("FuzzPage_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    okc_fuzz_run(argc, argv, fuzzPage)
}
