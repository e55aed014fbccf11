import Content
import Foundation
import Testing
import TestSupport
@testable import Build

@Suite struct CompleteSiteTests {
    @Test func everyKeyBuildsWithoutDiagnosticsAndPagesLandWhereTheFormatSays() throws {
        let site = try FixtureSite(CompleteFixture.files)
        let result = site.build()
        #expect(result.lines == [])
        #expect(result.written)
        for path in CompleteFixture.expectedPages {
            #expect(site.exists("site/" + path), "missing \(path)")
        }
        #expect(!site.exists("site/utkast/index.html"), "drafts stay out unless asked for")
        #expect(site.exists("site/.okc-build"))
    }

    @Test func draftsAreBuiltWhenAskedFor() throws {
        let site = try FixtureSite(CompleteFixture.files)
        #expect(site.build(drafts: true).lines == [])
        #expect(site.exists("site/utkast/index.html"))
    }

    @Test func linksBetweenMarkdownFilesBecomePageLinks() throws {
        let site = try FixtureSite(CompleteFixture.files)
        site.build()
        let news = try #require(site.read("site/aktuellt/2024-08-20-nyhet/index.html"))
        #expect(news.contains("<a href=\"../../moten/2024-08-19-ros/#beslut\">anteckningarna</a>"))
        let report = try #require(site.read("site/rapporter/slutrapport/index.html"))
        #expect(report.contains("<a href=\"../../handlingsplaner/plan-2020-2022/#bakgrund\">planen</a>"))
        #expect(report.contains("<a href=\"../../filer/reports/bilaga.pdf\">bilagan</a>"))
        #expect(site.read("site/filer/reports/bilaga.pdf") == "%PDF-1.4 test\n")
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try FixtureSite(CompleteFixture.files)
        site.build()
        let first = site.snapshot()
        site.build()
        let second = site.snapshot()
        #expect(first.count > 20)
        #expect(first == second)
        // A copy of the same sources in another folder gives the same bytes too.
        let other = try FixtureSite(CompleteFixture.files)
        other.build()
        #expect(other.snapshot() == first)
    }

    @Test func aFailedBuildLeavesThePreviousSiteUntouched() throws {
        let site = try FixtureSite(CompleteFixture.files)
        site.build()
        let before = site.snapshot()
        try site.write("content/news/2024-08-20-nyhet.md", "---\ntitle: Trasig\n---\n[x](../meetings/finns-inte.md)\n")
        let result = site.build()
        #expect(result.failed)
        #expect(!result.written)
        #expect(site.snapshot() == before)
        #expect(!site.exists("site.okc-new"))
    }

    @Test func checkWritesNothing() throws {
        let site = try FixtureSite(CompleteFixture.files)
        let result = site.build(output: nil)
        #expect(result.lines == [])
        #expect(result.outputPaths.contains("index.html"))
        #expect(!site.exists("site"))
    }

    @Test func refusesToReplaceAFolderOkcDidNotBuild() throws {
        let site = try FixtureSite(CompleteFixture.files)
        try site.write("mine/important.txt", "keep me")
        let result = site.build(output: "mine")
        #expect(result.failed)
        #expect(result.diagnostics.first?.message.hasPrefix("refusing to replace") == true)
        #expect(site.read("mine/important.txt") == "keep me")
    }

    @Test func refusesToWriteIntoTheSourcesThemselves() throws {
        let site = try FixtureSite(CompleteFixture.files)
        let result = site.build(output: "content")
        #expect(result.failed)
        #expect(site.exists("content/pages/om.md"))
    }

    @Test func aLeftoverStagingFolderFromAKilledBuildIsReplaced() throws {
        let site = try FixtureSite(CompleteFixture.files)
        try site.write("site.okc-new/half-written.html", "<p>")
        #expect(site.build().lines == [])
        #expect(!site.exists("site.okc-new"))
        #expect(!site.exists("site/half-written.html"))
    }
}

@Suite struct SearchIndexerTests {
    @Test func theIndexerRunsOnTheFinishedSiteBeforeTheSwap() throws {
        let site = try FixtureSite(CompleteFixture.files)
        try site.write("indexer.sh", "#!/bin/sh\n[ \"$1\" = --site ] || exit 3\n[ -f \"$2/index.html\" ] || exit 4\nmkdir -p \"$2/pagefind\" && echo index > \"$2/pagefind/pagefind-ui.js\"\n")
        chmod(site.root + "/indexer.sh", 0o755)
        let result = Site.build(BuildOptions(siteRoot: site.root, output: site.root + "/site", now: Day(iso: "2026-11-25")!,
                                             themeFolder: FixtureSite.themeFolder, searchIndexer: SearchIndexer(command: [site.root + "/indexer.sh"])))
        #expect(result.lines == [])
        #expect(site.read("site/pagefind/pagefind-ui.js") == "index\n")
    }

    @Test func aFailingIndexerLeavesThePreviousSite() throws {
        let site = try FixtureSite(CompleteFixture.files)
        site.build()
        let before = site.snapshot()
        try site.write("indexer.sh", "#!/bin/sh\necho 'index broke' >&2\nexit 2\n")
        chmod(site.root + "/indexer.sh", 0o755)
        let result = Site.build(BuildOptions(siteRoot: site.root, output: site.root + "/site", now: Day(iso: "2026-11-25")!,
                                             themeFolder: FixtureSite.themeFolder, searchIndexer: SearchIndexer(command: [site.root + "/indexer.sh"])))
        #expect(result.failed)
        #expect(result.diagnostics.first?.message.contains("the search indexer failed") == true)
        #expect(result.diagnostics.first?.message.contains("index broke") == true)
        #expect(site.snapshot() == before)
        #expect(!site.exists("site.okc-new"))
    }
}
