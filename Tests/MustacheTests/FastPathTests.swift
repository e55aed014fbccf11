import Testing
import Mustache

/// The vendored renderer's fast paths (marked `okc:` in Sources/Mustache) must render what the general
/// code renders. Each expectation is what swift-mustache 2.1.1 renders for the same template and data.
@Suite struct MustacheFastPathTests {
    func render(_ template: String, _ object: Any, partials: [String: String] = [:]) throws -> String {
        var library = MustacheLibrary()
        for (name, text) in partials { library.register(try MustacheTemplate(string: text), named: name) }
        library.register(try MustacheTemplate(string: template), named: "main")
        return library.render(object, withTemplate: "main") ?? "<nil>"
    }

    @Test func variablesAndEscaping() throws {
        let data: [String: Any] = ["text": "<a href=\"x\">'&'</a>", "flag": true, "number": 42, "t": ["key": "värde"] as [String: String],
                                   "combined": "\"\u{301}<", "missing": Optional<String>.none as Any]
        #expect(try render("{{text}}|{{{text}}}|{{&text}}", data) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;|<a href=\"x\">'&'</a>|<a href=\"x\">'&'</a>")
        #expect(try render("{{flag}} {{number}} {{t.key}} {{t.none}}.", data) == "true 42 värde .")
        // A quote joined with a combining accent is one Character that is not a quote: not escaped.
        #expect(try render("{{combined}}", data) == "\"\u{301}&lt;")
    }

    @Test func sectionsOverOkcTypes() throws {
        let data: [String: Any] = [
            "items": [["title": "a"], ["title": "b"], ["title": "c"]] as [[String: Any]],
            "empty": [] as [[String: Any]], "yes": true, "no": false, "word": "ord", "blank": "",
            "site": ["title": "Plats", "contact": ["name": "Kansliet"] as [String: Any]] as [String: Any],
            "strings": ["x", "y"], "crumbs": [["title": "Hem"]] as [[String: String]], "t": ["sep": ", "] as [String: String],
        ]
        #expect(try render("{{#items}}{{title}}{{^last()}}{{t.sep}}{{/last()}}{{/items}}", data) == "a, b, c")
        #expect(try render("{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}", data) == "none")
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{^yes}}!Y{{/yes}}", data) == "Y!N")
        #expect(try render("{{#word}}[{{.}}|{{site.title}}]{{/word}}{{^word}}no{{/word}}{{#blank}}[{{.}}]{{/blank}}", data) == "[ord|Plats][]")
        #expect(try render("{{#site}}{{title}}/{{contact.name}}{{/site}} {{site.contact.name}}", data) == "Plats/Kansliet Kansliet")
        #expect(try render("{{#strings}}{{.}};{{/strings}}{{#crumbs}}{{title}}{{/crumbs}}", data) == "x;y;Hem")
        #expect(try render("{{^empty(items)}}full{{/empty(items)}}{{#empty(empty)}}void{{/empty(empty)}}", data) == "fullvoid")
        #expect(try render("{{#items}}{{#first()}}F{{/first()}}{{title}}{{/items}}", data) == "Fabc")
    }

    struct Plain { let name: String }

    /// The context stack decides each object's type when it is pushed; lookups climb through every kind.
    @Test func lookupsThroughEveryKindOfStackObject() throws {
        let data: [String: Any] = [
            "t": ["k": "T"] as [String: String], "number": 42, "word": "ord", "plain": Plain(name: "N"),
            "items": [["title": "a", "inner": ["title": "i"] as [String: Any]]] as [[String: Any]],
            "names": ["x": "X"] as [String: String], "title": "top",
        ]
        #expect(try render("{{#number}}{{.}}{{t.k}}{{title}}{{/number}}", data) == "42Ttop")
        #expect(try render("{{#plain}}{{name}}{{t.k}}{{missing}}{{/plain}}", data) == "NT")
        #expect(try render("{{#items}}{{#inner}}{{title}}{{t.k}}{{.title}}{{/inner}}{{title}}{{/items}}", data) == "iTia")
        #expect(try render("{{#names}}{{x}}{{title}}{{/names}}{{#word}}{{title}}{{/word}}", data) == "Xtoptop")
        #expect(try render("{{#count(items)}}{{.}}{{/count(items)}}{{#first(items)}}{{title}}{{/first(items)}}{{^empty(items)}}!{{/empty(items)}}", data) == "1a!")
    }

    /// A content-type pragma changes only the rest of the template it is in (not the enclosing one, not partials).
    @Test func contentTypePragma() throws {
        let data: [String: Any] = ["x": "<b>", "items": [["title": "<i>"]] as [[String: Any]]]
        #expect(try render("{{x}}{{%CONTENT_TYPE: TEXT}}{{x}}", data) == "&lt;b&gt;<b>")
        #expect(try render("{{#items}}{{title}}{{%CONTENT_TYPE: TEXT}}{{title}}{{/items}}{{x}}", data) == "&lt;i&gt;<i>&lt;b&gt;")
        #expect(try render("{{%CONTENT_TYPE: TEXT}}{{>p}}{{x}}", data, partials: ["p": "{{x}}"]) == "&lt;b&gt;<b>")
    }

    @Test func partialsInheritanceAndIndentation() throws {
        let partials = ["base": "<main>\n{{$main}}default{{/main}}\n</main>\n", "line": "a\nb\n"]
        let data: [String: Any] = ["x": "X"]
        #expect(try render("{{<base}}{{$main}}{{x}}{{/main}}{{/base}}", data, partials: partials) == "<main>\nX\n</main>\n")
        #expect(try render("  {{>line}}\n", data, partials: partials) == "  a\n  b\n")
        #expect(try render("{{>line}}", data, partials: partials) == "a\nb\n")
    }
}
