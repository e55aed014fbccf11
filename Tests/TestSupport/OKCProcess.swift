import Foundation

/// Runs the `okc` executable that `swift build` put beside the test bundle, as an editor would run it.
public enum OKCProcess {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The built `okc`: the test runner lives in the same build folder.
    public static var executable: String {
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: runner).deletingLastPathComponent()
        // On Linux the runner may sit inside `okcPackageTests.xctest/`; the executable is a level up then.
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("okc").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FixtureSite.repositoryRoot).appendingPathComponent(".build/debug/okc").path
    }

    /// Runs `okc arguments…` in `folder` and waits for it (the commands tested this way end by themselves).
    /// The environment okc runs in as a child process: the built-in theme, and under AddressSanitizer no
    /// leak check at its exit. LeakSanitizer cannot follow Swift's spare-bit tagged pointers (in enum
    /// payloads such as a template's tokens) and reports what is still alive when the process exits:
    /// the build drops its model on another thread, which exit may precede on a loaded machine. Leaks
    /// are checked in-process by the ASan suites (scripts/test-asan), where everything is freed.
    public static var childEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["OKC_THEME"] = FixtureSite.themeFolder
        environment["ASAN_OPTIONS"] = (environment["ASAN_OPTIONS"].map { $0 + ":" } ?? "") + "detect_leaks=0"
        return environment
    }

    public static func run(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> Output {
        try run(executable: executable, arguments, in: folder, environment: environment)
    }

    /// Runs any program (a script, git) the same way.
    public static func run(executable: String, _ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = OKCProcess.childEnvironment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting, so a large output cannot fill a pipe and block the child.
        let errData = ReadAll(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.wait(), as: UTF8.self))
    }
}

/// Reads a pipe to its end on another thread.
final class ReadAll: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
