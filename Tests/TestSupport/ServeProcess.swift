import Foundation

/// `okc serve --port 0` running as its own process, the way an editor starts it.
public final class ServeProcess {
    public let port: Int
    let process: Process
    public let log: String

    /// Starts the server and waits (at most `timeout` seconds) for the line that names its port.
    public init(site: String, arguments: [String] = [], timeout: Double = 60) throws {
        log = FileManager.default.temporaryDirectory.appendingPathComponent("okc-serve-\(UUID().uuidString).log").path
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process = Process()
        process.executableURL = URL(fileURLWithPath: OKCProcess.executable)
        process.arguments = ["serve", "--site", site, "--port", "0", "--now", "2026-11-25"] + arguments
        process.environment = OKCProcess.childEnvironment
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var found: Int?
        while Date() < deadline, process.isRunning, found == nil {
            Thread.sleep(forTimeInterval: 0.05)
            found = ServeProcess.port(in: (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
        }
        guard let found else {
            process.terminate()
            throw LoopbackHTTP.Failure(description: "okc serve did not start: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        }
        port = found
    }

    static func port(in text: String) -> Int? {
        guard let range = text.range(of: "Serving http://127.0.0.1:") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    public var output: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

    /// Ctrl-C, as an editor stops it; returns whether it exited within `timeout` seconds.
    @discardableResult
    public func interrupt(timeout: Double = 10) -> Bool {
        guard process.isRunning else { return true }
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            return false
        }
        return true
    }

    public var exitStatus: Int32? { process.isRunning ? nil : process.terminationStatus }

    deinit {
        if process.isRunning { process.terminate() }
    }
}
