import FuzzDriver
import Content

/// Target (b): any text as front matter of every kind, and as site.yml, glossary.yml and strings.yml.
/// Whatever the input, decoding must end (bounded work) with values or diagnostics, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data = start else { return 0 }
    let yaml = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    var diagnostics: [Diagnostic] = []
    guard YAMLTree.parse(yaml, path: "fuzz.yml", firstLine: 2, diagnostics: &diagnostics) != nil else {
        precondition(diagnostics.hasErrors, "YAMLTree.parse failed without an error")
        return 0
    }
    // Through the splitter, as a page holds it (a '---' line inside ends the front matter early, as in a page).
    guard case .success(let split) = FrontMatter.split("---\n" + yaml + "\n---\n", path: "fuzz.md") else { return 0 }
    for kind in Kind.allCases {
        var kindDiagnostics: [Diagnostic] = []
        let document = DocumentDecoder.decode(kind: kind, id: "fuzz", path: "content/\(kind.folder)/fuzz.md", split: split,
                                              diagnostics: &kindDiagnostics)
        precondition(document != nil || kindDiagnostics.hasErrors, "no document and no error for \(kind)")
        for diagnostic in kindDiagnostics { precondition(diagnostic.line >= 0 && diagnostic.column >= 0) }
    }
    _ = SiteConfig.decode(yaml, diagnostics: &diagnostics)
    _ = GlossaryDecoder.decode(yaml, path: "content/glossary.yml", diagnostics: &diagnostics)
    _ = StringTable.decode(yaml, path: "theme/strings.yml", diagnostics: &diagnostics)
    return 0
}

/// SwiftPM's name for this executable's entry point (see fuzz_driver.h).
@_cdecl("FuzzYAML_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    okc_fuzz_run(argc, argv, fuzzYAML)
}
