//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

extension String {
    /// HTML escape string. Replace '<', '>' and '&' with HTML escaped versions
    func htmlEscape() -> String {
        var newString = ""
        htmlEscape(into: &newString)
        return newString
    }

    /// okc: most text has none of the five characters: one pass over the bytes and it is appended as it
    /// is. Text that has them is escaped byte by byte when each of them is a Character by itself, and
    /// otherwise Character by Character with a switch, which matches exactly the Characters the
    /// dictionary matched (both use Character ==) without hashing each one.
    func htmlEscape(into newString: inout String) {
        // okc: over the contiguous bytes when the text has them (native strings do): the view's iterator
        // decided per byte where the next one was.
        let done = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.firstIndex(where: self.special) else {
                newString += self
                return true
            }
            return escapeStandaloneBytes(bytes, from: first, into: &newString)
        }
        if done == true { return }
        guard utf8.contains(where: self.special) else {
            newString += self
            return
        }
        for c in self {
            switch c {
            case "<": newString += "&lt;"
            case ">": newString += "&gt;"
            case "&": newString += "&amp;"
            case "\"": newString += "&quot;"
            case "'": newString += "&#39;"
            default: newString.append(c)
            }
        }
    }

    /// okc: escapes the special bytes of `bytes` (this string's) from `first` on, if each has ASCII bytes
    /// (or an end) on both sides; false, with nothing appended, if one has not. A byte between two ASCII
    /// bytes is a Character by itself (only CR and LF join ASCII into one grapheme, and no special byte is
    /// either), so escaping it is what escaping that Character gives. A special byte next to other
    /// bytes may be part of a larger Character (`"` and a combining accent), which is not escaped.
    private func escapeStandaloneBytes(_ bytes: UnsafeBufferPointer<UInt8>, from first: Int, into newString: inout String) -> Bool {
        for index in first..<bytes.count where special(bytes[index]) {
            if index > 0 && bytes[index - 1] >= 0x80 || index + 1 < bytes.count && bytes[index + 1] >= 0x80 { return false }
        }
        var start = utf8.startIndex
        for offset in first..<bytes.count {
            let replacement: String
            switch bytes[offset] {
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x26: replacement = "&amp;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default: continue
            }
            let index = utf8.index(utf8.startIndex, offsetBy: offset)
            newString += self[start..<index]
            newString += replacement
            start = utf8.index(after: index)
        }
        newString += self[start...]
        return true
    }

    private func special(_ byte: UInt8) -> Bool { byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27 }
}
