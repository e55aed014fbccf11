import Build
import Content
import FuzzDriver
import Foundation

/// Target (e): a few fuzzed pages added to a small site (fuzz/site/, whose pages they can reference),
/// through the whole build: the link stage and the registers run on sites with errors (every mistake is
/// reported at once), and a site that checks clean is rendered. A meeting without a date stopped okc in
/// the registers, after every per-page target had passed it.
///
/// The input is up to four pages separated by NUL bytes; each page's first byte picks its kind, and the
/// page is `content/<kind>/fuzz-<n>.md`. FuzzRegressionTests replays inputs the same way.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let site = NSTemporaryDirectory() + "okc-fuzz-site-\(getpid())"
let verbose = ProcessInfo.processInfo.environment["OKC_FUZZ_VERBOSE"] == "1"

let setUp: Void = {
    try? FileManager.default.removeItem(atPath: site)
    try! FileManager.default.copyItem(atPath: repository + "/fuzz/site", toPath: site)
}()

func path(_ kind: Kind, _ n: Int) -> String { "\(site)/content/\(kind.folder)/fuzz-\(n).md" }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSite(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data = start, count > 0 else { return 0 }
    _ = setUp
    // The previous input's pages go (no state kept between inputs).
    for kind in Kind.allCases { for n in 0..<4 { unlink(path(kind, n)) } }
    let pages = UnsafeBufferPointer(start: data, count: count).split(separator: 0, omittingEmptySubsequences: false).prefix(4)
    for (n, page) in pages.enumerated() where !page.isEmpty {
        let kind = Kind.allCases[Int(page[page.startIndex]) % Kind.allCases.count]
        try? FileManager.default.createDirectory(atPath: site + "/content/" + kind.folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path(kind, n), contents: Data(page.dropFirst()))
    }
    let now = Day(year: 2024, month: 6, day: 1)!
    let checked = Site.build(BuildOptions(siteRoot: site, output: nil, now: now, themeFolder: repository + "/theme"))
    // OKC_FUZZ_VERBOSE=1 shows what a site's check says (to see that seeds reach the render).
    if verbose { print(checked.diagnostics.map(\.formatted).joined(separator: "\n"), checked.failed ? "(failed)" : "(rendered)") }
    if !checked.failed {
        // A site okc accepts is rendered: the views may rely on what the checks guarantee.
        let built = Site.build(BuildOptions(siteRoot: site, output: site + "/site", now: now, themeFolder: repository + "/theme"))
        precondition(!built.failed && built.written, "a site that checks clean must build: \(built.diagnostics.map(\.formatted))")
    }
    return 0
}

/// SwiftPM's name for this executable's entry point (see fuzz_driver.h).
@_cdecl("FuzzSite_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    okc_fuzz_run(argc, argv, fuzzSite)
}
