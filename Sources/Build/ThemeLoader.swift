import Content
import Theme

/// Reads a theme: the built-in folder, overridden file by file by the site's own `theme/`.
struct ThemeSource {
    var templates: [String: (path: String, text: String)] = [:]
    var stringsText: String?
    var stringsPath = "theme/strings.yml"
    /// Output path under `static/` → absolute source path.
    var staticFiles: [String: String] = [:]
    var diagnostics: [Diagnostic] = []

    /// `folders` in increasing precedence; `displayRoot` makes paths in messages relative to the site.
    static func load(folders: [String], siteRoot: String) -> ThemeSource {
        var source = ThemeSource()
        for folder in folders where FileSystem.type(folder) == .directory {
            let templatesFolder = folder + "/templates"
            for name in FileSystem.list(templatesFolder) where name.hasSuffix(".mustache") {
                let path = templatesFolder + "/" + name
                guard let text = source.readText(path, siteRoot: siteRoot) else { continue }
                source.templates[String(name.dropLast(".mustache".count))] = (display(path, siteRoot: siteRoot), text)
            }
            let strings = folder + "/strings.yml"
            if FileSystem.type(strings) == .file, let text = source.readText(strings, siteRoot: siteRoot) {
                source.stringsText = text
                source.stringsPath = display(strings, siteRoot: siteRoot)
            }
            source.collectStatic(folder + "/static", prefix: "static")
        }
        return source
    }

    private mutating func collectStatic(_ folder: String, prefix: String) {
        for name in FileSystem.list(folder) where !name.hasPrefix(".") {
            let path = folder + "/" + name
            switch FileSystem.type(path) {
            case .directory: collectStatic(path, prefix: prefix + "/" + name)
            case .file: staticFiles[prefix + "/" + name] = path
            default: break
            }
        }
    }

    private mutating func readText(_ path: String, siteRoot: String) -> String? {
        do {
            switch SourceText.decode(try FileSystem.read(path), path: ThemeSource.display(path, siteRoot: siteRoot)) {
            case .success(let text): return text
            case .failure(let diagnostic): diagnostics.append(diagnostic); return nil
            }
        } catch {
            diagnostics.append(.error("\(error)", at: .file(ThemeSource.display(path, siteRoot: siteRoot))))
            return nil
        }
    }

    /// A path as the editor knows it: from the site root when inside it.
    static func display(_ path: String, siteRoot: String) -> String {
        path.hasPrefix(siteRoot + "/") ? String(path.dropFirst(siteRoot.count + 1)) : path
    }

    /// Compiles templates and strings; nil (with diagnostics) when the theme cannot render.
    func compile(diagnostics: inout [Diagnostic]) -> (ThemeTemplates, Strings)? {
        diagnostics += self.diagnostics
        let templates = ThemeTemplates.compile(self.templates, diagnostics: &diagnostics)
        var table: [String: String] = [:]
        if let stringsText {
            let errorsBefore = diagnostics.errorCount
            table = StringTable.decode(stringsText, path: stringsPath, diagnostics: &diagnostics)
            // A file that did not parse lacks every key: listing them would bury the one real mistake.
            if diagnostics.errorCount > errorsBefore { return nil }
        }
        let strings = Strings(table)
        let missing = strings.missing
        if !missing.isEmpty {
            diagnostics.append(.error("the strings file lacks \(missing.count) key(s): \(missing.prefix(6).joined(separator: ", "))\(missing.count > 6 ? ", …" : "")",
                                      at: .file(stringsPath), hint: "every reader-facing word comes from the strings file"))
            return nil
        }
        guard let templates else { return nil }
        return (templates, strings)
    }
}
