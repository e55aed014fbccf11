import Yams

/// A YAML value with the place it was written. Built from Yams' node tree with bounded work,
/// so alias bombs and absurd nesting end in a diagnostic, not in a hang or a crash.
public struct YNode: Sendable, Hashable {
    public indirect enum Value: Sendable, Hashable {
        case scalar(String, plain: Bool)
        case mapping([YPair])
        case sequence([YNode])
    }

    public var value: Value
    public var position: SourcePosition

    public var isNull: Bool {
        if case .scalar(let text, plain: true) = value { return ["", "~", "null", "Null", "NULL"].contains(text) }
        return false
    }

    public var scalar: String? {
        if case .scalar(let text, _) = value, !isNull { return text }
        return nil
    }

    /// What kind of value an editor wrote, in words for a message.
    public var kindName: String {
        switch value {
        case .scalar: return isNull ? "nothing" : "a single value"
        case .mapping: return "a group of keys"
        case .sequence: return "a list"
        }
    }
}

public struct YPair: Sendable, Hashable {
    public var key: YNode
    public var value: YNode
}

public enum YAMLTree {
    public static let maxDepth = 48
    public static let maxNodes = 50_000

    /// Parses `yaml`, whose first line stands on line `firstLine` of `path`.
    /// Returns nil (and an error) when the text is not YAML or exceeds the bounds.
    public static func parse(_ yaml: String, path: String, firstLine: Int, diagnostics: inout [Diagnostic]) -> YNode? {
        if let problem = flowNestingProblem(yaml, path: path, firstLine: firstLine) {
            diagnostics.append(problem)
            return nil
        }
        if let node = FrontMatterYAML.read(yaml, path: path, firstLine: firstLine) { return node }
        return parseWithYams(yaml, path: path, firstLine: firstLine, diagnostics: &diagnostics)
    }

    /// The whole reading through Yams: every text `FrontMatterYAML` declines, and every error message.
    static func parseWithYams(_ yaml: String, path: String, firstLine: Int, diagnostics: inout [Diagnostic]) -> YNode? {
        let root: Node?
        do {
            // No tag resolution (nothing here reads tags: values are typed by `Fields`), and the
            // encoding given: Yams' defaults match regular expressions against every scalar and read
            // the whole process environment on every call.
            root = try Yams.compose(yaml: yaml, Resolver.basic, .default, .utf8)
        } catch {
            diagnostics.append(diagnostic(for: error, yaml: yaml, path: path, firstLine: firstLine))
            return nil
        }
        guard let root else { return YNode(value: .mapping([]), position: SourcePosition(file: path, line: firstLine, column: 1)) }
        var budget = maxNodes
        do {
            return try convert(root, path: path, firstLine: firstLine, lines: YAMLLines(yaml), depth: 0, budget: &budget)
        } catch {
            diagnostics.append(.error("front matter is too large or too deeply nested (more than \(maxNodes) values or \(maxDepth) levels)",
                                      at: SourcePosition(file: path, line: firstLine, column: 1),
                                      hint: "YAML aliases (*name) that repeat large parts multiply the work; write the values out"))
            return nil
        }
    }

    struct TooBig: Error {}

    static func convert(_ node: Node, path: String, firstLine: Int, lines: YAMLLines, depth: Int, budget: inout Int) throws -> YNode {
        budget -= 1
        guard budget >= 0, depth <= maxDepth else { throw TooBig() }
        let place = lines.place(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        let position = SourcePosition(file: path, line: place.line + firstLine - 1, column: place.column)
        switch node {
        case .scalar(let scalar):
            return YNode(value: .scalar(scalar.string, plain: scalar.style == .plain), position: position)
        case .mapping(let mapping):
            var pairs: [YPair] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                pairs.append(YPair(key: try convert(key, path: path, firstLine: firstLine, lines: lines, depth: depth + 1, budget: &budget),
                                   value: try convert(value, path: path, firstLine: firstLine, lines: lines, depth: depth + 1, budget: &budget)))
            }
            return YNode(value: .mapping(pairs), position: position)
        case .sequence(let sequence):
            var items: [YNode] = []
            for item in sequence {
                items.append(try convert(item, path: path, firstLine: firstLine, lines: lines, depth: depth + 1, budget: &budget))
            }
            return YNode(value: .sequence(items), position: position)
        case .alias:
            throw TooBig()
        }
    }

