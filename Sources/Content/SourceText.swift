import Foundation

/// A file's bytes checked and normalised into the text every later stage reads.
public enum SourceText {
    /// Decodes UTF-8, drops a leading BOM and turns CRLF (and lone CR) into LF, so line numbers
    /// match what the editor sees. Binary or non-UTF-8 content is an error at its first bad line.
    public static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let body = bytes[start...]
        // memchr over the bytes rather than a generic loop over the slice.
        let nulOffset = body.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        if let nul = nulOffset.map({ body.startIndex + $0 }) {
            return .failure(.error("binary file: a text file was expected", at: position(of: nul, in: bytes, path: path),
                                   hint: "Markdown pages must be plain UTF-8 text; put other files next to the page and link to them"))
        }
        // One validating pass for the usual valid file (this was a check, then a decoding that validated
        // again); the byte-by-byte check runs only to locate what the validation refused.
        var text: String
        if let valid = String(validating: body, as: UTF8.self) {
            text = valid
        } else if let bad = firstInvalidUTF8(body) {
            return .failure(.error("invalid UTF-8 (byte 0x\(hex(bytes[bad])))", at: position(of: bad, in: bytes, path: path),
                                   hint: "save the file as UTF-8"))
        } else {
            text = String(decoding: body, as: UTF8.self)
        }
        // Look for CR in the bytes: Foundation's String.contains converts the whole text to UTF-16.
        if body.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(text)
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    static func position(of index: Int, in bytes: [UInt8], path: String) -> SourcePosition {
        var line = 1
        var column = 1
        for byte in bytes[..<index] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return SourcePosition(file: path, line: line, column: column)
    }

    /// Index of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length: Int
            var minimum: UInt32 = 0
            var scalar: UInt32
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2; scalar = UInt32(b & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(b & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(b & 0x07); minimum = 0x10000
            default: return i
            }
            guard i + length <= bytes.endIndex else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }
}
