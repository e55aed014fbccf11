import Testing
@testable import Markdown

@Suite struct MarkdownRendererTests {
    @Test func headingsGetGitHubAnchors() {
        let result = MarkdownRenderer.render("# Öppna möten\n\n## Prioriteringar 2024!\n\n## Prioriteringar 2024\n\n### Vad händer? (Höst)\n")
        #expect(result.headings.map(\.anchor) == ["öppna-möten", "prioriteringar-2024", "prioriteringar-2024-1", "vad-händer-höst"])
        #expect(result.headings.map(\.line) == [1, 3, 5, 7])
        #expect(result.html.contains("<h2 id=\"prioriteringar-2024\">Prioriteringar 2024!</h2>"))
        #expect(result.html.contains("<h2 id=\"prioriteringar-2024-1\">"))
        #expect(!result.html.contains("data-sourcepos"))
    }

    @Test func slugMatchesGitHubForRepeatsAndPunctuation() {
        var slugger = Slugger()
        #expect(slugger.anchor(for: "Mål & syfte") == "mål--syfte")
        #expect(slugger.anchor(for: "Mål & syfte") == "mål--syfte-1")
        #expect(slugger.anchor(for: "Mål & syfte") == "mål--syfte-2")
        #expect(Slugger.slug("IOP-samverkan_2025") == "iop-samverkan_2025")
    }

    @Test func linksAreCollectedWithPositionsAndRewritten() {
        let body = "Intro.\n\nSe [dialogmötet](../meetings/a.md#prioriteringar) och [VGR](https://www.vregion.se/).\n"
        let result = MarkdownRenderer.render(body) { url in
            url.hasPrefix("../meetings/a.md") ? "../../moten/a/#prioriteringar" : nil
        }
        #expect(result.links.count == 2)
        #expect(result.links[0] == .init(url: "../meetings/a.md#prioriteringar", text: "dialogmötet", line: 3, column: 4, isImage: false))
        #expect(result.links[1].url == "https://www.vregion.se/")
        #expect(result.html.contains("<a href=\"../../moten/a/#prioriteringar\">dialogmötet</a>"))
        #expect(result.html.contains("<a href=\"https://www.vregion.se/\">VGR</a>"))
    }

    @Test func rawHTMLIsEscapedUnlessAllowed() {
        let body = "Hej <script>alert(1)</script> där.\n\n<div onclick=\"x()\">block</div>\n"
        let safe = MarkdownRenderer.render(body)
        #expect(!safe.html.contains("<script>"))
        #expect(safe.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(safe.html.contains("&lt;div onclick=&quot;x()&quot;&gt;block&lt;/div&gt;"))
        #expect(safe.escapedHTML.map(\.line) == [1, 1, 3])
        let unsafe = MarkdownRenderer.render("Hej <b>fet</b>.\n", options: .init(unsafeHTML: true))
        #expect(unsafe.html.contains("<b>fet</b>"))
        #expect(unsafe.escapedHTML.isEmpty)
    }

    @Test func unsafeSchemesAreEmptiedEvenWhenHTMLIsAllowed() {
        for options in [MarkdownOptions(unsafeHTML: false), MarkdownOptions(unsafeHTML: true)] {
            let result = MarkdownRenderer.render("[x](javascript:alert(1)) [y](JaVa\tscript:alert(2))\n", options: options)
            #expect(!result.html.lowercased().contains("javascript"))
            #expect(result.links.count >= 1)
        }
    }

    @Test func tablesUseStyleAttributesNotAlign() {
        let result = MarkdownRenderer.render("| a | b |\n|:--|--:|\n| 1 | 2 |\n")
        #expect(result.html.contains("<table>"))
        #expect(result.html.contains("style=\"text-align: left\"") || result.html.contains("style=\"text-align:left\""))
        #expect(!result.html.contains("align=\""))
    }

