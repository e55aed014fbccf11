import Foundation
import Testing
import TestSupport

/// Big input stays bounded: a 20 MB page builds, and the memory it takes is printed (not asserted:
/// the figure belongs to the whole test process). scripts/big-input measures okc's own peak.
@Suite struct BigInputTests {
    /// About `megabytes` MB of Markdown: sections with headings, emphasis, lists, a table, and links to
    /// another page, to an anchor of the same page and outside, so every part of the pipeline has work.
    static func body(megabytes: Int) -> String {
        var body = ""
        body.reserveCapacity(megabytes * 1_000_000 + 10_000)
        var section = 0
        while body.utf8.count < megabytes * 1_000_000 {
            section += 1
            body += "## Avsnitt \(section)\n\n"
            for line in 0..<40 {
                body += "Stycke \(line) med **fet** och _kursiv_ text, om [syftet](om.md#syfte), [början](#avsnitt-1) och www.example.se.\n\n"
            }
            body += "- ett\n- två\n\nTabell: Avsnitt \(section)\n\n| a | b |\n|---|---|\n| \(section) | x |\n\n"
        }
        return body
    }

    @Test func aTwentyMegabytePageBuilds() throws {
        let body = BigInputTests.body(megabytes: 20)
        let site = try FixtureSite(InvalidInputTests.base.merging(["content/pages/stor.md": "---\ntitle: Stor sida\n---\n" + body]) { $1 })
        defer { site.delete() }
        let result = site.build()
        #expect(result.lines == [])
        let html = try #require(site.read("site/stor/index.html"))
        #expect(html.utf8.count > 20_000_000)
        #expect(html.contains("<h2 id=\"avsnitt-2000\">Avsnitt 2000</h2>"))
        print("20 MB page: peak resident memory of the test process \(BigInputTests.peakResidentMegabytes() ?? -1) MB")
    }

    /// VmHWM from /proc/self/status: the process's peak resident set, in MB.
    static func peakResidentMegabytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes / 1024
    }
}
