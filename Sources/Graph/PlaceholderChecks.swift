import Content
import Markdown

/// Leftovers that must not reach readers: the "Skriv …" placeholders `okc new` writes, links that lead
/// nowhere (`[text](#)`, `[text]()`), and TODO/FIXME/XXX markers. Warnings while an editor works;
/// `--strict` (a pull request about to be merged) makes them errors.
public enum PlaceholderChecks {
    /// Every placeholder `okc new` writes starts with this word, so one rule finds all of them.
    public static let placeholderPrefix = "Skriv "
    static let markers = ["TODO", "FIXME", "XXX"]

    /// The findings as warnings: `--strict` makes them errors where they are reported (the cache keeps
    /// them as found, so switching it parses nothing again).
    public static func check(_ parsed: ParsedDocument) -> [Diagnostic] {
        check(parsed, links: parsed.markdown.links)
    }

    /// `links` as the Markdown stage found them (the parse passes them before it packs them).
    public static func check(_ parsed: ParsedDocument, links: [RenderedMarkdown.Link]) -> [Diagnostic] {
        var found: [(String, SourcePosition, String)] = []
        for text in parsed.document.frontMatterTexts {
            if let problem = problem(in: text.value, atBlockStart: true) {
                found.append((problem.message, text.position, problem.hint))
            }
        }
        for (index, line) in bodyLines(parsed.document.body) {
            // Most lines hold neither: skip them before making a String of each.
            guard (line.startsBlock && line.text.hasPrefix(placeholderPrefix)) || mayHoldMarker(line.text.utf8) else { continue }
            if let problem = problem(in: String(line.text), atBlockStart: line.startsBlock) {
                found.append((problem.message, parsed.position(bodyLine: index, column: line.column + problem.offset), problem.hint))
            }
        }
        for link in links where !link.isImage {
            // Any ASCII byte but a space, tab or '#' stays after trimming: a real target (most links).
            if link.url.utf8.contains(where: { $0 < 0x80 && $0 != 0x20 && $0 != 0x09 && $0 != UInt8(ascii: "#") }) { continue }
            let target = link.url.trimmingCharacters(in: .whitespaces)
            guard target.isEmpty || target == "#" else { continue }
            found.append((target.isEmpty ? "link with an empty target" : "placeholder link to '#'",
                          parsed.position(bodyLine: link.line, column: link.column),
                          "link to a page's .md file or a web address, or remove the brackets"))
        }
        return found.map { Diagnostic(file: $0.1.file, line: $0.1.line, column: $0.1.column, severity: .warning, message: $0.0, hint: $0.2) }
    }

    struct Problem {
        var message: String
        var hint: String
        /// Characters from the start of the examined text to the problem.
        var offset: Int
    }

    static func problem(in text: String, atBlockStart: Bool) -> Problem? {
        if atBlockStart, text.hasPrefix(placeholderPrefix) {
            return Problem(message: "placeholder text '\(shortened(text))'",
                           hint: "replace it with the real text (okc new writes placeholders that start with 'Skriv')", offset: 0)
        }
        guard mayHoldMarker(text.utf8), let (marker, offset) = firstMarker(in: text) else { return nil }
        return Problem(message: "leftover '\(marker)' marker", hint: "finish the text and remove the marker", offset: offset)
    }

    /// A marker counts only as a whole word in capitals: "TODOS" or "todo" in prose are not markers.
    static func firstMarker(in text: String) -> (String, Int)? {
        let characters = Array(text)
        var index = 0
        var inCode = false
        while index < characters.count {
            let character = characters[index]
            if character == "`" { inCode.toggle() }
            if !inCode, index == 0 || !isWordCharacter(characters[index - 1]) {
                for marker in markers where characters[index...].starts(with: marker) {
                    let end = index + marker.count
                    if end == characters.count || !isWordCharacter(characters[end]) { return (marker, index) }
                }
            }
            index += 1
        }
        return nil
    }