    @Test func extensionsWork() {
        let result = MarkdownRenderer.render("~~bort~~ och www.example.se\n\n- [x] klart\n")
        #expect(result.html.contains("<del>bort</del>"))
        #expect(result.html.contains("<a href=\"http://www.example.se\">www.example.se</a>"))
        #expect(result.html.contains("checked"))
    }

    /// The autolink extension makes its links after parsing, without a source position; they take
    /// their paragraph's, so a diagnostic about one points into the body (found by fuzzing:
    /// fuzz/regressions/markdown-autolink-without-position.md).
    @Test func autolinksCarryThePositionOfTheirParagraph() {
        let result = MarkdownRenderer.render("Intro.\n\n  Se https://a.rka och www.example.se.\n")
        #expect(result.links.map(\.url) == ["https://a.rka", "http://www.example.se"])
        #expect(result.links.map(\.line) == [3, 3])
        // Both are then found in the text from there: cmark gives the www one the column before it.
        #expect(result.links.map(\.column) == [6, 24])
    }

    /// cmark counts columns in bytes; diagnostics count characters, as editors do.
    @Test func columnsCountCharactersNotBytes() {
        let result = MarkdownRenderer.render("Åäö [x](a.md) <b>\n")
        #expect(result.links.map(\.column) == [5])
        #expect(result.escapedHTML.map(\.column) == [15])
    }

    /// A raw tag's text stays in its heading's buffer until asked for: the heading is freed only after
    /// rendering (fuzz/regressions/markdown-heading-with-raw-html-after-a-table-tag.md; the ASan run
    /// reads freed memory without it).
    @Test func rawHTMLInAHeadingOutlivesTheHeading() {
        let result = MarkdownRenderer.render("# <table><a>\n\n## x <b>y</b>\n", options: MarkdownOptions(unsafeHTML: true))
        #expect(result.html == "<h1><table><a></h1>\n<h2 id=\"x-y\">x <b>y</b></h2>\n")
    }

    /// cmark-gfm counts no line for a tag broken over two lines: the next tag's column runs past the
    /// end of its line (fuzz/regressions/page-raw-html-after-a-tag-over-two-lines.md).
    @Test func rawHTMLAfterATagOverTwoLinesKeepsItsLine() {
        let positions = { (body: String) in MarkdownRenderer.render(body).escapedHTML.map { "\($0.line):\($0.column)" } }
        #expect(positions("<b\nb><b>") == ["1:1", "2:3"])
        #expect(positions("x <b\nc=\"1\"> y <i> z\n") == ["1:3", "2:10"])
        #expect(positions("<b\nb>\n<b>") == ["1:1", "3:1"])
        #expect(positions("a `<b>` <b\nc> <i>\n") == ["1:9", "2:4"])
        #expect(positions("  <div>\nx\n") == ["1:3"])
        // cmark-gfm gives this tag line 0 (fuzz/regressions/page-raw-html-without-a-line.md).
        #expect(positions("<b>.\nA\n\u{0B}-") == ["1:1"])
    }

    /// cmark-gfm counts no line for a link destination broken over two lines: later links on the
    /// paragraph are found again in the text (fuzz/regressions/page-link-after-a-broken-destination.md).
    @Test func linksAfterADestinationOverTwoLinesKeepTheirLine() {
        let result = MarkdownRenderer.render("Se ![](bild.png \n) och\n  mer [x](a.md) www.example.se [y](b.md)\n")
        #expect(result.links.map(\.url) == ["bild.png", "a.md", "http://www.example.se", "b.md"])
        #expect(result.links.map { [$0.line, $0.column] } == [[1, 4], [3, 7], [3, 17], [3, 32]])
        // cmark's column can also run past its (wrong) line's end, onto the line of the link itself
        // (fuzz/regressions/page-image-column-past-its-line.md).
        let past = MarkdownRenderer.render("a [l](om.\n) ![](b.png)\n\nx [l](om.\n) ![](c.png)\n")
        #expect(past.links.filter(\.isImage).map { [$0.line, $0.column] } == [[2, 3], [5, 3]])
    }

