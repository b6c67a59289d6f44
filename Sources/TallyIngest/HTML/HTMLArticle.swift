import TallyCore

/// An HTML page: encoding sniffed and converted, parsed by libxml2, main content and metadata extracted.
/// `Document.text` is the article body only (the headline goes to `title`), paragraphs one per line.
enum HTMLArticle {
    /// `knownEncoding` means the bytes are already UTF-8 (JSON Lines `html`, transcoded UTF-16) and
    /// names the encoding to report; otherwise the encoding is sniffed (`EncodingSniffer`).
    static func document(bytes: [UInt8], id: String, knownEncoding: String?, options: IngestOptions) -> Document {
        var warnings: [String] = []
        var input = bytes
        if input.count > options.maxHTMLBytes {
            // Cut at a tag boundary so the parser recovers cleanly.
            var cut = options.maxHTMLBytes
            while cut > 0, input[cut] != UInt8(ascii: "<") { cut -= 1 }
            input.removeSubrange(cut...)
            warnings.append("page larger than \(ByteCount(options.maxHTMLBytes)); only the first \(ByteCount(options.maxHTMLBytes)) read")
        }
        var parserEncoding = "UTF-8"
        let encoding: String
        if let knownEncoding {
            encoding = knownEncoding
        } else {
            let sniffed = EncodingSniffer.toUTF8(input)
            input = sniffed.bytes
            parserEncoding = sniffed.parserEncoding
            encoding = sniffed.encoding
            warnings += sniffed.warnings
        }
        warnings += options.markupBudget.enforce(&input)
        if parserEncoding == "UTF-8" {
            OpaqueContent.strip(&input)
            EarlyDocumentEnd.blankPrematureEnds(&input)
        }
        guard let page = HTMLTree.parse(input, encoding: parserEncoding) else {
            return Document(id: id, published: options.published, encoding: encoding, text: "", warnings: warnings + ["HTML could not be parsed"])
        }
        warnings += page.warnings
        let meta = MetadataExtractor.extract(page)
        var body = ContentExtractor.extract(page)
        let size = ContentExtractor.proseSize(body.text)
        if size < ContentExtractor.starvedBody,
            let fallback = ArticleBodyFallback.text(articleBody: meta.articleBody, page: page, current: size)
        {
            body = ContentExtractor.Body(text: fallback, warnings: ["article text taken from the page's embedded data (JSON-LD articleBody or script state)"])
        }
        if body.text.isEmpty { warnings.append("no article body found") }
        warnings += body.warnings
        return Document(
            id: id, title: meta.title, outlet: meta.outlet, author: meta.author, url: meta.url,
            published: meta.published ?? options.published, encoding: encoding, text: body.text, warnings: warnings)
    }
}
