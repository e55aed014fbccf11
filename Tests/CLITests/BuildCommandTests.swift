import Foundation
import Testing
import TestSupport

/// `okc build` reports and exits from inside the build (`BuildOptions.finishing`): what it prints and the
/// status it exits with must be what a report after the build gave.
@Suite struct BuildCommandTests {
    @Test func aBuildReportsItsFilesAndExitsZero() throws {
        let site = try FixtureSite(["content/pages/a.md": "---\ntitle: A\n---\nText.\n"])
        let output = try OKCProcess.run(["build", "--now", "2026-11-25", "--search", "off"], in: site.root)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == "")
        #expect(output.stderr.hasSuffix(" warning(s)\n"))
        #expect(output.stderr.hasPrefix("build: 1 pages, "))
        #expect(FileManager.default.fileExists(atPath: site.root + "/site/a/index.html"))
        let again = try OKCProcess.run(["build", "--now", "2026-11-25", "--search", "off"], in: site.root)
        #expect(again.status == 0)
        #expect(again.stderr.contains(" (0 rendered), "))
    }

    @Test func aFailedBuildPrintsItsErrorsAndExitsOne() throws {
        let site = try FixtureSite(["content/pages/a.md": "---\ntitle: A\n---\n[x](saknas.md)\n"])
        let output = try OKCProcess.run(["build", "--now", "2026-11-25", "--search", "off"], in: site.root)
        #expect(output.status == 1)
        #expect(output.stderr == """
            content/pages/a.md:4:1: error: broken link 'saknas.md': no page or file 'content/pages/saknas.md'
              hint: link to another page by its .md file, e.g. ../meetings/2024-08-19-ros.md
            build failed: 1 error(s), 0 warning(s); nothing was written

            """)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/site"))
    }
}
