import Build
import Content
import Foundation

/// A site written from a dictionary of path → text into a fresh temporary folder, built, and read back:
/// the Swift shape of Hugo's and Publish's fixture-site tests.
public struct FixtureSite {
    public let root: String

    /// The repository's theme folder, the built-in theme every fixture builds with.
    public static let themeFolder: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        return url.appendingPathComponent("theme").path
    }()

    public static var repositoryRoot: String { URL(fileURLWithPath: themeFolder).deletingLastPathComponent().path }

    public static let siteYML = """
        title: Testplatsen
        base_url: https://example.org/okc/
        organisation: Testregionen
        subregions:
          norr: Norra delen
          soder: Södra delen
        categories:
          idrott: Idrott
          kultur: Kultur
        """

    /// Writes the files; `site.yml` is added unless given.
    public init(_ files: [String: String], siteYML: String? = FixtureSite.siteYML) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("okc-tests", isDirectory: true)
        let folder = base.appendingPathComponent(UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        root = folder.path
        var all = files
        if let siteYML, all["site.yml"] == nil { all["site.yml"] = siteYML }
        for (path, text) in all {
            try write(path, Data(text.utf8))
        }
    }

    public func write(_ path: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    public func write(_ path: String, _ text: String) throws { try write(path, Data(text.utf8)) }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: root + "/" + path)
    }

    /// Builds into `<root>/site` (or checks only, with `output: nil`). With `cache`, the build is
    /// incremental (cache in `<root>/.okc-cache`) and checks every file it reuses against a fresh render.
    @discardableResult
    public func build(now: String = "2026-11-25", output: String? = "site", drafts: Bool = false, cache: Bool = false,
                      strict: Bool = false) -> BuildResult {
        var options = BuildOptions(siteRoot: root, output: output.map { root + "/" + $0 }, now: Day(iso: now)!, drafts: drafts,
                                   themeFolder: FixtureSite.themeFolder, strict: strict, cacheFolder: cache ? root + "/.okc-cache" : nil)
        options.verifyIncremental = cache
        return Site.build(options)
    }

    public func read(_ path: String) -> String? {
        try? String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    /// Removes the whole fixture folder; for tests whose sites are large.
    public func delete() {
        try? FileManager.default.removeItem(atPath: root)
    }

    public func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + path) }

    /// Every file below `folder` with its bytes, for byte-for-byte comparisons.
    public func snapshot(_ folder: String = "site") -> [String: Data] {
        var out: [String: Data] = [:]
        let base = root + "/" + folder
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return out }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[path] = FileManager.default.contents(atPath: base + "/" + path)
            }
        }
        return out
    }
}

extension BuildResult {
    /// Diagnostics as `file:line:col: severity: message` lines, the form tests assert on.
    public var lines: [String] { diagnostics.map { "\($0.location): \($0.severity.rawValue): \($0.message)" } }
}
