import Foundation
import Testing
@testable import Content

/// The byte reader for front matter YAML must give exactly Yams' tree (values, quoting, places), or
/// decline; and it must go on reading the shapes real front matter has, or the saving is silently gone.
@Suite struct FrontMatterYAMLTests {
    /// Compares the two readings; true when the byte reader read the text.
    @discardableResult
    static func expectSameAsYams(_ yaml: String, firstLine: Int = 2, _ label: String) -> Bool {
        guard let fast = FrontMatterYAML.read(yaml, path: "p.md", firstLine: firstLine) else { return false }
        var diagnostics: [Diagnostic] = []
        let yams = YAMLTree.parseWithYams(yaml, path: "p.md", firstLine: firstLine, diagnostics: &diagnostics)
        #expect(fast == yams, "\(label): \(yaml.debugDescription)")
        return true
    }

    static let tricky: [String] = [
        "", "\n", "# only a comment\n", "  \n\n", "a: 1", "a: 1\n", "\n\na: 1\n\n", "# c\na: 1 # c\n# c\n",
        "a:\n", "a:\nb:\n", "a:   \nb: 2", "a: # c\nb: 2", "a:\n  # c\n  b: 1\n", "a:\n\n  b: 1\n", "a:\n# c\n- x\n",
        "a: ~", "a: null", "a: 'null'", "a: \"\"", "a: ''", "a: ' '", "a: '  x  '", "a: \"  x  \"",
        "title: Möte: budget", "title: \"Möte: budget\"", "title: 'Vi''s möte'", "title: 'It''s'' '' x'", "a: ''''",
        "a: \"x\\\"y\"", "a: \"c:\\\\dir\"", "a: \"a\\/b\"", "a: \"tab\\there\\nline\"", "a: \"\\u00e5\"", "a: \"\\x41\"", "a: \"\\ \"",
        "a: \"\\\"", "a: \"open", "a: 'open", "a: \"x\" y", "a: 'x' y", "a: \"x\"#c", "a: \"x\" #c", "a: 'x'  # c",
        "a: b # c", "a: b#c", "a: b #c", "a: #c", "a: b  ", "a  : b", "a b: c d", "a: b  c", "a:b", "a:b: c", "a: b:c",
        "a: b: c", "a: b:", "a: http://example.org/x?y=1#z", "url: https://x.se/a#b", "a: x, y, z", "a: [x, y], z",
        "a: x]", "a: x}", "a: x[y]", "a: {b: c}d", "a: [b] # c", "a: [b]#c", "a: [b] c",
        "date: 2010-01-01", "a: 2010-01-01 10:00", "start: 09:30", "n: 12", "n: -1", "n: +1", "n: 0x1F", "n: 1e3", "n: .5",
        "n: 1_000", "a: true", "a: yes", "a: No", "a: -", "a: -x", "a: --", "a: ---", "a: - x", "a: ?", "a: ?x", "a: :x",
        "a: x?", "a: @x", "a: `x`", "a: %x", "a: x%", "a: &x y", "a: *x", "a: !x y", "a: !!str y", "a: |\n  x\n", "a: >\n  x\n",
        "a: x\n  y\n", "a: x\n\n  y\n", "a: x\n  # c\nb: y", "a: x\n    # c\n", "a:\n  x\n", "a:\n  x\nb: 1", "a:\n  x\n  y\n",
        "a: 1\na: 2", "a: 1\nb: 2\na: 3", "a: {b: 1, b: 2}", "é: 1\ne\u{301}: 2", "a: 1\n  b: 2", "  a: 1\n  b: 2", "  a: 1\nb: 2",
        "a:\n  b: 1\n c: 2", "a:\n    b: 1\n  c: 2", "a:\n  b:\n    c:\n      d: e\n  f: g\nh: i",
        "- a\n- b", "- a\n- b\n", "-\n- b", "- \n- b", "- # c\n- b", "-\n  a: 1\n", "-\n  - x", "- - a\n  - b\n- c", "- - - a",
        "- -", "- - ", "- -x", "-x", "--x: 1", "- a: 1\n  b: 2\n- c: 3", "- a: 1\n   b: 2", "- a: 1\n b: 2", "-   a: 1\n    b: 2",
        "- a:\n  - x\n  b: 1", "- a:\n    - x\n  b: 1", "- a:\n- b", "- a: 1\nb: 2", "a: 1\n- b", "a:\n- x\n- y\nb: 1",
        "a:\n  - x\n  - y\nb: 1", "a:\n  - x\n - y", "a:\n  - x\n  b: 1", "a:\n- x\n  - y", "- x\n  y", "- x\n  # c\n- y",
        "a: []", "a: {}", "a: [ ]", "a: { }", "a: [a]", "a: [ a , b ]", "a: [a,b]", "a: [a, ]", "a: [a,, b]", "a: [, a]",
        "a: [a b, c d]", "a: [a: b]", "a: [a:b]", "a: [a:, b]", "a: [http://x.se, b]", "a: [a#b]", "a: [a #b]",
        "a: [a] ]", "a: [a", "a: [a,\n  b]", "a: [[a, b], [c]]", "a: [[[[x]]]]", "a: [{b: c}]", "a: [{person: a, role: b}, c]",
        "a: [\"x\", 'y']", "a: [\"x\" , 'y' ]", "a: [-1, -a, -]", "a: [-]", "a: [- x]", "a: [?x]", "a: [~, null]",
        "a: {b: c, d: e}", "a: {b: c,d: e}", "a: {b:c}", "a: {b: }", "a: {b}", "a: {b: c,}", "a: {\"b\": c}", "a: {b: [c, d]}",
        "a: {b: {c: d}}", "a: {b : c}", "a: {b: c d, e f: g}", "a: {b: 'c, d'}", "a: {b: \"c}\"}", "a: {b: c}}", "{a: b}", "[a, b]",
        "just text", "~", "'quoted root'", "\"x\"", "[a]\nb: 1", "a: 1\n---\nb: 2", "---\na: 1", "...\n", "a: 1\n...", "%YAML 1.2\n---\na: 1",
        "a: 1\n\u{FEFF}", "\u{FEFF}a: 1", "a:\tb", "a: b\t", "\ta: 1", "a: 1\r\nb: 2", "a: x\u{2028}y", "a: x\u{85}y", "a: \u{7F}",
        "a: \u{A0}x", "a: x\u{A0}", "a: \u{1}", "a: 😀", "😀: 1", "a: [😀, ✓]", "å: ö\nä: [ö, å]\nö: {å: ä}", "a: – ✓ …",
        "namn: Förening Åäö\nkategorier: [idrott, kultur]\nwebbplats: https://exempel.se/å?x=1",
        "? a\n: b", "?a: 1", "a: b\n? c", "<<: {a: 1}", "a: <<", "=: 1", "a: 'x\n  y'", "a: \"x\n  y\"",
        "a: \"x\" \n", "a: 'x'   ", "a:    'x'", "a:    [x]   # c  ", "a:\n  [x, y]\n", "a:\n  'x'\nb: 1", "a:\n  {b: c}\n",
        "- [a, b]\n- {c: d}", "- 'x'\n- \"y\"", "- x # c\n- y#z", "- 'a': 1", "- \"a\": 1", "'a': 1", "\"a\": 1", "[a]: 1", "{a: b}: c",
        "a: 1 #", "a: 1 # ä ö", "#a: 1\nb: 2", " # indented comment\na: 1", "a: 1\n   \n\t\nb: 2", "a: 1\n\n\n",
        String(repeating: "k: v\n", count: 2), (0..<20).map { "k\($0): v" }.joined(separator: "\n"),
        (0..<12).map { "k\($0): v" }.joined(separator: "\n") + "\nk3: again",
        String(repeating: "[", count: 50) + String(repeating: "]", count: 50),
        "a: " + String(repeating: "[", count: 45) + String(repeating: "]", count: 45),
        (0..<50).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " v",
        (0..<46).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " v",
        "a: " + String(repeating: "x", count: 2000), String(repeating: "y", count: 1100) + ": 1",
        "k" + String(repeating: " ", count: 1100) + ": v", "a: {" + String(repeating: "x", count: 1100) + ": v}",
        "a: {k" + String(repeating: " ", count: 1100) + ": v}", "- k" + String(repeating: " ", count: 1030) + ": v",
    ]

