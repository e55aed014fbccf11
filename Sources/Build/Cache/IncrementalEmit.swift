import Content
import Graph
import Theme
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The render and emit stages of a build with a cache: a file whose facts all kept their values, and
/// whose copy on disk is still the one okc wrote, is not rendered again; it is kept where it already
/// is (in the recycled previous site) or hard-linked from the current site. Everything else is
/// rendered, on all cores, and written as it is made. The new manifest records what each file read.
struct IncrementalEmit {
    let output: String
    let siteRoot: String
    let cacheFolder: String
    let renderKey: UInt64
    let verify: Bool
    /// Freed memory handed back before each site-wide file (see FreedMemory).
    let trimsMemory: Bool

    static func previousSitePath(_ output: String) -> String { output + ".okc-prev" }

    struct Outcome {
        var manifest: OutputManifest
        var rendered: Int
        var diagnostics: [Diagnostic]
        /// How many of the recorded facts were valued again (the others kept their recorded values), of
        /// how many; nil when the recorded facts were not for these inputs.
        var factsValued: (valued: Int, recorded: Int)? = nil
    }

    private enum Placed: Sendable {
        /// `facts`: what a rendered file read, numbered in the new manifest's table (nil: reused, facts as
        /// recorded). Encoded as soon as known: every file's list waits here until all are rendered.
        case file(hash: UInt64, stamp: FileSystem.Stamp, facts: FactList?, rendered: Bool, mismatch: Bool, kept: Bool)
        case failed(String)
    }

