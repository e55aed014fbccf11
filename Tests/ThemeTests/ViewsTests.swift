import Foundation
import Testing
import TestSupport

/// The cross-linked views of issue 4, each on the complete fixture site.
@Suite struct ViewsTests {
    let site: FixtureSite

    init() throws {
        site = try FixtureSite(CompleteFixture.files)
        let result = site.build(now: "2024-10-01")
        #expect(result.lines == [])
    }

    func page(_ path: String) throws -> String { try #require(site.read("site/" + path)) }

    @Test func personShowsRolesMeetingsNotesAndTasks() throws {
        let html = try page("personer/anna-andersson/index.html")
        #expect(html.contains("<h3><a href=\"../../grupper/ros/\">RÖS-gruppen</a></h3>"))
        #expect(html.contains("<li>ordförande (<a href=\"../../underskrivare/paraply/\">Paraplyet</a>) från maj 2024 till 2025</li>"))
        #expect(html.contains("<dt>Efterträdde</dt><dd><a href=\"../bertil-berg/\">Bertil Berg</a></dd>"))
        #expect(html.contains("<h2>Antecknade eller justerade anteckningar</h2>"))
        #expect(html.contains("<h2 id=\"uppgifter\">Uppgifter</h2>\n<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"uppgifter\" tabindex=\"0\">\n<table aria-labelledby=\"uppgifter\">"))
        #expect(html.contains("<td>Skriva förslaget</td><td><a href=\"../../moten/2024-08-19-ros/\">RÖS-möte 19 augusti 2024</a></td><td>30 september 2024</td><td class=\"status-open\">Pågår <strong class=\"overdue\">(försenad)</strong></td>"))
        let bertil = try page("personer/bertil-berg/index.html")
        #expect(bertil.contains("<dt>Efterträddes av</dt><dd><a href=\"../anna-andersson/\">Anna Andersson</a></dd>"))
    }

    @Test func aGroupShowsItsAbbreviationOnlyWhenItHasOne() throws {
        #expect(try page("grupper/ros/index.html").contains("<p class=\"meta\">Förkortning: <abbr title=\"RÖS-gruppen\">RÖS</abbr></p>"))
        var files = CompleteFixture.files
        files["content/groups/beredningen.md"] = "---\nname: Beredningen\n---\nBeredningen bereder.\n"
        let other = try FixtureSite(files)
        #expect(other.build(now: "2024-10-01").lines == [])
        let html = try #require(other.read("site/grupper/beredningen/index.html"))
        #expect(html.contains("<h1>Beredningen</h1>"))
        #expect(!html.contains("Förkortning"))
    }

    @Test func textsTheSiteLeavesOutShowNothing() throws {
        var files = CompleteFixture.files
        files["site.yml"] = CompleteFixture.siteYML.replacingOccurrences(of: "description: En plats för tester.\n", with: "")
            .replacingOccurrences(of: "  source: Minnesanteckningar\n", with: "")
        files["content/organisations/medlem.md"] = nil
        let other = try FixtureSite(files)
        #expect(other.build(now: "2024-10-01").lines == [])
        let home = try #require(other.read("site/index.html"))
        #expect(!home.contains("name=\"description\""))
        #expect(!home.contains("<p class=\"lead\"></p>"))
        let directory = try #require(other.read("site/underskrivare/index.html"))
        #expect(directory.contains("1 profil publicerad. Senast rapporterade antal underskrivare: 120 per 19 augusti 2024.</p>"))
    }

    @Test func meetingShowsEverythingItDecided() throws {
        let html = try page("moten/2024-08-19-ros/index.html")
        #expect(html.contains("<li><a href=\"../../personer/anna-andersson/\">Anna Andersson</a>, ordförande <span class=\"meta\">(Civilsamhället)</span></li>"))
        #expect(html.contains("<li><a href=\"../../personer/cecilia-ceder/\">Cecilia Ceder</a>, föreläsare</li>"))
        #expect(html.contains("Gruppen tar fram ett förslag. <span class=\"meta\">(Område: <a href=\"../../handlingsplaner/plan-2020-2022/#omrade-dialog\">Dialog</a>)</span>"))
        #expect(html.contains("<tr><th scope=\"row\">Dialog</th><td>3, 2, 3</td><td>2,7</td><td>1</td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">Kunskap</th><td>1, 1, 2</td><td>1,3</td><td>2</td></tr>"))
        #expect(html.contains("Antecknat av <a href=\"../../personer/anna-andersson/\">Anna Andersson</a>, 21 augusti 2024"))
        #expect(html.contains("\"@type\":\"Event\""))
        #expect(html.contains("\"startDate\":\"2024-08-19T09:30\""))
    }

    /// The ids of a page, each as often as it occurs.
    static func ids(in html: String) -> [String] { SiteLinks.attributeValues(in: html, names: ["id"]) }

    @Test func noPageHasAnIdTwice() throws {
        let pages = site.snapshot().filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 20)
        for (path, data) in pages {
            let ids = Self.ids(in: String(decoding: data, as: UTF8.self))
            #expect(Set(ids).count == ids.count, "\(path): \(ids.sorted())")
        }
    }

