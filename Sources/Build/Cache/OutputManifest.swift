import Content
import Graph

/// The render half of the cache (`outputs.bin`): for every file of the site, the facts it read and
/// their values when it was made, its content hash and the stamp of the file on disk; the same for the
/// previous site kept beside the output (see RecycledStaging). Valid for one render key: the parse key,
/// the theme, `--drafts` and the output folder.
struct OutputManifest: Sendable {
    static let magic = "OKCOUT01"

    /// The inputs the facts' values were taken with (theme, `--drafts`, parse key): if they differ, no
    /// recorded fact is trusted, but the files and their hashes still are.
    var renderKey: UInt64 = 0
    /// The inputs of the graph the facts were valued on (BuildCache.hashes): while they are the same,
    /// every fact the graph alone decides keeps its recorded value (FactHasher.values).
    var graphKey: UInt64 = 0
    /// Every fact any file read, with its value then.
    var facts: [(fact: Fact, value: UInt64)] = []
    /// The site in the output folder, by path; and the folder's own stamp (a replaced folder is not ours).
    var live = ManifestRecords()
    var liveRoot: FileSystem.Stamp = .none
    /// Folder → modification time: a folder someone added a file to is not reused.
    var liveFolders: [String: Int] = [:]
    /// The site before it, kept for the next build to update in place (RecycledStaging), or empty.
    var previous = ManifestRecords()
    var previousRoot: FileSystem.Stamp = .none
    var previousFolders: [String: Int] = [:]

    /// One manifest per output folder (named after it), so `okc build` and `okc serve` keep theirs;
    /// a new okc replaces the file rather than adding one (the key inside tells it is for another okc).
    static func path(_ folder: String, output: String) -> String {
        folder + "/outputs-" + String(StableHasher.hash(Array(output.utf8)), radix: 16) + ".bin"
    }

    static func load(folder: String, output: String, key: UInt64) -> OutputManifest? {
        guard let (bytes, payload) = CacheFile.readInPlace(path(folder, output: output), magic: magic, key: key) else { return nil }
        var reader = BinaryReader(bytes, range: payload)
        return try? OutputManifest(from: &reader)
    }

    /// Facts no file reads any more (the table keeps the previous build's numbering, see FactTable) are
    /// dropped once they are a quarter of it, and the files' facts renumbered.
    mutating func dropUnreadFacts() {
        var read = [Bool](repeating: false, count: facts.count)
        for index in live.indices { for fact in live.facts(index) { read[fact] = true } }
        let unread = read.count - read.count(where: { $0 })
        guard unread > 0, unread * 4 >= facts.count else { return }
        var number = [Int](repeating: -1, count: facts.count)
        var kept: [(fact: Fact, value: UInt64)] = []
        kept.reserveCapacity(facts.count - unread)
        for index in facts.indices where read[index] {
            number[index] = kept.count
            kept.append(facts[index])
        }
        facts = kept
        live.renumberFacts(number)
    }

    /// Written a piece at a time: held whole, the bytes were ~45 MB more at a 100,000-page rebuild's peak.
    func save(folder: String, output: String, key: UInt64) throws {
        try CacheFile.write(magic: OutputManifest.magic, key: key, to: OutputManifest.path(folder, output: output)) { sink in
            try encode(inPiecesOf: 1 << 20) { try sink.writeRaw($0) }
        }
    }
}

