import Foundation
import Testing
import TestSupport
import Content
import Graph
@testable import Build

/// Unchanged records are copied from the previous `sources.bin` when the next one is written, and only
/// while that file is the one they were read from.
@Suite struct PreviousRecordsTests {
    /// The key the cache file of `site` names (read from its header).
    static func key(_ site: FixtureSite) throws -> UInt64 {
        let bytes = try #require(FileManager.default.contents(atPath: SourceCache.sourcesPath(site.root + "/.okc-cache")))
        var reader = BinaryReader([UInt8](bytes), range: SourceCache.magic.utf8.count..<bytes.count)
        _ = try reader.readUInt64()
        return try reader.readUInt64()
    }

    /// The records of the cache in `site`, read with the key its file names.
    static func records(_ site: FixtureSite) throws -> [String: SourceRecord]? {
        guard let cache = SourceCache.load(folder: site.root + "/.okc-cache", key: try key(site)) else { return nil }
        return Dictionary(uniqueKeysWithValues: cache.paths.map { ($0, cache.record($0)!) })
    }

    @Test func recordsCopiedFromThePreviousFileReadBack() throws {
        let site = try FixtureSite(CompleteFixture.files)
        defer { site.delete() }
        #expect(site.build(cache: true).lines == [])
        let first = try #require(try Self.records(site))
        // The second and third builds copy the unchanged records from the file the build before wrote.
        for _ in 0..<2 {
            #expect(site.build(cache: true).renderedCount == 0)
            let again = try #require(try Self.records(site))
            #expect(again.keys.sorted() == first.keys.sorted())
            for (path, record) in again {
                #expect(record.outcome.parsed == first[path]!.outcome.parsed, "\(path)")
                #expect(record.rewrites == first[path]!.rewrites, "\(path)")
                #expect(record.bodyLinks == first[path]!.bodyLinks, "\(path)")
            }
        }
    }

    /// A large site's records are encoded and written a chunk at a time: the file is the same whatever the chunk.
    @Test func savingInChunksWritesTheSameFile() throws {
        let site = try FixtureSite(CompleteFixture.files)
        defer { site.delete() }
        #expect(site.build(cache: true).lines == [])
        let folder = site.root + "/.okc-cache"
        let key = try Self.key(site)
        let cache = try #require(SourceCache.load(folder: folder, key: key))
        let records = cache.paths.sorted().map { cache.record($0)! }
        #expect(records.count > 3)
        var diagnostics: [Diagnostic] = []
        let config = try #require(SiteConfig.decode("title: Test\nbase_url: https://example.org/\n", diagnostics: &diagnostics))
        let routes = Routes(config: config, documents: records.compactMap(\.outcome.parsed).map { ($0.document.kind, $0.document.id, $0.document.path) },
                            contentFiles: [])
        var files: [Data] = []
        for chunk in [1, 2, 4096] {
            try SourceCache.save(records, routes: routes, routesFingerprint: cache.routesFingerprint, bodies: (try #require(cache.bodies), cache.generation),
                                 folder: folder, key: key, buildStart: 0, previousFile: nil, chunkSize: chunk)
            files.append(try #require(FileManager.default.contents(atPath: SourceCache.sourcesPath(folder))))
        }
        #expect(files[0] == files[2])
        #expect(files[1] == files[2])
        let again = try #require(SourceCache.load(folder: folder, key: key))
        #expect(again.paths.sorted() == cache.paths.sorted())
        for path in again.paths {
            #expect(again.record(path)!.outcome.parsed == cache.record(path)!.outcome.parsed, "\(path)")
        }
    }

    @Test func onlyTheFileReadIsCopiedFrom() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("okc-previous-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data((0..<100).map { UInt8($0) }).write(to: URL(fileURLWithPath: path))
        let stamp = try #require(FileSystem.stamp(path))
        let file = try #require(PreviousRecords(path: path, stamp: stamp))
        #expect(file.read(10..<14) == [10, 11, 12, 13])
        #expect(file.read(0..<0) == [])
        #expect(file.read(98..<102) == nil, "past the end")
        var other = stamp
        other.inode &+= 1
        #expect(PreviousRecords(path: path, stamp: other) == nil)
        #expect(PreviousRecords(path: path + ".missing", stamp: stamp) == nil)
    }
}
