import Content
import Synchronization

/// Shared between the rebuild loop and the request handlers.
final class PreviewState: Sendable {
    private let current = Mutex(BuildStatus(generation: 0, failed: false, diagnostics: []))
    let hub = ReloadHub()

    var status: BuildStatus { current.withLock { $0 } }

    /// Records a finished build and tells every open page to reload.
    func finished(failed: Bool, diagnostics: [Diagnostic]) -> Int {
        let generation = current.withLock { status in
            status = BuildStatus(generation: status.generation + 1, failed: failed, diagnostics: diagnostics)
            return status.generation
        }
        hub.send(ReloadHub.reload(generation: generation))
        return generation
    }
}
