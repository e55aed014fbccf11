import Foundation
import Testing
@testable import Build

/// What lies under a folder held open is what `lstat` of its full path says: files, folders, links
/// (not followed), nothing. (A folder that cannot be opened is looked into by full paths; as root, which
/// opens any folder there is, only a missing one can be shown.)
@Suite struct OpenFolderTests {
    @Test func entriesAreWhatTheirFullPathsSay() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("okc-open-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/moten/m", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/moten/m/index.html"))
        try FileManager.default.createSymbolicLink(atPath: root + "/lank", withDestinationPath: root + "/moten")
        let entries = ["moten", "moten/m", "moten/m/index.html", "lank", "saknas", "moten/saknas/index.html"]
        let open = FileSystem.OpenFolder(root)
        let unopened = FileSystem.OpenFolder(root + "/saknas")
        for entry in entries {
            let (type, stamp) = open.typeAndStamp(entry)
            let (expectedType, expectedStamp) = FileSystem.typeAndStamp(root + "/" + entry)
            #expect(type == expectedType, "\(entry)")
            #expect(stamp == expectedStamp, "\(entry)")
            #expect(open.stamp(entry) == FileSystem.stamp(root + "/" + entry, follow: false), "\(entry)")
        }
        #expect(open.typeAndStamp("lank").0 == .symlink)
        #expect(open.typeAndStamp("saknas").0 == .missing)
        #expect(unopened.stamp("x") == nil && unopened.typeAndStamp("x").0 == .missing)
        // A folder reached through a link is opened as the path says (as a full path's lstat goes through it).
        #expect(FileSystem.OpenFolder(root + "/lank").stamp("m/index.html") == FileSystem.stamp(root + "/moten/m/index.html", follow: false))
    }
}
