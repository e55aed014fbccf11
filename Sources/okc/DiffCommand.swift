import ArgumentParser
import Build

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List the pages a change adds, removes and changes, as Markdown for a pull request.",
        discussion: "Builds the site at BASE and at HEAD (default: the working tree) with the same --now and compares the files."
    )

    @Argument(help: "The git revision to compare with (a branch, tag or commit).")
    var base: String

    @Argument(help: "The revision to compare. Default: the files as they are now.")
    var head: String?

    @OptionGroup var site: SiteOptions

    func run() throws {
        let outcome = try SiteDiff.run(base: base, head: head, options: try site.buildOptions(output: nil))
        print(outcome.markdown, terminator: "")
        guard outcome.changes != nil else {
            var stderr = StandardError()
            for diagnostic in outcome.diagnostics { print(diagnostic.formatted, to: &stderr) }
            throw ExitCode(1)
        }
    }
}
