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
    public static func run(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> Output {
        try run(executable: executable, arguments, in: folder, environment: environment)
    }

    /// Runs any program (a script, git) the same way.
    public static func run(executable: String, _ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = ProcessInfo.processInfo.environment
        env["OKC_THEME"] = FixtureSite.themeFolder
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