    func run(jobs: [RenderJob], copies: [(path: String, source: String)], paths: [String], hasher: FactHasher,
             previous loaded: consuming OutputManifest?, beforeSwap: ((String) throws -> Void)? = nil) throws -> Outcome {
        var manifest = (consume loaded) ?? OutputManifest()
        // The site folders must be the ones the manifest describes, or their records say nothing.
        if FileSystem.stamp(output, follow: false).map({ !Self.sameFile($0, manifest.liveRoot) }) ?? true { manifest.live = ManifestRecords() }
        let previousSite = Self.previousSitePath(output)
        var recycle: String? = previousSite
        // Every folder of the previous site as recorded (a stat each, on all cores), or it is not reused.
        if FileSystem.stamp(previousSite, follow: false).map({ !Self.sameFile($0, manifest.previousRoot) }) ?? true
            || !Self.foldersAreAsRecorded(manifest.previousFolders, in: previousSite) {
            manifest.previous = ManifestRecords()
            manifest.previousFolders = [:]
            recycle = nil
        }

        // Which recorded facts changed: a fact's value now against its value then (on all cores: the
        // table has a fact per document and relation).
        let factsValid = manifest.renderKey == renderKey
        let (current, valuedFacts) = factsValid ? hasher.values(of: manifest.facts, recordedGraphKey: manifest.graphKey) : ([], 0)
        let unchanged = zip(manifest.facts, current).map { $0.value == $1 }
        StageClock.shared.lap("facts")

        // The recycled site's folders are the ones just checked.
        let staging = try Staging(output: output, siteRoot: siteRoot, paths: paths, recycle: recycle, knownFolders: manifest.previousFolders)
        let live = manifest.live
        let previous = manifest.previous
        let results: [Placed]
        // The new manifest's facts, numbered on all cores: a large site's files keep a number per fact they
        // read, not the fact's text and value. The previous table (with today's values) keeps its numbers, so
        // a reused file keeps its list as it is: renumbering every file's facts cost a new list each (~170 MB
        // at 100,000 pages); new facts are numbered as files read them.
        let table = FactTable(hasher: hasher, previous: factsValid ? zip(manifest.facts, current).map { ($0.fact, $1) } : [])
        // The table has them now (taken as the parameter, the manifest is this function's to free).
        manifest.facts = []
        do {
            @Sendable func valued(_ facts: RecordedFacts, of path: String) -> FactList {
                FactList(table.numbers(facts, previously: factsValid ? live.index(of: path).map { Array(live.facts($0)) } : nil))
            }
            // Site-wide files (registers, open data) one at a time: each holds hundreds of MB while made.
            results = parallelMap(Array(jobs.indices), oneLargeAtATime: { jobs[$0].documentKey == nil }) { index -> Placed in
                let job = jobs[index]
                do {
                    // Reusable: every fact as it was. Then the file is kept if the recycled folder has it
                    // already, else linked from the site if that copy is still the one written.
                    var mismatch = false
                    if factsValid, let record = live.index(of: job.path), live.facts(record).allSatisfy({ unchanged[$0] }) {
                        let hash = live.hashes[record]
                        // Tests check every reuse against a fresh render; a difference is a missing fact.
                        mismatch = verify && StableHasher.hashUTF8(job.render().text) != hash
                        if !mismatch {
                            if let kept = Self.keep(job.path, hash: hash, staging: staging, previous: previous) {
                                return .file(hash: hash, stamp: kept, facts: nil, rendered: false, mismatch: false, kept: true)
                            }
                            if let stamp = FileSystem.stamp(output + "/" + job.path, follow: false), Self.sameFile(stamp, live.stamps[record]) {
                                try staging.reuse(output + "/" + job.path, at: job.path)
                                return .file(hash: hash, stamp: stamp, facts: nil, rendered: false, mismatch: false, kept: false)
                            }
                        }
                    }
                    // What the site-wide file made before this one freed goes back first (see FreedMemory); not
                    // for a reused one: a trim walks the whole heap, ~0.1 s at 100,000 pages.
                    if job.documentKey == nil { FreedMemory.release(trimsMemory) }
                    let (text, facts) = job.render()
                    let hash = StableHasher.hashUTF8(text)
                    if let kept = Self.keep(job.path, hash: hash, staging: staging, previous: previous) {
                        return .file(hash: hash, stamp: kept, facts: valued(facts, of: job.path), rendered: true, mismatch: mismatch, kept: true)
                    }
                    let stamp = try staging.write(text, to: job.path)
                    return .file(hash: hash, stamp: stamp ?? .none, facts: valued(facts, of: job.path), rendered: true,
                                 mismatch: mismatch, kept: false)
                } catch {
                    return .failed("\(error)")
                }
            }
            if let failure = results.lazy.compactMap({ if case .failed(let text) = $0 { text } else { nil } }).first {
                throw FileSystem.Failure(description: failure)
            }
        } catch {
            staging.discard()
            throw error
        }
        StageClock.shared.lap("render")

        // The new manifest: facts numbered afresh (a reused file's facts keep their values), records for every file.
        var next = OutputManifest()
        next.renderKey = renderKey
        next.graphKey = hasher.graphKey
        next.live.reserveCapacity(jobs.count + copies.count)
        var diagnostics: [Diagnostic] = []
        var rendered = 0
        // Folders whose entries changed: their times are read again, the others' are as recorded.
        var touched = Set<String>()
        for (job, result) in zip(jobs, results) {
            switch result {
            case .file(let hash, let stamp, let facts, let wasRendered, let mismatch, let kept):
                if mismatch {
                    diagnostics.append(.error("internal error: the incremental build would have reused '\(job.path)', but it renders differently now",
                                              at: .file(job.path)))
                }
                if wasRendered { rendered += 1 }
                if !kept { touched.insert(Self.folders(job.path).first ?? "") }
                // The marker is okc's own, never a file of the site.
                if job.path != Emitter.marker {
                    next.live.append(path: job.path, hash: hash, stamp: stamp, facts: facts ?? live.facts(live.index(of: job.path)!))
                }
            case .failed:
                break
            }
        }
        next.facts = table.facts
        next.dropUnreadFacts()
        StageClock.shared.lap("records")
        do {
            for copy in copies {
                let (hash, stamp, source) = try place(copy, staging: staging, live: live, previous: previous)
                if previous.index(of: copy.path).map({ !Self.sameFile(previous.stamps[$0], stamp) }) ?? true {
                    touched.insert(Self.folders(copy.path).first ?? "")
                }
                if copy.path != Emitter.marker { next.live.append(path: copy.path, hash: hash, stamp: stamp, source: source) }
            }
            let wanted = Set(paths + [Emitter.marker])
            let previousPaths = previous.paths
            for path in previousPaths where !wanted.contains(path) { touched.formUnion(Self.folders(path)) }
            staging.prune(previous: previousPaths + [Emitter.marker], keeping: wanted)
            try staging.commit(beforeSwap: beforeSwap)
        } catch {
            staging.discard()
            throw error
        }
        StageClock.shared.lap("commit")
        let previousFolders = manifest.previousFolders
        let recycled = staging.recycled
        // The site that was current is now in the staging folder: keep it for the next build to update.
        if FileSystem.type(staging.folder) == .directory {
            FileSystem.remove(previousSite)
            if FileSystem.rename(staging.folder, to: previousSite) {
                // Its facts were numbered in the old table; the previous site needs only hashes and stamps.
                next.previous = live.withoutFacts
                next.previousRoot = FileSystem.stamp(previousSite, follow: false) ?? .none
                next.previousFolders = manifest.liveFolders
            } else {
                FileSystem.remove(staging.folder)
            }
        }
        next.liveRoot = FileSystem.stamp(output, follow: false) ?? .none
        let folders = staging.folders
        // A folder made new, or whose entries changed (or that holds one that did), is read again.
        var stale = touched
        for folder in folders where previousFolders[folder] == nil { stale.insert(folder); stale.formUnion(Self.folders(folder + "/x")) }
        // A stat per folder read again, on all cores (every folder, after a full build).
        let root = output
        next.liveFolders = Dictionary(uniqueKeysWithValues: parallelMap(folders) { [stale] folder -> (String, Int)? in
            if recycled, !stale.contains(folder), let known = previousFolders[folder] { return (folder, known) }
            return FileSystem.stamp(root + "/" + folder, follow: false).map { (folder, $0.modified) }
        }.compactMap { $0 })
        return Outcome(manifest: next, rendered: rendered, diagnostics: diagnostics,
                       factsValued: factsValid ? (valuedFacts, current.count) : nil)
    }

