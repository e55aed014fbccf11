import ArgumentParser
import Build
import Content

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the site and write it to the output folder.",
        discussion: "The new site is written beside the output folder and swapped in only when the build succeeds: a failed build leaves the previous site exactly as it was."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the site. Default: <site>/site.", valueName: "dir"))
    var output: String?

    enum Search: String, ExpressibleByArgument, CaseIterable {
        case auto, on, off
    }

    @Option(name: .long, help: "Index the site for search with Pagefind: auto (when installed), on (fail without it) or off.")
    var search: Search = .auto

    func run() throws {
        var options = try site.buildOptions(output: output ?? site.site + "/site")
        if search != .off {
            options.searchIndexer = SearchIndexer.locatePagefind()
            if options.searchIndexer == nil && search == .on {
                throw ValidationError("--search on: Pagefind is not installed (pip install 'pagefind[bin]')")
            }
        }
        // Site.build reports through it on every way out, and the process exits there; the call on the
        // result is for a build that returned without it.
        let report: @Sendable (BuildResult) -> Void = { Report.finishAndExit($0, verb: "build") }
        options.finishing = report
        report(Site.build(options))
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check everything a build checks, and write nothing.",
        discussion: "--format github prints each diagnostic as a GitHub Actions workflow command, so it shows on the pull request's line."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: ArgumentHelp("How to print diagnostics: text (to stderr), json or github (to stdout).", valueName: "format"))
    var format: DiagnosticFormat = .text

    func run() throws {
        var options = try site.buildOptions(output: nil)
        let (format, pathPrefix) = (format, site.pathPrefix)
        let report: @Sendable (BuildResult) -> Void = { Report.finishAndExit($0, verb: "check", format: format, pathPrefix: pathPrefix) }
        options.finishing = report
        report(Site.build(options))
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
