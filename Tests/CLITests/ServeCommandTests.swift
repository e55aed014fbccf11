import Foundation
import Testing
import TestSupport

/// `okc serve` as its own process on 127.0.0.1: pages with their types, traversal refused, a saved
/// edit served after the rebuild, a failed rebuild keeping the last good page, and Ctrl-C freeing the port.
@Suite(.serialized) struct ServeCommandTests {
    static let files = [
        "content/pages/om.md": "---\ntitle: Om oss\n---\n## Syfte\n\nFörsta versionen.\n",
        "content/meetings/2024-08-19-ros.md": "---\ntitle: RÖS-möte\ndate: 2024-08-19\n---\nAnteckningar.\n",
    ]

    @Test func servesRebuildsAndStopsCleanly() throws {
        let site = try FixtureSite(ServeCommandTests.files)
        let secret = try FixtureSite(["hemlig.txt": "hemligt"], siteYML: nil)
        let server = try ServeProcess(site: site.root)
        defer { server.interrupt() }
        let port = server.port

        let home = try LoopbackHTTP.get(port: port, path: "/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.headers["x-content-type-options"] == "nosniff")
        #expect(home.body.contains("new EventSource(\"/__okc/events\")"))
        let page = try LoopbackHTTP.get(port: port, path: "/om/")
        #expect(page.body.contains("Första versionen."))
        #expect(try LoopbackHTTP.get(port: port, path: "/static/style.css").headers["content-type"] == "text/css; charset=utf-8")
        #expect(try LoopbackHTTP.get(port: port, path: "/sitemap.xml").headers["content-type"] == "application/xml")
        #expect(try LoopbackHTTP.get(port: port, path: "/moten").headers["location"] == "/moten/")
        // The built file has no script: it is added while serving only.
        #expect(site.read(".okc-serve/om/index.html")?.contains("EventSource") == false)

        try FileManager.default.createSymbolicLink(atPath: site.root + "/.okc-serve/ut", withDestinationPath: secret.root)
        for path in ["/../site.yml", "/%2e%2e/site.yml", "/..%2fsite.yml", "/%2e%2e%2f%2e%2e%2fetc/passwd", "/ut/hemlig.txt", "/.okc-build"] {
            let reply = try LoopbackHTTP.get(port: port, path: path)
            #expect([400, 404].contains(reply.status), "\(path) gave \(reply.status)")
            #expect(!reply.body.contains("base_url") && !reply.body.contains("hemligt"), "\(path) leaked a file")
        }

        let events = try LoopbackHTTP.read(port: port, path: "/__okc/events", for: 2, until: "data: 1")
        #expect(events.contains("content-type: text/event-stream") || events.contains("Content-Type: text/event-stream"))
        #expect(events.contains("event: reload\ndata: 1\n\n"))

        try site.write("content/pages/om.md", "---\ntitle: Om oss\n---\n## Syfte\n\nAndra versionen.\n")
        #expect(try waitFor(port: port, path: "/om/") { $0.contains("Andra versionen.") })
        // Rebuilds use the build's cache: after a change to the body alone, only that page is rendered again.
        try site.write("content/pages/om.md", "---\ntitle: Om oss\n---\n## Syfte\n\nTredje versionen.\n")
        #expect(try waitFor(port: port, path: "/om/") { $0.contains("Tredje versionen.") })
        // The new site is served as soon as it is swapped in; its summary is logged just after.
        func summaries() -> [Substring] {
            ((try? String(contentsOfFile: server.log, encoding: .utf8)) ?? "").split(separator: "\n").filter { $0.hasPrefix("built ") }
        }
        let deadline = Date().addingTimeInterval(10)
        while summaries().count < 3, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let summaries = summaries()
        #expect(summaries.count == 3)
        #expect(summaries.last?.contains(" 1 of ") == true, "\(summaries)")

        try site.write("content/pages/om.md", "---\ntitle: Om oss\n---\nSe [<mötet>](saknas.md).\n")
        #expect(try waitFor(port: port, path: "/om/") { $0.contains("Sidan kunde inte byggas om") })
        let failed = try LoopbackHTTP.get(port: port, path: "/om/")
        #expect(failed.body.contains("Tredje versionen."))
        #expect(failed.body.contains("broken link &#39;saknas.md&#39;"))

        #expect(server.interrupt())
        #expect(server.exitStatus == 0)
        #expect(!LoopbackHTTP.isListening(port: port))
    }

    /// Polls for at most 10 s: a rebuild takes a poll interval (300 ms) and a build.
    func waitFor(port: Int, path: String, _ condition: (String) -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if condition(try LoopbackHTTP.get(port: port, path: path).body) { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    /// Issue 8: 1,000 requests over 50 connections at once, every one answered, none an error.
    @Test func survivesLoad() async throws {
        let site = try FixtureSite(ServeCommandTests.files)
        let server = try ServeProcess(site: site.root)
        defer { server.interrupt() }
        let port = server.port
        let paths = ["/", "/om/", "/moten/", "/static/style.css", "/sitemap.xml"]
        let connections = 50
        let perConnection = 20
        let failures = await withTaskGroup(of: [String].self) { group in
            for client in 0..<connections {
                group.addTask {
                    await onThread {
                        var failures: [String] = []
                        for request in 0..<perConnection {
                            let path = paths[(client + request) % paths.count]
                            do {
                                let reply = try LoopbackHTTP.get(port: port, path: path, timeout: 10)
                                if reply.status != 200 || reply.headers["x-content-type-options"] != "nosniff" {
                                    failures.append("\(path): \(reply.status)")
                                }
                            } catch {
                                failures.append("\(path): \(error)")
                            }
                        }
                        return failures
                    }
                }
            }
            var all: [String] = []
            for await failures in group { all += failures }
            return all
        }
        #expect(failures == [])
        #expect(server.interrupt())
    }
}

/// Blocking socket work on a thread of its own, so fifty clients do not starve the test's task pool.
func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: work()) }
    }
}
