import Content
import Graph

/// The parse half of the cache: a record per page source (`sources.bin`) and the bodies' HTML
/// (`bodies-<generation>.bin`). Valid for one parse key: okc itself, `site.yml` and the glossary.
struct SourceCache: Sendable {
    static let magic = "OKCSRC01"

    /// The previous build's records in the order it saved them (none is nil once loaded: a record
    /// that does not decode discards the cache), and each one's position by path. Putting 10,000
    /// decoded records into a dictionary by path moved every one of them, on one core.
    private var records: [SourceRecord?] = []
    private var positions: [String: Int] = [:]
    /// What the set of pages and files (the provisional routes) looked like.
    var routesFingerprint: UInt64 = 0
    var generation = 0
    var bodies: BodyStore?
    /// The stamp of the `sources.bin` read: its records' bytes are copied from it when saved (`raw`).
    var fileStamp: FileSystem.Stamp?

    /// The record of the source at `path`.
    func record(_ path: String) -> SourceRecord? { positions[path].flatMap { records[$0] } }

    /// The paths with a record.
    var paths: Dictionary<String, Int>.Keys { positions.keys }

    static func sourcesPath(_ folder: String) -> String { folder + "/sources.bin" }
    static func bodiesPath(_ folder: String, generation: Int) -> String { folder + "/bodies-\(generation).bin" }

    /// The previous build's records, or nil (then every page is parsed) when there are none or they
    /// are not for these inputs, damaged in any way, or their body file is missing.
    /// `desk`: where the records' decoding is offered to the thread waiting for them (read ahead).
    static func load(folder: String, key: UInt64, desk: HelpDesk? = nil) -> SourceCache? {
        // Taken before the read: if the file is replaced meanwhile, the stamps differ and nothing is copied from it.
        let stamp = FileSystem.stamp(sourcesPath(folder))
        guard let (payload, range) = CacheFile.readInPlace(sourcesPath(folder), magic: magic, key: key) else { return nil }
        var reader = BinaryReader(payload, range: range)
        var cache = SourceCache()
        cache.fileStamp = stamp
        var ranges: [Range<Int>] = []
        do {
            cache.routesFingerprint = try reader.readUInt64()
            cache.generation = try reader.readInt()
            for _ in 0..<(try reader.readCount()) {
                let length = try reader.readCount()
                let start = reader.offset
                _ = try reader.readRaw(length)
                ranges.append(start..<start + length)
            }
        } catch {
            return nil
        }
        let decode: @Sendable (Range<Int>) -> SourceRecord? = { range in
            var record = BinaryReader(payload, range: range)
            guard var value = try? SourceRecord(from: &record), record.isAtEnd else { return nil }
            value.raw = range
            return value
        }
        cache.records = desk.map { $0.map(ranges, decode) } ?? parallelMap(ranges, decode)
        cache.positions.reserveCapacity(cache.records.count)
        for i in cache.records.indices {
            guard let path = cache.records[i]?.path else { return nil }
            cache.positions[path] = i
        }
        guard FileSystem.type(bodiesPath(folder, generation: cache.generation)) == .file,
              let bodies = BodyStore(path: bodiesPath(folder, generation: cache.generation), fresh: false) else { return nil }
        cache.bodies = bodies
        return cache
    }

