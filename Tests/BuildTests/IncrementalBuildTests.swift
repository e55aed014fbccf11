import Foundation
import Testing
import TestSupport
import Content
import Graph
@testable import Build

/// An incremental build (with the cache in .okc-cache) must give exactly what a clean build gives:
/// the same bytes in every file and the same diagnostics, after every kind of change. Every build here
/// also renders each file it reuses and fails if one differs (BuildOptions.verifyIncremental).
@Suite struct IncrementalBuildTests {
    /// Builds incrementally into site/ and afresh into clean/, and compares.
    func expectSameAsClean(_ site: FixtureSite, now: String = "2026-11-25", strict: Bool = false, _ comment: Comment? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation) -> BuildResult {
        let incremental = site.build(now: now, cache: true, strict: strict)
        let clean = site.build(now: now, output: "clean", strict: strict)
        #expect(incremental.lines == clean.lines, comment, sourceLocation: sourceLocation)
        #expect(incremental.written == clean.written, comment, sourceLocation: sourceLocation)
        if clean.written {
            #expect(site.snapshot("site") == site.snapshot("clean"), comment, sourceLocation: sourceLocation)
        }
        return incremental
    }

    func builtSite(_ files: [String: String] = CompleteFixture.files) throws -> FixtureSite {
        let site = try FixtureSite(files)
        #expect(site.build(cache: true).lines == [])
        // A second build with nothing changed renders nothing and keeps the site.
        let again = site.build(cache: true)
        #expect(again.renderedCount == 0)
        #expect(site.snapshot("site") == site.snapshot("site"))
        return site
    }

    @Test func nothingChangedRendersNothing() throws {
        let site = try builtSite()
        let result = expectSameAsClean(site)
        #expect(result.renderedCount == 0)
        #expect(site.exists("site.okc-prev"), "the site before is kept for the next build to update")
    }