    @Test(arguments: tricky)
    func agreesWithYamsOnTrickyCases(_ yaml: String) {
        Self.expectSameAsYams(yaml, "tricky")
        Self.expectSameAsYams(yaml, firstLine: 1, "tricky, first line 1")
    }

    @Test func agreesWithYamsOnTheRepositorysYAML() throws {
        let texts = Self.repositoryYAML()
        #expect(texts.count > 200)
        for (name, yaml, firstLine) in texts {
            Self.expectSameAsYams(yaml, firstLine: firstLine, name)
        }
    }

    /// Every front matter and YAML file of the repository's own content is read by the byte reader.
    @Test func readsAllOfTheRepositorysContent() {
        let content = Self.repositoryYAML().filter { !$0.name.hasPrefix("fuzz/") && !$0.name.hasPrefix("Tests/") }
        #expect(content.count > 50)
        for (name, yaml, firstLine) in content {
            #expect(FrontMatterYAML.read(yaml, path: name, firstLine: firstLine) != nil, "\(name)")
        }
    }

    @Test func readsTheTypicalShapes() {
        let meeting = """
            title: Möte 12 i grupp-018
            date: 2010-01-01
            type: conference
            start: "09:30"
            end: '15:00'
            location: Gemensamthuset, plan 2
            attendees:
              - {person: person-001453, role: ledamot}
              - person-001634
            guests: [{person: person-002371, role: föreläsare}]
            participants: 80
            decisions:
              - {text: Omsorg medlemmar styrelse, area: handlingsplan-2000-2002#kultur-och-idrott}
            actions:
            - {text: Finansiering, owner: person-000940, due: 2010-02-14, status: open}
            approved_by: [person-001634]
            summary: Bidrag, mötesplatser och utveckling.
            """
        let organisation = """
            name: Förslagföreningen 0
            summary: Vi arbetar med ansvar och erfarenheter för projekt.
            categories: [folkbildning]
            subregions: [fyrbodal, skaraborg]
            federation: true
            website: https://forening-000000.example.org/
            signed: 2010-01-01
            """
        let site = """
            # Site settings
            title: Överenskommelsen
            base_url: https://www.example.org/okc/
            subregions:
              fyrbodal: Fyrbodal
              sjuharad: Sjuhärad

            contact:
              name: Överenskommelsen, Västra Götalandsregionen
              url: https://www.example.org/okc
            menu:
              - title: Möten
                url: /moten/
              - title: Om
                url: /om/
            empty:
            """
        let person = """
            name: Johan Nordin
            roles:
              - group: grupp-011
                role: ersättare
                from: 2020-04
              - {group: grupp-008, role: ledamot, from: 2013-10, to: 2015}
            """
        for (name, yaml) in [("meeting", meeting), ("organisation", organisation), ("site", site), ("person", person)] {
            #expect(Self.expectSameAsYams(yaml, name), "\(name) was left to Yams")
        }
        let node = FrontMatterYAML.read("a:\n  - {b: 'c'}\n", path: "p.md", firstLine: 2)
        let item = YNode(value: .mapping([YPair(key: YNode(value: .scalar("b", plain: true), position: SourcePosition(file: "p.md", line: 3, column: 6)),
                                                value: YNode(value: .scalar("c", plain: false), position: SourcePosition(file: "p.md", line: 3, column: 9)))]),
                         position: SourcePosition(file: "p.md", line: 3, column: 5))
        let list = YNode(value: .sequence([item]), position: SourcePosition(file: "p.md", line: 3, column: 3))
        #expect(node == YNode(value: .mapping([YPair(key: YNode(value: .scalar("a", plain: true), position: SourcePosition(file: "p.md", line: 2, column: 1)),
                                                     value: list)]),
                              position: SourcePosition(file: "p.md", line: 2, column: 1)))
    }

    /// Seeded random texts: token soup, and nested keys and lists with every kind of value, some with a
    /// character deleted. Most are not YAML at all; whatever the byte reader reads must agree with Yams.
    @Test func agreesWithYamsOnRandomTexts() {
        var random = SplitMix(seed: 42)
        var read = 0
        for round in 0..<20_000 {
            var yaml: String
            if round % 2 == 0 {
                yaml = (0..<Int.random(in: 1...12, using: &random)).map { _ in RandomYAML.pieces.randomElement(using: &random)! }.joined()
            } else {
                yaml = RandomYAML.block(&random, depth: 0, indent: 0)
                if round % 4 == 1, !yaml.isEmpty {
                    var characters = Array(yaml)
                    characters.remove(at: Int.random(in: 0..<characters.count, using: &random))
                    yaml = String(characters)
                }
            }
            if Self.expectSameAsYams(yaml, "random \(round)") { read += 1 }
        }
        #expect(read > 4_000)
    }

    /// A generated corpus outside the repository, when one is named (`OKC_YAML_CORPUS=<content folder>`):
    /// every front matter agrees with Yams, and the share read by the byte reader is printed.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["OKC_YAML_CORPUS"] != nil))
    func agreesWithYamsOnANamedCorpus() throws {
        let folder = ProcessInfo.processInfo.environment["OKC_YAML_CORPUS"]!
        let texts = Self.yamlTexts(under: folder, named: "corpus")
        var read = 0
        for (name, yaml, firstLine) in texts where Self.expectSameAsYams(yaml, firstLine: firstLine, name) { read += 1 }
        print("front matter YAML: \(read) of \(texts.count) texts read without Yams")
    }

    // MARK: Inputs

    static var repositoryRoot: String {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        return url.path
    }

    /// The YAML of the repository: content and example front matter and YAML files, the theme's strings,
    /// site.yml files, fuzz corpora and regressions, and the fixtures written in the test sources.
    static func repositoryYAML() -> [(name: String, text: String, firstLine: Int)] {
        let root = repositoryRoot
        var texts: [(name: String, text: String, firstLine: Int)] = []
        for folder in ["content", "examples", "theme", "fuzz/regressions", "fuzz/corpus"] {
            texts += yamlTexts(under: root + "/" + folder, named: folder)
        }
        if let site = try? String(contentsOfFile: root + "/site.yml", encoding: .utf8) { texts.append(("site.yml", site, 1)) }
        texts += fixtureTexts(under: root + "/Tests")
        return texts
    }

    static func yamlTexts(under folder: String, named name: String) -> [(name: String, text: String, firstLine: Int)] {
        guard let paths = FileManager.default.subpathsOfDirectory(atPathIfPresent: folder) else { return [] }
        var texts: [(name: String, text: String, firstLine: Int)] = []
        for path in paths.sorted() {
            guard let bytes = FileManager.default.contents(atPath: folder + "/" + path) else { continue }
            let label = name + "/" + path
            let isFuzzInput = !path.contains(".")
            if path.hasSuffix(".yml") || path.hasSuffix(".yaml") || (isFuzzInput && path.hasPrefix("yaml/")) {
                texts.append((label, String(decoding: bytes, as: UTF8.self), 1))
            } else if path.hasSuffix(".md") || (isFuzzInput && (path.hasPrefix("frontmatter/") || path.hasPrefix("page/"))) {
                guard case .success(let text) = SourceText.decode(Array(bytes), path: path),
                      case .success(let split) = FrontMatter.split(text, path: path) else { continue }
                texts.append((label, split.yaml, split.yamlLine))
            }
        }
        return texts
    }

    /// YAML written as multi-line string literals in the test sources (site.yml and page fixtures),
    /// without the ones built by interpolation.
    static func fixtureTexts(under folder: String) -> [(name: String, text: String, firstLine: Int)] {
        guard let paths = FileManager.default.subpathsOfDirectory(atPathIfPresent: folder) else { return [] }
        var texts: [(name: String, text: String, firstLine: Int)] = []
        for path in paths.sorted() where path.hasSuffix(".swift") {
            guard let source = try? String(contentsOfFile: folder + "/" + path, encoding: .utf8) else { continue }
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            var index = 0
            while index < lines.count {
                defer { index += 1 }
                guard lines[index].hasSuffix("\"\"\"") else { continue }
                guard let close = lines[(index + 1)...].firstIndex(where: { $0.trimmingPrefix(while: { $0 == " " }).hasPrefix("\"\"\"") }) else { break }
                let margin = lines[close].prefix { $0 == " " }.count
                let body = lines[(index + 1)..<close].map { $0.dropFirst(min(margin, $0.prefix { $0 == " " }.count)) }.joined(separator: "\n")
                index = close
                guard !body.contains("\\") else { continue }
                let label = "Tests/\(path):\(index)"
                if case .success(let split) = FrontMatter.split(body, path: "p.md") {
                    texts.append((label, split.yaml, split.yamlLine))
                } else if body.contains(": ") {
                    texts.append((label, body, 1))
                }
            }
        }
        return texts
    }
}

