import TallyCore

extension NumeralScanner {
    /// Scans a long text in pieces cut at line breaks (about `chunkBytes` each), so memory stays
    /// flat however large the text is. Sentences never cross a line break, so the result is the
    /// same as one `scan`; `body` receives each piece's analysis, a quantity in it, and the scalar
    /// offset of the piece in the whole text (add it to the quantity's `start`/`end`).
    public func scanInChunks(
        _ text: String, reference: CalendarDate?, chunkBytes: Int = 1 << 16,
        _ body: (_ piece: TextAnalysis, _ quantity: Quantity, _ offset: Int) throws -> Void
    ) rethrows {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var offset = 0
        while start < utf8.endIndex {
            var end = utf8.index(start, offsetBy: chunkBytes, limitedBy: utf8.endIndex) ?? utf8.endIndex
            // Extend to the next line break (or the end), never splitting a scalar or a line.
            while end < utf8.endIndex, utf8[end] != UInt8(ascii: "\n") { end = utf8.index(after: end) }
            if end < utf8.endIndex { end = utf8.index(after: end) }
            let piece = TextAnalysis(text: String(text[start..<end]))
            for q in scan(piece, reference: reference) { try body(piece, q, offset) }
            offset += piece.scalarCount
            start = end
        }
    }
}

extension QuantityRecord {
    /// Every quantity of a document as a contract record, in text order, scanning in chunks.
    public static func forEach(
        doc: String, text: String, reference: CalendarDate?, scanner: NumeralScanner, _ body: (QuantityRecord) throws -> Void
    ) rethrows {
        try scanner.scanInChunks(text, reference: reference) { piece, q, offset in
            var record = QuantityRecord(doc: doc, quantity: q, in: piece)
            record.start += offset
            record.end += offset
            try body(record)
        }
    }
}
