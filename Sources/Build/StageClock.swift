import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// With `OKC_TIMING=1` in the environment, prints how long each stage took to standard error: the
/// benchmarks' breakdown, with the resident memory after it and the peak so far. Silent otherwise.
final class StageClock: @unchecked Sendable {
    /// One clock per process: stages deep in the build lap it too.
    static let shared = StageClock()

    private let enabled = ProcessInfo.processInfo.environment["OKC_TIMING"] == "1"
    private var last = StageClock.now()

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// `, rss N MB (peak M MB)` from /proc/self/status; empty where there is none.
    static func memory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "" }
        func megabytes(_ field: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
                  let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
            return kilobytes / 1024
        }
        guard let rss = megabytes("VmRSS"), let peak = megabytes("VmHWM") else { return "" }
        return ", rss \(rss) MB (peak \(peak) MB)"
    }

    func lap(_ stage: String) {
        guard enabled else { return }
        let now = StageClock.now()
        FileHandle.standardError.write(Data("okc timing: \(stage) \(String(format: "%.3f", now - last)) s\(StageClock.memory())\n".utf8))
        last = now
    }
}
