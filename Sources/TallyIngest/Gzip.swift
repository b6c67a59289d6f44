import CZlib

/// gzip decompression (zlib), bounded so that a small bomb cannot exhaust memory.
///
/// The package's one boundary with zlib: only this file calls it or hands it pointers.
enum Gzip {
    struct Inflated {
        var bytes: [UInt8]
        /// The stream ended before its trailer: the bytes are what could be recovered.
        var truncated: Bool
    }

    /// Decompresses every gzip member in `input`; refuses output larger than `maxBytes`.
    static func decompress(_ input: [UInt8], maxBytes: Int, id: String) throws(IngestError) -> Inflated {
        var stream = z_stream()
        guard tally_inflateInit2(&stream, 15 + 32) == Z_OK else {
            throw IngestError(path: id, reason: "gzip: cannot initialise zlib")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(maxBytes, input.count * 4))
        var chunk = [UInt8](repeating: 0, count: 128 * 1024)
        var consumed = 0
        var truncated = false
        var failure: String?
        // Sound: zlib reads the input only inside this closure, which keeps it alive (it never writes
        // through `next_in`, whose type alone is mutable); `avail_in` is the input's true count.
        input.withUnsafeBufferPointer { inBuf in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = UInt32(inBuf.count)
            while true {
                // Sound: zlib writes at most `avail_out` (the chunk's size) bytes, during this call only.
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = UInt32(outBuf.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                if output.count + produced > maxBytes {
                    failure = "decompressed content is larger than the \(ByteCount(maxBytes)) limit"
                    return
                }
                output.append(contentsOf: chunk[0..<produced])
                consumed = inBuf.count - Int(stream.avail_in)
                switch status {
                case Z_OK:
                    continue
                case Z_STREAM_END:
                    // Another member may follow (concatenated gzip files); trailing zero padding is ignored.
                    if stream.avail_in > 0, inBuf[consumed] == 0x1F, inflateReset(&stream) == Z_OK { continue }
                    return
                case Z_BUF_ERROR:
                    if stream.avail_in == 0 { truncated = true }
                    else { failure = "gzip: corrupt data" }
                    return
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    if output.isEmpty { failure = "gzip: corrupt data (\(message))" } else { truncated = true }
                    return
                }
            }
        }
        if let failure { throw IngestError(path: id, reason: failure) }
        if truncated && output.isEmpty { throw IngestError(path: id, reason: "gzip: truncated before any data") }
        return Inflated(bytes: output, truncated: truncated)
    }
}
