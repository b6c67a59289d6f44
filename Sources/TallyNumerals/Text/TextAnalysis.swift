import TallyCore

/// A text broken into tokens and sentences, with Unicode-scalar offsets throughout.
public struct TextAnalysis: Sendable {
    public let text: String
    public let tokens: [Token]
    public let sentences: [Sentence]
    /// The number of Unicode scalars in `text` (offsets run from 0 to this).
    public let scalarCount: Int
    /// UTF-8 offset of every `checkpointStride`-th scalar, so `slice` finds a scalar's bytes in a few
    /// steps; empty when the text is ASCII (scalar offset = byte offset).
    private let checkpoints: [Int]
    /// Per token: hash of its lowercased text, first byte, line break before it.
    let info: [TokenInfo]
    private static let strideShift = 5

    /// The FNV-1a hash (`WordHash`) of token `index`'s lowercased text, computed by the tokenizer: other
    /// layers can look words up without hashing them again.
    @inline(__always)
    public func wordHash(ofToken index: Int) -> UInt64 { info[index].hash }

    /// The text's Unicode scalars; offsets everywhere index into this. Decoded on each call (O(n)):
    /// use `slice` or `scalarCount` where they will do.
    public var scalars: [Unicode.Scalar] { Array(text.unicodeScalars) }

    public init(text: String) {
        var native = text
        let result = Tokenizer.analyse(&native)
        self.text = native
        self.tokens = result.tokens
        self.scalarCount = result.scalarCount
        self.info = result.info
        self.sentences = SentenceSplitter.split(tokens: result.tokens, info: result.info)
        if result.byteCount == result.scalarCount {
            self.checkpoints = []
        } else {
            self.checkpoints = native.withUTF8 { TextAnalysis.checkpoints($0, scalarCount: result.scalarCount) }
        }
    }

    private static func checkpoints(_ bytes: UnsafeBufferPointer<UInt8>, scalarCount: Int) -> [Int] {
        let mask = (1 << strideShift) - 1
        var table: [Int] = []
        table.reserveCapacity((scalarCount >> strideShift) + 1)
        var s = 0
        var j = 0
        let count = bytes.count
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        // Eight bytes at a time while no checkpoint falls among them: count the bytes that start
        // a scalar (all but the 10xxxxxx continuation bytes).
        while j &+ 8 <= count {
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: j, as: UInt64.self))
            let continuation = w & ~(w &<< 1) & 0x8080_8080_8080_8080
            let starts = 8 &- continuation.nonzeroBitCount
            let next = (s &+ mask) & ~mask  // the next scalar offset that needs a checkpoint
            if s &+ starts <= next {
                s &+= starts
                j &+= 8
                continue
            }
            for k in j..<(j &+ 8) where bytes[k] & 0xC0 != 0x80 {
                if s & mask == 0 { table.append(k) }
                s &+= 1
            }
            j &+= 8
        }
        for k in j..<count where bytes[k] & 0xC0 != 0x80 {
            if s & mask == 0 { table.append(k) }
            s &+= 1
        }
        return table
    }

    /// UTF-8 offset of scalar `k` (0...scalarCount).
    private func utf8Offset(_ k: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if checkpoints.isEmpty { return k }
        if k >= scalarCount { return bytes.count }
        var u = checkpoints[k >> TextAnalysis.strideShift]
        var s = k & ~((1 << TextAnalysis.strideShift) - 1)
        while s < k {
            u += 1
            while u < bytes.count, bytes[u] & 0xC0 == 0x80 { u += 1 }
            s += 1
        }
        return u
    }

    /// The text between two scalar offsets.
    public func slice(_ start: Int, _ end: Int) -> String {
        let from = max(0, min(start, scalarCount))
        let to = max(from, min(end, scalarCount))
        if from == to { return "" }
        let sliced = text.utf8.withContiguousStorageIfAvailable { bytes -> String in
            let a = utf8Offset(from, bytes)
            let b = utf8Offset(to, bytes)
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
        }
        if let sliced { return sliced }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text.unicodeScalars.dropFirst(from).prefix(to - from))
        return String(view)
    }

    /// The index of the sentence containing token `index`, if any (binary search).
    public func sentenceIndex(ofToken index: Int) -> Int? {
        var low = 0
        var high = sentences.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = sentences[mid].tokens
            if index < range.lowerBound { high = mid - 1 } else if index >= range.upperBound { low = mid + 1 } else { return mid }
        }
        return nil
    }
}
