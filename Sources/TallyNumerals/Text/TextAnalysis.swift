import TallyCore
import TallyMemory

/// A text broken into tokens and sentences, with Unicode-scalar offsets throughout.
public struct TextAnalysis: Sendable {
    public let text: String
    public let tokens: [Token]
    public let sentences: [Sentence]
    /// The number of Unicode scalars in `text` (offsets run from 0 to this).
    public let scalarCount: Int
    /// Per token: hash of its lowercased text, UTF-8 offset, first byte, line break before it.
    @usableFromInline let info: [TokenInfo]
    /// The text's length in UTF-8 bytes.
    private let byteCount: Int

    /// The FNV-1a hash (`WordHash`) of token `index`'s lowercased text, computed by the tokenizer: other
    /// layers can look words up without hashing them again.
    /// Inlinable: callers read it once per token.
    @inlinable @inline(__always)
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
        self.byteCount = result.byteCount
    }

    /// UTF-8 offset of scalar `k` (0...scalarCount): the same in ASCII text; otherwise found from the
    /// nearest token starting at or before `k` (binary search on the tokens' byte offsets), then
    /// walked scalar by scalar (offsets are mostly token edges, so the walk is short).
    private func utf8Offset(_ k: Int, _ bytes: ByteView) -> Int {
        if byteCount == scalarCount { return k }
        if k >= scalarCount { return bytes.count }
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low &+ high) >> 1
            if tokens[mid].start <= k { low = mid &+ 1 } else { high = mid }
        }
        var u = 0
        var s = 0
        if low > 0 {
            u = Int(info[low - 1].byte)
            s = tokens[low - 1].start
        }
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
        // Token byte offsets are 32-bit: past 4 GiB, slice the scalars instead.
        let sliced = byteCount > Int(UInt32.max) || !text.isContiguousUTF8 ? nil : text.withBytes { bytes -> String in
            let a = utf8Offset(from, bytes)
            let b = utf8Offset(to, bytes)
            return bytes.string(a..<b)
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
