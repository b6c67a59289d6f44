import TallyMemory

/// The lines of a file read a chunk at a time from a byte offset: at most a chunk and the line being read are
/// held, and a line longer than `maxLineBytes` is passed over without being held. So a JSON Lines file of any
/// size is read record by record.
struct LineStream {
    enum Line {
        /// A line's bytes (without its line break) and the file offset it starts at.
        case line(ArraySlice<UInt8>, start: Int)
        /// A line longer than `maxLineBytes`, not kept: its offset and length (without its line break).
        case tooLong(start: Int, length: Int)
    }

    private let file: FileSystemCalls.ReadableFile
    private let path: String
    private let chunkBytes: Int
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    /// The file offset of `buffer[0]`.
    private var bufferStart: Int
    /// Where the next line starts in `buffer`.
    private var position = 0
    /// `buffer` holds no line break between `position` and here.
    private var searched = 0
    private var atEnd = false

    init(file: FileSystemCalls.ReadableFile, path: String, from offset: Int, chunkBytes: Int, maxLineBytes: Int) {
        self.file = file
        self.path = path
        self.chunkBytes = max(1, chunkBytes)
        self.maxLineBytes = maxLineBytes
        bufferStart = offset
    }

    /// The next line, or nil at the end of the file.
    mutating func next() throws(IngestError) -> Line? {
        while true {
            let from = max(position, searched)
            if let found = buffer.withView({ $0.firstIndex(of: 0x0A, in: from..<buffer.count) }) {
                let start = position
                position = found + 1
                searched = position
                if found - start > maxLineBytes { return .tooLong(start: bufferStart + start, length: found - start) }
                return .line(buffer[start..<found], start: bufferStart + start)
            }
            searched = buffer.count
            if atEnd {
                guard position < buffer.count else { return nil }
                let start = position
                position = buffer.count
                if buffer.count - start > maxLineBytes { return .tooLong(start: bufferStart + start, length: buffer.count - start) }
                return .line(buffer[start...], start: bufferStart + start)
            }
            if buffer.count - position > maxLineBytes { return try passOverLongLine() }
            if position > 0 {
                buffer.removeSubrange(0..<position)
                bufferStart += position
                searched -= position
                position = 0
            }
            try readChunk()
        }
    }

    /// Drops the line begun at `position`, already longer than the limit, reading on to its line break.
    private mutating func passOverLongLine() throws(IngestError) -> Line {
        let start = bufferStart + position
        var length = buffer.count - position
        while true {
            bufferStart += buffer.count
            buffer.removeAll(keepingCapacity: true)
            position = 0
            searched = 0
            try readChunk()
            if let found = buffer.withView({ $0.firstIndex(of: 0x0A, in: 0..<buffer.count) }) {
                position = found + 1
                searched = position
                return .tooLong(start: start, length: length + found)
            }
            length += buffer.count
            if atEnd {
                position = buffer.count
                return .tooLong(start: start, length: length)
            }
        }
    }

    private mutating func readChunk() throws(IngestError) {
        switch file.read(at: bufferStart + buffer.count, count: chunkBytes, into: &buffer) {
        case .success(let count): if count < chunkBytes { atEnd = true }
        case .failure(let error): throw IngestError(path: path, reason: "unreadable: " + FileReader.reason(errno: error.code))
        }
    }
}
