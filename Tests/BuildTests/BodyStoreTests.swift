import Foundation
import Testing
@testable import Build

/// The body file: bodies appended together cross the writer's one-megabyte buffer and read back whole.
@Suite struct BodyStoreTests {
    @Test func manyBodiesReadBackAcrossTheWritersBuffer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("okc-bodies-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try #require(BodyStore(path: folder + "/bodies.bin", fresh: true))
        let first = try #require(store.append("<p>först</p>"))
        // 3.2 MB in all, one body larger than the buffer, texts of one and several bytes per character.
        let bodies = (0..<300).map { "<p>Möte \($0) – \(String(repeating: $0 % 2 == 0 ? "å" : "x", count: 5_000 + $0))</p>" }
            + [String(repeating: "<li>stor</li>", count: 120_000), ""]
        let refs = try #require(store.append(all: bodies))
        #expect(refs.count == bodies.count)
        #expect(refs.first?.offset == first.offset + first.length)
        for (body, ref) in zip(bodies, refs) { #expect(store.read(ref) == body) }
        #expect(store.read(first) == "<p>först</p>")
        let file = try Data(contentsOf: URL(fileURLWithPath: folder + "/bodies.bin"))
        #expect(file == Data(("<p>först</p>" + bodies.joined()).utf8))
    }
}
