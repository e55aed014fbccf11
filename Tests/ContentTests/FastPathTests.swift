import Foundation
import Testing
@testable import Content

/// The byte-level front matter split must give what the original Character-level split gave.
@Suite struct FrontMatterSplitEquivalenceTests {
    /// The split as first written: Character lines, joined back.
    static func reference(_ text: String) -> FrontMatterSplit? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, FrontMatter.isFence(first, allowDots: false) else { return nil }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var lineNumber = 2
        while let line = lines.first {
            if FrontMatter.isFence(line, allowDots: true) {
                return FrontMatterSplit(yaml: yamlLines.joined(separator: "\n"), yamlLine: 2,
                                        body: lines.dropFirst().joined(separator: "\n"), bodyLine: lineNumber + 1)
            }
            yamlLines.append(line)
            lines = lines.dropFirst()
            lineNumber += 1
        }
        return nil
    }

    static let cases = [
        "---\ntitle: A\n---\nBody\n", "---\n---\n", "---\n---", "---\n---\n\n", "---", "---\n", "---\ntitle: A",
        "---\ntitle: A\n...", "---  \na: 1\n--- \t\nx\ny", "---\na: 1\n----\nb: 2\n---\nc", "x\n---\n---\n",
        "---\nå: ö\n---\n– ✓ 😀\n\n", "---\na: \"---\"\n ---\n---\nbody --- \n---\n", "---\n\n\n---\n\n\nz",
        "---\ne\u{301}: 1\n---\u{301}\n---\n",
    ]

    @Test(arguments: cases)
    func sameAsTheCharacterSplit(_ text: String) {
        let fast = try? FrontMatter.split(text, path: "p.md").get()
        #expect(fast == Self.reference(text), "\(text.debugDescription)")
    }
}

/// JSON strings: text found to need no escape is appended whole; it must be exactly the text that
/// escaping scalar by scalar leaves unchanged.
@Suite struct JSONStringFastPathTests {
    @Test func escapesWhatTheScalarLoopEscapes() {
        let texts = ["", "plain", "Möte 10:00–12:00 “citat” …", "a\u{2028}b", "\u{2029}", "x\u{E2}", "<b>&\"\\", "tab\there",
                     "\u{1}", "slut\u{2028}", "–", "\u{2027}\u{202A}", String(repeating: "lång text – ", count: 40)]
        for text in texts {
            let changed = text.unicodeScalars.contains {
                $0.value < 0x20 || "\"\\<>&".unicodeScalars.contains($0) || $0 == "\u{2028}" || $0 == "\u{2029}"
            }
            #expect(JSONValue.needsEscape(text) == changed, "\(text.debugDescription)")
            let out = JSONValue.quoted(text)
            if !changed { #expect(out == "\"" + text + "\"") }
        }
        #expect(JSONValue.quoted("a\u{2028}–<") == "\"a\\u2028–\\u003c\"")
    }
}

/// `Escape.xml`'s shortcuts (nothing to escape, ASCII by bytes) give what the Character loop gives.
@Suite struct XMLEscapeFastPathTests {
    @Test func agreesWithTheCharacterLoop() {
        let texts = ["", "plain text", "Möte i Göteborg", "a & b", "<p class=\"x\">'hej'</p>", "&&<<>>\"\"''", "x'", "'",
                     "Å & Ö <b>", "&\u{301}", "<\u{301}>", "e\u{301}&", "🇸🇪 & 🇳🇴", "\r\n&\r\n", "a\u{0}<"]
        for text in texts {
            #expect(Escape.xml(text) == Escape.characters(text), "\(text.debugDescription)")
        }
        #expect(Escape.xml("a & <b>") == "a &amp; &lt;b&gt;")
        #expect(Escape.xml("&\u{301}") == "&\u{301}")
    }
}

/// `Day.iso`'s ten-byte path gives what joining the padded parts gives.
@Suite struct DayISOFastPathTests {
    @Test func agreesWithThePaddedParts() throws {
        for year in [1, 9, 10, 99, 100, 999, 1000, 1999, 2024, 9999] {
            for (month, day) in [(1, 1), (2, 29), (9, 9), (10, 10), (12, 31)] {
                guard let date = Day(year: year, month: month, day: day) else { continue }
                #expect(date.iso == Digits.four(year) + "-" + Digits.two(month) + "-" + Digits.two(day))
            }
        }
        #expect(try #require(Day(year: 987, month: 3, day: 5)).iso == "0987-03-05")
    }
}

/// Trimming returns a text whose ends are not White_Space (nor U+200B) as it is: that must be what Foundation's trimming gives.
@Suite struct TrimmingFastPathTests {
    @Test func foundationsWhitespaceIsUnicodesWhiteSpaceAndZeroWidthSpace() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let trimmed = String.isTrimmed(scalar)
            #expect(CharacterSet.whitespacesAndNewlines.contains(scalar) == trimmed, "U+\(String(value, radix: 16))")
            if CharacterSet.whitespaces.contains(scalar) { #expect(trimmed, "U+\(String(value, radix: 16))") }
        }
    }

    @Test func sameTextAsFoundation() {
        let ends = ["", " ", "\t", "\n", "\u{A0}", "\u{3000}", "\u{2028}", "\u{85}", "ö", "e\u{301}", "😀", "\u{200B}", "a"]
        for start in ends {
            for end in ends {
                let text = start + "Möte i Borås" + end
                for newlines in [true, false] {
                    let set: CharacterSet = newlines ? .whitespacesAndNewlines : .whitespaces
                    #expect(text.trimmingWhitespace(newlines: newlines) == text.trimmingCharacters(in: set), "\(Array(text.unicodeScalars))")
                }
            }
        }
    }
}
