import FuzzDriver
import Content

/// Target (b): any text as front matter of every kind, and as site.yml, glossary.yml and strings.yml.
/// Whatever the input, decoding must end (bounded work) with values or diagnostics, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data = start else { return 0 }
    let yaml = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    var diagnostics: [Diagnostic] = []
    let parsed = YAMLTree.parse(yaml, path: "fuzz.yml", firstLine: 2, diagnostics: &diagnostics)
    checkPlaces(diagnostics, yaml: yaml, firstLine: 2)
    guard parsed != nil else {
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
        checkPlaces(kindDiagnostics, yaml: split.yaml, firstLine: split.yamlLine)
    }
    _ = SiteConfig.decode(yaml, diagnostics: &diagnostics)
    _ = GlossaryDecoder.decode(yaml, path: "content/glossary.yml", diagnostics: &diagnostics)
    _ = StringTable.decode(yaml, path: "theme/strings.yml", diagnostics: &diagnostics)
    return 0
}

/// Every diagnostic points into the YAML it is about (or at the whole file): an editor must find the place.
/// Only for text the load stage could hand over: it turns CR into LF before anything parses.
func checkPlaces(_ diagnostics: [Diagnostic], yaml: String, firstLine: Int) {
    guard !yaml.contains("\r") else { return }
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    for diagnostic in diagnostics where diagnostic.line != 0 {
        precondition(diagnostic.line >= firstLine && diagnostic.line < firstLine + lines.count,
                     "\(diagnostic.formatted) is outside lines \(firstLine)...\(firstLine + lines.count - 1)")
        precondition(diagnostic.column >= 1 && diagnostic.column <= lines[diagnostic.line - firstLine].unicodeScalars.count + 1,
                     "\(diagnostic.formatted) is outside its line")
    }
}

/// SwiftPM's name for this executable's entry point (see fuzz_driver.h).
@_cdecl("FuzzYAML_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    okc_fuzz_run(argc, argv, fuzzYAML)
}
