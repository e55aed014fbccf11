import Content
import Foundation
import Testing
import TestSupport

/// `okc new`: a scaffold for every kind with every key the kind reads, that checks with only placeholder warnings.
@Suite struct NewCommandTests {
    @Test(arguments: Kind.allCases)
    func scaffoldsEveryKeyAndChecksWithOnlyPlaceholderWarnings(_ kind: Kind) throws {
        let site = try FixtureSite([:])
        let created = try OKCProcess.run(["new", kind.rawValue, "ny-sida", "--now", "2026-11-25"], in: site.root)
        #expect(created.status == 0, "\(created.stderr)")
        let path = "content/\(kind.folder)/ny-sida.md"
        #expect(created.stdout == path + "\n")
        let text = try #require(site.read(path))
        let frontMatter = text.components(separatedBy: "\n---\n")[0]
        for shape in DocumentDecoder.shape(of: kind) {
            let line = frontMatter.split(separator: "\n").first { $0.hasPrefix(shape.key + ":") || $0.hasPrefix("# " + shape.key + ":") }
            #expect(line != nil, "no line for '\(shape.key)'")
            #expect(shape.required == (line?.hasPrefix(shape.key + ":") ?? false), "'\(shape.key)' is required: \(shape.required)")
            for child in shape.children where shape.type == .objects {
                #expect(frontMatter.contains(child.key + ": "), "no '\(shape.key).\(child.key)'")
            }
        }
        let check = try OKCProcess.run(["check", "--now", "2026-11-25", "--format", "json"], in: site.root)
        #expect(check.status == 0, "\(check.stdout)")
        let diagnostics = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(!diagnostics.isEmpty)
        for diagnostic in diagnostics {
            #expect(diagnostic["severity"] as? String == "warning")
            #expect((diagnostic["message"] as? String)?.hasPrefix("placeholder text 'Skriv ") == true, "\(diagnostic)")
        }
        #expect(try OKCProcess.run(["check", "--now", "2026-11-25", "--strict"], in: site.root).status == 1)
    }

    @Test func aMeetingWithoutIdIsNamedAfterTheDay() throws {
        let site = try FixtureSite([:])
        let result = try OKCProcess.run(["new", "meeting", "--now", "2026-11-25"], in: site.root)
        #expect(result.status == 0)
        #expect(result.stdout == "content/meetings/2026-11-25-mote.md\n")
        #expect(site.read("content/meetings/2026-11-25-mote.md")?.contains("\ndate: 2026-11-25\n") == true)
    }

    @Test func neverOverwrites() throws {
        let site = try FixtureSite(["content/people/anna.md": "---\nname: Anna\n---\nMin text.\n"])
        let result = try OKCProcess.run(["new", "person", "anna"], in: site.root)
        #expect(result.status == 1)
        #expect(result.stderr == "error: content/people/anna.md already exists; okc new never overwrites a page\n")
        #expect(site.read("content/people/anna.md") == "---\nname: Anna\n---\nMin text.\n")
    }

    @Test func refusesBadIdsAndMissingIds() throws {
        let site = try FixtureSite([:])
        let bad = try OKCProcess.run(["new", "person", "Anna Ödman"], in: site.root)
        #expect(bad.status == 1)
        #expect(bad.stderr == "error: 'Anna Ödman' cannot be a page id: ids may only contain a–z, 0–9 and '-'; try 'anna-odman'\n")
        let missing = try OKCProcess.run(["new", "people"], in: site.root)
        #expect(missing.status == 1)
        #expect(missing.stderr == "error: give the new page's id, e.g. okc new person anna-andersson\n")
        let unknown = try OKCProcess.run(["new", "möte", "x"], in: site.root)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("unknown kind 'möte'"))
        #expect(!site.exists("content"))
    }

    @Test func refusesOutsideASite() throws {
        let folder = try FixtureSite([:], siteYML: nil)
        let result = try OKCProcess.run(["new", "page", "om"], in: folder.root)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: no site.yml in "))
    }
}