extension OutputManifest: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        // Nothing in the closure throws.
        try! encode(inPiecesOf: .max) { writer.writeRaw($0) }
    }

    /// The manifest's bytes, handed to `take` whenever `size` of them are ready (texts are not shared
    /// across records, so the pieces read back as one).
    func encode(inPiecesOf size: Int, _ take: ([UInt8]) throws -> Void) throws {
        var pieces = BinaryPieces(size: size)
        pieces.write { $0.write(renderKey); $0.write(graphKey); $0.write(UInt64(facts.count)) }
        for (fact, value) in facts {
            pieces.write { FactCodec.encode(fact, to: &$0); $0.write(value) }
            if let piece = pieces.piece() { try take(piece) }
        }
        for (records, root, folders) in [(live, liveRoot, liveFolders), (previous, previousRoot, previousFolders)] {
            pieces.write { writer in
                root.encode(to: &writer)
                writer.write(UInt64(folders.count))
                // In name order: the same manifest gives the same bytes (a dictionary's order is not).
                for (folder, time) in folders.sorted(by: { $0.key < $1.key }) { writer.write(folder); writer.write(time) }
            }
            try records.encode(to: &pieces, take)
        }
        if let piece = pieces.piece(last: true) { try take(piece) }
    }

    init(from reader: inout BinaryReader) throws {
        renderKey = try reader.readUInt64()
        graphKey = try reader.readUInt64()
        for _ in 0..<(try reader.readCount()) {
            facts.append((try FactCodec.decode(from: &reader), try reader.readUInt64()))
        }
        for part in 0..<2 {
            let root = try FileSystem.Stamp(from: &reader)
            var folders: [String: Int] = [:]
            for _ in 0..<(try reader.readCount()) { folders[try reader.readString()] = try reader.readInt() }
            let records = try ManifestRecords(from: &reader, factCount: facts.count)
            if part == 0 {
                (live, liveRoot, liveFolders) = (records, root, folders)
            } else {
                (previous, previousRoot, previousFolders) = (records, root, folders)
            }
        }
        guard reader.isAtEnd else { throw BinaryReader.Corrupt() }
    }
}

extension FileSystem.Stamp: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(size); writer.write(modified); writer.write(changed); writer.write(inode); writer.write(device)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(size: try reader.readInt(), modified: try reader.readInt(), changed: try reader.readInt(),
                  inode: try reader.readUInt64(), device: try reader.readUInt64())
    }
}

/// Facts in binary (a free function pair: Fact belongs to Graph, BinaryCodable to Content).
enum FactCodec {
    static func encode(_ fact: Fact, to writer: inout BinaryWriter) {
        func tag(_ value: Int, _ texts: String...) {
            writer.write(value)
            for text in texts { writer.write(text) }
        }
        switch fact {
        case .document(let key): tag(0, key)
        case .body(let key): tag(1, key)
        case .kind(let kind): tag(2); writer.write(kind)
        case .kindCount(let kind): tag(3); writer.write(kind)
        case .kindIsEmpty(let kind): tag(4); writer.write(kind)
        case .backlinks(let key): tag(5, key)
        case .members(let id): tag(6, id)
        case .successors(let id): tag(7, id)
        case .ownedActions(let key): tag(8, key)
        case .decisions: tag(9)
        case .actions: tag(10)
        case .area(let key): tag(11, key)
        case .areaReference(let reference, let plan): tag(12, reference); writer.write(plan)
        case .personReference(let reference): tag(13, reference)
        case .category(let id): tag(14, id)
        case .subregion(let id): tag(15, id)
        case .matches: tag(16)
        case .organisationMatches(let key): tag(17, key)
        case .menu: tag(18)
        case .now: tag(19)
        case .outputPaths: tag(20)
        case .title(let key): tag(21, key)
        }
    }

    static func decode(from reader: inout BinaryReader) throws -> Fact {
        switch try reader.readInt() {
        case 0: return .document(try reader.readString())
        case 1: return .body(try reader.readString())
        case 2: return .kind(try reader.read())
        case 3: return .kindCount(try reader.read())
        case 4: return .kindIsEmpty(try reader.read())
        case 5: return .backlinks(try reader.readString())
        case 6: return .members(try reader.readString())
        case 7: return .successors(try reader.readString())
        case 8: return .ownedActions(try reader.readString())
        case 9: return .decisions
        case 10: return .actions
        case 11: return .area(try reader.readString())
        case 12: return .areaReference(try reader.readString(), plan: try reader.readOptional(String.self))
        case 13: return .personReference(try reader.readString())
        case 14: return .category(try reader.readString())
        case 15: return .subregion(try reader.readString())
        case 16: return .matches
        case 17: return .organisationMatches(try reader.readString())
        case 18: return .menu
        case 19: return .now
        case 20: return .outputPaths
        case 21: return .title(try reader.readString())
        default: throw BinaryReader.Corrupt()
        }
    }
}
