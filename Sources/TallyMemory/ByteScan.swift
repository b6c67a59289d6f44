#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-text byte searches at `memchr` speed: ingestion asks of every document whether it holds a
/// NUL, and iterating a `String.UTF8View` costs about thirty instructions a byte.
///
/// Sound: the pointer `withUTF8` lends lives only for the `memchr` call, which reads at most `count`
/// bytes of it.
public enum ByteScan {
    /// Whether `text`'s UTF-8 holds `byte`.
    public static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress, !utf8.isEmpty else { return false }
            return memchr(base, Int32(byte), utf8.count) != nil
        }
    }
}
