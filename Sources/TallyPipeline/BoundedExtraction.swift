import TallyMemory
import TallyCore
import TallyExtract

/// Limits that keep the memory of extraction bounded by a budget rather than by the input.
///
/// Extraction holds tokens, numbers and matches for the whole text it is given (about 40 bytes per byte
/// of text), and a hostile document can hold millions of claims (a 145 KB `.gz` of "and 1,000
/// prisoners " repeated makes 3 million). So a long document is extracted in pieces of `chunkBytes`,
/// cut at line breaks, and extraction stops once it has `claimsPerDocument` claims. No news article
/// comes near either limit: a document under `chunkBytes` is extracted exactly as before.
public struct ExtractionBudget: Sendable, Hashable {
    /// Claims kept per document; extraction stops there with a warning.
    public var claimsPerDocument: Int
    /// Claims kept per input file (a JSON Lines file holds many documents, and a file's claims are held
    /// together until it is written); later documents are not extracted. News text has about one claim
    /// per 250 bytes: a JSON Lines file of up to 25 MB of articles stays under it (split larger bundles).
    public var claimsPerFile: Int
    /// Longer texts are extracted piece by piece (pieces end at a line break where there is one).
    public var chunkBytes: Int
    /// A claim's `sentence` longer than this many characters is cut around its quote (a "sentence" of one
    /// endless token would otherwise be copied into every claim it holds).
    public var sentenceCharacters: Int

    public static let standard = ExtractionBudget()

    public init(claimsPerDocument: Int = 10_000, claimsPerFile: Int = 100_000, chunkBytes: Int = 256 << 10, sentenceCharacters: Int = 4_000) {
        self.claimsPerDocument = claimsPerDocument
        self.claimsPerFile = claimsPerFile
        self.chunkBytes = chunkBytes
        self.sentenceCharacters = sentenceCharacters
    }
}

extension Extractor {
    /// The claims of `document` within `budget`, and the warnings to add to the document when a limit
    /// was reached. `heartbeat` is called before each piece (see `orderedWork`'s time limit).
    public func extract(_ document: Document, budget: ExtractionBudget, heartbeat: Heartbeat = .none) -> (claims: [Claim], warnings: [String]) {
        var claims: [Claim] = []
        var cut = false
        var text = document.text
        if text.utf8.count <= budget.chunkBytes {
            heartbeat()
            claims = extract(document)
        } else {
            text.withContiguousBytes { utf8 in
                var start = 0
                var scalarOffset = 0
                while start < utf8.count, claims.count <= budget.claimsPerDocument {
                    heartbeat()
                    let end = ExtractionChunks.end(of: utf8, from: start, maxBytes: budget.chunkBytes)
                    let piece = utf8.slice(start..<end)
                    var part = document
                    part.text = piece.string
                    for var claim in extract(part) {
                        claim.start += scalarOffset
                        claim.end += scalarOffset
                        claims.append(claim)
                    }
                    scalarOffset += ExtractionChunks.scalars(in: piece)
                    start = end
                }
            }
        }
        var warnings: [String] = []
        if claims.count > budget.claimsPerDocument {
            claims.removeSubrange(budget.claimsPerDocument...)
            cut = true
        }
        // A sentence of no more bytes than the limit has no more characters either: only longer ones are counted.
        for index in claims.indices
        where claims[index].sentence.utf8.count > budget.sentenceCharacters && claims[index].sentence.unicodeScalars.count > budget.sentenceCharacters {
            claims[index].sentence = ExtractionChunks.excerpt(claims[index].sentence, around: claims[index].quote, characters: budget.sentenceCharacters)
        }
        ExtractionChunks.shareStorage(&claims)
        if cut {
            warnings.append("more than \(budget.claimsPerDocument) claims: only the first \(budget.claimsPerDocument) are kept (the rest of the text is not read)")
        }
        return (claims, warnings)
    }
}

/// Where the pieces of a long text end, and what each holds.
enum ExtractionChunks {
    /// The end of the piece starting at `start`: after the last line break within `maxBytes`, else after the
    /// last space, else at the last character boundary (never inside a UTF-8 sequence).
    static func end(of utf8: ByteView, from start: Int, maxBytes: Int) -> Int {
        let limit = start + maxBytes
        guard limit < utf8.count else { return utf8.count }
        let floor = start + maxBytes / 2
        var i = limit
        while i > floor {
            if utf8[i - 1] == 0x0A { return i }
            i -= 1
        }
        i = limit
        while i > floor {
            if utf8[i - 1] == 0x20 { return i }
            i -= 1
        }
        i = limit
        while i > start + 1, utf8[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    /// Claims of one sentence each carry a copy of it (and of the story words): equal neighbours are
    /// made to share one buffer, so a sentence of 400 numbers is held once, not 400 times.
    static func shareStorage(_ claims: inout [Claim]) {
        guard claims.count > 1 else { return }
        for index in claims.indices.dropFirst() {
            let previous = index - 1
            if claims[index].sentence == claims[previous].sentence { claims[index].sentence = claims[previous].sentence }
            if claims[index].story == claims[previous].story { claims[index].story = claims[previous].story }
        }
    }

    /// Unicode scalars in valid UTF-8: every byte that is not a continuation byte starts one.
    static func scalars(in utf8: ByteView) -> Int {
        var n = 0
        for b in utf8 where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// At most `characters` Unicode scalars of `sentence` around the first occurrence of `quote`.
    static func excerpt(_ sentence: String, around quote: String, characters: Int) -> String {
        let scalars = sentence.unicodeScalars
        var from = scalars.startIndex
        if let range = sentence.firstRange(of: quote) {
            let quoteLength = sentence.unicodeScalars[range.lowerBound..<range.upperBound].count
            let before = max(0, (characters - quoteLength) / 2)
            from = scalars.index(range.lowerBound, offsetBy: -before, limitedBy: scalars.startIndex) ?? scalars.startIndex
        }
        let to = scalars.index(from, offsetBy: characters, limitedBy: scalars.endIndex) ?? scalars.endIndex
        return String(scalars[from..<to])
    }
}
