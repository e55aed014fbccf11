import Content
import Foundation
import Testing
import TestSupport
@testable import Build

/// The sites that ship: the repository's own content and the second region's example must build
/// with no error and no warning, so a broken page never reaches readers.
@Suite struct RealSitesTests {
    static let sites = ["", "examples/ostergotland"]

    @Test(arguments: sites)
    func buildsWithoutAnyDiagnostic(_ relative: String) throws {
        let root = FixtureSite.repositoryRoot + (relative.isEmpty ? "" : "/" + relative)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("okc-real-\(UUID().uuidString)").path
        let result = Site.build(BuildOptions(siteRoot: root, output: output, now: Day(iso: "2026-11-25")!,
                                             themeFolder: FixtureSite.themeFolder))
        #expect(result.lines == [])
        #expect(result.written)
        #expect(FileManager.default.fileExists(atPath: output + "/index.html"))
        // Built without search: Pagefind's files are not there.
        #expect(SiteLinks.broken(in: output, notBuilt: ["pagefind/"]) == [])
        try? FileManager.default.removeItem(atPath: output)
    }
}
