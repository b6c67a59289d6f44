import TallyMemory

/// Chooses how to read an input from its first bytes, not from its name.
enum FormatSniffer {
    enum Format: Equatable {
        case binary(String)
        case blank
        case jsonLines
        case json
        case html
        case text
    }

    /// How many leading bytes the sniffers look at.
    static let window = 64 * 1024

    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The format of UTF-8 (or single-byte) content; UTF-16 must be transcoded first.
    static func format(of bytes: [UInt8]) -> Format {
        if let why = binaryReason(bytes) { return .binary(why) }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, isSpace(bytes[start]) { start += 1 }
        guard start < bytes.count else { return .blank }
        switch bytes[start] {
        case UInt8(ascii: "{"):
            if JSONLinesReader.firstRecordLooksValid(bytes, from: start) { return .jsonLines }
            return looksLikeJSON(bytes, from: start) ? .json : .text
        case UInt8(ascii: "["):
            return looksLikeJSON(bytes, from: start) ? .json : .text
        case UInt8(ascii: "<"):
            return looksLikeHTML(bytes, from: start) ? .html : .text
        default:
            return .text
        }
    }

    /// Formats people save articles in that tally cannot read (save the article as text or HTML instead),
    /// and other binary files, by their first bytes: a skip names the format.
    /// Checked before the text tests, because a PDF or PostScript file starts with readable text.
    static let namedBinaryFormats: [(magic: [UInt8], name: String)] = [
        (Array("%PDF-".utf8), "a PDF document"),
        (Array("%!PS".utf8), "a PostScript document"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive or an office document: .docx, .xlsx, .odt, .epub"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "a Microsoft Office document: .doc, .xls, .ppt"),
        (Array("{\\rtf".utf8), "an RTF document"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        (Array("GIF87a".utf8), "a GIF image"),
        (Array("GIF89a".utf8), "a GIF image"),
        (Array("II*\u{0}".utf8), "a TIFF image"),
        (Array("MM\u{0}*".utf8), "a TIFF image"),
        (Array("7z".utf8) + [0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        (Array("Rar!".utf8) + [0x1A, 0x07], "a RAR archive"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz archive"),
        (Array("SQLite format 3\u{0}".utf8), "an SQLite database"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable (ELF)"),
    ]

    /// Why the bytes are not text: a named format (a PDF, an image, an archive), NUL bytes, or mostly
    /// control bytes; nil for text.
    static func binaryReason(_ bytes: [UInt8]) -> String? {
        if let named = namedBinaryFormats.first(where: { bytes.starts(with: $0.magic) }) { return named.name }
        // RIFF containers: WebP images (and WAV/AVI, which are no articles either).
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)) {
            return bytes[8..<12].elementsEqual("WEBP".utf8) ? "a WebP image" : "a RIFF media file"
        }
        return controlBytesReason(bytes)
    }

    /// NUL bytes or mostly control bytes in the sniffing window.
    private static func controlBytesReason(_ bytes: [UInt8]) -> String? {
        let end = min(bytes.count, window)
        var controls = 0
        let sawNUL = bytes.withView { raw -> Bool in
            // Blocks of eight bytes with none below 0x20 and no 0x7F are skipped whole (SWAR: a byte below 0x20
            // borrows in x - 0x2020…, a 0x7F byte becomes zero in x ^ 0x7F7F…); the others are read byte by byte.
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            var i = 0
            while i < end {
                if i + 8 <= end {
                    let x = raw.word(at: i)
                    let y = x ^ (ones &* 0x7F)
                    if ((x &- ones &* 0x20) & ~x | (y &- ones) & ~y) & highs == 0 {
                        i += 8
                        continue
                    }
                }
                let stop = min(i + 8, end)
                while i < stop {
                    let b = raw[i]
                    if b == 0 { return true }
                    if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C || b == 0x7F { controls += 1 }
                    i += 1
                }
            }
            return false
        }
        if sawNUL { return looksLikeUTF16(bytes) ? "NUL bytes: UTF-16 without a byte-order mark?" : "NUL bytes" }
        if end > 0 && controls * 10 > end { return "mostly control bytes" }
        return nil
    }

    /// ASCII text in UTF-16: one byte of every pair (nearly always) NUL, the other not.
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        let pairs = min(bytes.count, 4096) / 2
        guard pairs >= 8 else { return false }
        var even = 0
        var odd = 0
        for i in 0..<pairs {
            if bytes[2 * i] == 0 && bytes[2 * i + 1] != 0 { even += 1 }
            if bytes[2 * i + 1] == 0 && bytes[2 * i] != 0 { odd += 1 }
        }
        return max(even, odd) * 10 >= pairs * 9
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

    /// Tags an HTML page (or fragment) starts with.
    private static let htmlTags: [[UInt8]] = ["!doctype", "html", "head", "body", "p", "div", "meta", "title", "article", "section", "h1", "link", "script", "main", "style"]
        .map { Array($0.utf8) }

    /// HTML when the first tag is one of `htmlTags`, or when a comment / XML declaration comes first and
    /// `<html`, `<head` or `<body` follows within the first kilobyte.
    static func looksLikeHTML(_ bytes: [UInt8], from start: Int) -> Bool {
        let end = min(bytes.count, start + 1024)
        let head = bytes[start..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        if head.starts(with: Array("<!--".utf8)) || head.starts(with: Array("<?xml".utf8)) {
            return ["<html", "<head", "<body", "<!doctype html"].contains { head.containsSequence(Array($0.utf8)) }
        }
        for tag in htmlTags where head.count > tag.count + 1 && head[1...].starts(with: tag) {
            let next = head[tag.count + 1]
            if isSpace(next) || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") { return true }
        }
        return false
    }

    /// A JSON document: starts with `{`/`[` and its last non-blank byte closes it.
    static func looksLikeJSON(_ bytes: [UInt8], from start: Int) -> Bool {
        var end = bytes.count - 1
        while end > start, isSpace(bytes[end]) { end -= 1 }
        return bytes[end] == UInt8(ascii: "}") || bytes[end] == UInt8(ascii: "]")
    }
}

extension RandomAccessCollection where Element == UInt8, Index == Int {
    /// Whether `needle` occurs anywhere in the bytes.
    func containsSequence(_ needle: [UInt8]) -> Bool {
        needle.isEmpty || firstIndex(ofSequence: needle, from: startIndex) != nil
    }

    /// The index of the first `needle` at or after `from` (a plain scan: sniffing and markup checks
    /// look for a few short tags).
    func firstIndex(ofSequence needle: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, needle.count <= count else { return nil }
        var i = Swift.max(from, startIndex)
        let last = endIndex - needle.count
        while i <= last {
            if self[i] == first {
                var k = 1
                while k < needle.count, self[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
