import Testing
@testable import Content

@Suite struct FrontMatterTests {
    @Test func splitsAndCountsLinesAsTheEditorSeesThem() throws {
        let split = try FrontMatter.split("---\ntitle: A\nmenu: 1\n---\nBody\nmore\n", path: "p.md").get()
        #expect(split.yaml == "title: A\nmenu: 1")
        #expect(split.yamlLine == 2)
        #expect(split.body == "Body\nmore\n")
        #expect(split.bodyLine == 5)
    }

    @Test func acceptsDotsAsClosingFenceAndTrailingSpaces() throws {
        let split = try FrontMatter.split("---  \ntitle: A\n...\n", path: "p.md").get()
        #expect(split.yaml == "title: A")
        #expect(split.body == "")
    }

    @Test func bomAndCRLFAreNormalised() throws {
        let text = try SourceText.decode([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: A\r\n---\r\nX\r\n".utf8), path: "p.md").get()
        #expect(text == "---\ntitle: A\n---\nX\n")
    }

    @Test func rejectsOverlongAndSurrogateUTF8() {
        #expect(SourceText.firstInvalidUTF8([0xC0, 0x80][...]) == 0)
        #expect(SourceText.firstInvalidUTF8([0x41, 0xED, 0xA0, 0x80][...]) == 1)
        #expect(SourceText.firstInvalidUTF8(Array("åäö – ✓ 😀".utf8)[...]) == nil)
    }
}

@Suite struct DayTests {
    @Test func onlyRealDaysParse() {
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2024-04-31") == nil)
        #expect(Day(iso: "2024-4-3") == nil)
        #expect(Day(iso: "２０２４-01-01") == nil)
        #expect(Day(iso: "2024-08-19")?.iso == "2024-08-19")
    }

    @Test func weekdaysAndOrder() {
        #expect(Day(iso: "2024-08-19")!.weekday == 1)
        #expect(Day(iso: "1970-01-01")!.daysSinceEpoch == 0)
        #expect(Day(iso: "2024-08-19")! < Day(iso: "2024-09-01")!)
    }

    @Test func fuzzyDays() {
        #expect(FuzzyDay("2024-05")?.description == "2024-05")
        #expect(FuzzyDay("2024")?.earliest == Day(iso: "2024-01-01"))
        #expect(FuzzyDay("2024-13") == nil)
        #expect(FuzzyDay("2024-05")! < FuzzyDay("2024-05-02")!)
    }
}

@Suite struct FieldsTests {
    func fields(_ yaml: String) -> Fields {
        var diagnostics: [Diagnostic] = []
        let node = YAMLTree.parse(yaml, path: "p.md", firstLine: 2, diagnostics: &diagnostics)!
        return Fields(node, path: "p.md", what: "front matter")
    }

    @Test func unknownKeysWarnWithTheClosestKnownKey() {
        var f = fields("title: A\ntitel: B\n")
        _ = f.text("title")
        f.warnUnknown(known: ["summary"])
        #expect(f.diagnostics == [.warning("unknown key 'titel'", at: SourcePosition(file: "p.md", line: 3, column: 1), hint: "did you mean 'title'?")])
    }

    @Test func positionsAreShiftedToTheFileLine() {
        var f = fields("a: 1\nb: x\n")
        #expect(f.count("b") == nil)
        #expect(f.diagnostics.first?.line == 3)
        #expect(f.diagnostics.first?.column == 4)
    }

    @Test func unquotedTimesAndDatesStayText() {
        var f = fields("start: 09:30\ndate: 2024-08-19\n")
        #expect(f.time("start")?.value == "09:30")
        #expect(f.day("date")?.value == Day(iso: "2024-08-19"))
        #expect(f.diagnostics.isEmpty)
    }
}

@Suite struct URLCheckTests {
    @Test func refusesScriptSchemesHoweverWritten() {
        for url in ["javascript:alert(1)", "JAVASCRIPT:x", " java\tscript:x", "data:text/html,x", "vbscript:x", "file:///etc/passwd"] {
            #expect(!URLCheck.isSafeInBody(url), "\(url)")
            #expect(URLCheck.problem(url) != nil, "\(url)")
        }
        for url in ["https://www.vregion.se/okc", "mailto:a@b.se", "../pages/om.md", "#rubrik", "bild.png"] {
            #expect(URLCheck.isSafeInBody(url), "\(url)")
        }
        #expect(URLCheck.problem("https://www.vregion.se/") == nil)
        #expect(URLCheck.problem("www.vregion.se") != nil)
    }
}

@Suite struct IdentifierTests {
    @Test func idsAndSlugs() {
        #expect(Identifier.problem("2024-08-19-ros") == nil)
        #expect(Identifier.problem("Möte") != nil)
        #expect(Identifier.problem("a--b") != nil)
        #expect(Identifier.slug("Möte i Borås, 2024!") == "mote-i-boras-2024")
        #expect(Closest.match("anna-anderson", in: ["anna-andersson", "bertil-berg"]) == "anna-andersson")
        #expect(Closest.match("x", in: ["anna-andersson"]) == nil)
    }

    /// libyaml also breaks lines at U+2028 and friends; positions are given in the editor's lines.
    @Test func positionsAfterLineSeparatorsAreTheEditorsLines() throws {
        var diagnostics: [Diagnostic] = []
        let root = try #require(YAMLTree.parse("a: \"x\u{2028}y\"\nb: 1\n", path: "p.md", firstLine: 2, diagnostics: &diagnostics))
        guard case .mapping(let pairs) = root.value else { Issue.record("not a mapping"); return }
        #expect(pairs.map { [$0.value.position.line, $0.value.position.column] } == [[2, 4], [3, 4]])
        _ = YAMLTree.parse("a: 1\u{2028}\u{2028}\u{2028}\na: 2\n", path: "p.md", firstLine: 2, diagnostics: &diagnostics)
        #expect(diagnostics.map { "\($0.line):\($0.column) \($0.message)" } == ["3:1 duplicate key 'a'"])
    }
}
