import Testing
@testable import Graph

/// The ASCII fast paths of Routes must give what the general Character code gives.
@Suite struct RoutesFastPathTests {
    static let folders = ["", "/", "moten/", "moten/a/", "om/", "a/b/c/", "delregioner/", "delregioner/norr/", "x//y/", "/abs/", "a"]
    static let targets = ["", "/", "moten/", "moten/a/", "moten/b/index.html", "delregioner/norr/", "om/", "sitemap.xml", "a/b/c/d",
                          "a//b/", "moten//", "/x/", "a"]

    @Test func relativeLinksAgree() {
        for from in Self.folders {
            for to in Self.targets {
                #expect(Routes.asciiRelative(from: from, to: to) == Routes.characterRelative(from: from, to: to), "\(from) → \(to)")
            }
        }
        #expect(Routes.asciiRelative(from: "möten/", to: "x/") == nil)
    }

    @Test func resolveAgrees() {
        let sources = ["content/pages/a.md", "content/a.md", "content/meetings/x/y.md", "a.md", "/x/a.md", "content//pages/a.md", "content/pages/"]
        let links = ["../b.md", "./c.md", "../../x", "../../../x", "./sub/../c.md", "a//b/./c.md", "..", ".", "", "/x.md",
                     "../meetings/2024-08-19-ros.md", "...", ".x/..y", "x/", "x//", "./", "../", "//", "a/../../b", "../a/./../b/"]
        for source in sources {
            for link in links {
                #expect(Routes.asciiResolve(link, relativeTo: source) == Routes.resolveCharacters(link, relativeTo: source), "\(source) + \(link)")
            }
        }
    }
}

@Suite struct RelationOrderTests {
    @Test func rankIsTheDeclarationOrder() {
        #expect(Relation.allCases.map(\.rank) == Array(Relation.allCases.indices))
    }
}

/// A vague link text is told without lower-casing long texts: the same answer as lower-casing every one.
@Suite struct VagueLinkTextTests {
    @Test func sameAnswerAsLowercasingEveryText() {
        let texts = ["här", "HÄR", "Klicka Här", "klicka här!", "Läs mer", "LÄS MER", "länk", "Click here", "here", "HERE",
                     // U+212A KELVIN SIGN lower-cases to ASCII k (fewer bytes); a decomposed ä is one scalar more.
                     "\u{212A}licka här", "klicka h\u{E4}r", "klicka ha\u{308}r", "İ", "finansiering ideella", "", " här", "här "]
        for text in texts {
            #expect(BodyChecks.isVague(text) == BodyChecks.vagueLinkTexts.contains(text.lowercased()), "\(text)")
        }
        #expect(BodyChecks.isVague("\u{212A}licka ha\u{308}r"))
        #expect(BodyChecks.isVague("LÄS MER"))
        #expect(!BodyChecks.isVague("klicka ha\u{308}r!"))
    }
}
