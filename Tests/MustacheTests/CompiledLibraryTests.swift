import Foundation
import Testing
import Mustache

/// `MustacheCompiledLibrary` must render exactly what `MustacheLibrary` renders: every check renders one
/// template both ways, expects the two equal, and expects the text swift-mustache gives.
@Suite struct CompiledLibraryTests {
    func render(_ template: String, _ object: Any, partials: [String: String] = [:],
                sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        var library = MustacheLibrary()
        for (name, text) in partials { library.register(try MustacheTemplate(string: text), named: name) }
        library.register(try MustacheTemplate(string: template), named: "main")
        let general = library.render(object, withTemplate: "main")
        let compiled = MustacheCompiledLibrary(library).render(object, withTemplate: "main")
        #expect(compiled == general, "compiled and general renders differ", sourceLocation: sourceLocation)
        return compiled ?? "<nil>"
    }

    struct Plain { let name: String; let inner: [String: Any] }
    struct Renderable: MustacheCustomRenderable { var renderText: String { "<custom>" }; var isNull: Bool { false } }
    struct Null: MustacheCustomRenderable { var renderText: String { "null" }; var isNull: Bool { true } }

    @Test func variablesOfEveryType() throws {
        let data: [String: Any] = [
            "text": "<a href=\"x\">'&'</a>", "flag": false, "number": 7, "words": ["a", "<b>"], "t": ["k": "v&"] as [String: String],
            "missing": Optional<String>.none as Any, "some": Optional("s<") as Any, "double": 1.5, "plain": Plain(name: "P<", inner: [:]),
            "custom": Renderable(), "lambda": MustacheLambda { "{{text}}!" }, "items": [["a": 1]] as [[String: Any]],
        ]
        #expect(try render("{{text}}|{{{text}}}|{{&text}}|{{flag}}|{{number}}|{{t.k}}|{{{t.k}}}|{{nothing}}.", data)
            == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;|<a href=\"x\">'&'</a>|<a href=\"x\">'&'</a>|false|7|v&amp;|v&|.")
        #expect(try render("{{words}}|{{{words}}}|{{missing}}|{{some}}|{{{some}}}|{{double}}", data)
            == "[&quot;a&quot;, &quot;&lt;b&gt;&quot;]|[\"a\", \"<b>\"]|nil|s&lt;|s<|1.5")
        #expect(try render("{{plain.name}}|{{custom}}|{{{custom}}}|{{lambda}}|{{{lambda}}}", data) == "P&lt;|&lt;custom&gt;|<custom>|&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;!|&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;!")
        #expect(try render("{{items}}", data) == "[[&quot;a&quot;: 1]]")
    }

    @Test func sectionsOverEveryType() throws {
        let data: [String: Any] = [
            "items": [["title": "a"], ["title": "b"], ["title": "c"]] as [[String: Any]], "none": [] as [[String: Any]],
            "yes": true, "no": false, "word": "ord", "blank": "", "zero": 0, "words": ["x", "y"], "noWords": [String](),
            "site": ["title": "Plats", "contact": ["name": "K"] as [String: Any]] as [String: Any], "emptySite": [String: Any](),
            "crumbs": [["title": "Hem"]] as [[String: String]], "t": ["sep": ", "] as [String: String], "plain": Plain(name: "N", inner: ["x": "X"]),
            "null": Null(), "lambda": MustacheLambda { text in "<" + text + ">" }, "set": Set(["only"]), "title": "top",
        ]
        #expect(try render("{{#items}}{{title}}{{^last()}}{{t.sep}}{{/last()}}{{/items}}|{{#none}}x{{/none}}{{^none}}{{.}}0{{/none}}", data) == "a, b, c|[]0")
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{^yes}}!Y{{/yes}}", data) == "Y!N")
        #expect(try render("{{#word}}[{{.}}|{{title}}]{{/word}}{{^word}}no{{/word}}{{#blank}}[{{.}}]{{/blank}}{{^blank}}nb{{/blank}}", data) == "[ord|top][]")
        #expect(try render("{{#site}}{{title}}/{{contact.name}}{{/site}}{{^site}}!{{/site}}{{#emptySite}}{{title}}{{/emptySite}}{{^emptySite}}!{{/emptySite}}", data) == "Plats/Ktop")
        #expect(try render("{{#words}}{{.}}{{#first()}}F{{/first()}}{{index()}};{{/words}}{{#noWords}}x{{/noWords}}{{^noWords}}{{.}}!{{/noWords}}{{^words}}w{{/words}}", data) == "xF0;y1;[]!")
        #expect(try render("{{#crumbs}}{{title}}{{/crumbs}}{{#zero}}[{{.}}]{{/zero}}{{^zero}}z{{/zero}}{{#plain}}{{name}}{{inner.x}}{{/plain}}", data) == "Hem[0]NX")
        #expect(try render("{{#null}}n{{/null}}{{^null}}!n{{/null}}{{#lambda}}{{word}}{{/lambda}}{{#set}}{{.}}{{/set}}{{#missing}}m{{/missing}}{{^missing}}!m{{/missing}}", data) == "!n<ord>only!m")
    }

    @Test func namesClimbTheStackAndDotsStopIt() throws {
        let data: [String: Any] = [
            "title": "top", "t": ["k": "T"] as [String: String], "number": 42,
            "items": [["title": "a", "inner": ["title": "i", "deep": ["v": "D"] as [String: Any]] as [String: Any]]] as [[String: Any]],
            "names": ["x": "X"] as [String: String],
        ]
        #expect(try render("{{#items}}{{#inner}}{{title}}|{{.title}}|{{t.k}}|{{deep.v}}|{{inner.title}}|{{.missing}}{{/inner}}{{/items}}", data) == "i|i|T|D|i|")
        #expect(try render("{{#number}}{{.}}{{title}}{{t.k}}{{/number}}{{#names}}{{x}}{{title}}{{/names}}{{#items}}{{#title}}{{.}}{{title}}{{inner.deep.v}}{{/title}}{{/items}}", data) == "42topTXtopaaD")
        #expect(try render("{{#items}}{{#inner}}{{#deep}}{{v}}{{title}}{{number}}{{/deep}}{{/inner}}{{/items}}", data) == "Di42")
    }

    @Test func transforms() throws {
        let data: [String: Any] = [
            "items": [["n": 1], ["n": 2]] as [[String: Any]], "none": [] as [[String: Any]], "words": ["b", "a"], "word": "Ord", "count": 3,
        ]
        #expect(try render("{{^empty(items)}}full{{/empty(items)}}{{#empty(none)}}void{{/empty(none)}}{{count(items)}}{{#first(items)}}{{n}}{{/first(items)}}", data) == "fullvoid21")
        #expect(try render("{{#items}}{{index()}}{{#even()}}e{{/even()}}{{^first()}}-{{/first()}}{{/items}}{{#reversed(words)}}{{.}}{{/reversed(words)}}{{#sorted(words)}}{{.}}{{/sorted(words)}}", data) == "0e1-abab")
        #expect(try render("{{lowercased(word)}}{{uppercased(word)}}{{plusone(count)}}{{unknown(word)}}{{first()}}", data) == "ordORD4")
    }

    @Test func partialsInheritanceAndIndentation() throws {
        let partials = [
            "base": "<main>\n{{$main}}default{{/main}}\n{{$aside}}<aside>{{x}}</aside>{{/aside}}\n</main>\n", "line": "a\n{{x}}\n",
            "item": "{{title}}{{^last()}}+{{/last()}}", "tree": "{{name}}({{#children}}{{>tree}}{{/children}})",
            "middle": "{{<base}}{{$main}}mid {{$inner}}in{{/inner}}{{/main}}{{/base}}", "indented": "  {{$block}}b\n{{/block}}",
        ]
        let data: [String: Any] = [
            "x": "X", "items": [["title": "a"], ["title": "b"]] as [[String: Any]], "which": "line", "name": "r",
            "children": [["name": "c1", "children": [["name": "g", "children": [] as [[String: Any]]]] as [[String: Any]]],
                         ["name": "c2", "children": [] as [[String: Any]]]] as [[String: Any]],
        ]
        #expect(try render("{{<base}}{{$main}}{{x}}{{/main}}{{/base}}", data, partials: partials) == "<main>\nX\n<aside>X</aside>\n</main>\n")
        #expect(try render("{{<middle}}{{$inner}}IN{{/inner}}{{/middle}}|{{>base}}", data, partials: partials)
            == "<main>\nmid IN\n<aside>X</aside>\n</main>\n|<main>\ndefault\n<aside>X</aside>\n</main>\n")
        #expect(try render("  {{>line}}\n{{>line}}", data, partials: partials) == "  a\n  X\na\nX\n")
        #expect(try render("{{#items}}{{>item}}{{/items}}{{>missing}}|{{>*which}}|{{>tree}}", data, partials: partials) == "a+b+|a\nX\n|r(c1(g())c2())")
        #expect(try render("{{<indented}}{{$block}}o\nk\n{{/block}}{{/indented}}", data, partials: partials) == "  o\n  k\n")
    }

    @Test func contentTypePragma() throws {
        let data: [String: Any] = ["x": "<b>", "items": [["title": "<i>"]] as [[String: Any]]]
        #expect(try render("{{x}}{{%CONTENT_TYPE: TEXT}}{{x}}{{#items}}{{title}}{{/items}}", data) == "&lt;b&gt;<b><i>")
        #expect(try render("{{#items}}{{title}}{{%CONTENT_TYPE: TEXT}}{{title}}{{/items}}{{x}}", data) == "&lt;i&gt;<i>&lt;b&gt;")
        #expect(try render("{{%CONTENT_TYPE: TEXT}}{{>p}}{{x}}", data, partials: ["p": "{{x}}"]) == "&lt;b&gt;<b>")
    }

    /// Every template of okc's own theme, with a page's context of every kind of value they use.
    @Test func theThemeTemplatesRenderAsTheGeneralCodeRendersThem() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../theme/templates").standardized
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
        #expect(names.count > 10)
        var library = MustacheLibrary()
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            library.register(try MustacheTemplate(string: text), named: String(name.dropLast(".mustache".count)))
        }
        let compiled = MustacheCompiledLibrary(library)
        let link: [String: Any] = ["title": "Anna & <Bo>", "url": "../a/", "date": "1 maj 2024", "iso": "2024-05-01", "summary": "Sam'mandrag"]
        let links: [[String: Any]] = [link, ["title": "Utan url"], link.merging(["role": "ordf", "side": "\"x\""]) { $1 }]
        let context: [String: Any] = [
            "t": ["meeting_date": "Datum", "summary": "Sammanfattning", "feed_title": "Flöde & mer"] as [String: String],
            "site": ["title": "Site", "organisation": "Org", "description": "", "contact": ["name": "K", "url": "u", "email": "e@x"] as [String: Any]] as [String: Any],
            "lang": "sv", "root": "../../", "canonical": "https://x/", "title": "Titel <1>", "isHome": false, "template": "meeting",
            "menu": links, "breadcrumbs": links, "summary": "Kort", "body": "<p>Body</p>", "jsonld": "{\"a\":1}",
            "attendees": links, "guests": [] as [[String: Any]], "decisions": [["text": "Beslut", "area": link] as [String: Any]],
            "actions": [["text": "Göra", "owner": link, "due": "1 juni", "status": "Pågår", "statusId": "open", "overdue": true] as [String: Any]],
            "scores": [["option": "A", "values": "1, 2", "mean": "1,5", "rank": "1"]] as [[String: Any]], "lowScoreIsBest": true,
            "participants": ["P1", "P2"], "organisations": [String](), "approvedBy": links, "recordedBy": link, "recordedOn": "2 maj",
            "upcoming": links, "items": links, "years": [["year": "2024", "items": links] as [String: Any]], "group": link, "time": "09.00",
            "backlinks": [["kind": "Möten", "items": links] as [String: Any]], "registration": "https://r/", "type": "Möte",
        ]
        // As the build compiles them: with the strings and site settings every page's root holds.
        let specialised = MustacheCompiledLibrary(library, constants: ["t": context["t"]!, "site": context["site"]!])
        for name in names.map({ String($0.dropLast(".mustache".count)) }) {
            let general = library.render(context, withTemplate: name)
            #expect(compiled.render(context, withTemplate: name) == general, "template \(name)")
            #expect(specialised.render(context, withTemplate: name) == general, "template \(name), constants compiled in")
            #expect(general?.isEmpty == false)
        }
    }

    /// Constants written in when compiled render what looking them up from the root renders; what is not
    /// a constant's text, flag or number is still looked up.
    @Test func constantsAreWrittenInAsTheLookupWouldRenderThem() throws {
        let site: [String: Any] = ["title": "A & <B>", "flag": true, "count": 3, "list": ["x"], "contact": ["name": "K"] as [String: Any]]
        let strings: [String: String] = ["k": "v&\"", "empty": ""]
        let template = "{{site.title}}|{{{site.title}}}|{{site.flag}}|{{site.count}}|{{site.nothing}}|{{t.k}}|{{&t.k}}|{{t.empty}}|"
            + "{{site.list}}|{{#site.contact}}{{name}}{{/site.contact}}|{{^site.flag}}no{{/site.flag}}|{{.t.k}}|"
            + "{{#items}}{{t.k}}{{site.title}}{{/items}}|{{%CONTENT_TYPE: TEXT}}{{site.title}}"
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: template), named: "main")
        let root: [String: Any] = ["t": strings, "site": site, "items": [["a": 1], ["a": 2]] as [[String: Any]]]
        let general = library.render(root, withTemplate: "main")
        let compiled = MustacheCompiledLibrary(library, constants: ["t": strings, "site": site])
        #expect(compiled.render(root, withTemplate: "main") == general)
        #expect(general == "A &amp; &lt;B&gt;|A & <B>|true|3||v&amp;&quot;|v&\"||[&quot;x&quot;]|K||v&amp;&quot;|"
            + "v&amp;&quot;A &amp; &lt;B&gt;v&amp;&quot;A &amp; &lt;B&gt;|A & <B>")
    }
}