    /// cmark_parser_finish flips global tables: without the lock, concurrent renders lose
    /// strikethrough and autolinks on some pages (docs/cmark-gfm-notes.md).
    @Test func concurrentRenderingMatchesSerial() async {
        let bodies = (0..<400).map { "# Sida \($0)\n\n~~struken \($0)~~ och www.example\($0).se samt | a |\n|---|\n| \($0) |\n" }
        let serial = bodies.map { MarkdownRenderer.render($0).html }
        let parallel = await withTaskGroup(of: (Int, String).self) { group in
            for (i, body) in bodies.enumerated() { group.addTask { (i, MarkdownRenderer.render(body).html) } }
            var out = [String](repeating: "", count: bodies.count)
            for await (i, html) in group { out[i] = html }
            return out
        }
        #expect(parallel == serial)
        #expect(serial.allSatisfy { $0.contains("<del>") && $0.contains("<a href=") })
    }
}

@Suite struct AbbreviationTests {
    let options = MarkdownOptions(abbreviations: [.init("RÖS", "Regionala överenskommelsegruppen"), .init("IOP", "Idéburet offentligt partnerskap"), .init("VGR", "Västra Götalandsregionen")])

    @Test func onlyTheFirstUseOnAPageIsMarked() {
        let html = MarkdownRenderer.render("RÖS-gruppen möttes. RÖS beslöt om IOP.\n\nMer om IOP och `VGR` i kod, VGRs och VGR.\n", options: options).html
        #expect(html.contains("<p><abbr title=\"Regionala överenskommelsegruppen\">RÖS</abbr>-gruppen möttes. RÖS beslöt om <abbr title=\"Idéburet offentligt partnerskap\">IOP</abbr>.</p>"))
        #expect(html.contains("Mer om IOP och <code>VGR</code> i kod, VGRs och <abbr title=\"Västra Götalandsregionen\">VGR</abbr>.</p>"))
    }

    @Test func expansionsAreEscapedAndPlainTextIsUnchanged() {
        let result = MarkdownRenderer.render("## Om ABC\n\nText.\n", options: MarkdownOptions(abbreviations: [.init("ABC", "\"<b>\" & co")]))
        #expect(result.html.contains("<h2 id=\"om-abc\">Om <abbr title=\"&quot;&lt;b&gt;&quot; &amp; co\">ABC</abbr></h2>"))
        #expect(result.headings.first?.text == "Om ABC")
    }
}

/// Headings are given their ids as custom nodes: the HTML around them must be what cmark writes for a heading.
@Suite struct HeadingAnchorTests {
    @Test func headingsKeepCmarksLineBreaksWhereverTheyAre() {
        let body = "# Ett\n\ntext\n\n- punkt\n\n  ## I lista *fet*\n\n> ### Citat [länk](https://example.se)\n\nSetext\n---\n"
        #expect(MarkdownRenderer.render(body).html == "<h1 id=\"ett\">Ett</h1>\n<p>text</p>\n<ul>\n<li>\n<p>punkt</p>\n"
            + "<h2 id=\"i-lista-fet\">I lista <em>fet</em></h2>\n</li>\n</ul>\n<blockquote>\n"
            + "<h3 id=\"citat-länk\">Citat <a href=\"https://example.se\">länk</a></h3>\n</blockquote>\n<h2 id=\"setext\">Setext</h2>\n")
    }

    @Test func anEmptyAnchorIsNoId() {
        // GitHub's anchors: "" for the first, "-1" for the next whose slug is empty too.
        #expect(MarkdownRenderer.render("##\n\n## \"<&>\"\n").html == "<h2></h2>\n<h2 id=\"-1\">&quot;&lt;&amp;&gt;&quot;</h2>\n")
    }
}

