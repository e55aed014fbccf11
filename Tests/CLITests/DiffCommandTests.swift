import Foundation
import Testing
import TestSupport

/// `okc diff` on a temporary git repository: pages added, removed and changed between two revisions,
/// and between a revision and the working tree.
@Suite struct DiffCommandTests {
    static let files = [
        "content/pages/om.md": "---\ntitle: Om\n---\nFörsta texten.\n",
        "content/pages/kontakt.md": "---\ntitle: Kontakt\n---\nRing oss.\n",
        "content/groups/ros.md": "---\nname: RÖS-gruppen\n---\n",
    ]

    func git(_ arguments: [String], in folder: String) throws {
        let result = try OKCProcess.run(executable: "/usr/bin/env",
                                        ["git", "-c", "user.name=okc test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"] + arguments,
                                        in: folder)
        #expect(result.status == 0, "git \(arguments): \(result.stderr)")
    }

    func repository() throws -> FixtureSite {
        let site = try FixtureSite(DiffCommandTests.files)
        try git(["init", "-q", "-b", "main"], in: site.root)
        try git(["add", "."], in: site.root)
        try git(["commit", "-q", "-m", "first"], in: site.root)
        return site
    }

    @Test func listsAddedRemovedAndChangedPagesAgainstTheWorkingTree() throws {
        let site = try repository()
        try site.write("content/pages/om.md", "---\ntitle: Om\n---\nAndra texten.\n")
        try site.remove("content/pages/kontakt.md")
        try site.write("content/meetings/2026-12-01-ros.md", "---\ntitle: RÖS-möte\ndate: 2026-12-01\ngroup: ros\n---\n")
        let result = try OKCProcess.run(["diff", "main", "--now", "2026-11-25"], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        // The menu gains the meetings section (every page with the menu changes), the group lists its meeting,
        // the first meeting brings the registers, and the calendar (there before) lists it.
        #expect(result.stdout == """
            <!-- okc-diff -->
            ### Site changes: `main` → `working tree`

            4 added, 1 removed, 13 changed.

            #### Added

            - `/beslut/`
            - `/moten/`
            - `/moten/2026-12-01-ros/`
            - `/uppfoljning/`

            #### Removed

            - `/kontakt/`

            #### Changed

            - `/`
            - `/404.html`
            - `/data/moten.json`
            - `/grupper/`
            - `/grupper/ros/`
            - `/kalender.ics`
            - `/kalender/`
            - `/om/`
            - `/oppna-data/`
            - `/ordlista/`
            - `/sitemap.xml`
            - `/sok/`
            - `/tillganglighet/`

            """)
    }

    @Test func comparesTwoRevisionsAndSitesInSubfolders() throws {
        let site = try FixtureSite(DiffCommandTests.files.reduce(into: [:]) { $0["sites/a/" + $1.key] = $1.value }.merging(["sites/a/site.yml": FixtureSite.siteYML]) { $1 },
                                   siteYML: nil)
        try git(["init", "-q", "-b", "main"], in: site.root)
        try git(["add", "."], in: site.root)
        try git(["commit", "-q", "-m", "first"], in: site.root)
        try site.write("sites/a/content/pages/om.md", "---\ntitle: Om\n---\nAndra texten.\n")
        try git(["commit", "-q", "-am", "second"], in: site.root)
        let result = try OKCProcess.run(["diff", "HEAD~1", "HEAD", "--site", "sites/a", "--now", "2026-11-25"], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("0 added, 0 removed, 1 changed.\n\n#### Changed\n\n- `/om/`\n"))
        let same = try OKCProcess.run(["diff", "HEAD", "--site", "sites/a", "--now", "2026-11-25"], in: site.root)
        #expect(same.stdout.hasSuffix("No page or file of the site changes.\n"))
    }

    @Test func aSideThatDoesNotBuildFailsWithItsDiagnostics() throws {
        let site = try repository()
        try site.write("content/pages/om.md", "---\ntitle: Om\n---\n[x](saknas.md)\n")
        let result = try OKCProcess.run(["diff", "main", "--now", "2026-11-25"], in: site.root)
        #expect(result.status == 1)
        #expect(result.stdout.hasSuffix("The site does not build; see the check's annotations.\n"))
        #expect(result.stderr.hasPrefix("working tree: content/pages/om.md:4:1: error: broken link 'saknas.md'"))
    }

    @Test func anUnknownRevisionIsAClearError() throws {
        let site = try repository()
        let result = try OKCProcess.run(["diff", "finns-inte", "--now", "2026-11-25"], in: site.root)
        #expect(result.status != 0)
        #expect(result.stderr.contains("git archive"))
    }
}
