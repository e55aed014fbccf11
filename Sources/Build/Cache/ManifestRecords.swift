import Content

/// The records of one site folder in the output manifest, in a few flat buffers. A large site has
/// 100,000 files, and a record of its own (a dictionary entry, a path string, an array of fact numbers)
/// cost several times its content; a build holds the previous manifest and the new one at once.
struct ManifestRecords: Sendable {
    /// A copied file's source, and that source's stamp when it was copied (nil: too recent to vouch for).
    struct Source: Sendable, Equatable {
        var path: String
        var stamp: FileSystem.Stamp?
    }

    private var pathBytes: [UInt8] = []
    /// Where each record's path ends in `pathBytes`; it starts where the one before ends.
    private var pathEnds: [Int] = []
    private(set) var hashes: [UInt64] = []
    private(set) var stamps: [FileSystem.Stamp] = []
    /// Each record's fact numbers as a `FactList`, one after the other (a fifth of plain numbers' size).
    private var factBytes: [UInt8] = []
    private var factEnds: [Int] = []
    /// By record number; only copied files have one, and a site has few.
    private var sources: [Int: Source] = [:]
    /// Path → record number + 1 (0: empty), by open addressing; at most half full.
    private var slots: [Int32] = []

    var count: Int { hashes.count }
    var isEmpty: Bool { hashes.isEmpty }
    var indices: Range<Int> { 0..<count }

    func path(_ index: Int) -> String {
        let start = index == 0 ? 0 : pathEnds[index - 1]
        return pathBytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<pathEnds[index]]), as: UTF8.self) }
    }

    var paths: [String] { indices.map(path) }

    /// About the bytes `encode` writes (a little more), to size the writer once.
    var byteEstimate: Int { pathBytes.count + factBytes.count + count * 64 + sources.count * 128 }

    func source(_ index: Int) -> Source? { sources[index] }

    /// The record's fact numbers, ascending.
    func facts(_ index: Int) -> FactList { FactList(encoded: factBytes[factRange(index)]) }

    private func factRange(_ index: Int) -> Range<Int> { (index == 0 ? 0 : factEnds[index - 1])..<factEnds[index] }

    func index(of path: String) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Self.hash(path.utf8) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if pathEquals(index, path) { return index }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds a record; the path must not be in the table yet.
    mutating func append(path: String, hash: UInt64, stamp: FileSystem.Stamp, facts: FactList = FactList(), source: Source? = nil) {
        pathBytes.append(contentsOf: path.utf8)
        pathEnds.append(pathBytes.count)
        hashes.append(hash)
        stamps.append(stamp)
        factBytes.append(contentsOf: facts.encoded)
        factEnds.append(factBytes.count)
        if let source { sources[count - 1] = source }
        if slots.count < 2 * count { rehash(capacity: max(16, 4 * count)) } else { insert(count - 1) }
    }

    /// Room for `count` records without growing their buffers record by record.
    mutating func reserveCapacity(_ count: Int) {
        pathEnds.reserveCapacity(count)
        hashes.reserveCapacity(count)
        stamps.reserveCapacity(count)
        factEnds.reserveCapacity(count)
        if slots.count < 2 * count { rehash(capacity: 2 * count) }
    }

    /// The same records with no facts: a previous site needs only hashes and stamps. Shares the rest.
    var withoutFacts: ManifestRecords {
        var copy = self
        copy.factBytes = []
        copy.factEnds = [Int](repeating: 0, count: count)
        return copy
    }

    /// Every record's fact numbers replaced by `number[old]` (which must keep them ascending and
    /// defined for every number read).
    mutating func renumberFacts(_ number: [Int]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(factBytes.count)
        var ends: [Int] = []
        ends.reserveCapacity(count)
        for index in indices {
            FactList.append(facts(index).lazy.map { number[$0] }, to: &bytes)
            ends.append(bytes.count)
        }
        (factBytes, factEnds) = (bytes, ends)
    }

    private func pathEquals(_ index: Int, _ path: String) -> Bool {
        let start = index == 0 ? 0 : pathEnds[index - 1]
        let stored = pathBytes[start..<pathEnds[index]]
        return stored.count == path.utf8.count && stored.elementsEqual(path.utf8)
    }

    private mutating func rehash(capacity: Int) {
        var size = 16
        while size < capacity { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        for index in indices { insert(index) }
    }

    private mutating func insert(_ index: Int) {
        let mask = slots.count - 1
        let start = index == 0 ? 0 : pathEnds[index - 1]
        var slot = Self.hash(pathBytes[start..<pathEnds[index]]) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }

    /// FNV-1a: the table lives in memory only, any even spread will do.
    private static func hash<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}

extension ManifestRecords: Equatable {
    /// The same records in the same order (the lookup table follows from them).
    static func == (a: ManifestRecords, b: ManifestRecords) -> Bool {
        a.pathBytes == b.pathBytes && a.pathEnds == b.pathEnds && a.hashes == b.hashes && a.stamps == b.stamps
            && a.indices.allSatisfy { a.facts($0) == b.facts($0) } && a.sources == b.sources
    }
}

extension ManifestRecords {
    /// Records as `OutputManifest` stores them: each path, hash, stamp, fact list and source.
    func encode(to writer: inout BinaryWriter) {
        var pieces = BinaryPieces(size: .max)
        // Nothing in the closure throws.
        try! encode(to: &pieces) { writer.writeRaw($0) }
        if let piece = pieces.piece(last: true) { writer.writeRaw(piece) }
    }

    /// `take`: each piece `pieces` makes.
    func encode(to pieces: inout BinaryPieces, _ take: ([UInt8]) throws -> Void) throws {
        pieces.write { $0.writeCount(count) }
        for index in indices {
            pieces.write { writer in
                writer.write(path(index))
                writer.write(hashes[index])
                stamps[index].encode(to: &writer)
                let range = factRange(index)
                writer.writeCount(range.count)
                writer.writeRaw(factBytes[range])
                let source = sources[index]
                writer.write(source?.path)
                writer.write(source?.stamp != nil)
                source?.stamp?.encode(to: &writer)
            }
            if let piece = pieces.piece() { try take(piece) }
        }
    }

    /// `factCount`: the manifest's number of facts; a fact list naming any other throws.
    init(from reader: inout BinaryReader, factCount: Int) throws {
        let count = try reader.readCount()
        reserveCapacity(count)
        for _ in 0..<count {
            let path = try reader.readString()
            guard index(of: path) == nil else { throw BinaryReader.Corrupt() }
            let hash = try reader.readUInt64()
            let stamp = try FileSystem.Stamp(from: &reader)
            let facts = FactList(encoded: try reader.readRaw(try reader.readCount()))
            try facts.validate(below: factCount)
            let sourcePath = try reader.readOptional(String.self)
            let sourceStamp = try reader.readBool() ? try FileSystem.Stamp(from: &reader) : nil
            guard sourcePath != nil || sourceStamp == nil else { throw BinaryReader.Corrupt() }
            append(path: path, hash: hash, stamp: stamp, facts: facts, source: sourcePath.map { Source(path: $0, stamp: sourceStamp) })
        }
    }
}
