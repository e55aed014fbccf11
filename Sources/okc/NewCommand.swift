import ArgumentParser
import Build
import Content

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new page with the front matter of its kind filled with placeholders.",
        discussion: """
            KIND is one of \(Kind.allCases.map(\.rawValue).joined(separator: ", ")) (or its folder name). \
            Without an ID a meeting is named after the day: YYYY-MM-DD-mote. An existing file is never overwritten.
            """
    )

    @Argument(help: "The kind of page.")
    var kind: String

    @Argument(help: "The page's id, which becomes its file name and address (a–z, 0–9, '-').")
    var id: String?

    @OptionGroup var site: SiteOptions

    func run() throws {
        guard let kind = Kind.allCases.first(where: { [$0.rawValue, $0.folder, $0.defaultSection].contains(self.kind) }) else {
            throw ValidationError("unknown kind '\(kind)'; kinds: \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var stderr = StandardError()
        do {
            let path = try NewPage.create(kind: kind, id: id, siteRoot: site.site, now: try site.day())
            print(path)
            print("new: wrote \(path); fill in the 'Skriv …' placeholders, then run okc check", to: &stderr)
        } catch let refusal as NewPage.Refusal {
            print("error: \(refusal)", to: &stderr)
            throw ExitCode(1)
        }
    }
}
