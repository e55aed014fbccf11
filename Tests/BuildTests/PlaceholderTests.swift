import Content
import Foundation
import Testing
import TestSupport
@testable import Build

/// Placeholders and leftovers: warnings by default, errors with `--strict`; each at its exact place.
@Suite struct PlaceholderTests {
    typealias Case = InvalidInputTests.Case

    static let cases: [Case] = [
        Case(name: "placeholder in front matter", files: ["content/pages/a.md": "---\ntitle: Skriv rubriken här\n---\n"],
             expected: ["content/pages/a.md:2:8: warning: placeholder text 'Skriv rubriken här'"]),
        Case(name: "placeholder in a nested value", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\ndecisions:\n  - text: Skriv beslutet här\n---\n"],
             expected: ["content/meetings/m.md:5:11: warning: placeholder text 'Skriv beslutet här'"]),
        Case(name: "placeholder paragraph in the body", files: ["content/pages/a.md": "---\ntitle: A\n---\nText.\n\nSkriv texten här.\n"],
             expected: ["content/pages/a.md:6:1: warning: placeholder text 'Skriv texten här.'"]),
        Case(name: "placeholder list item in the body", files: ["content/pages/a.md": "---\ntitle: A\n---\n## Mål\n\n  - Skriv ett mål\n"],
             expected: ["content/pages/a.md:6:5: warning: placeholder text 'Skriv ett mål'"]),
        Case(name: "a wrapped line starting with Skriv is prose", files: ["content/pages/a.md": "---\ntitle: A\n---\nVill du veta mer?\nSkriv till kansliet.\n"],
             expected: []),
        Case(name: "link to #", files: ["content/pages/a.md": "---\ntitle: A\n---\nSe [anmälan](#) här.\n"],
             expected: ["content/pages/a.md:4:4: warning: placeholder link to '#'"]),
        Case(name: "link with an empty target", files: ["content/pages/a.md": "---\ntitle: A\n---\nSe [anmälan]().\n"],
             expected: ["content/pages/a.md:4:4: warning: link with an empty target"]),
        Case(name: "TODO in the body", files: ["content/pages/a.md": "---\ntitle: A\n---\nDatum för mötet: TODO\n"],
             expected: ["content/pages/a.md:4:18: warning: leftover 'TODO' marker"]),
        Case(name: "FIXME in front matter", files: ["content/pages/a.md": "---\ntitle: A\nsummary: Kort text FIXME\n---\n"],
             expected: ["content/pages/a.md:3:10: warning: leftover 'FIXME' marker"]),
        Case(name: "XXX after Swedish letters counts characters", files: ["content/pages/a.md": "---\ntitle: A\n---\nÅÄÖ XXX\n"],
             expected: ["content/pages/a.md:4:5: warning: leftover 'XXX' marker"]),
        Case(name: "markers in code and inside words are not markers",
             files: ["content/pages/a.md": "---\ntitle: A\n---\nSe `TODO` och TODOS och todo.\n\n```\nTODO i kod\nSkriv kod\n```\n"],
             expected: []),
    ]

    @Test(arguments: cases)
    func reportsThePlaceholderAtItsPlace(_ testCase: Case) throws {
        let site = try FixtureSite(InvalidInputTests.base.merging(testCase.files) { $1 })
        #expect(site.build(output: nil).lines == testCase.expected)
    }

    @Test func strictMakesPlaceholdersErrorsAndWritesNothing() throws {
        let site = try FixtureSite(InvalidInputTests.base.merging(["content/pages/a.md": "---\ntitle: Skriv rubriken här\n---\n[x](#)\n"]) { $1 })
        let result = Site.build(BuildOptions(siteRoot: site.root, output: site.root + "/site", now: Day(iso: "2026-11-25")!,
                                             themeFolder: FixtureSite.themeFolder, strict: true))
        #expect(result.lines == ["content/pages/a.md:2:8: error: placeholder text 'Skriv rubriken här'",
                                 "content/pages/a.md:4:1: error: placeholder link to '#'"])
        #expect(result.diagnostics.map(\.hint) == ["replace it with the real text (okc new writes placeholders that start with 'Skriv')",
                                                   "link to a page's .md file or a web address, or remove the brackets"])
        #expect(!site.exists("site"))
    }
}
