import ArgumentParser
import Build
import Foundation
import Serve

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on this computer and rebuild when a file changes.",
        discussion: """
            The preview is built into <site>/.okc-serve/, never into site/. Open pages reload after each \
            build; a failed build keeps the last good site and shows its mistakes over every page. \
            Ctrl-C stops the server.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "n"))
    var port = 8000

    @Option(help: ArgumentHelp("The address to listen on. Anything but loopback shows unpublished drafts to the network.", valueName: "address"))
    var host = "127.0.0.1"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        var stderr = StandardError()
        if !["127.0.0.1", "::1", "localhost"].contains(host) {
            print("warning: serving on \(host): other computers can read the preview", to: &stderr)
        }
        let options = try site.buildOptions(output: PreviewServer.scratchFolder(siteRoot: FileManager.default.absolutePath(site.site)))
        let server = PreviewServer(options: options, host: host, port: port)
        try await server.run(handleSignals: true, onBuild: { result in
            var stderr = StandardError()
            for diagnostic in result.diagnostics { print(diagnostic.formatted, to: &stderr) }
            let summary = result.failed
                ? "build failed: \(result.diagnostics.errorCount) error(s); still serving the last good site"
                : "built \(result.pageCount) pages, \(result.renderedCount) of \(result.outputPaths.count) files rendered, \(result.diagnostics.warningCount) warning(s)"
            print(summary, to: &stderr)
        }, onReady: { url in
            // Unbuffered, on stdout: scripts and tests wait for this line to learn the port.
            FileHandle.standardOutput.write(Data("Serving \(url) (Ctrl-C stops)\n".utf8))
        })
    }
}

extension FileManager {
    func absolutePath(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: currentDirectoryPath)).standardizedFileURL.path
    }
}