    /// Yams composes recursively: refuse `[[[[…` nesting deeper than we accept before it can exhaust the stack.
    static func flowNestingProblem(_ yaml: String, path: String, firstLine: Int) -> Diagnostic? {
        // The depth never exceeds the number of opening brackets: with few of them (every real page),
        // one count of bytes replaces the walk over Characters.
        if yaml.utf8.count(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") }) <= maxDepth { return nil }
        var depth = 0
        var line = firstLine
        var column = 0
        var quote: Character? = nil
        for character in yaml {
            column += 1
            if character == "\n" { line += 1; column = 0; quote = nil; continue }
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "[", "{":
                depth += 1
                if depth > maxDepth {
                    return .error("front matter is nested more than \(maxDepth) levels deep",
                                  at: SourcePosition(file: path, line: line, column: column))
                }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    /// Where a key is written the second time, as (1-based line, column), scanning from line index `start`.
    static func secondOccurrence(of key: String, in lines: [Substring], from start: Int) -> (Int, Int)? {
        var found = 0
        for index in lines.indices where index >= start {
            var text = lines[index][...]
            var column = 1
            while let c = text.first, c == " " || c == "-" { text = text.dropFirst(); column += 1 }
            for prefix in [key + ":", "\"" + key + "\":", "'" + key + "':"] where text.hasPrefix(prefix) {
                found += 1
                if found == 2 { return (index + 1, column) }
            }
        }
        return nil
    }

    static func diagnostic(for error: Error, yaml: String, path: String, firstLine: Int) -> Diagnostic {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let breaks = YAMLLines(yaml)
        func make(_ problem: String, _ context: YamlError.Context?, _ libyamlMark: Mark) -> Diagnostic {
            let mark = breaks.place(line: libyamlMark.line, column: libyamlMark.column)
            // libyaml places "the text ended too early" on the line after the text, which in a page is the
            // closing '---': point at the end of the last line instead (found by fuzzing).
            let pastEnd = mark.line > lines.count
            let line = pastEnd ? lines.count : mark.line
            let column = pastEnd ? lines[lines.count - 1].unicodeScalars.count + 1 : mark.column
            let position = SourcePosition(file: path, line: line + firstLine - 1, column: column)
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text))" }
            var hint = "check the quotes, colons and indentation near this place"
            let lineIndex = line - 1
            let nearby = lines.indices.contains(lineIndex) ? lines[lineIndex] : ""
            let previous = lineIndex > 0 && lines.indices.contains(lineIndex - 1) ? lines[lineIndex - 1] : ""
            // libyaml only says "did not find expected key" for `title: "A" och B` and `'Vi's möte'`.
            let before = nearby.prefix(max(0, mark.column - 1)).reversed().drop { $0 == " " }.first
            if problem.contains("did not find expected key"), before == "\"" || before == "'" {
                return .error("YAML syntax error: text after the closing quote", at: position,
                              hint: "quote the whole value (title: \"Möte och mer\"); inside single quotes write a quote twice ('Vi''s möte')")
            }
            if nearby.unicodeScalars.contains(where: { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
                hint = "this line holds an invisible line separator (U+2028, U+2029 or U+0085, often pasted from Word) that YAML reads as a new line: delete it"
            } else if problem.contains("undefined alias") {
                hint = "a value starting with '*' repeats one marked '&name'; to start a text with '*', put it in quotes"
            } else if nearby.contains("\t") || previous.contains("\t") {
                hint = "YAML does not allow tabs for indentation: indent with spaces"
            } else if problem.contains("mapping values are not allowed") {
                hint = "a value containing ': ' must be quoted, e.g. title: \"Möte: budget\""
            } else if problem.contains("quoted scalar") || problem.contains("quote") {
                hint = "a quoted value must end with the same quote it starts with"
            } else if problem.contains("indentation") || problem.contains("block") {
                hint = "keys of one group must start in the same column; list items start with '- '"
            }
            return .error(message, at: position, hint: hint)
        }
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(let context, let problem, let libyamlMark, _),
                 .parser(let context, let problem, let libyamlMark, _),
                 .composer(let context, let problem, let libyamlMark, _):
                let mark = breaks.place(line: libyamlMark.line, column: libyamlMark.column)
                if problem.contains("Maximum nesting level") {
                    return .error("front matter is nested more than \(maxDepth) levels deep",
                                  at: SourcePosition(file: path, line: mark.line + firstLine - 1, column: mark.column))
                }
                // An unclosed quote or bracket runs to the end: point at where it was opened.
                let atEnd = mark.line > lines.count || (mark.line == lines.count && mark.column > lines[lines.count - 1].unicodeScalars.count)
                if problem.contains("end of stream") || atEnd, let context { return make(problem, context, context.mark) }
                return make(problem, context, libyamlMark)
            case .duplicatedKeysInMapping(let duplicates, let context):
                let key = duplicates.sorted().first ?? ""
                let mark = breaks.place(line: context.mark.line, column: context.mark.column)
                let (line, column) = secondOccurrence(of: key, in: lines, from: mark.line - 1) ?? (mark.line, mark.column)
                return .error("duplicate key '\(key)'", at: SourcePosition(file: path, line: line + firstLine - 1, column: column),
                              hint: "each key may appear once; keep one '\(key)'")
            default:
                break
            }
        }
        return .error("YAML error: \(error)", at: SourcePosition(file: path, line: firstLine, column: 1))
    }
}
