import Build
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `okc serve`: builds the site into a scratch folder, serves it on loopback, rebuilds when a source
/// changes, and makes open pages reload. A failed rebuild keeps the last good site and shows its
/// diagnostics over every page.
public struct PreviewServer: Sendable {
    /// Must have an `output`: the scratch folder the preview is built into (never the real `site/`).
    public var options: BuildOptions
    public var host: String
    /// 0 picks a free port; `onReady` tells which.
    public var port: Int
    public var interval: Duration

    public init(options: BuildOptions, host: String = "127.0.0.1", port: Int = 8000, interval: Duration = .milliseconds(300)) {
        self.options = options
        self.host = host
        self.port = port
        self.interval = interval
    }

    /// The folder a site's preview is built into: hidden, inside the site, ignored by git.
    public static func scratchFolder(siteRoot: String) -> String { siteRoot + "/.okc-serve" }

    /// What is watched: the site's content, theme and site.yml, and the built-in theme it falls back to.
    var watchedPaths: [String] {
        let root = options.siteRoot
        return Array(Set([root + "/content", root + "/theme", root + "/site.yml"] + (options.themeFolder.map { [$0] } ?? []))).sorted()
    }

    /// Runs until cancelled, or with `handleSignals` until SIGINT/SIGTERM, after which the port is free.
    public func run(handleSignals: Bool = false,
                    onBuild: @escaping @Sendable (BuildResult) -> Void = { _ in },
                    onReady: @escaping @Sendable (_ url: String) -> Void = { _ in }) async throws {
        guard let output = options.output else { preconditionFailure("a preview needs an output folder") }
        let state = PreviewState()
        let watcher = SourceWatcher(paths: watchedPaths)
        let rebuilder = Rebuilder(options: options, watcher: watcher, state: state, interval: interval,
                                  initial: watcher.snapshot(), onBuild: onBuild)
        await rebuilder.buildOnce()

        var logger = Logger(label: "okc.serve")
        logger.logLevel = .warning
        let host = self.host
        let app = Application(
            responder: PreviewResponder(root: output, state: state),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            services: [rebuilder],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                onReady("http://\(host.contains(":") ? "[\(host)]" : host):\(port)/")
            },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(
            services: [app],
            gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [],
            cancellationSignals: [],
            logger: logger
        ))
        try await group.run()
    }
}
