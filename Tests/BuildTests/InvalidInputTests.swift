import Foundation
import Testing
import TestSupport
@testable import Build

/// One mistake per fixture; each asserts the exact diagnostic (file, line, column, message) and that
/// a previously built site is left exactly as it was.
@Suite struct InvalidInputTests {
    static let base: [String: String] = [
        "content/groups/ros.md": "---\nname: RÖS-gruppen\n---\n",
        "content/people/anna-andersson.md": "---\nname: Anna Andersson\ninitials: AA\n---\n",
        "content/plans/plan.md": "---\ntitle: Plan\nperiod: {from: 2020, to: 2022}\nareas:\n  - {id: dialog, title: Dialog}\n---\n## Mål\n",
        "content/pages/om.md": "---\ntitle: Om\n---\n## Syfte\n\nText.\n",
    ]

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let files: [String: String]
        let expected: [String]
        /// Written after `files`, in order: paths a dictionary cannot hold apart, because Swift compares
        /// strings by canonical equivalence (an NFC and an NFD spelling of one name).
        var orderedFiles: [(path: String, text: String)] = []
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "front matter never closed", files: ["content/pages/a.md": "---\ntitle: A\n\nText\n"],
             expected: ["content/pages/a.md:1:1: error: front matter is never closed: no '---' line after the opening one"]),
        Case(name: "front matter missing", files: ["content/pages/a.md": "title: A\n"],
             expected: ["content/pages/a.md:1:1: error: front matter missing: the first line must be '---'"]),
        Case(name: "empty file", files: ["content/pages/a.md": ""],
             expected: ["content/pages/a.md: error: empty file"]),
        Case(name: "tab indentation", files: ["content/pages/a.md": "---\ntitle: A\nmenu:\n\t- 1\n---\n"],
             expected: ["content/pages/a.md:4:1: error: YAML syntax error: found character that cannot start any token (while scanning for the next token)"]),
        Case(name: "unclosed quote", files: ["content/pages/a.md": "---\ntitle: \"A\nmenu: 1\n---\n"],
             expected: ["content/pages/a.md:2:8: error: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar)"]),
        Case(name: "bad indentation", files: ["content/pages/a.md": "---\ntitle: A\n  menu: 1\n---\n"],
             expected: ["content/pages/a.md:3:7: error: YAML syntax error: mapping values are not allowed in this context"]),
        Case(name: "wrong type", files: ["content/pages/a.md": "---\ntitle: A\nmenu: först\n---\n"],
             expected: ["content/pages/a.md:3:7: error: 'menu' must be a whole number ≥ 0, not 'först'"]),
        Case(name: "list where text is expected", files: ["content/pages/a.md": "---\ntitle: [A, B]\n---\n"],
             expected: ["content/pages/a.md:2:8: error: 'title' must be text, not a list"]),
        Case(name: "missing required key", files: ["content/news/a.md": "---\ntitle: A\n---\n"],
             expected: ["content/news/a.md:2:1: error: missing required key 'date'"]),
        Case(name: "impossible date", files: ["content/news/a.md": "---\ntitle: A\ndate: 2024-02-30\n---\n"],
             expected: ["content/news/a.md:3:7: error: impossible date '2024-02-30'"]),
        // The link stage runs on a site with errors (to report them all) and orders meetings by date:
        // a meeting without one stopped okc there (a crash in the registers, found by mutating the real site).
        Case(name: "meeting without a date among dated ones",
             files: ["content/meetings/m.md": "---\ntitle: M\ndecisions:\n  - {text: Beslut, area: plan#dialog}\n---\n",
                     "content/meetings/n.md": "---\ntitle: N\ndate: 2024-01-01\ndecisions:\n  - {text: Beslut, area: plan#dialog}\n---\n",
                     "content/meetings/o.md": "---\ntitle: O\ndate: 2024-02-01\nactions:\n  - {text: Uppgift, owner: AA, area: plan#dialog}\n---\n"],
             expected: ["content/meetings/m.md:2:1: error: missing required key 'date'"]),
        Case(name: "meeting with an impossible date among dated ones",
             files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-13-01\nattendees: [anna-andersson]\n---\n",
                     "content/meetings/n.md": "---\ntitle: N\ndate: 2024-01-01\nattendees: [anna-andersson]\n---\n"],
             expected: ["content/meetings/m.md:3:7: error: impossible date '2024-13-01'"]),
        Case(name: "report without a date among dated ones",
             files: ["content/reports/r.md": "---\ntitle: R\n---\n## Mål\n",
                     "content/reports/s.md": "---\ntitle: S\ndate: 2024-01-01\n---\n## Mål\n"],
             expected: ["content/reports/r.md:2:1: error: missing required key 'date'"]),
        Case(name: "date in the wrong form", files: ["content/news/a.md": "---\ntitle: A\ndate: 19/8 2024\n---\n"],
             expected: ["content/news/a.md:3:7: error: 'date' must be a date like 2024-08-19, not '19/8 2024'"]),
        Case(name: "unknown key", files: ["content/pages/a.md": "---\ntitle: A\nsumary: Kort\n---\n"],
             expected: ["content/pages/a.md:3:1: warning: unknown key 'sumary'"]),
        Case(name: "duplicate key", files: ["content/pages/a.md": "---\ntitle: A\ntitle: B\n---\n"],
             expected: ["content/pages/a.md:3:1: error: duplicate key 'title'"]),
        Case(name: "unknown person", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\nattendees: [anna-anderson]\n---\n"],
             expected: ["content/meetings/m.md:4:13: error: unknown person 'anna-anderson'"]),
        Case(name: "unknown initials", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\napproved_by: [AA, SZL]\n---\n"],
             expected: ["content/meetings/m.md:4:19: error: unknown person 'SZL'"]),
        Case(name: "unknown group", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\ngroup: rös\n---\n"],
             expected: ["content/meetings/m.md:4:8: error: unknown group 'rös'"]),
        Case(name: "unknown plan area", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\ndecisions:\n  - {text: Beslut, area: plan#dialogg}\n---\n"],
             expected: ["content/meetings/m.md:5:26: error: unknown plan area 'plan#dialogg'"]),
        Case(name: "unknown category", files: ["content/organisations/o.md": "---\nname: O\nsummary: S\ncategories: [idrot]\n---\n"],
             expected: ["content/organisations/o.md:4:14: error: unknown category 'idrot'"]),
        Case(name: "broken page link", files: ["content/pages/a.md": "---\ntitle: A\n---\nSe [mötet](../meetings/finns-inte.md).\n"],
             expected: ["content/pages/a.md:4:4: error: broken link '../meetings/finns-inte.md': no page or file 'content/meetings/finns-inte.md'"]),
        Case(name: "broken anchor", files: ["content/pages/a.md": "---\ntitle: A\n---\nSe [syftet](om.md#syfe).\n"],
             expected: ["content/pages/a.md:4:4: error: no heading '#syfe' in content/pages/om.md"]),
        Case(name: "broken anchor on the same page", files: ["content/pages/a.md": "---\ntitle: A\n---\n## Början\n\n[upp](#borjan)\n"],
             expected: ["content/pages/a.md:6:1: error: no heading '#borjan' in content/pages/a.md"]),
        Case(name: "link climbing out of the site", files: ["content/pages/a.md": "---\ntitle: A\n---\n[x](../../../etc/passwd)\n"],
             expected: ["content/pages/a.md:4:1: error: broken link '../../../etc/passwd': '../../../etc/passwd' leads outside the site folder"]),
        Case(name: "written mean disagrees", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\nscores:\n  - {option: A, values: [3, 2, 3], mean: 2.0}\n---\n"],
             expected: ["content/meetings/m.md:5:42: error: the written mean 2 of 'A' disagrees with its values (mean 2,7)"]),
        Case(name: "javascript link in body", files: ["content/pages/a.md": "---\ntitle: A\n---\n[klick](javascript:alert(1))\n"],
             expected: ["content/pages/a.md:4:1: error: links with 'javascript:' are not allowed"]),
        Case(name: "javascript website", files: ["content/organisations/o.md": "---\nname: O\nsummary: S\nwebsite: javascript:alert(1)\n---\n"],
             expected: ["content/organisations/o.md:4:10: error: 'website': the address scheme 'javascript:' is not allowed (only https, http, mailto and tel)"]),
        Case(name: "image without alt text", files: ["content/pages/a.md": "---\ntitle: A\n---\n![](bild.png)\n", "content/pages/bild.png": "png"],
             expected: ["content/pages/a.md:4:1: error: image without alt text"]),
        Case(name: "page outside a kind folder", files: ["content/meeting/m.md": "---\ntitle: M\n---\n"],
             expected: ["content/meeting/m.md: error: unknown folder 'content/meeting/'"]),
        Case(name: "file name a URL cannot carry", files: ["content/pages/Möte i Borås.md": "---\ntitle: M\n---\n"],
             expected: ["content/pages/Möte i Borås.md: error: file name 'Möte i Borås.md' cannot be a page id: ids may only contain a–z, 0–9 and '-'"]),
        Case(name: "asset name a URL cannot carry", files: ["content/pages/Bild 1.JPG": "jpg"],
             expected: ["content/pages/Bild 1.JPG: error: file name 'Bild 1.JPG' has characters a web address cannot carry (use a–z, 0–9, '-', '_' and '.')"]),
        Case(name: "duplicate initials", files: ["content/people/anders-akesson.md": "---\nname: Anders Åkesson\ninitials: AA\n---\n"],
             expected: ["content/people/anna-andersson.md:3:11: error: initials 'AA' are already used by anders-akesson"]),
        Case(name: "end before start", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\nstart: \"10:00\"\nend: \"09:00\"\n---\n"],
             expected: ["content/meetings/m.md:5:6: error: 'end' (09:00) is before 'start' (10:00)"]),
        Case(name: "bad time", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\nstart: 9.30\n---\n"],
             expected: ["content/meetings/m.md:4:8: error: 'start' must be a time like \"09:30\", not '9.30'"]),
        Case(name: "unknown status", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\nactions:\n  - {text: T, status: klar}\n---\n"],
             expected: ["content/meetings/m.md:5:23: error: 'status' must be one of open, done, cancelled, not 'klar'"]),
        Case(name: "unknown chapter heading", files: ["content/reports/r.md": "---\ntitle: R\ndate: 2022-01-01\nchapters:\n  - {heading: malen, area: plan#dialog}\n---\n## Målen\n"],
             expected: ["content/reports/r.md:5:15: error: no heading with the anchor 'malen' in this report"]),
        Case(name: "skipped heading level", files: ["content/pages/a.md": "---\ntitle: A\n---\n## Ett\n\n#### Tre\n"],
             expected: ["content/pages/a.md:6:1: warning: heading level skips from 2 to 4"]),
        Case(name: "heading without text", files: ["content/pages/a.md": "---\ntitle: A\n---\n## Mål\n\n## \n"],
             expected: ["content/pages/a.md:6:1: warning: a heading without text"]),
        Case(name: "vague link text", files: ["content/pages/a.md": "---\ntitle: A\n---\n[Klicka här](om.md)\n"],
             expected: ["content/pages/a.md:4:1: warning: link text 'Klicka här' does not say where it leads"]),
        Case(name: "table without caption", files: ["content/pages/a.md": "---\ntitle: A\n---\n| a |\n|---|\n| 1 |\n"],
             expected: ["content/pages/a.md:4:1: warning: table without a caption"]),
        Case(name: "raw HTML", files: ["content/pages/a.md": "---\ntitle: A\n---\nHej <b>du</b>\n"],
             expected: ["content/pages/a.md:4:5: warning: raw HTML is shown as text", "content/pages/a.md:4:10: warning: raw HTML is shown as text"]),
        Case(name: "raw HTML after a tag over two lines", files: ["content/pages/a.md": "---\ntitle: A\n---\nHej <b\nclass=\"x\">du</b>\n"],
             expected: ["content/pages/a.md:4:5: warning: raw HTML is shown as text", "content/pages/a.md:5:13: warning: raw HTML is shown as text"]),
        Case(name: "unknown site.yml key", files: ["site.yml": FixtureSite.siteYML + "\ntitel: X\n"],
             expected: ["site.yml:10:1: warning: unknown key 'titel'"]),
        Case(name: "site.yml without base_url", files: ["site.yml": "title: X\n"],
             expected: ["site.yml:1:1: error: missing required key 'base_url'"]),
        Case(name: "glossary entry without expansion", files: ["content/glossary.yml": "- abbr: RÖS\n"],
             expected: ["content/glossary.yml:1:3: error: missing required key 'expansion'"]),
        Case(name: "own parent", files: ["content/organisations/o.md": "---\nname: O\nsummary: S\nparent: o\n---\n"],
             expected: ["content/organisations/o.md:4:9: error: an organisation cannot be its own parent"]),
    ]

    @Test(arguments: cases + auditCases)
    func reportsTheExactDiagnosticAndKeepsThePreviousSite(_ testCase: Case) throws {
        let site = try FixtureSite(InvalidInputTests.base)
        #expect(site.build().lines == [])
        let before = site.snapshot()
        for (path, text) in testCase.files { try site.write(path, text) }
        for (path, text) in testCase.orderedFiles { try site.write(path, text) }
        let result = site.build()
        #expect(result.lines == testCase.expected)
        if result.failed {
            #expect(site.snapshot() == before)
        }
    }

    @Test func invalidUTF8IsReportedAtItsLine() throws {
        let site = try FixtureSite(InvalidInputTests.base)
        #expect(site.build().lines == [])
        let before = site.snapshot()
        try site.write("content/pages/a.md", Data([0x2D, 0x2D, 0x2D, 0x0A, 0x74, 0x3A, 0x20, 0xC3, 0x28, 0x0A]))
        #expect(site.build().lines == ["content/pages/a.md:2:4: error: invalid UTF-8 (byte 0xC3)"])
        #expect(site.snapshot() == before)
    }

    @Test func binaryFilesAreRefused() throws {
        let site = try FixtureSite(InvalidInputTests.base)
        #expect(site.build().lines == [])
        let before = site.snapshot()
        try site.write("content/pages/a.md", Data([0x2D, 0x2D, 0x2D, 0x0A, 0x00, 0x01]))
        #expect(site.build().lines == ["content/pages/a.md:2:1: error: binary file: a text file was expected"])
        #expect(site.snapshot() == before)
    }

    @Test func aBOMAndCRLFAreAccepted() throws {
        let site = try FixtureSite(InvalidInputTests.base)
        try site.write("content/pages/a.md", Data([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: A\r\nmenu: x\r\n---\r\nText\r\n".utf8)))
        // The line of the mistake is counted as the editor sees it, CRLF or not.
        #expect(site.build().lines == ["content/pages/a.md:3:7: error: 'menu' must be a whole number ≥ 0, not 'x'"])
    }

    @Test func manyMistakesAreAllReportedAtOnce() throws {
        let site = try FixtureSite(InvalidInputTests.base)
        try site.write("content/news/a.md", "---\ntitle: A\n---\n")
        try site.write("content/news/b.md", "---\ntitle: B\ndate: 2024-13-01\n---\n[x](saknas.md)\n")
        let lines = site.build().lines
        #expect(lines == [
            "content/news/a.md:2:1: error: missing required key 'date'",
            "content/news/b.md:3:7: error: impossible date '2024-13-01'",
            "content/news/b.md:5:1: error: broken link 'saknas.md': no page or file 'content/news/saknas.md'",
        ])
    }

    @Test func aliasBombsEndInADiagnosticNotAHang() throws {
        var yaml = "---\ntitle: A\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1..<12 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml += "---\n"
        let site = try FixtureSite(InvalidInputTests.base)
        try site.write("content/pages/a.md", yaml)
        #expect(site.build().lines == ["content/pages/a.md:2:1: error: front matter is too large or too deeply nested (more than 50000 values or 48 levels)"])
    }

    @Test func deepNestingEndsInADiagnostic() throws {
        let site = try FixtureSite(InvalidInputTests.base)
        try site.write("content/pages/a.md", "---\ntitle: A\nx: " + String(repeating: "[", count: 100_000) + "\n---\n")
        #expect(site.build().lines == ["content/pages/a.md:3:52: error: front matter is nested more than 48 levels deep"])
    }

    @Test func symlinksOutOfTheSiteAreRefused() throws {
        let site = try FixtureSite(InvalidInputTests.base)
        let outside = try FixtureSite(["secret.md": "---\ntitle: Hemlig\n---\n"], siteYML: nil)
        #expect(site.build().lines == [])
        let before = site.snapshot()
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/pages/hemlig.md", withDestinationPath: outside.root + "/secret.md")
        #expect(site.build().lines == ["content/pages/hemlig.md: error: symbolic link leads outside the site folder"])
        #expect(site.snapshot() == before)
        // A linked folder leading out is refused the same way.
        try site.remove("content/pages/hemlig.md")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/reports", withDestinationPath: outside.root)
        #expect(site.build().lines == ["content/reports: error: symbolic link leads outside the site folder"])
        #expect(site.snapshot() == before)
    }

    @Test func symlinkLoopsAreRefusedOnce() throws {
        let site = try FixtureSite(InvalidInputTests.base)
        #expect(site.build().lines == [])
        let before = site.snapshot()
        // Two links up from one folder would make 2^12 walks of the whole content folder.
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/pages/upp", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/pages/sida", withDestinationPath: ".")
        #expect(site.build().lines == [
            "content/pages/sida: error: symbolic link leads back to a folder that contains it",
            "content/pages/upp: error: symbolic link leads back to a folder that contains it",
        ])
        #expect(site.snapshot() == before)
    }

    @Test func templateErrorsNameTheTemplateAndLine() throws {
        let site = try FixtureSite(InvalidInputTests.base)
        try site.write("theme/templates/page.mustache", "{{<base}}{{$main}}\n<h1>{{title}}</h1>\n{{#body}}\n{{/main}}{{/base}}\n")
        let lines = site.build().lines
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("theme/templates/page.mustache:4:") == true)
        #expect(lines.first?.hasSuffix("error: template error: a section is closed with another name than it was opened with") == true)
    }
}
