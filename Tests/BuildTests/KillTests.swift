import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Killing okc at any moment of a build (SIGKILL: no handler runs) leaves either the previous site or
/// the complete new one, never a mix, and the next build is correct. No timing is asserted: the kills
/// land wherever they land, and each outcome must be one of the two whole sites.
@Suite struct KillTests {
    static let pageCount = 1_200

    /// When to send SIGKILL: a while after launch (before okc has read anything, while it parses, links,
    /// renders), or once the staging folder holds so many pages (while it writes, without guessing times).
    enum Moment: CustomStringConvertible {
        case after(milliseconds: Int)
        case staging(pages: Int)

        var description: String {
            switch self {
            case .after(let ms): "\(ms) ms after launch"
            case .staging(let pages): "with \(pages)+ pages staged"
            }
        }
    }

    static let moments: [Moment] = [.after(milliseconds: 0), .after(milliseconds: 20), .after(milliseconds: 100),
                                    .after(milliseconds: 500), .staging(pages: 0), .staging(pages: 10), .staging(pages: 600)]

    /// A site of many pages; `version` changes every page, so the old and new sites differ everywhere.
    static func files(version: Int) -> [String: String] {
        var files = InvalidInputTests.base
        for i in 0..<pageCount {
            let id = String(format: "nyhet-%04d", i)
            files["content/news/\(id).md"] = """
                ---
                title: Nyhet \(i), version \(version)
                date: 2024-\(String(format: "%02d", i % 12 + 1))-\(String(format: "%02d", i % 28 + 1))
                summary: Sammanfattning \(i).
                ---
                ## Rubrik

                Text för version \(version). Se [om oss](../pages/om.md#syfte) och [nästa](\(String(format: "nyhet-%04d", (i + 1) % pageCount)).md).
                """
        }
        return files
    }

    @Test func aKilledBuildLeavesThePreviousOrTheNewSiteAndTheNextBuildIsCorrect() throws {
        // The two whole sites a kill may leave, built in process with the same theme and clock.
        let reference = try FixtureSite(KillTests.files(version: 2))
        defer { reference.delete() }
        #expect(reference.build().lines == [])
        let newSite = reference.snapshot()

        let site = try FixtureSite(KillTests.files(version: 1))
        defer { site.delete() }
        #expect(site.build().lines == [])
        let previousSite = site.snapshot()
        #expect(previousSite.count > KillTests.pageCount)
        try FileManager.default.copyItem(atPath: site.root + "/site", toPath: site.root + "/pristine")
        for (path, text) in KillTests.files(version: 2) { try site.write(path, text) }

        let arguments = ["build", "--site", site.root, "--now", "2026-11-25", "--search", "off"]
        var outcomes: [String] = []
        for moment in KillTests.moments {
            let process = try OKCProcess.start(arguments, in: site.root)
            switch moment {
            case .after(let milliseconds):
                usleep(useconds_t(milliseconds * 1000))
            case .staging(let pages):
                // Bounded: stop waiting when okc has finished on its own.
                while process.isRunning {
                    let staged = (try? FileManager.default.contentsOfDirectory(atPath: site.root + "/site.okc-new/nyheter").count)
                    if let staged, staged >= pages { break }
                    usleep(500)
                }
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = site.snapshot()
            if after == previousSite {
                outcomes.append("\(moment): previous site" + (site.exists("site.okc-new") ? ", staging folder left" : ""))
            } else if after == newSite {
                outcomes.append("\(moment): new site")
            } else {
                Issue.record("killed \(moment): site/ is neither the previous nor the new site (\(after.count) files)")
            }
            // The next build, not killed, must give exactly a clean build's site and leave no staging folder.
            let next = try OKCProcess.run(arguments, in: site.root)
            #expect(next.status == 0, "\(next.stderr)")
            #expect(site.snapshot() == newSite, "after the kill \(moment)")
            #expect(!site.exists("site.okc-new") && !site.exists("site.okc-old"))
            // Back to the previous site for the next kill.
            try site.remove("site")
            try FileManager.default.copyItem(atPath: site.root + "/pristine", toPath: site.root + "/site")
        }
        print("SIGKILL outcomes (\(KillTests.pageCount) pages): \(outcomes.joined(separator: "; "))")
        #expect(outcomes.count == KillTests.moments.count)
    }
}