/// SplitMix64: the same texts on every run and platform.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Front-matter-like YAML built at random, near and over the edges of what the byte reader takes.
enum RandomYAML {
    static let pieces = ["k", "a b", "é", "ö", ": ", ":", " ", "  ", "x", "'", "\"", "[", "]", "{", "}", ", ", ",", "#", " #", "-", "- ",
                         "?", "\\", "\\\"", "''", "y z", "1", "2010-01-01", "http://x", "~", "!", "&", "*", "|", "\n", "\n  ", "\n- ",
                         "\n  - ", "\n    ", ".", "%", "😀", "\u{A0}"]
    static let words = ["x", "y z", "ä", "1", "-", ":", ": ", "#", " #", "'", "''", "\"", "\\", "\\n", ",", "]", "}", "[",
                        "http://a.b/c?d#e", "2010-01-01", "~", " ", "😀", "?", "&a", "*a", "!t", "|", "%"]

    static func block(_ random: inout SplitMix, depth: Int, indent: Int) -> String {
        var out = ""
        let isList = Bool.random(using: &random)
        let margin = String(repeating: " ", count: indent)
        for index in 0..<Int.random(in: 1...3, using: &random) {
            out += margin + (isList ? "- " : "")
            let form = Int.random(in: 0..<10, using: &random)
            if isList && form < 2 {
                out += value(&random) + "\n"
                continue
            }
            out += ["k\(index)", "a b\(index)", "é\(index)", "x-\(index)"].randomElement(using: &random)! + ":"
            if depth < 3 && form < 4 {
                out += [" # c", "", " "].randomElement(using: &random)! + "\n"
                out += block(&random, depth: depth + 1, indent: indent + (isList ? 2 : 0) + [0, 1, 2, 4].randomElement(using: &random)!)
            } else {
                out += " " + value(&random) + [" # c", "", " ", "#x"].randomElement(using: &random)! + "\n"
            }
            if Int.random(in: 0..<8, using: &random) == 0 { out += ["\n", "# c\n", "   # c\n", "  \n"].randomElement(using: &random)! }
        }
        return out
    }

