import ArgumentParser

@main
struct OKC: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "okc",
        abstract: "Builds the agreement's website from Markdown files with YAML front matter.",
        discussion: "Run it in a site folder (site.yml, content/, theme/). Every mistake is reported at file:line:col.",
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self, SchemaCommand.self, DiffCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
