#if canImport(Glibc)
import Glibc
#endif

/// cmark counts columns in bytes; editors count characters. Turns a (line, byte column) of a body into
/// the column an editor shows, counted in Unicode scalars like `SourceText` counts them.
struct SourceColumns {
    private var text: String
    /// Byte offset where each line starts.
    private var lineStarts: [Int] = [0]

    init(_ text: String) {
        var text = text
        var starts = [0]
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        self.text = text
        lineStarts = starts
    }

    /// cmark-gfm loses count of lines inside some inlines (a link destination broken over two lines), so
    /// the positions of later links on the paragraph fall short of the text. When no `[` (or `![`, `<`)
    /// stands at the position given, the next one after it is the link's start: cmark only ever counts
    /// too few lines, never too many (found by fuzzing).
    /// An autolink (`www.example.se`, `https://…`) has no opener: it starts with the text it shows.
    func linkStart(line: Int, byteColumn: Int, isImage: Bool, autolinkText: String?) -> (line: Int, byteColumn: Int) {
        start(line: line, byteColumn: byteColumn, opener: Array((autolinkText ?? (isImage ? "![" : "[")).utf8.prefix(8)), orAngle: true)
    }

    /// Raw HTML starts with `<`. cmark-gfm counts no line for a tag broken over two lines, so a later
    /// tag of the paragraph gets a column past its line's end; an indented HTML block's column is the
    /// indentation's. The first `<` from there is the start (found by fuzzing).
    func rawHTMLStart(line: Int, byteColumn: Int) -> (line: Int, byteColumn: Int) {
        start(line: line, byteColumn: byteColumn, opener: [UInt8(ascii: "<")], orAngle: false)
    }

    /// Where `opener` (or, for links, a `<`) first stands at or after cmark's position.
    private func start(line: Int, byteColumn: Int, opener: [UInt8], orAngle: Bool) -> (line: Int, byteColumn: Int) {
        guard lineStarts.indices.contains(line - 1) else { return (line, byteColumn) }
        var text = self.text
        return text.withUTF8 { bytes in
            let offset = min(bytes.count, lineStarts[line - 1] + max(0, byteColumn - 1))
            let rest = bytes[offset...]
            var found = offset
            if !(rest.starts(with: opener) || (orAngle && rest.first == UInt8(ascii: "<")) || opener.isEmpty) {
                guard let next = rest.indices.first(where: { bytes[$0...].starts(with: opener) }) else {
                    // Nothing to find: stay on the line cmark named, at most just past its end.
                    let lineEnd = lineStarts.indices.contains(line) ? lineStarts[line] - 1 : bytes.count
                    return (line, min(byteColumn, lineEnd - lineStarts[line - 1] + 1))
                }
                found = next
            }
            // A column past the end of cmark's line lands on a later line: name that line.
            let foundLine = lineIndex(containing: found)
            return (foundLine + 1, found - lineStarts[foundLine] + 1)
        }
    }

    /// Binary search: a long page has hundreds of thousands of lines and links.
    private func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    func column(line: Int, byteColumn: Int) -> Int {
        guard lineStarts.indices.contains(line - 1), byteColumn > 1 else { return max(1, byteColumn) }
        var text = self.text
        return text.withUTF8 { bytes in
            let start = lineStarts[line - 1]
            let end = min(bytes.count, start + byteColumn - 1)
            guard start < end else { return byteColumn }
            var scalars = 0
            for offset in start..<end where bytes[offset] & 0xC0 != 0x80 { scalars += 1 }
            return scalars + 1
        }
    }
}
