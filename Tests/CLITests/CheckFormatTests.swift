import Foundation
import Testing
import TestSupport

/// `okc check --format`: what CI and the pull request read.
@Suite struct CheckFormatTests {
    static let files = ["content/pages/a.md": "---\ntitle: A\n---\nSe [anmälan](#).\n\n[x](saknas.md)\n"]

    @Test func githubFormatPutsEachDiagnosticOnItsLineWithThePathFromTheRepository() throws {
        let site = try FixtureSite(CheckFormatTests.files)
        let parent = URL(fileURLWithPath: site.root).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: site.root).lastPathComponent
        let output = try OKCProcess.run(["check", "--site", name, "--now", "2026-11-25", "--format", "github"], in: parent)
        #expect(output.status == 1)
        #expect(output.stdout == """
            ::warning file=\(name)/content/pages/a.md,line=4,col=4,title=okc::placeholder link to '#'%0Ahint: link to a page's .md file or a web address, or remove the brackets
            ::error file=\(name)/content/pages/a.md,line=6,col=1,title=okc::broken link 'saknas.md': no page or file 'content/pages/saknas.md'%0Ahint: link to another page by its .md file, e.g. ../meetings/2024-08-19-ros.md

            """)
        #expect(output.stderr.contains("check failed: 1 error(s), 1 warning(s)"))
    }

    @Test func jsonFormatIsAnArrayOnStdout() throws {
        let site = try FixtureSite(CheckFormatTests.files)
        let output = try OKCProcess.run(["check", "--now", "2026-11-25", "--format", "json"], in: site.root)
        #expect(output.status == 1)
        let array = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]]
        #expect(array?.map { $0["message"] as? String } == ["placeholder link to '#'", "broken link 'saknas.md': no page or file 'content/pages/saknas.md'"])
        #expect(array?.first?["line"] as? Int == 4)
        #expect(array?.first?["column"] as? Int == 4)
        #expect(array?.first?["file"] as? String == "content/pages/a.md")
    }

    @Test func textFormatGoesToStderrAndStrictFailsOnPlaceholders() throws {
        let site = try FixtureSite(["content/pages/a.md": "---\ntitle: Skriv rubriken här\n---\n"])
        let relaxed = try OKCProcess.run(["check", "--now", "2026-11-25"], in: site.root)
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout == "")
        #expect(relaxed.stderr.hasPrefix("content/pages/a.md:2:8: warning: placeholder text 'Skriv rubriken här'\n"))
        let strict = try OKCProcess.run(["check", "--now", "2026-11-25", "--strict"], in: site.root)
        #expect(strict.status == 1)
        #expect(strict.stderr.hasPrefix("content/pages/a.md:2:8: error: placeholder text 'Skriv rubriken här'\n"))
    }
}