    /// The facts the output manifest says a file of site/ read.
    func recordedFacts(_ page: String, in site: FixtureSite) throws -> Set<Fact> {
        let output = FileSystem.absolute(site.root + "/site")
        let manifest = try #require(OutputManifest.load(folder: site.root + "/.okc-cache", output: output,
                                                        key: BuildCache.manifestKey(output: output)))
        return Set(manifest.live.facts(try #require(manifest.live.index(of: page))).map { manifest.facts[$0].fact })
    }

    @Test func editingOneBodyRendersOnlyItsPage() throws {
        let site = try builtSite()
        let path = "content/news/2024-08-20-nyhet.md"
        let page = "aktuellt/2024-08-20-nyhet/index.html"
        let before = try recordedFacts(page, in: site)
        try site.write(path, site.read(path)!.replacingOccurrences(of: "Läs [anteckningarna]", with: "Läs gärna [anteckningarna]"))
        let result = expectSameAsClean(site)
        #expect(result.renderedCount == 1)
        // Numbered through the facts it read before (FactTable.numbers' `previously`): the same facts.
        #expect(try recordedFacts(page, in: site) == before)
        #expect(before.contains(.body("news/2024-08-20-nyhet")))
        // The same front matter, headings and links everywhere: the graph's facts keep their values.
        let facts = try #require(result.factsValued)
        #expect(facts.valued > 0 && facts.valued < facts.recorded, "\(facts)")
    }

    @Test func addingALinkToABodyValuesEveryFactAndUpdatesTheBacklinks() throws {
        let site = try builtSite()
        let path = "content/news/2024-08-20-nyhet.md"
        try site.write(path, site.read(path)! + "\nFråga [Anna](../people/anna-andersson.md).\n")
        let result = expectSameAsClean(site)
        #expect(try #require(result.factsValued).valued == result.factsValued?.recorded)
        #expect(site.read("site/personer/anna-andersson/index.html")?.contains("Ny ordförande") == true)
        #expect(result.renderedCount > 1)
    }

    @Test func editingANameOthersShowRendersThem() throws {
        let site = try builtSite()
        let path = "content/people/anna-andersson.md"
        try site.write(path, site.read(path)!.replacingOccurrences(of: "name: Anna Andersson", with: "name: Anna Ek"))
        let result = expectSameAsClean(site)
        #expect(site.read("site/moten/2024-08-19-ros/index.html")?.contains("Anna Ek") == true)
        #expect(try #require(result.factsValued).valued == result.factsValued?.recorded)
        #expect(result.renderedCount > 1)
        #expect(result.renderedCount < result.outputPaths.count - 3)
    }

    @Test func recordsReadAheadCountOnlyUnderTheBuildsOwnKey() throws {
        let site = try builtSite()
        defer { site.delete() }
        let config = site.read("site.yml")!
        let glossary = site.read(SourceInventory.glossaryPath)
        let options = BuildOptions(siteRoot: site.root, output: "site", now: Day(iso: "2026-11-25")!)
        let folder = site.root + "/.okc-cache"
        func cache(_ ahead: Background<(key: UInt64, cache: SourceCache?)>) -> BuildCache {
            BuildCache(folder: folder, config: config, glossary: glossary, theme: ThemeSource(), options: options, preloaded: ahead)
        }
        // What readAhead reads is what the build's key finds.
        let ahead = BuildCache.readAhead(folder: folder, siteRoot: site.root, config: config).take()
        #expect(ahead.key == BuildCache.parseKey(config: config, glossary: glossary))
        #expect(ahead.cache?.bodies != nil)
        // Under another key the records read ahead are not used: the cache is read again.
        #expect(cache(Background { (key: 1, cache: nil) }).bodies != nil)
        // Under the build's key they are (here: none).
        #expect(cache(Background { (key: BuildCache.parseKey(config: config, glossary: glossary), cache: nil) }).bodies == nil)
    }

    @Test func editingAMenuPagesHeadingRendersOnlyWhatShowsIt() throws {
        // Every page has the menu, which shows a menu page's title and nothing else of it.
        let site = try builtSite()
        let path = "content/pages/om.md"
        try site.write(path, site.read(path)!.replacingOccurrences(of: "## Syfte", with: "## Syfte och mål"))
        let heading = expectSameAsClean(site)
        #expect(heading.renderedCount > 0)
        #expect(heading.renderedCount < heading.outputPaths.count / 2)
        // Its title is in the menu of every page.
        try site.write(path, site.read(path)!.replacingOccurrences(of: "title: Om överenskommelsen", with: "title: Om samverkan"))
        let title = expectSameAsClean(site)
        #expect(site.read("site/moten/2024-08-19-ros/index.html")?.contains("Om samverkan") == true)
        #expect(title.renderedCount > title.outputPaths.count / 2)
    }

    @Test func addingDeletingAndRenamingPages() throws {
        let site = try builtSite()
        try site.write("content/news/2024-09-01-ny.md", "---\ntitle: Ännu en nyhet\ndate: 2024-09-01\n---\nOm [RÖS-gruppen](../groups/ros.md).\n")
        _ = expectSameAsClean(site, "added")
        try site.remove("content/news/2024-08-20-nyhet.md")
        _ = expectSameAsClean(site, "deleted")
        try FileManager.default.moveItem(atPath: site.root + "/content/news/2024-09-01-ny.md", toPath: site.root + "/content/news/2024-09-02-ny.md")
        _ = expectSameAsClean(site, "renamed")
        try site.remove("content/people/cecilia-ceder.md")
        _ = expectSameAsClean(site, "deleted a person a meeting refers to: an error, nothing written")
        try site.write("content/people/cecilia-ceder.md", "---\nname: Cecilia Ceder\nside: guest\n---\n")
        _ = expectSameAsClean(site, "and back")
    }

    @Test func changingTheThemeTheStringsOrSiteYml() throws {
        let site = try builtSite()
        try site.write("theme/templates/news.mustache", "{{<base}}{{$main}}<h1>NYHET: {{title}}</h1>{{/main}}{{/base}}")
        _ = expectSameAsClean(site, "template")
        var strings = try String(contentsOfFile: FixtureSite.themeFolder + "/strings.yml", encoding: .utf8)
        strings = strings.replacingOccurrences(of: "home: Startsida", with: "home: Hem")
        try site.write("theme/strings.yml", strings)
        _ = expectSameAsClean(site, "strings")
        try site.write("site.yml", CompleteFixture.siteYML.replacingOccurrences(of: "title: Testplatsen", with: "title: Nya platsen"))
        _ = expectSameAsClean(site, "site.yml")
        try site.write("theme/static/extra.css", "body { color: black; }\n")
        _ = expectSameAsClean(site, "a new static file")
        try site.write("content/reports/bilaga.pdf", "%PDF-1.4 ändrad\n")
        _ = expectSameAsClean(site, "a changed file under content/")
    }

    /// Placeholder findings come from the cache for unchanged pages: as warnings, or as errors with --strict.
    @Test func placeholdersFromTheCacheFollowStrict() throws {
        let site = try builtSite()
        let path = "content/news/2024-08-20-nyhet.md"
        try site.write(path, site.read(path)! + "\n\nSkriv en ingress här.\n")
        let warned = expectSameAsClean(site, "placeholder added")
        #expect(warned.lines.contains { $0.hasPrefix(path) && $0.contains("warning: placeholder text 'Skriv en ingress här.'") })
        // Nothing changed but --strict: the page's record is reused, its finding becomes an error.
        let strict = expectSameAsClean(site, strict: true, "strict")
        #expect(strict.lines.contains { $0.hasPrefix(path) && $0.contains("error: placeholder text 'Skriv en ingress här.'") })
        #expect(!strict.written)
        let lenient = expectSameAsClean(site, "lenient again")
        #expect(lenient.written && lenient.renderedCount == 0)
    }

    @Test func changingTheClock() throws {
        let site = try builtSite()
        let before = expectSameAsClean(site, now: "2024-09-01", "before the task is due")
        #expect(before.renderedCount > 0)
        let overdue = expectSameAsClean(site, now: "2024-10-01", "overdue")
        #expect(try #require(overdue.factsValued).valued == overdue.factsValued?.recorded)
        _ = expectSameAsClean(site, now: "2027-02-01", "the dialogue meeting is past")
    }

    @Test func aFailedBuildThenAFix() throws {
        let site = try builtSite()
        let path = "content/meetings/2024-08-19-ros.md"
        let original = site.read(path)!
        try site.write(path, original.replacingOccurrences(of: "group: ros", with: "group: rs"))
        let failed = expectSameAsClean(site)
        #expect(failed.failed)
        try site.write(path, original)
        _ = expectSameAsClean(site)
    }

    /// `outputs-` is the manifest of the one output folder built (its name ends with the folder's key).
    @Test(arguments: ["sources.bin", "outputs-", "bodies-1.bin"])
    func aDamagedCacheIsIgnored(_ name: String) throws {
        let site = try builtSite()
        let cache = site.root + "/.okc-cache/"
        let files = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0 == name || ($0.hasPrefix(name) && name.hasSuffix("-")) }
        #expect(files.count == 1)
        let path = cache + (try #require(files.first))
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let edit = "content/news/2024-08-20-nyhet.md"
        // Garbage in the middle, then a truncated file, then bad magic, then an empty file.
        var garbled = bytes
        for i in stride(from: bytes.count / 3, to: min(bytes.count, bytes.count / 3 + 64), by: 1) { garbled[i] ^= 0x5A }
        for (damage, data) in [("garbled", garbled), ("truncated", bytes.prefix(bytes.count / 2)), ("bad magic", Data("NOTOKC00".utf8) + bytes.dropFirst(8)),
                               ("empty", Data())] {
            try site.write(edit, site.read(edit)! + "\nÄndrad igen: \(damage).\n")
            try data.write(to: URL(fileURLWithPath: path))
            _ = expectSameAsClean(site, "\(name) \(damage)")
        }
    }

    @Test func aCacheForOtherInputsOrAHandEditedSiteIsNotTrusted() throws {
        let site = try builtSite()
        // Someone edits a file of the built site: the next build writes it as a clean build would.
        try site.write("site/om/index.html", "ändrad för hand")
        try site.write("site/extra.html", "okänd")
        _ = expectSameAsClean(site, "hand-edited site")
        // A cache written for another site.
        let other = try FixtureSite(["content/pages/om.md": "---\ntitle: Om\n---\nText.\n"])
        other.build(cache: true)
        try FileManager.default.removeItem(atPath: site.root + "/.okc-cache")
        try FileManager.default.copyItem(atPath: other.root + "/.okc-cache", toPath: site.root + "/.okc-cache")
        _ = expectSameAsClean(site, "another site's cache")
    }
}