    /// Whether the bytes of a marker occur at all: a scan of bytes, where `firstMarker` reads Characters
    /// and their properties (that made these checks a sixth of a large site's parse).
    static func mayHoldMarker<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "T") || byte == UInt8(ascii: "F") || byte == UInt8(ascii: "X") {
                let rest = bytes[index...]
                if markerBytes.contains(where: { rest.starts(with: $0) }) { return true }
            }
            index = bytes.index(after: index)
        }
        return false
    }

    static let markerBytes: [[UInt8]] = markers.map { Array($0.utf8) }

    /// Whether the bytes of `placeholderPrefix` occur anywhere: a line that starts with it (as Characters) has them.
    static func containsPlaceholderBytes<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        let prefix = placeholderPrefixBytes
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: prefix[0]) {
            if bytes[found...].starts(with: prefix) { return true }
            index = bytes.index(after: found)
        }
        return false
    }

    static let placeholderPrefixBytes = Array(placeholderPrefix.utf8)

    static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber || character == "_" }

    static func shortened(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? text
        return line.count > 40 ? String(line.prefix(40)) + "…" : line
    }

    struct BodyLine {
        /// The line's text after block markers (`- `, `1. `, `## `, `> `).
        var text: Substring
        /// The whole line.
        var line: Substring
        /// 1-based column of `text` in the line (counted only for a line with a finding).
        var column: Int { line.count - text.count + 1 }
        /// Whether the line starts a paragraph, list item or heading: a placeholder is a block of its own,
        /// while "Skriv" at the start of a wrapped line is just a word in a sentence.
        var startsBlock: Bool
    }

    /// Lines of the body (1-based), outside fenced code blocks, where code examples may show anything;
    /// only those that may hold a placeholder or a marker.
    static func bodyLines(_ body: String) -> [(Int, BodyLine)] {
        // Most bodies hold neither a marker's bytes nor the placeholder's anywhere, and then no line can.
        let mayHold = body.utf8.withContiguousStorageIfAvailable { mayHoldMarker($0) || containsPlaceholderBytes($0) } ?? true
        guard mayHold else { return [] }
        var result: [(Int, BodyLine)] = []
        var fence: Substring?
        var previousBlank = true
        // Split on the byte: a line feed is always a Character of its own in a body (CRLF is gone by now).
        for (index, bytes) in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let raw = Substring(bytes)
            let trimmed = raw.drop { $0 == " " || $0 == "\t" }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                previousBlank = false
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            let startsAfterBlank = previousBlank
            previousBlank = trimmed.isEmpty
            // A line whose bytes hold neither a marker nor the placeholder's can hold neither after its block
            // markers are dropped either (the text is a suffix of the line): skip dropping them. Most lines.
            guard mayHoldMarker(raw.utf8) || containsPlaceholderBytes(raw.utf8) else { continue }
            let (text, hadMarker) = dropBlockMarkers(trimmed)
            result.append((index + 1, BodyLine(text: text, line: raw, startsBlock: startsAfterBlank || hadMarker)))
        }
        return result
    }

    static func dropBlockMarkers(_ line: Substring) -> (Substring, Bool) {
        var text = line
        var marked = false
        while true {
            let before = text
            if text.hasPrefix("> ") { text = text.dropFirst(2) }
            if let first = text.first, "-*+".contains(first), text.dropFirst().first == " " { text = text.dropFirst(2) }
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.count < 10 {
                let rest = text.dropFirst(digits.count)
                if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " { text = rest.dropFirst(2) }
            }
            let hashes = text.prefix { $0 == "#" }
            if (1...6).contains(hashes.count), text.dropFirst(hashes.count).first == " " { text = text.dropFirst(hashes.count + 1) }
            if text == before { break }
            marked = true
            text = text.drop { $0 == " " }
        }
        return (text, marked)
    }
}