    /// Writes the records of this build, putting bodies that are only in memory into the body file.
    /// The body file is appended to while it stays mostly live, and written afresh (a new generation)
    /// when not; the old generation is removed once the new records point elsewhere.
    /// `previousFile`: the stamp of the `sources.bin` the records were read from.
    static func save(_ records: [SourceRecord], routes: Routes, routesFingerprint: UInt64, bodies: (store: BodyStore, generation: Int)?, folder: String,
                     key: UInt64, buildStart: Int, previousFile: FileSystem.Stamp?, chunkSize: Int = 4096) throws {
        // The records stay as they are (the caller still holds them: changing one copied all of them);
        // a body written now goes beside them, by position.
        var written = [BodyRef?](repeating: nil, count: records.count)
        var liveBytes: UInt64 = 0
        for i in records.indices {
            liveBytes += records[i].body?.length ?? UInt64(records[i].outcome.parsed?.markdown.html.utf8.count ?? 0)
        }
        var generation = bodies?.generation ?? 0
        var store = bodies?.store
        if store == nil || store!.size > 2 * liveBytes + (1 << 20) {
            generation += 1
            guard let fresh = BodyStore(path: bodiesPath(folder, generation: generation), fresh: true) else {
                throw FileSystem.Failure(description: "cannot write the cache's body file")
            }
            // Move every live body into the new file: from memory, or read back from the old one.
            var moved: [Int] = []
            var bodies: [String] = []
            for i in records.indices where records[i].outcome.parsed != nil {
                if let inMemory = records[i].outcome.parsed?.markdown.html, records[i].body == nil {
                    bodies.append(inMemory)
                } else if let ref = records[i].body, let old = store?.read(ref) {
                    bodies.append(old)
                } else {
                    throw FileSystem.Failure(description: "a cached body could not be read back")
                }
                moved.append(i)
            }
            guard let refs = fresh.append(all: bodies) else { throw FileSystem.Failure(description: "cannot write the cache's body file") }
            for (i, ref) in zip(moved, refs) { written[i] = ref }
            store = fresh
        } else {
            let pending = records.indices.filter { records[$0].body == nil && records[$0].outcome.parsed != nil }
            guard let refs = store!.append(all: pending.map { records[$0].outcome.parsed!.markdown.html }) else {
                throw FileSystem.Failure(description: "cannot write the cache's body file")
            }
            for (i, ref) in zip(pending, refs) { written[i] = ref }
        }
        // Unchanged records are copied from the previous file as they were read, if it is still that file.
        let previous = previousFile.flatMap { PreviousRecords(path: sourcesPath(folder), stamp: $0) }
        let copying = previous != nil
        try CacheFile.write(magic: magic, key: key, to: sourcesPath(folder)) { writer in
            var header = BinaryWriter(capacity: 64, sharesStrings: false)
            header.write(routesFingerprint)
            header.write(generation)
            header.writeCount(records.count)
            try writer.writeRaw(header.bytes)
            // A chunk of records encoded on all cores, then written, then the next: held all at once, the
            // encoded records of a 100,000-page site were ~240 MB at the build's peak.
            for chunk in stride(from: 0, to: records.count, by: chunkSize) {
                let encoded = parallelMap(Array(chunk..<min(chunk + chunkSize, records.count))) { [records, written] index -> Encoded in
                    // A file changed so recently that a further change could keep its stamp is trusted by content only.
                    let stamp = records[index].stamp
                    let racy = stamp.modified >= buildStart - 2_000_000_000 || stamp == .none
                    // As read, if nothing in it changed: copied without copying the record first.
                    if copying, racy == records[index].racy, written[index] == nil, let raw = records[index].raw { return .copy(raw) }
                    var record = records[index]
                    record.racy = racy
                    if let body = written[index] { record.body = body }
                    if record.rewrites == nil { record.rewrites = ParseStage.rewrites(record, routes: routes) }
                    var item = BinaryWriter(capacity: 2048)
                    record.encode(to: &item)
                    // All of the chunk waits here until written: in buffers of their size, not of the writer's reserve.
                    return .bytes(item.exactBytes)
                }
                try write(encoded, to: &writer, copyingFrom: previous)
            }
        }
        for name in FileSystem.list(folder) where name.hasPrefix("bodies-") && name != "bodies-\(generation).bin" {
            FileSystem.remove(folder + "/" + name)
        }
    }

    /// Records out to the file, each behind its count.
    private static func write(_ encoded: [Encoded], to writer: inout CacheFile.Sink, copyingFrom previous: PreviousRecords?) throws {
        var i = encoded.startIndex
        while i < encoded.endIndex {
            switch encoded[i] {
            case .copy(let first):
                // Records that follow one another in the previous file, each behind its count as it is
                // written here, are copied with their counts in one read (a megabyte at most), not one each.
                let start = first.lowerBound - BinaryWriter.countLength(first.count)
                var end = first.upperBound
                var next = i + 1
                while next < encoded.endIndex, case .copy(let range) = encoded[next],
                      range.lowerBound == end + BinaryWriter.countLength(range.count), range.upperBound - start <= 1 << 20 {
                    end = range.upperBound
                    next += 1
                }
                guard start >= 0, let bytes = previous?.read(start..<end) else {
                    throw FileSystem.Failure(description: "cannot read the cache's records")
                }
                try writer.writeRaw(bytes)
                i = next
            case .bytes(let bytes):
                try writer.writeCount(bytes.count)
                try writer.writeRaw(bytes)
                i += 1
            }
        }
    }

    /// A record as it goes into the file: its bytes, or where they are in the previous file.
    private enum Encoded {
        case bytes([UInt8])
        case copy(Range<Int>)
    }
}
