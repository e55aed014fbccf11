import ArgumentParser
import Build
import Content
import Foundation

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder, holding site.yml and content/.", valueName: "dir"))
    var site: String = "."

    @Option(name: .long, help: ArgumentHelp("The build's date (YYYY-MM-DD): what is upcoming or overdue. Default: today in Sweden.", valueName: "date"))
    var now: String?

    @Flag(name: .long, help: "Include pages marked 'draft: true'.")
    var drafts = false

    @Flag(name: .long, help: "Make placeholders and leftovers (Skriv …, links to #, TODO) errors instead of warnings.")
    var strict = false

    @Flag(name: .long, help: "Build everything afresh: neither read nor write the cache in <site>/.okc-cache.")
    var noCache = false

    func day() throws -> Day {
        if let now {
            guard let day = Day(iso: now) else { throw ValidationError("--now must be a date like 2024-08-19, not '\(now)'") }
            return day
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    func buildOptions(output: String?) throws -> BuildOptions {
        BuildOptions(siteRoot: site, output: output, now: try day(), drafts: drafts,
                     themeFolder: ThemeLocator.builtIn(siteRoot: site), strict: strict,
                     cacheFolder: noCache ? nil : site + "/.okc-cache")
    }

    /// The site folder as seen from the current folder, to put before paths that must be found from
    /// there (GitHub matches annotations by the path in the repository): "" for ".", else "dir/".
    var pathPrefix: String {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let folder = URL(fileURLWithPath: site).standardizedFileURL.path
        if folder == current { return "" }
        if folder.hasPrefix(current + "/") { return String(folder.dropFirst(current.count + 1)) + "/" }
        return folder + "/"
    }
}

enum ThemeLocator {
    /// The built-in theme: `$OKC_THEME`, else the nearest `theme/` with templates above the executable
    /// (a checkout's `.build/…/okc`) or above the site (an example site inside the repository).
    static func builtIn(siteRoot: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["OKC_THEME"], !explicit.isEmpty { return explicit }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        for start in [URL(fileURLWithPath: executable).deletingLastPathComponent(), URL(fileURLWithPath: siteRoot).standardizedFileURL] {
            var folder = start
            for _ in 0..<8 {
                let candidate = folder.appendingPathComponent("theme")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("templates/base.mustache").path) {
                    return candidate.path
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }
}

enum Report {
    /// `finish`, then the process exits with its status, before the build's data is freed (see
    /// `BuildOptions.finishing`).
    static func finishAndExit(_ result: BuildResult, verb: String, format: DiagnosticFormat = .text, pathPrefix: String = "") -> Never {
        do {
            try finish(result, verb: verb, format: format, pathPrefix: pathPrefix)
            exit(0)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            exit(1)
        }
    }

    /// Prints every diagnostic and a summary line; the exit code is 1 when any is an error.
    static func finish(_ result: BuildResult, verb: String, format: DiagnosticFormat = .text, pathPrefix: String = "") throws {
        var stderr = StandardError()
        let text = format.render(result.diagnostics, pathPrefix: pathPrefix)
        if format == .text {
            print(text, terminator: "", to: &stderr)
        } else {
            print(text, terminator: "")
        }
        let errors = result.diagnostics.errorCount
        let warnings = result.diagnostics.warningCount
        if errors > 0 {
            print("\(verb) failed: \(errors) error(s), \(warnings) warning(s); nothing was written", to: &stderr)
            throw ExitCode(1)
        }
        let rendered = result.written && result.renderedCount < result.outputPaths.count ? " (\(result.renderedCount) rendered)" : ""
        print("\(verb): \(result.pageCount) pages, \(result.outputPaths.count) files\(rendered), \(warnings) warning(s)", to: &stderr)
    }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
