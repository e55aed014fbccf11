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
        for (path, read) in reads.sorted(by: { $0.key < $1.key }) {
            manifest.live.append(path: path, hash: 1, stamp: .none, facts: FactList(read))
        }
        return manifest
    }

    static func facts(_ manifest: OutputManifest, _ path: String) -> [Int] { Array(manifest.live.facts(manifest.live.index(of: path)!)) }

    @Test func unreadFactsAreDroppedAndTheRestRenumbered() {
        var manifest = Self.manifest(facts: [.now, .menu, .document("a"), .body("a")], reads: ["a.html": [0, 3], "b.html": [3], "c.css": []])
        manifest.dropUnreadFacts()
        #expect(manifest.facts.map(\.fact) == [.now, .body("a")])
        #expect(manifest.facts.map(\.value) == [100, 103])
        #expect(Self.facts(manifest, "a.html") == [0, 1])
        #expect(Self.facts(manifest, "b.html") == [1])
        #expect(Self.facts(manifest, "c.css") == [])
    }

    @Test func aFewUnreadFactsStay() {
        let facts: [Fact] = [.now, .menu, .document("a"), .body("a"), .outputPaths]
        var manifest = Self.manifest(facts: facts, reads: ["a.html": [0, 1, 2, 3]])
        manifest.dropUnreadFacts()
        #expect(manifest.facts.map(\.fact) == facts)
        #expect(Self.facts(manifest, "a.html") == [0, 1, 2, 3])
    }

    /// Pieces of any size concatenate to the bytes of one writer, and read back as the manifest.
    @Test func aManifestInPiecesReadsBackWhole() throws {
        var manifest = Self.manifest(facts: [.now, .document("a"), .areaReference("x", plan: nil)], reads: ["a.html": [0, 2], "b.html": [1]])
        manifest.renderKey = 42
        manifest.previous = manifest.live.withoutFacts
        manifest.liveFolders = ["a": 7]
        var whole = BinaryWriter(sharesStrings: false)
        manifest.encode(to: &whole)
        var pieces: [[UInt8]] = []
        try manifest.encode(inPiecesOf: 16) { pieces.append($0) }
        #expect(pieces.count > 3)
        #expect(pieces.joined().elementsEqual(whole.bytes))
        var reader = BinaryReader(Array(pieces.joined()))
        let read = try OutputManifest(from: &reader)
        #expect(read.renderKey == 42)
        #expect(read.facts.map(\.fact) == manifest.facts.map(\.fact))
        #expect(read.live == manifest.live)
        #expect(read.previous == manifest.previous)
        #expect(read.liveFolders == ["a": 7])
    }

    /// Folder tables with the same entries give the same bytes, however their dictionaries were filled.
    @Test func theFolderTablesAreWrittenInNameOrder() {
        let names = (0..<200).map { "moten/m-\($0)" }
        var forward: [String: Int] = [:]
        for (i, name) in names.enumerated() { forward[name] = i }
        var backward: [String: Int] = [:]
        backward.reserveCapacity(4_000)
        for (i, name) in names.enumerated().reversed() { backward[name] = i }
        #expect(!forward.keys.elementsEqual(backward.keys), "dictionaries that iterate alike would show nothing")
        func bytes(_ folders: [String: Int]) -> [UInt8] {
            var manifest = OutputManifest()
            manifest.liveFolders = folders
            manifest.previousFolders = folders
            var writer = BinaryWriter(sharesStrings: false)
            manifest.encode(to: &writer)
            return writer.bytes
        }
        #expect(bytes(forward) == bytes(backward))
    }
}
