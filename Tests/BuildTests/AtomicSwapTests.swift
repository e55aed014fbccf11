import Foundation
import Testing
@testable import Build

/// The new site replaces the old one in one step (renameat2 with RENAME_EXCHANGE): readers never see a
/// moment without `site/`, and the old site is left in the staging folder for the next build to reuse.
@Suite struct AtomicSwapTests {
    @Test func theNewSiteAndTheOldTradePlacesInOneStep() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("okc-swap-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let output = base + "/site", staging = Emitter.stagingPath(for: output)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: output + "/index.html"))
        try Data("new".utf8).write(to: URL(fileURLWithPath: staging + "/index.html"))

        try Emitter.swapIn(staging, output, keepPrevious: true)

        #expect(FileManager.default.contents(atPath: output + "/index.html") == Data("new".utf8))
        // Only an exchange leaves the old site where the new one was; two renames would have removed it.
        #expect(FileManager.default.contents(atPath: staging + "/index.html") == Data("old".utf8))
        #expect(!FileManager.default.fileExists(atPath: output + ".okc-old"))
    }
}

/// Output paths are checked before anything is written: the byte pass must accept and refuse what the
/// check by segments does.
@Suite struct OutputPathCheckTests {
    /// The check as first written, by segments.
    static func bySegments(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.contains("\0")
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    @Test func refusesWhatTheSegmentCheckRefuses() {
        let paths = ["", "/", "a", "a/", "/a", "a//b", ".", "..", "...", "./a", "a/.", "a/..", "../a", "a/../b", ".a", "a/.b/..c",
                     "moten/2024-08-19-ros/index.html", "a\0b", "å/ä.html", "a/./b", "index.html", "a/b/", "x/.../y"]
        for path in paths {
            #expect(((try? Emitter.validate(path)) != nil) == Self.bySegments(path), "\(path)")
            if path.utf8.allSatisfy({ $0 < 0x80 && $0 != 0 }) {
                #expect(path.utf8.withContiguousStorageIfAvailable(Emitter.isPlainASCIIPath) == Self.bySegments(path), "\(path)")
            }
        }
    }
}
