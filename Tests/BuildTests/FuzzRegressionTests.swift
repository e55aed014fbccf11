import Content
import Foundation
import Graph
import Markdown
import Testing
import TestSupport
import Build

/// Every input the fuzzer found a fault with (fuzz/regressions/), fed through the same code path as the
/// fuzz target its name starts with, asserting the same properties the target checks.
@Suite struct FuzzRegressionTests {
    static let folder = FixtureSite.repositoryRoot + "/fuzz/regressions"

    static let inputs: [String] = (try? FileManager.default.contentsOfDirectory(atPath: folder).sorted()) ?? []

    @Test func theRegressionFolderHoldsInputs() {
        #expect(!FuzzRegressionTests.inputs.isEmpty)
    }

    /// The site target's base site builds clean on its own: otherwise no fuzzed site would check clean,
    /// and the target would never reach the render.
    @Test func theSiteTargetsBaseSiteBuildsClean() throws {
        let site = try FuzzPaths.baseSite()
        defer { site.delete() }
        let built = site.build(now: "2024-06-01")
        #expect(built.lines == [])
        #expect(built.written && site.exists("site/moten/m/index.html"))
    }

    @Test(arguments: inputs)
    func regressionInputStaysFixed(_ name: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: FuzzRegressionTests.folder + "/" + name)).map { $0 }
        let target = name.split(separator: "-").first.map(String.init) ?? ""
        switch target {
        case "frontmatter": FuzzPaths.frontMatter(bytes)
        case "yaml": FuzzPaths.yaml(bytes)
        case "markdown": FuzzPaths.markdown(bytes)
        case "page": FuzzPaths.page(bytes)
        case "site": try FuzzPaths.site(bytes)
        default: Issue.record("\(name) does not start with a fuzz target's name (frontmatter, yaml, markdown, page, site)")
        }
    }
}

/// The fuzz targets' code paths (fuzz/Sources/*/main.swift) with their properties as expectations.
enum FuzzPaths {
    static func frontMatter(_ bytes: [UInt8]) {
        guard case .success(let text) = SourceText.decode(bytes, path: "content/pages/fuzz.md") else { return }
        #expect(!text.contains("\r"))
        #expect(!text.hasPrefix("\u{FEFF}"))
        if case .success(let split) = FrontMatter.split(text, path: "content/pages/fuzz.md") {
            #expect(split.yamlLine == 2 && split.bodyLine >= 3)
            #expect(split.bodyLine <= text.split(separator: "\n", omittingEmptySubsequences: false).count + 1)
        }
    }

    static func yaml(_ bytes: [UInt8]) {
        let yaml = String(decoding: bytes, as: UTF8.self)
        var diagnostics: [Diagnostic] = []
        let parsed = YAMLTree.parse(yaml, path: "fuzz.yml", firstLine: 2, diagnostics: &diagnostics)
        expectPlaces(diagnostics, yaml: yaml, firstLine: 2)
        guard parsed != nil else {
            #expect(diagnostics.hasErrors)
            return
        }
        guard case .success(let split) = FrontMatter.split("---\n" + yaml + "\n---\n", path: "fuzz.md") else { return }
        for kind in Kind.allCases {
            var kindDiagnostics: [Diagnostic] = []
            let document = DocumentDecoder.decode(kind: kind, id: "fuzz", path: "content/\(kind.folder)/fuzz.md", split: split,
                                                  diagnostics: &kindDiagnostics)
            #expect(document != nil || kindDiagnostics.hasErrors, "\(kind)")
            expectPlaces(kindDiagnostics, yaml: split.yaml, firstLine: split.yamlLine)
        }
        _ = SiteConfig.decode(yaml, diagnostics: &diagnostics)
        _ = GlossaryDecoder.decode(yaml, path: "content/glossary.yml", diagnostics: &diagnostics)
        _ = StringTable.decode(yaml, path: "theme/strings.yml", diagnostics: &diagnostics)
    }

