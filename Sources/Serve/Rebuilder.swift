import Build
import Dispatch
import ServiceLifecycle

/// Builds the site into the preview folder, then watches the sources and builds again after each
/// change. Runs as a service beside the HTTP server and stops with it.
struct Rebuilder: Service {
    let options: BuildOptions
    let watcher: SourceWatcher
    let state: PreviewState
    let interval: Duration
    /// The sources as they were when the first build started.
    let initial: SourceWatcher.Snapshot
    /// Called after each build with its result, for the command line's log.
    let onBuild: @Sendable (BuildResult) -> Void

    /// About every 15 s at the default interval: often enough that a closed tab's stream ends soon.
    static let ticksPerKeepAlive = 50

    func buildOnce() async {
        let options = self.options
        // The build is CPU work on all cores: off the cooperative pool, so requests are still answered.
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Site.build(options)) }
        }
        _ = state.finished(failed: result.failed, diagnostics: result.diagnostics)
        onBuild(result)
    }

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                var built = initial
                var previous = built
                var tick = 0
                while true {
                    try await Task.sleep(for: interval)
                    tick += 1
                    if tick % Rebuilder.ticksPerKeepAlive == 0 { state.hub.send(ReloadHub.keepAlive) }
                    let now = watcher.snapshot()
                    // Build once the files stopped changing for a tick: an editor saving several files,
                    // or git switching branches, gives one build instead of many.
                    if now != built, now == previous {
                        built = now
                        await buildOnce()
                    }
                    previous = now
                }
            }
        } catch is CancellationError {
            return
        }
    }
}