/// A large site keeps its bodies in the cache's body file while it renders; the output is the same.
@Suite struct LargeSiteBodiesTests {
    @Test func bodiesReadBackFromTheCacheGiveTheSameSite() throws {
        let site = try FixtureSite(CompleteFixture.files)
        func build(_ output: String, limit: Int?) -> BuildResult {
            var options = BuildOptions(siteRoot: site.root, output: site.root + "/" + output, now: Day(iso: "2026-11-25")!,
                                       themeFolder: FixtureSite.themeFolder, cacheFolder: limit == nil ? nil : site.root + "/.okc-cache")
            options.bodiesInMemoryLimit = limit ?? 0
            options.verifyIncremental = limit != nil
            return Site.build(options)
        }
        #expect(build("site", limit: 0).lines == [])
        #expect(build("clean", limit: nil).lines == [])
        #expect(site.snapshot("site") == site.snapshot("clean"))
        let path = "content/news/2024-08-20-nyhet.md"
        try site.write(path, site.read(path)! + "\nEn rad till.\n")
        #expect(build("site", limit: 0).lines == [])
        #expect(build("clean", limit: nil).lines == [])
        #expect(site.snapshot("site") == site.snapshot("clean"))
    }
}

/// The cache's files written and read in place are the same bytes as written and read whole.
@Suite struct CacheFileTests {
    @Test func everyFactReadsBackAsWritten() throws {
        let facts: [Fact] = [
            .document("meeting/a"), .body("meeting/a"), .kind(.meeting), .kindCount(.news), .kindIsEmpty(.report),
            .backlinks("person/b"), .members("o"), .successors("p"), .ownedActions("person/b"), .decisions, .actions,
            .area("plan/c#d"), .areaReference("d", plan: "c"), .areaReference("d", plan: nil), .personReference("AB"),
            .category("k"), .subregion("s"), .matches, .organisationMatches("organisation/o"), .menu, .now, .outputPaths,
            .title("page/om"),
        ]
        var writer = BinaryWriter()
        for fact in facts { FactCodec.encode(fact, to: &writer) }
        var reader = BinaryReader(writer.bytes)
        let read = try facts.map { _ in try FactCodec.decode(from: &reader) }
        #expect(read == facts)
        #expect(reader.isAtEnd)
    }

