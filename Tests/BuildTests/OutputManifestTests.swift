import Testing
import Content
import Graph
@testable import Build

/// The manifest's fact table keeps the previous build's numbering (a reused file keeps its list of
/// numbers), and drops the facts no file reads once they are a quarter of it.
@Suite struct OutputManifestTests {
    static func manifest(facts: [Fact], reads: [String: [Int]]) -> OutputManifest {
        var manifest = OutputManifest()
        manifest.facts = facts.enumerated().map { ($1, UInt64($0 + 100)) }
        for (path, read) in reads {
            manifest.live[path] = OutputManifest.Record(hash: 1, stamp: .none, facts: read, source: nil, sourceStamp: nil)
        }
        return manifest
    }

    @Test func unreadFactsAreDroppedAndTheRestRenumbered() {
        var manifest = Self.manifest(facts: [.now, .menu, .document("a"), .body("a")], reads: ["a.html": [0, 3], "b.html": [3], "c.css": []])
        manifest.dropUnreadFacts()
        #expect(manifest.facts.map(\.fact) == [.now, .body("a")])
        #expect(manifest.facts.map(\.value) == [100, 103])
        #expect(manifest.live["a.html"]!.facts == [0, 1])
        #expect(manifest.live["b.html"]!.facts == [1])
        #expect(manifest.live["c.css"]!.facts == [])
    }

    @Test func aFewUnreadFactsStay() {
        let facts: [Fact] = [.now, .menu, .document("a"), .body("a"), .outputPaths]
        var manifest = Self.manifest(facts: facts, reads: ["a.html": [0, 1, 2, 3]])
        manifest.dropUnreadFacts()
        #expect(manifest.facts.map(\.fact) == facts)
        #expect(manifest.live["a.html"]!.facts == [0, 1, 2, 3])
    }
}
