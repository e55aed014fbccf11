import Content
import Graph

/// The render half of the cache (`outputs.bin`): for every file of the site, the facts it read and
/// their values when it was made, its content hash and the stamp of the file on disk; the same for the
/// previous site kept beside the output (see RecycledStaging). Valid for one render key: the parse key,
/// the theme, `--drafts` and the output folder.
struct OutputManifest: Sendable {
    static let magic = "OKCOUT01"

    struct Record: Sendable {
        var hash: UInt64
        var stamp: FileSystem.Stamp
        /// Positions in `facts`; empty for copied files, which `source` decides instead.
        var facts: [Int]
        /// For a copied file: its source's path and stamp.
        var source: String?
        var sourceStamp: FileSystem.Stamp?
    }

    /// The inputs the facts' values were taken with (theme, `--drafts`, parse key): if they differ, no
    /// recorded fact is trusted, but the files and their hashes still are.
    var renderKey: UInt64 = 0
    /// The inputs of the graph the facts were valued on (BuildCache.hashes): while they are the same,
    /// every fact the graph alone decides keeps its recorded value (FactHasher.values).
    var graphKey: UInt64 = 0
    /// Every fact any file read, with its value then.
    var facts: [(fact: Fact, value: UInt64)] = []
    /// The site in the output folder, by path; and the folder's own stamp (a replaced folder is not ours).
    var live: [String: Record] = [:]
    var liveRoot: FileSystem.Stamp = .none
    /// Folder → modification time: a folder someone added a file to is not reused.
    var liveFolders: [String: Int] = [:]
    /// The site before it, kept for the next build to update in place (RecycledStaging), or empty.
    var previous: [String: Record] = [:]
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
        for record in live.values { for index in record.facts { read[index] = true } }
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
        for index in live.indices { live.values[index].facts = live.values[index].facts.map { number[$0] } }
    }

    func save(folder: String, output: String, key: UInt64) throws {
        // Sized for more than a record takes, so that a large manifest is not copied as it grows: pages
        // reserved and never written are never resident.
        let estimate = live.values.reduce(0) { $0 + 160 + 4 * $1.facts.count } + previous.count * 128 + facts.count * 64
        var writer = BinaryWriter(capacity: estimate, sharesStrings: false)
        encode(to: &writer)
        try CacheFile.write(writer.bytes, magic: OutputManifest.magic, key: key, to: OutputManifest.path(folder, output: output))
    }
}

extension OutputManifest: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(renderKey)
        writer.write(graphKey)
        writer.write(UInt64(facts.count))
        for (fact, value) in facts {
            FactCodec.encode(fact, to: &writer)
            writer.write(value)
        }
        for (records, root, folders) in [(live, liveRoot, liveFolders), (previous, previousRoot, previousFolders)] {
            root.encode(to: &writer)
            writer.write(UInt64(folders.count))
            for (folder, modified) in folders { writer.write(folder); writer.write(modified) }
            writer.write(UInt64(records.count))
            // In the dictionaries' order: the file is okc's own and only ever read back whole.
            for (path, record) in records {
                writer.write(path)
                writer.write(record.hash)
                record.stamp.encode(to: &writer)
                writer.write(UInt64(record.facts.count))
                for fact in record.facts { writer.write(UInt64(fact)) }
                writer.write(record.source)
                writer.write(record.sourceStamp != nil)
                record.sourceStamp?.encode(to: &writer)
            }
        }
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
            var records: [String: Record] = [:]
            let count = try reader.readCount()
            // Bounded by the bytes left: a damaged count must not reserve without end.
            records.reserveCapacity(min(count, reader.remaining))
            for _ in 0..<count {
                let path = try reader.readString()
                let hash = try reader.readUInt64()
                let stamp = try FileSystem.Stamp(from: &reader)
                var indexes: [Int] = []
                for _ in 0..<(try reader.readCount()) {
                    let index = Int(try reader.readUInt64())
                    guard index < facts.count else { throw BinaryReader.Corrupt() }
                    indexes.append(index)
                }
                let source = try reader.readOptional(String.self)
                let sourceStamp = try reader.readBool() ? try FileSystem.Stamp(from: &reader) : nil
                records[path] = Record(hash: hash, stamp: stamp, facts: indexes, source: source, sourceStamp: sourceStamp)
            }
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