    @Test func everyLinkOfTheSiteLeadsSomewhere() throws {
        #expect(SiteLinks.broken(in: site.root + "/site", notBuilt: ["pagefind/"]) == [])
        // A site without meetings has no registers of decisions and tasks: nothing may link to them.
        let files = CompleteFixture.files.filter { !$0.key.hasPrefix("content/meetings/") }
            .mapValues { $0.replacingOccurrences(of: "[anteckningarna](../meetings/2024-08-19-ros.md#beslut)", with: "anteckningarna") }
        let other = try FixtureSite(files)
        #expect(other.build(now: "2024-10-01").lines == [])
        #expect(!other.exists("site/beslut/index.html") && other.exists("site/kalender/index.html"))
        #expect(SiteLinks.broken(in: other.root + "/site", notBuilt: ["pagefind/"]) == [])
        let calendar = try #require(other.read("site/kalender/index.html"))
        #expect(calendar.contains("<p>Inga kommande möten är inlagda.</p>") && !calendar.contains("Alla möten"))
    }

    @Test func theLinkCheckFindsMissingFilesAndAnchors() throws {
        let fixture = try FixtureSite([
            "a/index.html": "<h2 id=\"x\">X</h2><a href=\"../b/\">b</a> <a href=\"../c/\">c</a> <a href=\"#x\">x</a> <a href=\"#y\">y</a>",
            "b/index.html": "<img src=\"bild%20ett.png\" alt=\"\"><a href=\"../a/#x\">a</a> <a href=\"../a/index.html#z\">z</a> <a href=\"https://example.org/\">ut</a>",
            "b/bild ett.png": "png",
        ], siteYML: nil)
        #expect(SiteLinks.broken(in: fixture.root) == [
            "a/index.html: #y (no id 'y' there)", "a/index.html: ../c/ (no such file)", "b/index.html: ../a/index.html#z (no id 'z' there)",
        ])
    }

    @Test func aBodyHeadingGivesWayToAnIdOfTheTheme() throws {
        // The meeting has decisions, so the theme's "Beslut" section is on the page beside the body's.
        let html = try page("moten/2024-08-19-ros/index.html")
        #expect(html.contains("<section aria-labelledby=\"beslut\">\n<h2 id=\"beslut\">Beslut</h2>"))
        #expect(html.contains("<div class=\"body\"><h2 id=\"beslut-1\">Beslut</h2>"))
        // A link to the anchor lands on the theme's section, as it did when the id was on the page twice.
        #expect(try page("aktuellt/2024-08-20-nyhet/index.html").contains("<a href=\"../../moten/2024-08-19-ros/#beslut\">anteckningarna</a>"))

        var files = CompleteFixture.files
        files["content/meetings/2024-08-19-ros.md"] = files["content/meetings/2024-08-19-ros.md"]!
            .replacingOccurrences(of: "## Beslut\n", with: "## Beslut\n\n## Beslut\n\n## Omnämnd i\n\n## Omnamnd i\n")
        files["content/reports/slutrapport.md"] = files["content/reports/slutrapport.md"]!
            .replacingOccurrences(of: "heading: dialogen", with: "heading: kapitel")
            .replacingOccurrences(of: "## Dialogen", with: "## Kapitel")
        files["content/plans/plan-2020-2022.md"] = files["content/plans/plan-2020-2022.md"]!
            .replacingOccurrences(of: "## Bakgrund", with: "## Bakgrund\n\n## Område dialog\n\n## Omrade dialog")
        let other = try FixtureSite(files)
        #expect(other.build(now: "2024-10-01").lines.filter { !$0.contains("#bakgrund") } == [])
        let meeting = try #require(other.read("site/moten/2024-08-19-ros/index.html"))
        // The second heading is `beslut-1` on GitHub, so the first takes the next number free; the
        // backlinks' id comes from a partial.
        #expect(meeting.contains("<div class=\"body\"><h2 id=\"beslut-2\">Beslut</h2>\n<h2 id=\"beslut-1\">Beslut</h2>\n<h2 id=\"omnämnd-i\">Omnämnd i</h2>\n<h2 id=\"omnamnd-i-1\">Omnamnd i</h2>"))
        let report = try #require(other.read("site/rapporter/slutrapport/index.html"))
        #expect(report.contains("<li><a href=\"#kapitel-1\">Kapitel</a>"))
        #expect(report.contains("<h2 id=\"kapitel-1\">Kapitel</h2>"))
        let plan = try #require(other.read("site/handlingsplaner/plan-2020-2022/index.html"))
        #expect(plan.contains("<h2 id=\"område-dialog\">Område dialog</h2>\n<h2 id=\"omrade-dialog-1\">Omrade dialog</h2>"))
        for html in [meeting, report, plan] {
            let ids = Self.ids(in: html)
            #expect(Set(ids).count == ids.count, "\(ids.sorted())")
        }
    }

    @Test func aTaskWithoutOwnerOrDueDateSaysSoInsteadOfAnEmptyCell() throws {
        var files = CompleteFixture.files
        files["content/meetings/2024-08-19-ros.md"] = files["content/meetings/2024-08-19-ros.md"]!
            .replacingOccurrences(of: "  - {text: Boka lokal, owner: bertil-berg, status: done}\n",
                                  with: "  - {text: Boka lokal, owner: bertil-berg, status: done}\n  - {text: Fråga alla, status: open}\n")
        let other = try FixtureSite(files)
        #expect(other.build(now: "2024-10-01").lines == [])
        let none = "<td><span class=\"meta\">Ingen angiven</span></td><td><span class=\"meta\">Inget datum</span></td>"
        let meeting = try #require(other.read("site/moten/2024-08-19-ros/index.html"))
        #expect(meeting.contains("<tr><td>Fråga alla</td>\(none)<td class=\"status-open\">Pågår</td></tr>"))
        #expect(meeting.contains("<a href=\"../../personer/bertil-berg/\">Bertil Berg</a></td><td><span class=\"meta\">Inget datum</span></td>"))
        let register = try #require(other.read("site/uppfoljning/index.html"))
        #expect(register.contains("<tr><td>Fråga alla</td>\(none)<td><a href=\"../moten/2024-08-19-ros/\">"))
        let person = try #require(other.read("site/personer/bertil-berg/index.html"))
        #expect(person.contains("<tr><td>Boka lokal</td><td><a href=\"../../moten/2024-08-19-ros/\">RÖS-möte 19 augusti 2024</a></td><td><span class=\"meta\">Inget datum</span></td>"))
        #expect(!meeting.contains("<td></td>") && !register.contains("<td></td>") && !person.contains("<td></td>"))
    }

    /// A score value no Int holds checks as a number; the render wrote it through an Int and stopped okc.
    @Test func aScoreValueNoIntHoldsIsShownNotTrapped() throws {
        var files = CompleteFixture.files
        files["content/meetings/2024-08-19-ros.md"] = files["content/meetings/2024-08-19-ros.md"]!
            .replacingOccurrences(of: "{option: Kunskap, values: [1, 1, 2]}", with: "{option: Kunskap, values: [99999999999999999999, 1]}")
        let other = try FixtureSite(files)
        #expect(other.build(now: "2024-10-01").lines == [])
        let meeting = try #require(other.read("site/moten/2024-08-19-ros/index.html"))
        #expect(meeting.contains("<tr><th scope=\"row\">Kunskap</th><td>1e+20, 1</td><td>5e+19</td><td>1</td></tr>"))
    }

    @Test func meetingsListSplitsUpcomingFromPastByTheClock() throws {
        let html = try page("moten/index.html")
        let upcoming = try #require(html.range(of: "<h2>Kommande</h2>"))
        let year = try #require(html.range(of: "<h2>2024</h2>"))
        let future = try #require(html.range(of: "Dialogmöte januari 2027"))
        #expect(upcoming.lowerBound < future.lowerBound && future.lowerBound < year.lowerBound)
        let home = try page("index.html")
        #expect(home.contains("<a href=\"moten/2027-01-10-dialog/\">Dialogmöte januari 2027</a>"))
    }

    @Test func registersListDecisionsAndTasksByStatus() throws {
        let decisions = try page("beslut/index.html")
        #expect(decisions.contains("<p>Gruppen tar fram ett förslag.</p><p class=\"meta\"><a href=\"../moten/2024-08-19-ros/\">RÖS-möte 19 augusti 2024</a>, <time datetime=\"2024-08-19\">19 augusti 2024</time> · Område: <a href=\"../handlingsplaner/plan-2020-2022/#omrade-dialog\">Dialog</a></p>"))
        let actions = try page("uppfoljning/index.html")
        #expect(actions.contains("<h2 id=\"status-open\">Pågår <span class=\"meta\">(1)</span></h2>"))
        #expect(actions.contains("<h2 id=\"status-done\">Klar <span class=\"meta\">(1)</span></h2>"))
        #expect(actions.contains("<strong class=\"overdue\">1 uppgift är försenad.</strong>"))
        // Each table scrolls on its own on a narrow screen, named by the heading above it, not by a
        // caption repeating that heading.
        #expect(actions.contains("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"status-open\" tabindex=\"0\">\n<table aria-labelledby=\"status-open\">\n<thead>"))
        #expect(!actions.contains("<caption>"))
    }

    @Test func overdueDependsOnTheClock() throws {
        site.build(now: "2024-09-01")
        #expect(try !page("uppfoljning/index.html").contains("class=\"overdue\""))
    }

    @Test func planAreasShowTheirDecisionsTasksMeetingsChaptersAndProgress() throws {
        let html = try page("handlingsplaner/plan-2020-2022/index.html")
        #expect(html.contains("<section class=\"area\" id=\"omrade-dialog\" aria-labelledby=\"omrade-dialog-rubrik\">"))
        #expect(html.contains("<li>Gruppen tar fram ett förslag. <span class=\"meta\">(<a href=\"../../moten/2024-08-19-ros/\">RÖS-möte 19 augusti 2024</a>)</span></li>"))
        #expect(html.contains("<li><a href=\"../../rapporter/slutrapport/#dialogen\">Dialogen</a> <span class=\"meta\">(Slutrapport)</span></li>"))
        #expect(html.contains("<strong>Uppföljning:</strong> 0 av 1 uppgift klar</p>"))
    }

    @Test func signatoriesByCategorySubregionAndUmbrella() throws {
        let directory = try page("underskrivare/index.html")
        #expect(directory.contains("2 profiler publicerade. Senast rapporterade antal underskrivare: 120 per 19 augusti 2024 (Minnesanteckningar)."))
        #expect(directory.contains("<h2>M <span class=\"meta\">(1)</span></h2>"))
        #expect(!directory.contains("Kommande"))
        #expect(!(try page("kategorier/kultur/index.html")).contains("<table>"))
        let culture = try page("kategorier/kultur/index.html")
        #expect(culture.contains("<a href=\"../../underskrivare/medlem/\">Medlemsföreningen</a>"))
        #expect(culture.contains("<a href=\"../../underskrivare/paraply/\">Paraplyet</a>"))
        #expect(culture.contains("<p class=\"meta\">2 organisationer</p>"))
        let sport = try page("kategorier/idrott/index.html")
        #expect(!sport.contains("Paraplyet"))
        #expect(sport.contains("<p class=\"meta\">1 organisation</p>"))
        let regions = try page("delregioner/index.html")
        #expect(regions.contains("<svg class=\"coverage\" role=\"img\" aria-labelledby=\"coverage-title\""))
        #expect(regions.contains("<tr><th scope=\"row\"><a href=\"norr/\">Norra delen</a></th><td>2</td></tr>"))
        // The table is named by the page's heading, not by a caption repeating it.
        #expect(regions.contains("<h1 id=\"rubrik\">Delregioner</h1>\n<p class=\"lead\">Underskrivarna med profil på webbplatsen, efter var i regionen de är verksamma."))
        #expect(regions.contains("<table aria-labelledby=\"rubrik\">\n<thead><tr><th scope=\"col\">Delregion</th><th scope=\"col\">Antal</th></tr></thead>"))
        #expect(!regions.contains("<caption>") && !regions.contains("Ingen profil anger"))
        #expect(try page("kategorier/index.html").contains("<thead><tr><th scope=\"col\">Kategori</th><th scope=\"col\">Antal</th></tr></thead>"))
        let umbrella = try page("underskrivare/paraply/index.html")
        #expect(umbrella.contains("<h2>Medlemmar</h2><ul><li><a href=\"../medlem/\">Medlemsföreningen</a></li></ul>"))
        #expect(umbrella.contains("<a href=\"https://paraply.example.org/\" rel=\"noopener noreferrer\">"))
        #expect(umbrella.contains("\"@type\":\"Organization\""))
        let member = try page("underskrivare/medlem/index.html")
        #expect(member.contains("<dt>Ingår i</dt><dd><a href=\"../paraply/\">Paraplyet</a></dd>"))
        #expect(member.contains("\"memberOf\":{\"@type\":\"Organization\",\"name\":\"Paraplyet\""))
    }

    @Test func withoutAnyProfileSayingWhereTheSubregionsPageSaysSoInsteadOfDrawingZeros() throws {
        var files = CompleteFixture.files
        for (path, text) in files where path.hasPrefix("content/organisations/") {
            files[path] = text.replacingOccurrences(of: "subregions: all\n", with: "")
                .replacingOccurrences(of: "subregions: [norr, soder]\n", with: "")
        }
        let other = try FixtureSite(files)
        #expect(other.build(now: "2024-10-01").lines == [])
        let regions = try #require(other.read("site/delregioner/index.html"))
        #expect(regions.contains("<p>Ingen profil anger ännu i vilka delregioner organisationen är verksam.</p>"))
        #expect(!regions.contains("<svg"))
        #expect(regions.contains("<tr><th scope=\"row\"><a href=\"norr/\">Norra delen</a></th><td>0</td></tr>"))
    }

    @Test func matchmakingPairsNeedsWithOffersBothWays() throws {
        let html = try page("matchning/index.html")
        #expect(html.contains("<a href=\"../underskrivare/medlem/\">Medlemsföreningen</a> söker ”utbildning om ansökningar”"))
        #expect(html.contains("<a href=\"../underskrivare/paraply/\">Paraplyet</a> erbjuder ”utbildning om IOP” <span class=\"meta\">(Gemensamma ord: utbildning)</span>"))
        #expect(html.contains("<li><a href=\"../underskrivare/paraply/\">Paraplyet</a> erbjuder ”utbildning om IOP”</li>"))
        #expect(!html.contains("Ingen organisation har ännu beskrivit vad den söker."))
        #expect(try page("underskrivare/paraply/index.html").contains("<h2>Andra som söker det ni erbjuder</h2>"))
        #expect(try page("underskrivare/medlem/index.html").contains("<h2>Andra som kan hjälpa till</h2>"))
    }

    @Test func firstUseOfAnAbbreviationIsMarkedAndTheGlossaryListsAll() throws {
        let glossary = try page("ordlista/index.html")
        #expect(glossary.contains("<dt><abbr title=\"Idéburet offentligt partnerskap\">IOP</abbr></dt><dd>Idéburet offentligt partnerskap</dd>"))
        #expect(glossary.contains("(<a href=\"../grupper/ros/\">RÖS-gruppen</a>)"))
        let group = try page("grupper/ros/index.html")
        #expect(group.contains("<p>Gruppen träffas tio gånger per år.</p>"))
    }

    @Test func calendarPageAndFeedsAreLinked() throws {
        let calendar = try page("kalender/index.html")
        #expect(calendar.contains("<code>https://example.org/okc/kalender.ics</code>"))
        #expect(calendar.contains("href=\"webcal://example.org/okc/kalender.ics\""))
        // The calendar lists what is coming (on 2024-10-01: the January meeting, not August's).
        #expect(calendar.contains("<h2 id=\"kommande\">Kommande möten</h2>\n<ul class=\"items\">\n<li><a href=\"../moten/2027-01-10-dialog/\">Dialogmöte januari 2027</a> <span class=\"meta\"><time datetime=\"2027-01-10\">10 januari 2027</time></span></li>\n</ul>\n\n<p><a href=\"../moten/\">Alla möten, också de som har varit</a></p>"))
        #expect(!calendar.contains("2024-08-19-ros/"))
        site.build(now: "2027-02-01")
        let later = try page("kalender/index.html")
        #expect(later.contains("<h2 id=\"kommande\">Kommande möten</h2>\n<p>Inga kommande möten är inlagda.</p>"))
        #expect(!later.contains("<ul class=\"items\">"))
        site.build(now: "2024-10-01")
        let ics = try page("kalender.ics")
        #expect(ics.contains("UID:2024-08-19-ros@example.org\r\n"))
        #expect(ics.contains("DTSTART;TZID=Europe/Stockholm:20240819T093000\r\nDTEND;TZID=Europe/Stockholm:20240819T153000\r\n"))
        #expect(ics.contains("DTSTART;VALUE=DATE:20270110\r\nDTEND;VALUE=DATE:20270111\r\n"))
        let atom = try page("atom.xml")
        #expect(atom.contains("<id>https://example.org/okc/aktuellt/2024-08-20-nyhet/</id>"))
        #expect(atom.contains("<id>https://example.org/okc/moten/2024-08-19-ros/</id>"))
        #expect(!atom.contains("2027-01-10-dialog"))
    }

    /// A year past 2200 is a warning, so a meeting on 9999-12-31 is built; its all-day event in the
    /// calendar ended on the next day, which no `Day` holds, and stopped okc.
    @Test func anAllDayMeetingOnTheLastDayThereIsHasNoEndInTheCalendar() throws {
        var files = CompleteFixture.files
        files["content/meetings/2027-01-10-dialog.md"] = files["content/meetings/2027-01-10-dialog.md"]!
            .replacingOccurrences(of: "date: 2027-01-10", with: "date: 9999-12-31")
        let other = try FixtureSite(files)
        #expect(other.build(now: "2024-10-01").lines == ["content/meetings/2027-01-10-dialog.md:3:7: warning: the date 9999-12-31 looks mistyped"])
        let ics = try #require(other.read("site/kalender.ics"))
        #expect(ics.contains("UID:2027-01-10-dialog@example.org\r\nDTSTAMP:99991231T000000Z\r\nDTSTART;VALUE=DATE:99991231\r\nSUMMARY:Dialogmöte januari 2027\r\n"))
    }

    @Test func siteFilesAndOpenData() throws {
        let sitemap = try page("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/okc/moten/2024-08-19-ros/</loc>"))
        #expect(!sitemap.contains("404"))
        #expect(try page("robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://example.org/okc/sitemap.xml\n")
        #expect(try page("404.html").contains("<link rel=\"stylesheet\" href=\"/okc/static/style.css\">"))
        let csv = try page("data/underskrivare.csv")
        #expect(csv.hasPrefix("id,name,summary,categories,subregions,parent_id,website,signed_on,url\r\n"))
        #expect(csv.contains("paraply,Paraplyet,Vi samlar föreningar i hela länet.,kultur,norr;soder,,https://paraply.example.org/,2014-11-25,https://example.org/okc/underskrivare/paraply/\r\n"))
        let actions = try JSONSerialization.jsonObject(with: Data(page("data/uppfoljning.json").utf8)) as? [[String: Any]]
        #expect(actions?.first?["id"] as? String == "2024-08-19-ros#uppgift-1")
        #expect(actions?.first?["owner_id"] as? String == "anna-andersson")
        #expect(actions?.first?["overdue"] as? Bool == true)
        #expect(try page("oppna-data/index.html").contains("<code>data/underskrivare.csv</code>"))
    }

    @Test func aPageDependsOnlyOnWhatItShows() throws {
        let before = site.snapshot()
        try site.write("content/news/2024-08-21-ny.md", "---\ntitle: Ännu en nyhet\ndate: 2024-08-21\n---\n")
        #expect(site.build(now: "2024-10-01").lines == [])
        let after = site.snapshot()
        let changed = Set(after.keys.filter { before[$0] != after[$0] })
        #expect(changed == ["aktuellt/index.html", "aktuellt/2024-08-21-ny/index.html", "index.html", "atom.xml", "sitemap.xml"])
    }

    @Test func theAccessibilityStatementComesFromSiteYML() throws {
        let html = try page("tillganglighet/index.html")
        #expect(html.contains("<p>Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.</p>"))
        #expect(html.contains("<ul><li>Gamla PDF-filer är inte tillgängliga</li></ul>"))
        #expect(html.contains("<li><a href=\"mailto:kansliet@example.org\">kansliet@example.org</a></li>"))
        #expect(html.contains("<a href=\"https://www.digg.se/tdosanmalan\">Anmäl till Digg</a>"))
        #expect(html.contains("<p>Självskattning</p>"))
        #expect(html.contains("<time datetime=\"2026-11-01\">1 november 2026</time>"))
        #expect(try page("index.html").contains("<a href=\"./tillganglighet/\">Tillgänglighet</a>"))
    }

    @Test func theSearchPageSaysWhatToDoWithoutJavaScript() throws {
        let html = try page("sok/index.html")
        #expect(html.contains("<noscript><p>Sökningen behöver JavaScript. Utan JavaScript hittar du allt innehåll via <a href=\"../moten/\">Möten</a>, <a href=\"../underskrivare/\">Underskrivare</a>, <a href=\"../personer/\">Personer</a>, <a href=\"../grupper/\">Grupper</a>, <a href=\"../handlingsplaner/\">Handlingsplaner</a>, <a href=\"../rapporter/\">Rapporter</a>, <a href=\"../aktuellt/\">Nyheter</a> eller <a href=\"../sitemap.xml\">webbplatskartan</a>.</p></noscript>"))
        // Only the sections the site has (here: none).
        let empty = try FixtureSite(["content/pages/om.md": "---\ntitle: Om\n---\nText.\n"])
        #expect(empty.build().lines == [])
        #expect(try #require(empty.read("site/sok/index.html")).contains("allt innehåll via <a href=\"../sitemap.xml\">webbplatskartan</a>.</p></noscript>"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"../pagefind/pagefind-ui.css\">"))
        #expect(try page("om/index.html").contains("<main id=\"innehall\" class=\"wrap\" tabindex=\"-1\" data-pagefind-body>"))
    }
}
