import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// With `OKC_TIMING=1` in the environment, prints how long each stage took to standard error: the
/// benchmarks' breakdown. Silent otherwise.
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

    func lap(_ stage: String) {
        guard enabled else { return }
        let now = StageClock.now()
        FileHandle.standardError.write(Data("okc timing: \(stage) \(String(format: "%.3f", now - last)) s\n".utf8))
        last = now
    }
}