@Suite struct TableCaptionTests {
    @Test func aTabellParagraphBecomesTheCaption() {
        let result = MarkdownRenderer.render("Intro.\n\nTabell: Budget 2024 & \"prognos\"\n\n| Post | Belopp |\n|---|--:|\n| Lön | 1 |\n")
        #expect(result.html.contains("<table>\n<caption>Budget 2024 &amp; &quot;prognos&quot;</caption>\n<thead>"))
        #expect(!result.html.contains("<p>Tabell:"))
        #expect(result.uncaptionedTables == [])
    }

    @Test func captionsGoToTheirOwnTablesAmongUncaptionedOnes() {
        let body = "| a |\n|---|\n\nTabell: Andra\n\n| b |\n|---|\n\n`<table>` och <table> i text.\n\n| c |\n|---|\n\n"
            + "> Tabell: Fjärde & co\n>\n> | d |\n> |---|\n"
        let html = MarkdownRenderer.render(body).html
        // Each table scrolls in its own box; a captioned one's box is a region named by the caption.
        let box = "<div class=\"table-scroll\" tabindex=\"0\">\n"
        #expect(html.hasPrefix(box + "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n</div>\n"))
        #expect(html.contains("</div>\n<div class=\"table-scroll\" role=\"region\" aria-label=\"Andra\" tabindex=\"0\">\n<table>\n<caption>Andra</caption>\n<thead>\n<tr>\n<th>b</th>"))
        #expect(html.contains("<p><code>&lt;table&gt;</code> och &lt;table&gt; i text.</p>\n" + box + "<table>\n<thead>\n<tr>\n<th>c</th>"))
        #expect(html.contains("<blockquote>\n<div class=\"table-scroll\" role=\"region\" aria-label=\"Fjärde &amp; co\" tabindex=\"0\">\n<table>\n<caption>Fjärde &amp; co</caption>\n<thead>"))
        #expect(html.hasSuffix("</table>\n</div>\n</blockquote>\n"))
        #expect(html.components(separatedBy: "<div class=\"table-scroll\"").count == 5)
        #expect(html.components(separatedBy: "</div>").count == 5)
        #expect(!html.contains("data-sourcepos"))
    }

    /// Passed-through HTML can write `<table>` itself: the captions then go by source position.
    @Test func rawHTMLTablesDoNotTakeACaption() {
        let body = "<table><tr><td>rå</td></tr></table>\n\nTabell: Min\n\n| b |\n|---|\n"
        let html = MarkdownRenderer.render(body, options: .init(unsafeHTML: true)).html
        #expect(html == "<table><tr><td>rå</td></tr></table>\n<div class=\"table-scroll\" role=\"region\" aria-label=\"Min\" tabindex=\"0\">\n<table>\n<caption>Min</caption>\n<thead>\n<tr>\n<th>b</th>\n</tr>\n</thead>\n</table>\n</div>\n")
    }

    @Test func captionsAreCopiedWithTheRestOfThePage() {
        let html = "<p>x</p>\n<table>\n<tr></tr></table>\n<p>&lt;table&gt;</p><table>\n</table><table>\n</table>"
        #expect(TableCaptions.apply(html, captions: [nil, "B & C", "D"])
            == "<p>x</p>\n<table>\n<tr></tr></table>\n<p>&lt;table&gt;</p><table>\n<caption>B &amp; C</caption>\n</table><table>\n<caption>D</caption>\n</table>")
        #expect(TableCaptions.apply(html, captions: [nil, nil, nil]) == html)
        // More captions than tables (never made by the walk) neither crash nor write past the page.
        #expect(TableCaptions.apply("<table>", captions: ["A", "B"]) == "<table>\n<caption>A</caption>")
    }

    @Test func tablesWithoutCaptionAreReported() {
        let result = MarkdownRenderer.render("Text.\n\n| a |\n|---|\n| 1 |\n\n| b |\n|---|\n")
        #expect(result.uncaptionedTables == [3, 7])
        #expect(!result.html.contains("<caption>"))
    }
}
