import FuzzDriver
import Content

/// Target (a): any bytes through the text check and the front matter split, as the load stage runs them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data = start else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    guard case .success(let text) = SourceText.decode(bytes, path: "content/pages/fuzz.md") else { return 0 }
    // The decoded text must be valid, BOM-free and LF-only: every later stage relies on it.
    precondition(!text.contains("\r"), "CR survived SourceText.decode")
    precondition(!text.hasPrefix("\u{FEFF}"), "BOM survived SourceText.decode")
    if case .success(let split) = FrontMatter.split(text, path: "content/pages/fuzz.md") {
        precondition(split.yamlLine == 2 && split.bodyLine >= 3, "split lines out of range")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        precondition(split.bodyLine <= lines + 1, "body starts after the end of the file")
    }
    return 0
}

/// SwiftPM's name for this executable's entry point (see fuzz_driver.h).
@_cdecl("FuzzFrontMatter_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    okc_fuzz_run(argc, argv, fuzzFrontMatter)
}
