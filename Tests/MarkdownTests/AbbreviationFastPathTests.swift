import Foundation
import Testing
@testable import Markdown

/// The byte search for abbreviations must find what Foundation's search finds.
@Suite struct AbbreviationFastPathTests {
    /// `firstWord` as first written, with Foundation's search.
    static func reference(_ word: String, in text: String) -> Range<String.Index>? {
        var start = text.startIndex
        while let range = text.range(of: word, range: start..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !(before?.isLetter ?? false), !(before?.isNumber ?? false), !(after?.isLetter ?? false), !(after?.isNumber ?? false) {
                return range
            }
            start = text.index(after: range.lowerBound)
        }
        return nil
    }

    @Test func sameMatchesAsFoundation() {
        let words = ["RÖS", "IOP", "VGR", "SER", "Ö", "A"]
        let texts = ["RÖS-gruppen möttes", "ett IOPavtal och ett IOP.", "xVGR VGR2 (VGR)", "", "RÖS", "ÖRÖS RÖSÖ RÖS", "SERSER SER",
                     "åäö IOP", "1IOP IOP1 _IOP_", "RÖSRÖS RÖS", "A Ä AA Å", "été IOP été"]
        for word in words {
            for text in texts {
                #expect(AbbreviationMarker.isSimple(text))
                let fast = AbbreviationMarker.simpleFirstWord(word, in: text)
                let slow = Self.reference(word, in: text)
                #expect(fast.map { text.distance(from: text.startIndex, to: $0.lowerBound) } == slow.map { text.distance(from: text.startIndex, to: $0.lowerBound) },
                        "\(word) in \(text)")
                #expect(fast.map { String(text[$0]) } == slow.map { String(text[$0]) })
                // The search over contiguous bytes and the one over the view's indices agree.
                let long = String(repeating: "x ", count: 20) + text
                let inView = AbbreviationMarker.simpleFirstWordInView(Array(word.utf8), in: long)
                #expect(AbbreviationMarker.simpleFirstWord(word, in: long) == inView, "\(word) in \(long)")
                #expect(AbbreviationMarker.simpleFirstWordInView(Array(word.utf8), in: text) == fast)
            }
        }
        #expect(!AbbreviationMarker.isSimple("e\u{301}"))
    }
}

/// Line numbers read from cmark's source positions: the digit fold must give what `Int(String)` gives.
@Suite struct SourcePositionsFastPathTests {
    @Test func numbersAsIntParses() {
        for text in ["12", "", "+5", "-3", "a", "007", "1a", "99999999999999999", "123456789012345678901", "0"] {
            #expect(SourcePositions.number(Array(text.utf8)[...]) == Int(text), "\(text)")
        }
    }

    @Test func captionsFoundAmongWords() {
        let html = "<p data-sourcepos=\"1:1-1:9\">a b c d</p>\n<h2>Rubrik</h2>\n"
            + "<table data-sourcepos=\"5:1-6:9\">\n<tr><td>x</td></tr></table>\n"
        #expect(SourcePositions.apply(html, captions: [5: "Tabell <1>"])
            == "<p>a b c d</p>\n<h2>Rubrik</h2>\n<table>\n<caption>Tabell &lt;1&gt;</caption>\n<tr><td>x</td></tr></table>\n")
    }
}

/// Telling an autolink without making strings: the same answers as comparing with each spelling made.
@Suite struct AutolinkTests {
    @Test func sameAnswersAsTheSpelledOutComparison() {
        let texts = ["www.example.se", "a@b.se", "", "http://x.se", "é.se"]
        let urls = texts.flatMap { [$0, "http://" + $0, "mailto:" + $0, "https://" + $0, "http://" + $0 + "/", "mailto:"] }
        for url in urls {
            for text in texts {
                #expect(MarkdownRenderer.isAutolink(url: url, text: text) == [text, "http://" + text, "mailto:" + text].contains(url), "\(url) \(text)")
            }
        }
    }
}

/// The slugger's ASCII shortcut keeps and drops what Unicode's properties keep and drop.
@Suite struct SluggerFastPathTests {
    @Test func asciiAsThePropertiesDecide() {
        for value in UInt8(0)..<0x80 where value != UInt8(ascii: " ") {
            let scalar = Unicode.Scalar(value)
            let kept = Slugger.slug(String(Character(scalar)).uppercased()) == String(Character(scalar)).lowercased()
            #expect(kept == Slugger.keeps(Unicode.Scalar(String(Character(scalar)).lowercased())!), "\(value)")
        }
        #expect(Slugger.slug("Årets möte: 2024 (beslut) – del_2 #1 😀") == "årets-möte-2024-beslut--del_2-1-")
    }
}
