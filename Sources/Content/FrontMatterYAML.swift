/// Reads the YAML that front matter is written in (groups of keys, lists, one-line values, one-line
/// `[…]` and `{…}`) straight from UTF-8 bytes, giving the very tree `YAMLTree` builds through Yams.
/// Composing with Yams (libyaml events, Node trees, marks) was most of the cost of reading a page's
/// front matter. Whatever this reader is not sure of gives nil, and Yams reads the text: so unusual
/// YAML keeps its exact meaning, and every error message still comes from the one place.
enum FrontMatterYAML {
    static func read(_ yaml: String, path: String, firstLine: Int) -> YNode? {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            guard let text = YAMLByteLines(bytes) else { return nil }
            var reader = FrontMatterYAMLReader(bytes: bytes, text: text, path: path, firstLine: firstLine)
            return reader.document()
        }
    }
}

private extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let hash = UInt8(ascii: "#")
    static let colon = UInt8(ascii: ":")
    static let dash = UInt8(ascii: "-")
    static let comma = UInt8(ascii: ",")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")
    static let backslash = UInt8(ascii: "\\")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")

    var isFlowIndicator: Bool {
        self == .comma || self == .openBracket || self == .closeBracket || self == .openBrace || self == .closeBrace
    }
}

/// The text's lines, with the bytes libyaml reads differently from editors refused up front: tabs,
/// CR and the other line breaks (their line numbers need `YAMLLines`), BOMs, and what libyaml rejects
/// as unprintable. Document markers and directives are refused too: they end or change the document.
private struct YAMLByteLines {
    struct Line {
        var start: Int
        var end: Int
        /// Spaces before the first character; -1 for a line with nothing but spaces or a comment.
        var indent: Int
        /// Where the first byte beyond ASCII stands (the line's end if none): up to there, columns are bytes.
        var firstWide: Int
    }

    var lines: [Line] = []

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        // Front matter lines run 20 to 60 bytes: one allocation for most texts.
        lines.reserveCapacity(count / 24 + 1)
        var start = 0
        while true {
            var first = start
            while first < count && bytes[first] == .space { first += 1 }
            var end = first
            var wide = -1
            while end < count && bytes[end] != .newline {
                let byte = bytes[end]
                if byte >= 0x20 && byte < 0x7F {
                    end += 1
                    continue
                }
                if byte >= 0x80 && wide < 0 { wide = end }
                if byte < 0x20 || byte == 0x7F { return nil }
                // U+0080–U+009F (NEL among them), U+2028, U+2029, U+FEFF, U+FFFE and U+FFFF.
                if byte == 0xC2 && bytes[end + 1] < 0xA0 { return nil }
                if byte == 0xE2 && bytes[end + 1] == 0x80 && (bytes[end + 2] == 0xA8 || bytes[end + 2] == 0xA9) { return nil }
                if byte == 0xEF && ((bytes[end + 1] == 0xBB && bytes[end + 2] == 0xBF) || (bytes[end + 1] == 0xBF && bytes[end + 2] >= 0xBE)) {
                    return nil
                }
                end += 1
            }
            if start < end && (bytes[start] == UInt8(ascii: "%") || Self.isMarker(bytes, start, end)) { return nil }
            lines.append(Line(start: start, end: end, indent: first == end || bytes[first] == .hash ? -1 : first - start,
                              firstWide: wide < 0 ? end : wide))
            if end == count { return }
            start = end + 1
        }
    }

    private static func isMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 3 else { return false }
        let first = bytes[start]
        guard first == .dash || first == UInt8(ascii: ".") else { return false }
        return bytes[start + 1] == first && bytes[start + 2] == first
    }

    /// The first line from `line` on that holds more than spaces and a comment.
    func content(from line: Int) -> Int? {
        var line = line
        while line < lines.count {
            if lines[line].indent >= 0 { return line }
            line += 1
        }
        return nil
    }
}