    @Test func fillingTheBufferWritesTheSameFileAsAWholePayload() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("okc-cachefile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let payload = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        try CacheFile.write(payload, magic: "OKCTEST1", key: 42, to: folder + "/whole.bin")
        try CacheFile.write(magic: "OKCTEST1", key: 42, to: folder + "/filled.bin") { writer in
            try writer.writeRaw(payload[..<1000])
            try writer.writeRaw(payload[1000...])
        }
        let whole = try #require(FileManager.default.contents(atPath: folder + "/whole.bin"))
        #expect(FileManager.default.contents(atPath: folder + "/filled.bin") == whole)
        let inPlace = try #require(CacheFile.readInPlace(folder + "/filled.bin", magic: "OKCTEST1", key: 42))
        #expect(Array(inPlace.bytes[inPlace.payload]) == payload)
        #expect(CacheFile.readInPlace(folder + "/filled.bin", magic: "OKCTEST1", key: 43) == nil)
        // The payload is what lies between the key and the checksum: a byte cut off or added breaks the checksum.
        #expect(CacheFile.readInPlace(folder + "/short.bin", magic: "OKCTEST1", key: 42) == nil, "missing")
        try Data(whole.dropLast()).write(to: URL(fileURLWithPath: folder + "/short.bin"))
        #expect(CacheFile.readInPlace(folder + "/short.bin", magic: "OKCTEST1", key: 42) == nil)
        try Data(whole + [0]).write(to: URL(fileURLWithPath: folder + "/short.bin"))
        #expect(CacheFile.readInPlace(folder + "/short.bin", magic: "OKCTEST1", key: 42) == nil)
        try CacheFile.write([], magic: "OKCTEST1", key: 42, to: folder + "/empty.bin")
        let empty = try #require(CacheFile.readInPlace(folder + "/empty.bin", magic: "OKCTEST1", key: 42))
        #expect(empty.payload.isEmpty)
        // A fill that fails writes nothing.
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try CacheFile.write(magic: "OKCTEST1", key: 42, to: folder + "/failed.bin") { try $0.writeRaw([1, 2, 3]); throw Stop() }
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/failed.bin"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/failed.bin.tmp"))
    }

    @Test func streamingHashEqualsTheWholeHash() {
        let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        for pieces in [[1_000], [1, 999], [3, 5, 8, 984], [7, 7, 7, 979], [500, 0, 500], [13, 13, 974]] {
            var streaming = StableHasher.Streaming()
            var start = 0
            for length in pieces {
                streaming.combine(Array(bytes[start..<start + length]))
                start += length
            }
            #expect(streaming.finalize() == StableHasher.hash(bytes), "pieces \(pieces)")
        }
        #expect(StableHasher.Streaming().finalize() == StableHasher.hash([UInt8]()))
    }

    @Test func countLengthIsWhatWriteCountWrites() {
        for count in [0, 1, 127, 128, 16_383, 16_384, 1 << 21, 1 << 35] {
            var writer = BinaryWriter(sharesStrings: false)
            writer.writeCount(count)
            #expect(BinaryWriter.countLength(count) == writer.bytes.count)
        }
    }
}
