@testable import Content
import Testing
import TestSupport
@testable import Graph

@Suite struct ScoresTests {
    /// The dialogue meeting of 13 May 2024: lower means rank first.
    @Test func meansUseADecimalCommaAndRankEitherWay() {
        let scores = [
            Meeting.Score(option: "Jämbördig dialog", values: [3, 2, 3, 3, 3, 1, 3, 3], position: .file("m.md")),
            Meeting.Score(option: "Ökade kunskaper", values: [2, 1, 2, 1, 2, 1, 1, 1], position: .file("m.md")),
            Meeting.Score(option: "Långsiktig finansiering", values: [1, 2, 1, 2, 1, 2, 1, 2], position: .file("m.md")),
        ]
        let low = Scores.results(scores, lowIsBest: true)
        #expect(low.map(\.meanText) == ["2,6", "1,4", "1,5"])
        #expect(low.map(\.rank) == [3, 1, 2])
        #expect(Scores.results(scores).map(\.rank) == [1, 3, 2])
        #expect(Scores.results([Meeting.Score(option: "A", values: [2], position: .file("m")), Meeting.Score(option: "B", values: [2], position: .file("m"))]).map(\.rank) == [1, 1])
    }

    /// Any finite number checks as a score value, so the render meets values no Int holds; converting
    /// them stopped okc (found by mutating the real site's scores to 99999999999999999999).
    @Test func numbersNoIntHoldsAreWrittenNotTrapped() {
        #expect(Scores.number(3) == "3")
        #expect(Scores.number(2.5) == "2,5")
        #expect(Scores.number(-0.25) == "-0,3")
        #expect(Scores.number(1e20) == "1e+20")
        #expect(Scores.number(-1e19) == "-1e+19")
        #expect(Scores.decimalComma(9.3e17) == "9,3e+17")
        #expect(Scores.decimalComma(4.5e14) == "450000000000000,0")
        #expect(Scores.number(.infinity) == "inf")
        #expect(Scores.number(.nan) == "nan")
        #expect(Scores.results([Meeting.Score(option: "A", values: [1e20, 2e20], position: .file("m"))]).map(\.meanText) == ["1,5e+20"])
    }
}

extension Meeting.Score {
    init(option: String, values: [Double], position: SourcePosition) {
        self.init(option: option, values: values, writtenMean: nil, position: position)
    }
}

@Suite struct RoutesTests {
    @Test func relativeLinksBetweenFolders() {
        #expect(Routes.relative(from: "moten/a/", to: "underskrivare/b/") == "../../underskrivare/b/")
        #expect(Routes.relative(from: "", to: "moten/") == "moten/")
        #expect(Routes.relative(from: "om/", to: "") == "../")
        #expect(Routes.relative(from: "", to: "") == "./")
        #expect(Routes.resolve("../b.md", relativeTo: "content/pages/a.md") == "content/b.md")
        #expect(Routes.resolve("../../../x", relativeTo: "content/pages/a.md") == nil)
        #expect(Routes.resolve("./sub/../c.md", relativeTo: "content/pages/a.md") == "content/pages/c.md")
    }
}

@Suite struct LinkerTests {
    @Test func unknownReferencesSuggestTheClosestId() throws {
        let site = try FixtureSite([
            "content/people/anna-andersson.md": "---\nname: Anna Andersson\ninitials: AA\n---\n",
            "content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\nattendees: [anna-anderson]\napproved_by: [AB]\n---\n",
        ])
        let diagnostics = site.build(output: nil).diagnostics
        #expect(diagnostics.map(\.hint) == ["did you mean 'anna-andersson'?", "did you mean 'AA'?"])
    }

    @Test func backlinksComeFromReferencesAndBodyLinks() throws {
        let site = try FixtureSite(CompleteFixture.files)
        let result = site.build(output: nil)
        #expect(result.lines == [])
        let meeting = try #require(site.read("content/meetings/2024-08-19-ros.md"))
        #expect(meeting.contains("owner: AA"))
        site.build()
        let person = try #require(site.read("site/personer/anna-andersson/index.html"))
        #expect(person.contains("Omnämnd i"))
        #expect(person.contains("<a href=\"../../moten/2024-08-19-ros/\">RÖS-möte 19 augusti 2024</a>"))
        #expect(person.contains("<a href=\"../../rapporter/slutrapport/\">Slutrapport</a>"))
        let plan = try #require(site.read("site/handlingsplaner/plan-2020-2022/index.html"))
        #expect(plan.contains("<a href=\"../../rapporter/slutrapport/\">Slutrapport</a>"))
    }
}
