import TallyMemory
import TallyCore

/// Turns files (plain text, HTML, JSON Lines, any of them gzipped; folders recursively) into `Document`s.
///
/// The format is chosen by content, not by extension:
/// gzip magic → decompress, then sniff again; first non-blank byte `{` with lines that parse as JSON objects
/// carrying `text` or `html` → JSON Lines; markup such as `<!doctype`, `<html`, `<body`, `<p` near the start →
/// HTML (libxml2); anything else → plain text (see `PlainTextArticle` for front matter and chrome removal).
/// Empty, binary, oversized and unreadable inputs are refused with an `IngestError` that says why.
public struct Ingestor: Sendable {
    public var options: IngestOptions

    public init(options: IngestOptions = IngestOptions()) {
        self.options = options
    }

    /// Reads one file into its documents (a JSON Lines file yields one per record).
    /// File-level warnings (bad JSON Lines records) are attached to the first document.
    public func ingest(file path: String) throws(IngestError) -> [Document] {
        try read(file: path).documentsWithFileWarnings
    }

    /// Reads bytes already in memory; the format is chosen by content.
    public func ingest(bytes: [UInt8], id: String) throws(IngestError) -> [Document] {
        try read(bytes: bytes, id: id).documentsWithFileWarnings
    }

    /// Reads one file, keeping file-level warnings apart from the documents.
    public func read(file path: String) throws(IngestError) -> IngestedFile {
        let bytes = try FileReader.contents(of: path, maxBytes: options.maxBytes)
        return try read(bytes: bytes, id: path)
    }

    /// Reads bytes already in memory, keeping file-level warnings apart from the documents.
    public func read(bytes: [UInt8], id: String) throws(IngestError) -> IngestedFile {
        var file = try read(bytes: bytes, id: id, depth: 0)
        cleanDocuments(&file)
        return file
    }

    /// Untrusted fields cleaned and over-long lines noted, in every document read.
    func cleanDocuments(_ file: inout IngestedFile) {
        for index in file.documents.indices {
            UntrustedFields.clean(&file.documents[index])
            if let warning = LongLines.warning(for: file.documents[index].text) { file.documents[index].warnings.append(warning) }
        }
    }

    private func read(bytes: [UInt8], id: String, depth: Int) throws(IngestError) -> IngestedFile {
        if bytes.count > options.maxBytes {
            throw IngestError(path: id, reason: "larger than the \(ByteCount(options.maxBytes)) limit (\(ByteCount(bytes.count)))")
        }
        if bytes.isEmpty { throw IngestError(path: id, reason: "empty file") }
        if FormatSniffer.isGzip(bytes) {
            guard depth == 0 else { throw IngestError(path: id, reason: "gzip inside gzip is not supported") }
            let inflated = try Gzip.decompress(bytes, maxBytes: options.maxBytes, id: id)
            var file = try read(bytes: inflated.bytes, id: id, depth: depth + 1)
            if inflated.truncated { file.warnings.append("truncated gzip data; read what was there") }
            return file
        }
        // UTF-16 (with a BOM) is transcoded up front so that every later stage sees UTF-8.
        var bytes = bytes
        var knownEncoding: String?
        if let utf16 = TextDecoder.transcodeUTF16(bytes) {
            bytes = utf16.bytes
            knownEncoding = utf16.encoding
        }
        switch FormatSniffer.format(of: bytes) {
        case .binary(let why):
            throw IngestError(path: id, reason: "binary content (\(why)), not an article")
        case .blank:
            throw IngestError(path: id, reason: "empty file (only whitespace)")
        case .jsonLines:
            return try JSONLinesReader(ingestor: self).read(bytes: bytes, id: id)
        case .json:
            throw IngestError(path: id, reason: "JSON but not JSON Lines: expected one object per line with a \"text\" or \"html\" field")
        case .html:
            return IngestedFile(documents: [HTMLArticle.document(bytes: bytes, id: id, knownEncoding: knownEncoding, options: options)])
        case .text:
            if knownEncoding == nil {
                // Valid UTF-8 (the usual case) is read straight from the bytes, without a String of the whole file.
                var start = 0
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
                let valid = bytes.withView { UTF8Check.isValid($0.slice(from: start)) }
                if valid {
                    var doc = bytes.withView {
                        PlainTextArticle.document(utf8: $0.slice(from: start), id: id, options: options)
                    }
                    doc.encoding = "utf-8"
                    return IngestedFile(documents: [doc])
                }
            }
            let decoded = TextDecoder.decode(bytes, knownEncoding: knownEncoding)
            var doc = PlainTextArticle.document(text: decoded.text, id: id, options: options)
            doc.encoding = decoded.encoding
            doc.warnings.insert(contentsOf: decoded.warnings, at: 0)
            return IngestedFile(documents: [doc])
        }
    }
}

extension IngestedFile {
    /// The documents, with the file-level warnings prepended to the first one's.
    var documentsWithFileWarnings: [Document] {
        guard !warnings.isEmpty, !documents.isEmpty else { return documents }
        var docs = documents
        docs[0].warnings.insert(contentsOf: warnings, at: 0)
        return docs
    }
}

/// A byte count in the unit a reader expects ("64 MB", "1.5 KB").
struct ByteCount: CustomStringConvertible {
    var bytes: Int
    init(_ bytes: Int) { self.bytes = bytes }
    var description: String {
        if bytes >= 1 << 20 { return "\(Double(bytes * 10 / (1 << 20)) / 10) MB" }
        if bytes >= 1 << 10 { return "\(Double(bytes * 10 / (1 << 10)) / 10) KB" }
        return "\(bytes) bytes"
    }
}
