import Foundation

/// The built `okc` executable, run as editors and CI run it: for exit codes, stderr and SIGKILL tests.
public enum OKCProcess {
    /// `okc` lies in the build products folder beside the test bundle (`swift build --build-tests`
    /// builds every product, `scripts/test` runs it first); `.build/debug/okc` is the fallback.
    public static let executable: String? = {
        let bundle = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let candidates = [
            URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("okc").path,
            FixtureSite.repositoryRoot + "/.build/debug/okc",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    public struct Outcome: Sendable {
        public var status: Int32
        public var stderr: String
    }

    /// Starts okc with the repository's theme; the caller waits for or kills the process.
    public static func start(_ arguments: [String], stderr: FileHandle? = nil) throws -> Process {
        guard let executable else { throw Missing() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["OKC_THEME"] = FixtureSite.themeFolder
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs okc to the end and returns its exit status and what it printed on stderr.
    public static func run(_ arguments: [String]) throws -> Outcome {
        let pipe = Pipe()
        let process = try start(arguments, stderr: pipe.fileHandleForWriting)
        try pipe.fileHandleForWriting.close()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stderr: String(decoding: data, as: UTF8.self))
    }

    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "the okc executable is not built: run 'swift build --build-tests' (scripts/test does)" }
    }
}
