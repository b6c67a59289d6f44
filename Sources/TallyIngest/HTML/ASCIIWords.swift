/// Lower-cased bytes of attribute values and fast substring tests on them: the class/id rules run on
/// every element of every page, where `String.contains` is far too slow.
struct ASCIIWords {
    var bytes: [UInt8] = []

    init() {}

    init(_ text: String) { append(text) }

    /// Appends `text` lower-cased (ASCII letters only), after a separating space.
    mutating func append(_ text: String) {
        if !bytes.isEmpty { bytes.append(0x20) }
        for b in text.utf8 { bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b) }
    }

    var isEmpty: Bool { bytes.isEmpty }

    func contains(_ needle: [UInt8]) -> Bool { bytes.containsSequence(needle) }

    func containsAny(_ needles: [[UInt8]]) -> Bool { needles.contains { bytes.containsSequence($0) } }

    /// Whether any needle of the set occurs: one pass over the bytes, needles bucketed by first byte.
    func containsAny(_ needles: NeedleSet) -> Bool {
        let n = bytes.count
        return bytes.withUnsafeBufferPointer { hay in
            for i in 0..<n {
                for needle in needles.buckets[Int(hay[i])] where needle.count <= n - i {
                    var j = 1
                    while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
            }
            return false
        }
    }

    /// Whether any run of letters and digits equals one of `tokens` (short words, compared in place).
    func hasToken(in tokens: [[UInt8]]) -> Bool {
        var start = 0
        let n = bytes.count
        while start < n {
            while start < n, !ASCIIWords.isWordByte(bytes[start]) { start += 1 }
            var end = start
            while end < n, ASCIIWords.isWordByte(bytes[end]) { end += 1 }
            if end > start, end - start <= 8 {
                let run = bytes[start..<end]
                if tokens.contains(where: { $0.count == run.count && $0.elementsEqual(run) }) { return true }
            }
            start = end
        }
        return false
    }

    static func isWordByte(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80 }

    static func list(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }
}

/// Substrings to look for, bucketed by their first byte.
struct NeedleSet: Sendable {
    var buckets: [[[UInt8]]] = Array(repeating: [], count: 256)

    init(_ words: [String]) {
        for word in words where !word.isEmpty {
            let bytes = Array(word.utf8)
            buckets[Int(bytes[0])].append(bytes)
        }
    }

    /// `ASCIIWords(text).containsAny(self)` without building the lower-cased copy (needles are lower case).
    func occurs(inLowercased text: String) -> Bool {
        var text = text
        return text.withUTF8 { hay in
            let n = hay.count
            @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
            for i in 0..<n {
                for needle in buckets[Int(lower(hay[i]))] where needle.count <= n - i {
                    var j = 1
                    while j < needle.count && lower(hay[i + j]) == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
            }
            return false
        }
    }
}