    /// Every diagnostic points into the YAML it is about, or at the whole file.
    static func expectPlaces(_ diagnostics: [Diagnostic], yaml: String, firstLine: Int) {
        guard !yaml.contains("\r") else { return }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        for diagnostic in diagnostics where diagnostic.line != 0 {
            let index = diagnostic.line - firstLine
            #expect(lines.indices.contains(index), "\(diagnostic.formatted)")
            if lines.indices.contains(index) {
                #expect(diagnostic.column >= 1 && diagnostic.column <= lines[index].unicodeScalars.count + 1, "\(diagnostic.formatted)")
            }
        }
    }

    static func markdown(_ bytes: [UInt8]) {
        let body = String(decoding: bytes, as: UTF8.self)
        let safe = MarkdownRenderer.render(body, options: MarkdownOptions(unsafeHTML: false)) { url in
            url.hasSuffix(".md") ? "../" + url.dropLast(3) + "/" : nil
        }
        #expect(!safe.html.contains("<script"))
        for link in safe.links { #expect(link.line >= 1 && link.column >= 1, "\(link)") }
        for heading in safe.headings { #expect(heading.line >= 1 && (1...6).contains(heading.level)) }
        _ = MarkdownRenderer.render(body, options: MarkdownOptions(unsafeHTML: true))
    }

    static func page(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let kind = Kind.allCases[Int(first) % Kind.allCases.count]
        let path = "content/\(kind.folder)/fuzz.md"
        guard case .success(let text) = SourceText.decode(Array(bytes.dropFirst()), path: path),
              case .success(let split) = FrontMatter.split(text, path: path) else { return }
        var diagnostics: [Diagnostic] = []
        guard let document = DocumentDecoder.decode(kind: kind, id: "fuzz", path: path, split: split, diagnostics: &diagnostics) else { return }
        guard let config = SiteConfig.decode("title: Fuzz\nbase_url: https://example.org/\n", diagnostics: &diagnostics) else { return }
        let routes = Routes(config: config, documents: [(.page, "om", "content/pages/om.md"), (.meeting, "m", "content/meetings/m.md")],
                            contentFiles: ["content/pages/bild.png"])
        let folder = config.section(kind).isEmpty ? "fuzz/" : config.section(kind) + "/fuzz/"
        let markdown = MarkdownRenderer.render(document.body) { routes.rewrite($0, from: path, fromFolder: folder) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for diagnostic in BodyChecks.check(ParsedDocument(document: document, markdown: markdown), unsafeHTML: false) {
            #expect(diagnostic.line >= document.bodyLine && diagnostic.line <= lines.count, "\(diagnostic.formatted)")
            if diagnostic.line >= 1 && diagnostic.line <= lines.count {
                #expect(diagnostic.column >= 1 && diagnostic.column <= lines[diagnostic.line - 1].unicodeScalars.count + 1, "\(diagnostic.formatted)")
            }
        }
    }

    /// fuzz/site/ in a fresh folder, copied as the fuzz target copies it.
    static func baseSite() throws -> FixtureSite {
        let base = FixtureSite.repositoryRoot + "/fuzz/site"
        let site = try FixtureSite([:], siteYML: nil)
        for item in try FileManager.default.contentsOfDirectory(atPath: base) {
            try FileManager.default.copyItem(atPath: base + "/" + item, toPath: site.root + "/" + item)
        }
        return site
    }

    /// Up to four pages, split at NUL bytes, each of the kind its first byte picks, added to fuzz/site/:
    /// the site is checked, and built when it checks clean.
    static func site(_ bytes: [UInt8]) throws {
        let site = try baseSite()
        defer { site.delete() }
        for (n, page) in bytes.split(separator: 0, omittingEmptySubsequences: false).prefix(4).enumerated() where !page.isEmpty {
            let kind = Kind.allCases[Int(page[page.startIndex]) % Kind.allCases.count]
            try site.write("content/\(kind.folder)/fuzz-\(n).md", Data(page.dropFirst()))
        }
        let checked = site.build(now: "2024-06-01", output: nil)
        if !checked.failed {
            let built = site.build(now: "2024-06-01")
            #expect(!built.failed && built.written, "\(built.diagnostics.map(\.formatted))")
        }
    }
}
