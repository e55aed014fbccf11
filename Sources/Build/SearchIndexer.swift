import Foundation

/// A search indexer (Pagefind) run on the finished site before it is swapped in, so the published
/// site never lacks its index and a failing indexer leaves the previous site in place.
public struct SearchIndexer: Sendable {
    /// The command; `--site <folder>` is appended.
    public var command: [String]

    public init(command: [String]) { self.command = command }

    /// Pagefind as installed by `pip install 'pagefind[bin]'` (a module) or as a binary on the PATH.
    public static func locatePagefind(environment: [String: String] = ProcessInfo.processInfo.environment) -> SearchIndexer? {
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["pagefind", "pagefind_extended"] {
            for folder in path where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return SearchIndexer(command: ["\(folder)/\(name)"])
            }
        }
        guard let python = path.map({ "\($0)/python3" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }),
              (try? run([python, "-c", "import pagefind"]))?.status == 0 else { return nil }
        return SearchIndexer(command: [python, "-m", "pagefind"])
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The folder Pagefind writes into the site.
    static let folder = "pagefind"

    /// Runs on a staging folder, which never holds an earlier index (see `Staging`).
    func index(_ folder: String) throws {
        let result = try SearchIndexer.run(command + ["--site", folder])
        guard result.status == 0 else {
            throw Failure(description: "the search indexer failed (\(command.joined(separator: " ")), exit \(result.status)): \(result.output.suffix(500))")
        }
    }

    /// Runs a command to completion, collecting its output; the child's output cannot block it.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("okc-indexer-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw Failure(description: "cannot create \(log.path)") }
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = String(decoding: (try? FileSystem.read(log.path)) ?? [], as: UTF8.self)
        return (process.terminationStatus, output)
    }
}
