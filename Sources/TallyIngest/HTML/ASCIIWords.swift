import TallyMemory

/// Lower-cased bytes of attribute values and fast substring tests on them: the class/id rules run on
/// every element of every page, where `String.contains` is far too slow.
struct ASCIIWords {
    var bytes: [UInt8] = []

    init() {}

    init(_ text: String) { append(text) }

    /// Appends `text` lower-cased (ASCII letters only), after a separating space.
    mutating func append(_ text: String) {
        bytes.reserveCapacity(bytes.count + text.utf8.count + 1)
        if !bytes.isEmpty { bytes.append(0x20) }
        for b in text.utf8 { bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b) }
    }

    var isEmpty: Bool { bytes.isEmpty }

    func contains(_ needle: [UInt8]) -> Bool { bytes.containsSequence(needle) }

    func containsAny(_ needles: [[UInt8]]) -> Bool { needles.contains { bytes.containsSequence($0) } }

    /// Whether any needle of the set occurs: one pass over the bytes, needles bucketed by first byte.
    func containsAny(_ needles: NeedleSet) -> Bool {
        bytes.withView { needles.occurs(in: $0, lowercasing: false) }
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

/// Substrings to look for, bucketed by their first byte, in flat arrays (no nested arrays to retain in the scan).
struct NeedleSet: Sendable {
    /// All needles, one after another.
    private var bytes: [UInt8] = []
    /// Start of needle k in `bytes`; needle k ends where k + 1 starts.
    private var starts: [Int] = []
    /// Needles first[b]..<first[b + 1] start with byte b.
    private var first = [Int](repeating: 0, count: 257)

    init(_ words: [String]) {
        var buckets: [[[UInt8]]] = Array(repeating: [], count: 256)
        for word in words where !word.isEmpty {
            let bytes = Array(word.utf8)
            buckets[Int(bytes[0])].append(bytes)
        }
        for b in 0..<256 {
            first[b] = starts.count
            for needle in buckets[b] {
                starts.append(bytes.count)
                bytes.append(contentsOf: needle)
            }
        }
        first[256] = starts.count
        starts.append(bytes.count)
    }

    /// `ASCIIWords(text).containsAny(self)` without building the lower-cased copy (needles are lower case).
    func occurs(inLowercased text: String) -> Bool {
        text.withBytes { occurs(in: $0, lowercasing: true) }
    }

    /// Whether a needle occurs in `hay` (ASCII letters lower-cased first when `lowercasing`).
    @inline(__always)
    func occurs(in hay: ByteView, lowercasing: Bool) -> Bool {
        bytes.withView { needles in
            starts.withView { starts in
                first.withView { first in
                    @inline(__always) func at(_ i: Int) -> UInt8 {
                        let b = hay[i]
                        return lowercasing && b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                    }
                    let n = hay.count
                    for i in 0..<n {
                        let f = Int(at(i))
                        var k = first[f]
                        let last = first[f + 1]
                        while k < last {
                            let start = starts[k], count = starts[k + 1] - start
                            if count <= n - i {
                                var j = 1
                                while j < count && at(i + j) == needles[start + j] { j += 1 }
                                if j == count { return true }
                            }
                            k += 1
                        }
                    }
                    return false
                }
            }
        }
    }
}
