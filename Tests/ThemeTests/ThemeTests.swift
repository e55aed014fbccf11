import Content
import Foundation
import Testing
import TestSupport
@testable import Theme

@Suite struct ThemeTests {
    @Test func daysCountedFromTheEpochStayWithinTheYearsADayHolds() {
        #expect(Day(daysSinceEpoch: 0) == Day(iso: "1970-01-01"))
        #expect(Day(daysSinceEpoch: Day(iso: "2024-02-28")!.daysSinceEpoch + 1) == Day(iso: "2024-02-29"))
        #expect(Day(daysSinceEpoch: Day(iso: "9999-12-30")!.daysSinceEpoch + 1) == Day(iso: "9999-12-31"))
        #expect(Day(daysSinceEpoch: Day(iso: "9999-12-31")!.daysSinceEpoch + 1) == nil)
        #expect(Day(daysSinceEpoch: Day(iso: "0001-01-01")!.daysSinceEpoch - 1) == nil)
    }

    @Test func swedishDatesAndOrder() {
        let strings = Strings((1...12).reduce(into: [:]) { $0["month_\($1)"] = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"][$1 - 1] })
        #expect(strings.date(Day(iso: "2024-08-19")!) == "19 augusti 2024")
        #expect(strings.date(FuzzyDay("2024-05")!) == "maj 2024")
        #expect(strings.date(FuzzyDay("2024")!) == "2024")
        let names = ["Örebro förening", "Ale idrott", "Åmål kultur", "Zeta", "Älvsborg"]
        #expect(names.sorted(by: SwedishOrder.less) == ["Ale idrott", "Zeta", "Åmål kultur", "Älvsborg", "Örebro förening"])
        #expect(SwedishOrder.initial("\"Ärligt\" talat") == "Ä")
    }

    @Test func theWordsAfterACountAreSingularForOne() {
        let strings = Strings(["tasks": "uppgifter", "tasks_one": "uppgift", "pages": "sidor"])
        #expect(strings.words("tasks", count: 1) == "uppgift")
        #expect(strings.words("tasks", count: 0) == "uppgifter")
        #expect(strings.words("tasks", count: 2) == "uppgifter")
        // A strings file without the singular keeps the plural rather than showing a key.
        #expect(strings.words("pages", count: 1) == "sidor")
    }

    @Test func aTemplatesIdsIncludeThoseOfItsPartialsAndTheTemplateItExtends() {
        let ids = TemplateIDs.reachable([
            "base": "<main id=\"innehall\">{{$main}}{{/main}}</main>",
            "meeting": "{{<base}}{{$main}}<h2 id=\"beslut\">{{t.decisions}}</h2><p id=\"{{anchor}}\"></p>{{>list}}{{/main}}{{/base}}",
            "list": "<ul id=\"lista\" class=\"x\"></ul><a data-id=\"inte\" id=\"\">{{>meeting}}</a>",
            "page": "<p>Ingen id.</p>",
        ])
        #expect(ids == ["base": ["innehall"], "meeting": ["innehall", "beslut", "lista"],
                        "list": ["lista", "innehall", "beslut"], "page": []])
    }

    @Test func theBuiltInThemeHasEveryStringTheCodeNeeds() throws {
        let text = try String(contentsOfFile: FixtureSite.themeFolder + "/strings.yml", encoding: .utf8)
        var diagnostics: [Diagnostic] = []
        let strings = Strings(StringTable.decode(text, path: "theme/strings.yml", diagnostics: &diagnostics))
        #expect(diagnostics.isEmpty)
        #expect(strings.missing == [])
    }

    @Test func frontMatterValuesAreEscapedEverywhere() throws {
                var files = CompleteFixture.files
        let quoted = "\"<script>alert(1)</script>\\\"'&\""
        files["content/organisations/ond.md"] = "---\nname: \(quoted)\nsummary: \(quoted)\noffers: [\(quoted)]\n---\n"
        files["content/meetings/2024-08-19-ros.md"] = files["content/meetings/2024-08-19-ros.md"]!
            .replacingOccurrences(of: "location: Regionens hus", with: "location: \(quoted)")
        let site = try FixtureSite(files)
        #expect(site.build().lines == [])
        for path in ["site/underskrivare/ond/index.html", "site/underskrivare/index.html", "site/moten/2024-08-19-ros/index.html"] {
            let html = try #require(site.read(path))
            #expect(!html.contains("<script>"), "\(path)")
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;"), "\(path)")
        }
    }

    @Test func aMissingStringIsAnErrorNamingTheStringsFile() throws {
        let site = try FixtureSite(["theme/strings.yml": "home: Hem\n"])
        let lines = site.build().lines
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("theme/strings.yml: error: the strings file lacks "))
    }

    @Test func aSiteMayOverrideOneTemplate() throws {
        var files = CompleteFixture.files
        files["theme/templates/news.mustache"] = "{{<base}}{{$main}}<h1>NYHET: {{title}}</h1>{{/main}}{{/base}}"
        let site = try FixtureSite(files)
        #expect(site.build().lines == [])
        #expect(site.read("site/aktuellt/2024-08-20-nyhet/index.html")?.contains("<h1>NYHET: Ny ordförande</h1>") == true)
        #expect(site.read("site/om/index.html")?.contains("<h1>Om överenskommelsen</h1>") == true)
    }
}

/// iCalendar TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped, byte by byte.
@Suite struct CalendarEscapeTests {
    @Test func escapesWhatTheRFCNames() {
        #expect(CalendarFeed.escape("Möte; plats, tid") == "Möte\\; plats\\, tid")
        #expect(CalendarFeed.escape("a\\b") == "a\\\\b")
        #expect(CalendarFeed.escape("rad 1\nrad 2") == "rad 1\\nrad 2")
        // "\r\n" is one Character: escaped as a line break all the same, never passed through.
        #expect(CalendarFeed.escape("rad 1\r\nrad 2, slut") == "rad 1\\nrad 2\\, slut")
        #expect(CalendarFeed.escape("Ärende 😀 e\u{301}") == "Ärende 😀 e\u{301}")
    }
}
