import TallyMemory

/// `ChromeFilter` on UTF-8 bytes: the same rules, decided without building Strings when the line is ASCII
/// with at most some plain punctuation (`isPlainPunctuation`), where case mapping, `Character`s and set
/// membership come down to bytes; other short lines go to the String code.
extension ChromeFilter {
    /// Whether a trimmed line (UTF-8, no leading or trailing whitespace) is page chrome; see `isChrome(_:countsAreChrome:)`.
    static func isChrome(utf8 line: ByteView, countsAreChrome: Bool = true) -> Bool {
        let n = line.count
        guard n <= 160 else { return false }
        var i = 0
        while i < n {
            if line[i] < 0x80 {
                i += 1
                continue
            }
            let (scalar, length) = UTF8Bytes.decode(line, at: i)
            guard isPlainPunctuation(scalar) else {
                return isChromeString(line.string, countsAreChrome: countsAreChrome)
            }
            i += length
        }
        return TemporaryBytes.with(capacity: 160) { lowered in
            for i in 0..<n {
                let b = line[i]
                lowered.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
            }
        } _: { lower -> Bool in
            // `bare`: trailing ":" and "|" removed, then spaces trimmed.
            var z = n
            while z > 0 {
                if lower[z - 1] == UInt8(ascii: ":") || lower[z - 1] == UInt8(ascii: "|") {
                    z -= 1
                } else if z >= 2, lower[z - 2] == 0xC2, lower[z - 1] == 0xBB {  // »
                    z -= 2
                } else if z >= 3, lower[z - 3] == 0xE2, lower[z - 2] == 0x80, lower[z - 1] == 0xBA {  // ›
                    z -= 3
                } else {
                    break
                }
            }
            while z > 0, isASCIISpace(lower[z - 1]) { z -= 1 }
            var a = 0
            while a < z, isASCIISpace(lower[a]) { a += 1 }
            let bare = lower.slice(a..<z)
            if ASCIITables.exact.contains(bare) { return true }
            if countsAreChrome && isCountASCII(bare) { return true }
            for prefix in ASCIITables.prefixes where prefix.count <= n {
                if lower.starts(with: prefix) { return true }
            }
            return isCounterASCII(bare) || isDatelineASCII(bare)
        }
    }

    /// Punctuation that news text carries (curly quotes, dashes, ellipsis, guillemets, bullet, currency) and that
    /// keeps the byte rules exact: each is one `Character` on its own, maps to itself in lower case, is neither
    /// letter, number nor whitespace, and has no canonical decomposition. Lines with other non-ASCII characters go
    /// to the String rules.
    @inline(__always)
    static func isPlainPunctuation(_ v: UInt32) -> Bool {
        switch v {
        case 0x2018, 0x2019, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026, 0xAB, 0xBB, 0x2039, 0x203A, 0x2022, 0x20AC, 0xA3: return true
        default: return false
        }
    }

    @inline(__always)
    static func isASCIISpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// `isCount` on lower-case ASCII.
    static func isCountASCII(_ text: ByteView) -> Bool {
        var end = text.count
        if end > 0, text[end - 1] == UInt8(ascii: "k") || text[end - 1] == UInt8(ascii: "m") { end -= 1 }
        guard end > 0, isDigit(text[0]) else { return false }
        var i = 1
        while i < end {
            let b = text[i]
            if !(isDigit(b) || b == UInt8(ascii: ",") || b == UInt8(ascii: ".")) { return false }
            i += 1
        }
        return true
    }

    /// `isCounter` on lower-case ASCII.
    static func isCounterASCII(_ text: ByteView) -> Bool {
        // Words split on " ", ":", "(", ")"; at most 4 are needed (5 means no).
        var starts = (0, 0, 0, 0), ends = (0, 0, 0, 0)
        var count = 0
        var i = 0
        let n = text.count
        func separator(_ b: UInt8) -> Bool { b == 0x20 || b == UInt8(ascii: ":") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")") }
        while i < n {
            while i < n, separator(text[i]) { i += 1 }
            if i == n { break }
            let s = i
            while i < n, !separator(text[i]) { i += 1 }
            if count == 4 { return false }
            switch count {
            case 0: (starts.0, ends.0) = (s, i)
            case 1: (starts.1, ends.1) = (s, i)
            case 2: (starts.2, ends.2) = (s, i)
            default: (starts.3, ends.3) = (s, i)
            }
            count += 1
        }
        guard count >= 2 else { return false }
        let ranges = [starts.0..<ends.0, starts.1..<ends.1, starts.2..<ends.2, starts.3..<ends.3]
        func word(_ k: Int) -> ByteView { text.slice(ranges[k]) }
        func joinedIsCounterWord(_ from: Int, _ to: Int) -> Bool {
            // Words from..<to joined by single spaces.
            var joined: [UInt8] = []
            joined.reserveCapacity(32)
            for k in from..<to {
                if k > from { joined.append(0x20) }
                text.append(ranges[k], to: &joined)
            }
            return joined.withView { ASCIITables.counterWords.contains($0) }
        }
        if isCountASCII(word(0)) { return joinedIsCounterWord(1, count) }
        if isCountASCII(word(count - 1)) { return joinedIsCounterWord(0, count - 1) }
        return false
    }

    /// `isDateline` on lower-case ASCII.
    static func isDatelineASCII(_ text: ByteView) -> Bool {
        let n = text.count
        guard n <= 48, text.contains(where: isDigit) else { return false }
        func isWordByte(_ b: UInt8) -> Bool { isDigit(b) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }
        var i = 0
        while i < n {
            while i < n, !isWordByte(text[i]) { i += 1 }
            if i == n { break }
            let s = i
            while i < n, isWordByte(text[i]) { i += 1 }
            let word = text.slice(s..<i)
            if word.allSatisfy(isDigit) { continue }
            // ISO timestamps glue the time to the day: "19t08" (every piece between the t's is digits).
            if word.contains(UInt8(ascii: "t")), word.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "t") }) { continue }
            var l = 0
            while l < word.count, isDigit(word[l]) { l += 1 }
            if ASCIITables.datelineWords.contains(word.slice(from: l)) { continue }
            return false
        }
        return true
    }
}

/// ChromeFilter's tables as bytes.
enum ASCIITables {
    static let exact = ByteSet(ChromeFilter.exactLines)
    static let counterWords = ByteSet(ChromeFilter.counterWords)
    static let datelineWords = ByteSet(ChromeFilter.datelineWords)
    static let prefixes: [[UInt8]] = ChromeFilter.prefixes.map { Array($0.utf8) }
}

/// A small set of byte strings, bucketed by length and first byte. (Byte equality stands for String equality
/// only for text without canonical equivalents: see `isPlainPunctuation`.)
struct ByteSet: Sendable {
    private var buckets: [[[UInt8]]]
    private let maxLength: Int

    init(_ words: Set<String>) {
        let all = words.map { Array($0.utf8) }
        maxLength = all.map(\.count).max() ?? 0
        buckets = Array(repeating: [], count: (maxLength + 1) * 256)
        for w in all {
            buckets[w.count * 256 + Int(w.first ?? 0)].append(w)
        }
    }

    @inline(__always)
    func contains(_ bytes: ByteView) -> Bool {
        let n = bytes.count
        guard n <= maxLength else { return false }
        let first = n == 0 ? 0 : Int(bytes[0])
        for w in buckets[n * 256 + first] where w.elementsEqual(bytes) { return true }
        return false
    }
}
