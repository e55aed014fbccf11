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
    /// is. Text that has them is escaped Character by Character with a switch, which matches exactly
    /// the Characters the dictionary matched (both use Character ==) without hashing each one.
    func htmlEscape(into newString: inout String) {
        // okc: over the contiguous bytes when the text has them (native strings do): the view's iterator
        // decided per byte where the next one was.
        func special(_ byte: UInt8) -> Bool { byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27 }
        guard utf8.withContiguousStorageIfAvailable({ $0.contains(where: special) }) ?? utf8.contains(where: special) else {
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
}