    /// A copied file (theme static files, files under content/): reused while its source keeps its stamp.
    private func place(_ copy: (path: String, source: String), staging: Staging, live: ManifestRecords,
                       previous: ManifestRecords) throws -> (hash: UInt64, stamp: FileSystem.Stamp, source: ManifestRecords.Source) {
        let sourceStamp = FileSystem.stamp(copy.source)
        if let record = live.index(of: copy.path), let sourceStamp, live.source(record) == .init(path: copy.source, stamp: sourceStamp),
           let stamp = FileSystem.stamp(output + "/" + copy.path, follow: false), Self.sameFile(stamp, live.stamps[record]) {
            let hash = live.hashes[record]
            if let kept = Self.keep(copy.path, hash: hash, staging: staging, previous: previous) {
                return (hash, kept, .init(path: copy.source, stamp: sourceStamp))
            }
            try staging.reuse(output + "/" + copy.path, at: copy.path)
            return (hash, stamp, .init(path: copy.source, stamp: sourceStamp))
        }
        let bytes = try FileSystem.read(copy.source)
        let written = try staging.write(bytes, to: copy.path)
        // A source written moments ago could change again within the same stamp: then do not vouch for it.
        let settled = sourceStamp.map { $0.modified < Self.now() - 2_000_000_000 } ?? false
        return (StableHasher.hash(bytes), written ?? .none, .init(path: copy.source, stamp: settled ? sourceStamp : nil))
    }

    /// The stamp of the file already in a recycled staging folder when it has the wanted content.
    private static func keep(_ path: String, hash: UInt64, staging: Staging, previous: ManifestRecords) -> FileSystem.Stamp? {
        guard staging.recycled, let old = previous.index(of: path), previous.hashes[old] == hash, let stamp = staging.stamp(path),
              sameFile(stamp, previous.stamps[old]) else {
            return nil
        }
        return stamp
    }

    /// Whether each folder (relative to `root`) is there with its recorded modification time, checked on all cores.
    private static func foldersAreAsRecorded(_ folders: [String: Int], in root: String) -> Bool {
        let open = FileSystem.OpenFolder(root)
        return !parallelMap(Array(folders)) { open.stamp($0.key)?.modified == $0.value }.contains(false)
    }

    /// The same file with the same content as when recorded. The change time is left out: making a
    /// hard link changes it.
    static func sameFile(_ a: FileSystem.Stamp, _ b: FileSystem.Stamp) -> Bool {
        a.size == b.size && a.modified == b.modified && a.inode == b.inode && a.device == b.device
    }

    /// The folders a path is inside (`a/b/c.html` → `a`, `a/b`).
    static func folders(_ path: String) -> [String] {
        var out: [String] = []
        var end = path.utf8.endIndex
        // A slash is one byte and never part of another character: byte positions are valid indexes.
        while let slash = path.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
            out.append(String(path[..<slash]))
            end = slash
        }
        return out
    }

    static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }
}

/// The facts of the new manifest, each with its value now (computed once per fact, not once per file
/// that read it): the previous manifest's in their order, then new ones in the order files read them.
/// Shared by the render workers.
final class FactTable: Sendable {
    private struct State {
        /// Fact → number; made at the first lookup (a build that renders nothing never needs it).
        var numbers: [Fact: Int]?
        /// The number of each document's own facts by tagged position (RecordedFacts),
        /// -1 for none yet; made at the first lookup. Such a fact is numbered here, never in `numbers`.
        var byPosition: [Int32]?
        var facts: [(fact: Fact, value: UInt64)]
    }

    private let hasher: FactHasher
    private let state: Mutex<State>

