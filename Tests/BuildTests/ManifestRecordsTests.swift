import Testing
import Content
import Graph
@testable import Build

/// The manifest's records in flat buffers: found by path, read back as written, and any damage to
/// their bytes throws rather than giving a record that is not what was written.
@Suite struct ManifestRecordsTests {
    static let stamp = FileSystem.Stamp(size: 12, modified: 1_700_000_000_000_000_000, changed: 5, inode: 77, device: 3)

    static func records(_ count: Int) -> ManifestRecords {
        var records = ManifestRecords()
        for i in 0..<count {
            let source = i % 10 == 3 ? ManifestRecords.Source(path: "/site/content/f\(i).pdf", stamp: i % 20 == 3 ? stamp : nil) : nil
            records.append(path: "möten/\(i)/index.html", hash: UInt64(i) &* 0x9E37_79B9_7F4A_7C15, stamp: i % 2 == 0 ? stamp : .none,
                           facts: FactList(stride(from: i % 5, to: 300_000, by: 997 + i)), source: source)
        }
        return records
    }

    @Test func recordsAreFoundByPathAndReadAsWritten() {
        let records = Self.records(1000)
        #expect(records.count == 1000)
        for i in [0, 1, 3, 500, 999] {
            let index = records.index(of: "möten/\(i)/index.html")
            #expect(index == i)
            #expect(records.path(i) == "möten/\(i)/index.html")
            #expect(records.hashes[i] == UInt64(i) &* 0x9E37_79B9_7F4A_7C15)
            #expect(Array(records.facts(i)) == Array(stride(from: i % 5, to: 300_000, by: 997 + i)))
        }
        #expect(records.source(3) == .init(path: "/site/content/f3.pdf", stamp: Self.stamp))
        #expect(records.source(13) == .init(path: "/site/content/f13.pdf", stamp: nil))
        #expect(records.source(4) == nil)
        #expect(records.index(of: "möten/1000/index.html") == nil)
        #expect(records.index(of: "möten/1/index.htm") == nil)
        #expect(ManifestRecords().index(of: "a") == nil)
    }

    @Test func withoutFactsKeepsPathsHashesAndStamps() {
        let records = Self.records(50)
        let bare = records.withoutFacts
        #expect(bare.paths == records.paths)
        #expect(bare.hashes == records.hashes)
        #expect(bare.stamps == records.stamps)
        #expect(bare.indices.allSatisfy { Array(bare.facts($0)).isEmpty })
        #expect(bare.index(of: "möten/7/index.html") == 7)
    }

    @Test func factListsKeepLargeGapsAndEmptyLists() {
        let numbers = [0, 1, 2, 127, 128, 16_383, 16_384, 2_000_000_000]
        #expect(Array(FactList(numbers)) == numbers)
        #expect(Array(FactList([Int]())) == [])
        #expect(FactList([5]) != FactList([6]))
    }

    static func encoded(_ records: ManifestRecords) -> [UInt8] {
        var writer = BinaryWriter(sharesStrings: false)
        records.encode(to: &writer)
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8], factCount: Int = 300_000) throws -> ManifestRecords {
        var reader = BinaryReader(bytes)
        let records = try ManifestRecords(from: &reader, factCount: factCount)
        guard reader.isAtEnd else { throw BinaryReader.Corrupt() }
        return records
    }

    @Test func recordsRoundTrip() throws {
        let records = Self.records(300)
        let decoded = try Self.decode(Self.encoded(records))
        #expect(decoded == records)
        #expect(decoded.index(of: "möten/299/index.html") == 299)
    }

    /// One record's bytes with a hand-made fact list and source, for the damaged cases.
    static func oneRecord(path: String = "a.html", facts: [UInt8], source: String? = nil, sourceStamp: Bool = false) -> [UInt8] {
        var writer = BinaryWriter(sharesStrings: false)
        writer.writeCount(1)
        writer.write(path)
        writer.write(UInt64(9))
        stamp.encode(to: &writer)
        writer.writeCount(facts.count)
        writer.writeRaw(facts)
        writer.write(source)
        writer.write(sourceStamp)
        if sourceStamp { stamp.encode(to: &writer) }
        return writer.bytes
    }

    @Test func aWellFormedHandMadeRecordReads() throws {
        let records = try Self.decode(Self.oneRecord(facts: [3, 0, 0x81, 0x01], source: "/s/a", sourceStamp: true), factCount: 140)
        #expect(Array(records.facts(0)) == [3, 4, 134])
        #expect(records.source(0) == .init(path: "/s/a", stamp: Self.stamp))
    }

    @Test func aFactNumberOutsideTheTableThrows() {
        // Gaps 3, 0, 129: numbers 3, 4, 134; a table of 134 facts has no number 134.
        #expect(throws: BinaryReader.Corrupt.self) { try Self.decode(Self.oneRecord(facts: [3, 0, 0x81, 0x01]), factCount: 134) }
    }

    @Test func aFactListEndingInsideANumberThrows() {
        #expect(throws: BinaryReader.Corrupt.self) { try Self.decode(Self.oneRecord(facts: [3, 0x81])) }
    }

    @Test func aGapTooLargeForAnyTableThrows() {
        let huge: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]
        #expect(throws: BinaryReader.Corrupt.self) { try Self.decode(Self.oneRecord(facts: huge)) }
    }

    @Test func aSourceStampWithoutASourceThrows() {
        #expect(throws: BinaryReader.Corrupt.self) { try Self.decode(Self.oneRecord(facts: [], sourceStamp: true)) }
    }

    @Test func aPathTwiceThrows() {
        var bytes = Self.encoded(Self.records(2))
        // Both records' paths have the same length: make the second one's path the first one's.
        let first = Array("möten/0/index.html".utf8), second = Array("möten/1/index.html".utf8)
        let at = (0...(bytes.count - second.count)).first { Array(bytes[$0..<$0 + second.count]) == second }!
        bytes.replaceSubrange(at..<at + second.count, with: first)
        #expect(throws: BinaryReader.Corrupt.self) { try Self.decode(bytes) }
    }
}