    static func value(_ random: inout SplitMix) -> String {
        switch Int.random(in: 0..<8, using: &random) {
        case 0: return "'" + word(&random) + "'"
        case 1: return "\"" + word(&random) + "\""
        case 2:
            let separator = [", ", ",", " , "].randomElement(using: &random)!
            return "[" + (0..<Int.random(in: 0...3, using: &random)).map { _ in flowItem(&random) }.joined(separator: separator) + "]"
        case 3: return "{" + (0..<Int.random(in: 0...3, using: &random)).map { "f\($0): " + flowItem(&random) }.joined(separator: ", ") + "}"
        default: return word(&random)
        }
    }

    static func flowItem(_ random: inout SplitMix) -> String {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return "{p: " + word(&random) + ", r: " + word(&random) + "}"
        case 1: return "'" + word(&random) + "'"
        case 2: return "[" + word(&random) + "]"
        default: return word(&random)
        }
    }

    static func word(_ random: inout SplitMix) -> String {
        (0..<Int.random(in: 0...4, using: &random)).map { _ in words.randomElement(using: &random)! }.joined()
    }
}

private extension FileManager {
    func subpathsOfDirectory(atPathIfPresent path: String) -> [String]? {
        try? subpathsOfDirectory(atPath: path)
    }
}