    /// `previous`: the previous manifest's facts with their values now, keeping their numbers.
    init(hasher: FactHasher, previous: [(fact: Fact, value: UInt64)] = []) {
        self.hasher = hasher
        state = Mutex(State(numbers: nil, byPosition: nil, facts: previous))
    }

    var facts: [(fact: Fact, value: UInt64)] { state.withLock { $0.facts } }

    /// A file's facts as numbers: each once, sorted. Documents' facts recorded by position take an
    /// array lookup. For the others, `previously` (the numbers the file's facts had in the previous
    /// table, which this one starts with) is tried first: a file rendered again mostly reads what it
    /// read before, so a build that renders a few files need not make the lookup table of every fact
    /// (tens of thousands on a large site). The rest are looked up under one lock, and those unknown
    /// are valued outside it (a register's value is a walk over it) and numbered after.
    func numbers(_ recorded: RecordedFacts, previously: [Int]? = nil) -> [Int] {
        var numbers: [Int] = []
        numbers.reserveCapacity(recorded.facts.count + recorded.positions.count)
        var tagged = recorded.positions
        tagged.sort()
        var newPositions: [UInt32] = []
        if !tagged.isEmpty {
            state.withLock { state in
                let byPosition = positionNumbers(&state)
                var last: UInt32? = nil
                for tag in tagged where tag != last {
                    last = tag
                    let number = byPosition[Int(tag)]
                    if number >= 0 { numbers.append(Int(number)) } else { newPositions.append(tag) }
                }
            }
        }
        for tag in newPositions {
            let fact = RecordedFacts.fact(tag, in: hasher.graph)
            numbers.append(number(fact, value: hasher.compute(fact)))
        }
        var rest = recorded.facts
        if let previously, !previously.isEmpty, !rest.isEmpty {
            var known: [Fact: Int] = [:]
            known.reserveCapacity(previously.count)
            state.withLock { state in
                for number in previously where number < state.facts.count { known[state.facts[number].fact] = number }
            }
            rest = []
            for fact in recorded.facts {
                if let number = known[fact] { numbers.append(number) } else { rest.append(fact) }
            }
        }
        var missing: [Fact] = []
        if !rest.isEmpty {
            numbers += state.withLock { state in
                rest.compactMap { fact -> Int? in
                    if let known = lookUp(fact, in: &state) { return known }
                    missing.append(fact)
                    return nil
                }
            }
        }
        for fact in missing {
            // A fact read twice by this file, or numbered meanwhile by another worker, is valued once.
            if let known = state.withLock({ lookUp(fact, in: &$0) }) {
                numbers.append(known)
            } else {
                numbers.append(number(fact, value: hasher.compute(fact)))
            }
        }
        numbers.sort()
        var unique: [Int] = []
        unique.reserveCapacity(numbers.count)
        for number in numbers where unique.last != number { unique.append(number) }
        return unique
    }

    /// The fact's number, given its value now (kept from whoever numbered it first).
    func number(_ fact: Fact, value: UInt64) -> Int {
        state.withLock { state in
            if let known = lookUp(fact, in: &state) { return known }
            let number = state.facts.count
            if let tag = tag(of: fact) {
                state.byPosition![Int(tag)] = Int32(number)
            } else {
                state.numbers![fact] = number
            }
            state.facts.append((fact, value))
            return number
        }
    }

    private func tag(of fact: Fact) -> UInt32? { RecordedFacts.tag(of: fact, in: hasher.graph) }

    private func positionNumbers(_ state: inout State) -> [Int32] {
        if let byPosition = state.byPosition { return byPosition }
        var byPosition = [Int32](repeating: -1, count: hasher.graph.documents.count * RecordedFacts.Aspect.allCases.count)
        // The first of equal facts keeps the number (a table never holds two, but do not trust it).
        for (index, entry) in state.facts.enumerated() {
            if let tag = tag(of: entry.fact), byPosition[Int(tag)] < 0 { byPosition[Int(tag)] = Int32(index) }
        }
        state.byPosition = byPosition
        return byPosition
    }

    private func lookUp(_ fact: Fact, in state: inout State) -> Int? {
        if let tag = tag(of: fact) {
            let number = positionNumbers(&state)[Int(tag)]
            return number >= 0 ? Int(number) : nil
        }
        if state.numbers == nil {
            var numbers: [Fact: Int] = [:]
            numbers.reserveCapacity(state.facts.count)
            // Documents' own facts are numbered by position; the first of equal facts keeps the number.
            for (index, entry) in state.facts.enumerated() where tag(of: entry.fact) == nil && numbers[entry.fact] == nil {
                numbers[entry.fact] = index
            }
            state.numbers = numbers
        }
        return state.numbers![fact]
    }
}
