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
            for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        }
        self.text = text
        lineStarts = starts
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
