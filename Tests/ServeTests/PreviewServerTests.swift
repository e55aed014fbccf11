import Content
import Foundation
import Testing
import TestSupport
@testable import Serve

@Suite struct SafePathTests {
    let root: String
    let outside: String

    init() throws {
        let site = try FixtureSite(["out/index.html": "home", "out/moten/index.html": "m", "out/a b/x.txt": "x", "out/.okc-build": "okc", "site.yml": "secret"], siteYML: nil)
        root = site.root + "/out"
        outside = site.root
        try FileManager.default.createSymbolicLink(atPath: root + "/escape", withDestinationPath: site.root)
        try FileManager.default.createSymbolicLink(atPath: root + "/secret.yml", withDestinationPath: site.root + "/site.yml")
        try FileManager.default.createSymbolicLink(atPath: root + "/inside.html", withDestinationPath: root + "/index.html")
    }

    @Test func servesFilesAndFolderIndexes() {
        #expect(SafePath.resolve("/", in: root) == .file(realRoot + "/index.html"))
        #expect(SafePath.resolve("/moten/", in: root) == .file(realRoot + "/moten/index.html"))
        #expect(SafePath.resolve("/a%20b/x.txt", in: root) == .file(realRoot + "/a b/x.txt"))
        #expect(SafePath.resolve("/inside.html", in: root) == .file(realRoot + "/index.html"))
    }

    @Test func redirectsFoldersToTheirSlashWithoutLeavingTheSite() {
        #expect(SafePath.resolve("/moten", in: root) == .redirect("/moten/"))
        #expect(SafePath.resolve("//moten", in: root) == .redirect("/moten/"))
    }

    @Test(arguments: ["/../site.yml", "/%2e%2e/site.yml", "/..%2fsite.yml", "/%2E%2E%2Fsite.yml", "/moten/../../site.yml",
                      "/..\\site.yml", "/%00", "/%zz", "/%c3%28", "/./index.html"])
    func refusesTraversalAndMalformedPaths(_ path: String) {
        #expect(SafePath.resolve(path, in: root) == .badRequest)
    }

    @Test(arguments: ["/escape/site.yml", "/secret.yml", "/.okc-build", "/saknas/", "/escape/"])
    func hidesWhatIsNotInsideTheOutput(_ path: String) {
        #expect(SafePath.resolve(path, in: root) == .notFound)
    }

    var realRoot: String { URL(fileURLWithPath: root).resolvingSymlinksInPath().path }
}

@Suite struct ContentTypeTests {
    @Test func typesByExtension() {
        #expect(ContentTypes.forPath("/x/index.html") == "text/html; charset=utf-8")
        #expect(ContentTypes.forPath("/static/style.css") == "text/css; charset=utf-8")
        #expect(ContentTypes.forPath("/sitemap.xml") == "application/xml")
        #expect(ContentTypes.forPath("/robots.txt") == "text/plain; charset=utf-8")
        #expect(ContentTypes.forPath("/filer/RAPPORT.PDF") == "application/pdf")
        #expect(ContentTypes.forPath("/a.d/README") == "application/octet-stream")
    }
}

@Suite struct LiveReloadTests {
    @Test func theScriptGoesBeforeTheBodyEnds() {
        let html = LiveReload.inject(into: "<html><body><p>x</p></BODY></html>", status: BuildStatus(generation: 3, failed: false, diagnostics: []))
        #expect(html.hasPrefix("<html><body><p>x</p><script>"))
        #expect(html.contains("var served = \"3\";"))
        #expect(html.hasSuffix("</script>\n</BODY></html>"))
        #expect(!html.contains("okc-diagnostics"))
    }

    @Test func aFailedBuildShowsItsDiagnosticsEscaped() {
        let hostile = Diagnostic(file: "content/pages/<a>.md", line: 2, column: 8, severity: .error,
                                 message: "unknown person '<script>alert(1)</script>'", hint: "try \"a&b\"")
        let html = LiveReload.inject(into: "<body></body>", status: BuildStatus(generation: 2, failed: true, diagnostics: [hostile]))
        #expect(html.contains("<h2 style=\"margin:0 0 .4em;color:#b00020;font-size:1.2em\">Sidan kunde inte byggas om</h2>"))
        #expect(html.contains("<li><strong>error</strong> <code>content/pages/&lt;a&gt;.md:2:8</code> unknown person &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;<br><small>try &quot;a&amp;b&quot;</small></li>"))
        #expect(!html.contains("<script>alert"))
    }

    @Test func aPageWithoutBodyGetsTheScriptAtTheEnd() {
        #expect(LiveReload.inject(into: "plain", status: BuildStatus(generation: 1, failed: false, diagnostics: [])).hasPrefix("plain<script>"))
    }
}

@Suite struct SourceWatcherTests {
    @Test func seesEditsNewFilesAndRemovalsButNotHiddenFiles() throws {
        let site = try FixtureSite(["content/pages/a.md": "---\ntitle: A\n---\n"])
        let watcher = SourceWatcher(paths: [site.root + "/content", site.root + "/site.yml", site.root + "/theme"])
        let first = watcher.snapshot()
        #expect(first.keys.sorted() == [site.root + "/content/pages/a.md"].sorted() + [site.root + "/site.yml"])
        try site.write("content/pages/.a.md.swp", "swap")
        #expect(watcher.snapshot() == first)
        try site.write("content/pages/a.md", "---\ntitle: AB\n---\n")
        let edited = watcher.snapshot()
        #expect(edited != first)
        try site.write("content/pages/b.md", "---\ntitle: B\n---\n")
        #expect(watcher.snapshot().count == 3)
        try site.remove("content/pages/b.md")
        #expect(watcher.snapshot() == edited)
    }
}

@Suite struct ReloadHubTests {
    @Test func everyOpenStreamGetsTheEventAndClosedOnesAreForgotten() async {
        let hub = ReloadHub()
        let (first, endFirst) = hub.subscribe()
        let (second, endSecond) = hub.subscribe()
        #expect(hub.connectionCount == 2)
        hub.send(ReloadHub.reload(generation: 7))
        endFirst()
        endSecond()
        var received: [String] = []
        for await event in first { received.append(event) }
        for await event in second { received.append(event) }
        #expect(received == ["event: reload\ndata: 7\n\n", "event: reload\ndata: 7\n\n"])
        #expect(hub.connectionCount == 0)
    }
}
