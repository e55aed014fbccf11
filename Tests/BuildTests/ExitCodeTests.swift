import Foundation
import Testing
import TestSupport

/// The command line as CI sees it: exit code 1 and the diagnostics on stderr for a bad site,
/// the previous site untouched; exit code 0 for a good one.
@Suite struct ExitCodeTests {
    @Test func aBadSiteExitsWithOneAndKeepsThePreviousSite() throws {
        let site = try FixtureSite(InvalidInputTests.base)
        let good = try OKCProcess.run(["build", "--site", site.root, "--now", "2026-11-25"], in: site.root)
        #expect(good.status == 0, "\(good.stderr)")
        let before = site.snapshot()
        #expect(before["index.html"] != nil)

        try site.write("content/pages/a.md", "---\ntitle: A\nmenu: först\n---\n")
        let bad = try OKCProcess.run(["build", "--site", site.root, "--now", "2026-11-25"], in: site.root)
        #expect(bad.status == 1)
        #expect(bad.stderr.split(separator: "\n").map(String.init) == [
            "content/pages/a.md:3:7: error: 'menu' must be a whole number ≥ 0, not 'först'",
            "build failed: 1 error(s), 0 warning(s); nothing was written",
        ])
        #expect(site.snapshot() == before)
        #expect(!site.exists("site.okc-new"))

        let check = try OKCProcess.run(["check", "--site", site.root, "--now", "2026-11-25"], in: site.root)
        #expect(check.status == 1)
        #expect(check.stderr.hasPrefix("content/pages/a.md:3:7: error: 'menu' must be a whole number ≥ 0, not 'först'\n"))
    }

    @Test func warningsAloneExitWithZero() throws {
        let site = try FixtureSite(InvalidInputTests.base.merging(["content/pages/a.md": "---\ntitle: A\nsumary: S\n---\n"]) { $1 })
        let outcome = try OKCProcess.run(["build", "--site", site.root, "--now", "2026-11-25"], in: site.root)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.hasPrefix("content/pages/a.md:3:1: warning: unknown key 'sumary'\n"))
        #expect(site.exists("site/a/index.html"))
    }
}