/// Where a plain scalar ends on its line.
private struct PlainScan {
    /// Just past its last character (trailing spaces are not part of it).
    var end: Int
    /// The byte that ended it: the line's end, the space before a comment, a flow indicator or ':'.
    var stop: Int
    /// Ended by ': ' (or ':' at the line's end): the scalar is a key.
    var isKey: Bool
}

/// Keys seen in one mapping: libyaml accepts a key twice, Yams then throws, so a repeat means Yams must
/// read the text. Compared as Strings (canonical equivalence), as Yams compares its nodes.
private struct SeenKeys {
    private var list: [String] = []
    private var set: Set<String>?

    mutating func insert(_ key: String) -> Bool {
        if set != nil { return set!.insert(key).inserted }
        if list.contains(key) { return false }
        list.append(key)
        // Comparing a page's dozen or two short keys costs less than hashing them.
        if list.count > 32 { set = Set(list) }
        return true
    }
}

private struct FrontMatterYAMLReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let text: YAMLByteLines
    let path: String
    let firstLine: Int
    /// The first line not yet read by a block node.
    var next = 0
    /// Nodes still allowed; kept under `YAMLTree.maxNodes` so only Yams' path ever reports the limit.
    var budget = YAMLTree.maxNodes - 2

    init(bytes: UnsafeBufferPointer<UInt8>, text: YAMLByteLines, path: String, firstLine: Int) {
        self.bytes = bytes
        self.text = text
        self.path = path
        self.firstLine = firstLine
    }

    mutating func document() -> YNode? {
        guard let first = text.content(from: 0) else {
            return YNode(value: .mapping([]), position: SourcePosition(file: path, line: firstLine, column: 1))
        }
        guard let root = block(line: first, at: text.lines[first].start + text.lines[first].indent, depth: 0),
              text.content(from: next) == nil else { return nil }
        return root
    }

    // MARK: Block structure

    /// The node whose first character is byte `p` of `line`: a list, a group of keys, or a one-line value.
    private mutating func block(line: Int, at p: Int, depth: Int) -> YNode? {
        let end = text.lines[line].end
        if isEntry(p, end) { return sequence(line: line, at: p, depth: depth) }
        if startsPlain(p, end, flow: false), let scan = plain(p, end, flow: false), scan.isKey {
            return mapping(line: line, at: p, depth: depth)
        }
        guard let (node, after) = value(line: line, at: p, depth: depth, flow: false), isRestComment(after, end) else { return nil }
        next = line + 1
        return node
    }

    private mutating func mapping(line firstLine: Int, at firstKey: Int, depth: Int) -> YNode? {
        guard spend(depth) else { return nil }
        let indent = firstKey - text.lines[firstLine].start
        var pairs: [YPair] = []
        var keys = SeenKeys()
        var line = firstLine
        var p = firstKey
        while true {
            let end = text.lines[line].end
            guard startsPlain(p, end, flow: false), let scan = plain(p, end, flow: false), isShortKey(scan, from: p),
                  spend(depth + 1) else { return nil }
            let key = scalar(line: line, from: p, to: scan.end, plain: true)
            guard case .scalar(let name, _) = key.value, keys.insert(name) else { return nil }
            let afterColon = scan.stop + 1
            let q = skipSpaces(afterColon, end)
            let value: YNode
            if q == end || bytes[q] == .hash {
                // A key's list may stand at the key's own indentation.
                guard let node = below(line: line, indicatorEnd: afterColon, indent: indent, listAtIndent: true, depth: depth + 1) else { return nil }
                value = node
            } else {
                guard let (node, after) = self.value(line: line, at: q, depth: depth + 1, flow: false),
                      isRestComment(after, end) else { return nil }
                value = node
                next = line + 1
            }
            pairs.append(YPair(key: key, value: value))
            guard let following = text.content(from: next), text.lines[following].indent >= indent else { break }
            // Deeper than the keys without belonging to a value: libyaml folds or rejects it.
            guard text.lines[following].indent == indent else { return nil }
            line = following
            p = text.lines[following].start + indent
        }
        return YNode(value: .mapping(pairs), position: position(line: firstLine, at: firstKey))
    }

    private mutating func sequence(line firstLine: Int, at firstDash: Int, depth: Int) -> YNode? {
        guard spend(depth) else { return nil }
        let indent = firstDash - text.lines[firstLine].start
        var items: [YNode] = []
        var line = firstLine
        var dash = firstDash
        while true {
            let end = text.lines[line].end
            let q = skipSpaces(dash + 1, end)
            if q == end || bytes[q] == .hash {
                guard let node = below(line: line, indicatorEnd: dash + 1, indent: indent, listAtIndent: false, depth: depth + 1) else { return nil }
                items.append(node)
            } else {
                guard let node = block(line: line, at: q, depth: depth + 1) else { return nil }
                items.append(node)
            }
            guard let following = text.content(from: next), text.lines[following].indent >= indent else { break }
            guard text.lines[following].indent == indent else { return nil }
            // Something else at the dashes' indentation ends the list (a key after a list under a key).
            guard isEntry(text.lines[following].start + indent, text.lines[following].end) else { break }
            line = following
            dash = text.lines[following].start + indent
        }
        return YNode(value: .sequence(items), position: position(line: firstLine, at: firstDash))
    }

    /// The value of a key or list entry with nothing after its ':' or '-' (`indicatorEnd`): the block on the
    /// next lines when it is indented deeper than `indent`, else nothing, which libyaml gives as an empty
    /// plain scalar placed just after the indicator.
    private mutating func below(line: Int, indicatorEnd: Int, indent: Int, listAtIndent: Bool, depth: Int) -> YNode? {
        if let below = text.content(from: line + 1) {
            let start = text.lines[below].start + text.lines[below].indent
            if text.lines[below].indent > indent || (listAtIndent && text.lines[below].indent == indent && isEntry(start, text.lines[below].end)) {
                return block(line: below, at: start, depth: depth)
            }
        }
        guard spend(depth) else { return nil }
        next = line + 1
        return YNode(value: .scalar("", plain: true), position: position(line: line, at: indicatorEnd))
    }

    // MARK: One-line values

    /// A value that ends on its line, and the byte after it.
    private mutating func value(line: Int, at p: Int, depth: Int, flow: Bool) -> (YNode, Int)? {
        let end = text.lines[line].end
        switch bytes[p] {
        case .openBracket: return flowSequence(line: line, at: p, depth: depth)
        case .openBrace: return flowMapping(line: line, at: p, depth: depth)
        case .doubleQuote:
            guard spend(depth) else { return nil }
            return doubleQuoted(line: line, at: p)
        case .singleQuote:
            guard spend(depth) else { return nil }
            return singleQuoted(line: line, at: p)
        default:
            guard startsPlain(p, end, flow: flow), let scan = plain(p, end, flow: flow), !scan.isKey, spend(depth) else { return nil }
            return (scalar(line: line, from: p, to: scan.end, plain: true), scan.stop)
        }
    }

    private mutating func flowSequence(line: Int, at open: Int, depth: Int) -> (YNode, Int)? {
        guard spend(depth) else { return nil }
        let end = text.lines[line].end
        var items: [YNode] = []
        var step = flowStep(open + 1, end, close: .closeBracket)
        while true {
            switch step {
            case nil: return nil
            case .closed(let after)?: return (YNode(value: .sequence(items), position: position(line: line, at: open)), after)
            case .entry(let q)?:
                guard let (item, after) = value(line: line, at: q, depth: depth + 1, flow: true) else { return nil }
                items.append(item)
                step = flowStep(after, end, close: .closeBracket, afterEntry: true)
            }
        }
    }

    private mutating func flowMapping(line: Int, at open: Int, depth: Int) -> (YNode, Int)? {
        guard spend(depth) else { return nil }
        let end = text.lines[line].end
        var pairs: [YPair] = []
        var keys = SeenKeys()
        var step = flowStep(open + 1, end, close: .closeBrace)
        while true {
            switch step {
            case nil: return nil
            case .closed(let after)?: return (YNode(value: .mapping(pairs), position: position(line: line, at: open)), after)
            case .entry(let q)?:
                guard startsPlain(q, end, flow: true), let scan = plain(q, end, flow: true), isShortKey(scan, from: q),
                      spend(depth + 1) else { return nil }
                let key = scalar(line: line, from: q, to: scan.end, plain: true)
                guard case .scalar(let name, _) = key.value, keys.insert(name) else { return nil }
                let start = skipSpaces(scan.stop + 1, end)
                // A key without a value (`{a: }`, `{a}`) is left to Yams.
                guard start < end, bytes[start] != .comma, bytes[start] != .closeBrace,
                      let (value, after) = value(line: line, at: start, depth: depth + 1, flow: true) else { return nil }
                pairs.append(YPair(key: key, value: value))
                step = flowStep(after, end, close: .closeBrace, afterEntry: true)
            }
        }
    }

    private enum FlowStep {
        /// The collection ended; the byte after its closing bracket.
        case closed(Int)
        /// Where the next entry starts.
        case entry(Int)
    }

    /// What follows the opening bracket, or an entry: the close, or (after a comma) the next entry.
    /// `[a, ]`, `[a, , b]` and a collection going on past its line are legal but rare: left to Yams.
    private func flowStep(_ p: Int, _ end: Int, close: UInt8, afterEntry: Bool = false) -> FlowStep? {
        var q = skipSpaces(p, end)
        guard q < end else { return nil }
        if bytes[q] == close { return .closed(q + 1) }
        if afterEntry {
            guard bytes[q] == .comma else { return nil }
            q = skipSpaces(q + 1, end)
            guard q < end, bytes[q] != close else { return nil }
        }
        return bytes[q] == .comma ? nil : .entry(q)
    }

    /// A double-quoted scalar closed on its line, with only the escapes front matter uses.
    private func doubleQuoted(line: Int, at open: Int) -> (YNode, Int)? {
        let end = text.lines[line].end
        var unescaped: [UInt8]?
        var run = open + 1
        var q = run
        while q < end {
            switch bytes[q] {
            case .doubleQuote:
                return quoted(line: line, open: open, close: q, lastRun: run, unescaped: unescaped)
            case .backslash:
                guard q + 1 < end else { return nil }
                let replacement: UInt8
                switch bytes[q + 1] {
                case .doubleQuote, .backslash, UInt8(ascii: "/"): replacement = bytes[q + 1]
                case UInt8(ascii: "n"): replacement = .newline
                case UInt8(ascii: "t"): replacement = UInt8(ascii: "\t")
                default: return nil
                }
                if unescaped == nil { unescaped = [] }
                unescaped!.append(contentsOf: bytes[run..<q])
                unescaped!.append(replacement)
                q += 2
                run = q
            default:
                q += 1
            }
        }
        return nil
    }

    /// A single-quoted scalar closed on its line; `''` stands for one quote.
    private func singleQuoted(line: Int, at open: Int) -> (YNode, Int)? {
        let end = text.lines[line].end
        var unescaped: [UInt8]?
        var run = open + 1
        var q = run
        while q < end {
            if bytes[q] != .singleQuote {
                q += 1
                continue
            }
            if q + 1 < end && bytes[q + 1] == .singleQuote {
                if unescaped == nil { unescaped = [] }
                unescaped!.append(contentsOf: bytes[run...q])
                q += 2
                run = q
                continue
            }
            return quoted(line: line, open: open, close: q, lastRun: run, unescaped: unescaped)
        }
        return nil
    }

    /// A quoted scalar and the byte after its closing quote. Text without escapes is taken as it stands;
    /// `unescaped` holds the text up to `lastRun` where there were some.
    private func quoted(line: Int, open: Int, close: Int, lastRun: Int, unescaped: [UInt8]?) -> (YNode, Int) {
        let text: String
        if var unescaped {
            unescaped.append(contentsOf: bytes[lastRun..<close])
            text = String(decoding: unescaped, as: UTF8.self)
        } else {
            text = string(from: lastRun, to: close)
        }
        return (YNode(value: .scalar(text, plain: false), position: position(line: line, at: open)), close + 1)
    }

    // MARK: Plain scalars

    /// Whether a plain scalar may start at `p` (libyaml's `fetch_next_token`), narrowed: `?` and `:`
    /// starts and `-` before a flow indicator are left to Yams.
    private func startsPlain(_ p: Int, _ end: Int, flow: Bool) -> Bool {
        switch bytes[p] {
        case .dash:
            guard p + 1 < end else { return false }
            let following = bytes[p + 1]
            return following != .space && !(flow && following.isFlowIndicator)
        case .space, .hash, .colon, .comma, .openBracket, .closeBracket, .openBrace, .closeBrace, .doubleQuote, .singleQuote,
             UInt8(ascii: "?"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"),
             UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return false
        default:
            return true
        }
    }

    /// libyaml's `scan_plain_scalar` on one line; nil where it reports an error.
    private func plain(_ p: Int, _ end: Int, flow: Bool) -> PlainScan? {
        var q = p
        var textEnd = p
        while q < end {
            let byte = bytes[q]
            if byte == .space {
                if q + 1 < end && bytes[q + 1] == .hash { return PlainScan(end: textEnd, stop: q, isKey: false) }
                q += 1
                continue
            }
            if byte == .colon {
                if q + 1 == end || bytes[q + 1] == .space { return PlainScan(end: textEnd, stop: q, isKey: true) }
                if flow && (bytes[q + 1].isFlowIndicator || bytes[q + 1] == UInt8(ascii: "?")) { return nil }
            } else if flow && byte.isFlowIndicator {
                return PlainScan(end: textEnd, stop: q, isKey: false)
            }
            q += 1
            textEnd = q
        }
        return PlainScan(end: textEnd, stop: end, isKey: false)
    }

    // MARK: Helpers

    /// A key whose ':' libyaml still links to it: it forgets a key's start 1024 characters on.
    private func isShortKey(_ scan: PlainScan, from start: Int) -> Bool {
        scan.isKey && scan.stop - start <= 1000
    }

    /// A block list entry: '-' followed by a space or the line's end.
    private func isEntry(_ p: Int, _ end: Int) -> Bool {
        p < end && bytes[p] == .dash && (p + 1 == end || bytes[p + 1] == .space)
    }

    private func skipSpaces(_ p: Int, _ end: Int) -> Int {
        var p = p
        while p < end && bytes[p] == .space { p += 1 }
        return p
    }

    /// Only spaces, or spaces and a comment, from `p` to the line's end (libyaml also takes a comment
    /// right after a closing quote or bracket; that is left to Yams).
    private func isRestComment(_ p: Int, _ end: Int) -> Bool {
        let q = skipSpaces(p, end)
        return q == end || (q > p && bytes[q] == .hash)
    }

    /// Counts a node against the budget and the nesting against the depth limit, keeping clear of both.
    private mutating func spend(_ depth: Int) -> Bool {
        budget -= 1
        return budget > 0 && depth < YAMLTree.maxDepth - 1
    }

    private func scalar(line: Int, from start: Int, to end: Int, plain: Bool) -> YNode {
        YNode(value: .scalar(string(from: start, to: end), plain: plain), position: position(line: line, at: start))
    }

    private func string(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// libyaml counts columns in Unicode scalars.
    private func position(line: Int, at p: Int) -> SourcePosition {
        let ascii = min(p, text.lines[line].firstWide)
        var column = ascii - text.lines[line].start + 1
        for index in ascii..<p where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return SourcePosition(file: path, line: firstLine + line, column: column)
    }
}
