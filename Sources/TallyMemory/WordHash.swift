/// FNV-1a, one byte at a time: the hash of the tokenizer's words (`WordHash`) and of the rules'
/// fingerprint. Stable across runs and machines (unlike `Hasher`, which is seeded per process).
@frozen public struct FNV1a {
    // The API is `public` with `@inlinable` bodies (and `@usableFromInline` storage), not `package`:
    // Swift 6.3 does not inline `@inlinable package` members into other modules (nor specialise
    // their generics), and the tokenizer's and scanner's per-token lookups then become calls.
    // TallyMemory is in no product: `public` here is still only this package's.
    @usableFromInline var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of the bytes added so far (the offset basis when none).
    @inlinable public var state: UInt64 { hash }

    @inlinable @inline(__always) public init() {}

    @inlinable @inline(__always) public mutating func add(_ byte: UInt8) {
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    /// `state` as a word hash: never 0, since 0 marks an empty slot (0 is read as 1).
    @inlinable @inline(__always) public var wordHash: UInt64 { hash == 0 ? 1 : hash }
}

/// The word hash: FNV-1a over UTF-8 bytes, 0 read as 1. The tokenizer computes it for every token's
/// lowercased text (`TextAnalysis.wordHash(ofToken:)`), and every `WordHashTable` is probed by it.
public enum WordHash {
    /// The hash of a string's UTF-8 bytes; never 0 (0 marks an empty slot).
    @inlinable @inline(__always) public static func of(_ s: String) -> UInt64 {
        // `withUTF8` reads a native string's bytes in place (a bridged or foreign one is made
        // contiguous in `copy` first); the buffer does not escape the closure.
        var copy = s
        return copy.withUTF8 { of($0) }
    }

    /// The hash of `bytes`; never 0.
    @inlinable @inline(__always) public static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = FNV1a()
        for byte in bytes { hash.add(byte) }
        return hash.wordHash
    }
}
