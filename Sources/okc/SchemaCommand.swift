import ArgumentParser
import Build
import Foundation

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write JSON Schemas of the front matter of every kind, site.yml and the glossary.",
        discussion: "Point your editor's YAML support at them for completion and checks while typing (see the README)."
    )

    @Option(name: .long, help: ArgumentHelp("The site folder.", valueName: "dir"))
    var site = "."

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the schemas. Default: <site>/schema.", valueName: "dir"))
    var output: String?

    func run() throws {
        let paths = try SchemaWriter.write(to: output ?? site + "/schema")
        var stderr = StandardError()
        print("schema: wrote \(paths.count) files to \(URL(fileURLWithPath: paths[0]).deletingLastPathComponent().path)", to: &stderr)
    }
}
