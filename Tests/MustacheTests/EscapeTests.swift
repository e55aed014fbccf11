import Testing
@testable import Mustache

/// `htmlEscape` escapes bytes where it can; it must give what escaping Character by Character gives
/// (upstream's dictionary of five Characters), also where a special byte is part of a larger Character.
@Suite struct EscapeTests {
    static func reference(_ text: String) -> String {
        let map: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"]
        return text.map { map[$0] ?? String($0) }.joined()
    }

    @Test func bytesAndCharactersEscapeAlike() {
        let texts = ["", "plain", "<", "a<b>c", "'x' & \"y\"", "<<>>&&", "åäö <b>", "<å", "å<", "x<é", "\"\u{301}<", "<\u{301}", "é&é",
                     "\u{600}<", "👍🏽'", "'👍🏽", "\r\n<", "<\r\n", "a\u{200D}<", "Sam'mandrag – \"citat\"", String(repeating: "ab<", count: 50)]
        for text in texts {
            #expect(text.htmlEscape() == Self.reference(text), "\(text.debugDescription)")
            var appended = "head"
            text.htmlEscape(into: &appended)
            #expect(appended == "head" + Self.reference(text))
        }
        let accented = "\"\u{301}<", expected = "\"\u{301}" + "&lt;"
        #expect("a<b".htmlEscape() == "a&lt;b")
        #expect(accented.htmlEscape() == expected)
    }
}
