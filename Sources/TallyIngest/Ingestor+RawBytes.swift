/// The ingestor's own file reading and gzip handling, for tools that time ingestion apart from disk
/// reads (the article-extraction benchmark in `TallyEvaluation`): same size limit, same errors.
extension Ingestor {
    /// The file's bytes as `read(file:)` would take them, refused past `options.maxBytes`.
    public func rawBytes(ofFile path: String) throws(IngestError) -> [UInt8] {
        try FileReader.contents(of: path, maxBytes: options.maxBytes)
    }

    /// The bytes gunzipped when they are gzip (bounded by `options.maxBytes`), else as they are.
    public func decompressed(_ bytes: [UInt8], id: String) throws(IngestError) -> [UInt8] {
        FormatSniffer.isGzip(bytes) ? try Gzip.decompress(bytes, maxBytes: options.maxBytes, id: id).bytes : bytes
    }
}
