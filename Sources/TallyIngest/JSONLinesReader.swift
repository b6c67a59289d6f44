#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import TallyCore

/// JSON Lines input: one document per line, `{"id", "url"?, "published"?, "title"?, "outlet"?, "author"?,
/// "text" | "html"}` (see `../shared/CONTRACT.md`). A line that is not such an object becomes a warning
/// naming its line number; the other lines are still read. Blank lines are ignored.
struct JSONLinesReader {
    var ingestor: Ingestor

    /// One record as it appears on a line. `id` may be a string or a number.
    struct Record: Decodable {
        var id: String?
        var url: String?
        var published: String?
        var title: String?
        var outlet: String?
        var author: String?
        var text: String?
        var html: String?

        enum CodingKeys: String, CodingKey { case id, url, published, title, outlet, author, text, html }

        /// A record from the fields `JSONLineScanner` read.
        init(fields: [String: String]) {
            id = fields["id"]
            url = fields["url"]
            published = fields["published"]
            title = fields["title"]
            outlet = fields["outlet"]
            author = fields["author"]
            text = fields["text"]
            html = fields["html"]
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if let s = try? c.decodeIfPresent(String.self, forKey: .id) {
                id = s
            } else if let n = try? c.decodeIfPresent(Int.self, forKey: .id) {
                id = String(n)
            }
            url = try? c.decodeIfPresent(String.self, forKey: .url)
            published = try? c.decodeIfPresent(String.self, forKey: .published)
            title = try? c.decodeIfPresent(String.self, forKey: .title)
            outlet = try? c.decodeIfPresent(String.self, forKey: .outlet)
            author = try? c.decodeIfPresent(String.self, forKey: .author)
            text = try c.decodeIfPresent(String.self, forKey: .text)
            html = try c.decodeIfPresent(String.self, forKey: .html)
        }
    }

    /// Whether the first non-blank line (from `start`) is a whole JSON object: then the input is JSON Lines,
    /// and records without `text`/`html` are reported line by line.
    static func firstRecordLooksValid(_ bytes: [UInt8], from start: Int) -> Bool {
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        if case .object? = JSONValue.parse(String(decoding: bytes[start..<end], as: UTF8.self)) { return true }
        return false
    }

    /// Whether the first record is a claim (`kind` and `quote`, no `text`/`html`): `tally extract` output.
    static func isClaimsFile(_ bytes: [UInt8]) -> Bool {
        var start = 0
        while start < bytes.count, FormatSniffer.isSpace(bytes[start]) { start += 1 }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        guard case .object(let record)? = JSONValue.parse(String(decoding: bytes[start..<end], as: UTF8.self)) else { return false }
        return record["quote"] != nil && record["kind"] != nil && record["text"] == nil && record["html"] == nil
    }

    /// What the lines read so far made: their documents, a warning for each line that made none (the first
    /// kept apart, to name when no line made one), and the records too large to read.
    struct Collected {
        var documents: [Document] = []
        var warnings: [String] = []
        var firstError: String?
        var skipped: [SkippedInput] = []
    }

    static func claimsFileError(_ id: String) -> IngestError {
        IngestError(path: id, reason: "a claims file (tally extract output), not articles: read it with `tally reconcile`", notAnArticle: true)
    }

    func read(bytes: [UInt8], id: String) throws(IngestError) -> IngestedFile {
        if JSONLinesReader.isClaimsFile(bytes) { throw JSONLinesReader.claimsFileError(id) }
        var collected = Collected()
        var lineNumber = 0
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes.withView { $0.firstIndex(of: 0x0A, from: lineStart) } ?? bytes.count
            lineNumber += 1
            take(line: bytes[lineStart..<lineEnd], number: lineNumber, fileID: id, into: &collected)
            lineStart = lineEnd + 1
        }
        if collected.documents.isEmpty {
            throw IngestError(path: id, reason: "no usable JSON Lines records" + (collected.firstError.map { " (\($0))" } ?? ""))
        }
        return IngestedFile(documents: collected.documents, warnings: collected.warnings)
    }

    /// Reads one line (without its line break), numbered from 1 in its file: a document, or a warning saying
    /// why the line made none. Blank lines are passed over.
    func take(line whole: ArraySlice<UInt8>, number lineNumber: Int, fileID id: String, into collected: inout Collected) {
        var first = whole.startIndex
        if lineNumber == 1, whole.starts(with: [0xEF, 0xBB, 0xBF]) { first += 3 }
        let line = whole[first...]
        guard line.contains(where: { !FormatSniffer.isSpace($0) }) else { return }
        let problem: String
        do {
            // Plain records are read straight from the bytes; anything else goes through JSONDecoder.
            let record = try JSONLineScanner.fields(of: line).map(Record.init(fields:)) ?? JSONDecoder().decode(Record.self, from: Data(line))
            if let doc = document(from: record, line: lineNumber, fileID: id) {
                collected.documents.append(doc)
                return
            }
            problem = "line \(lineNumber): no \"text\" or \"html\" field (or it is empty); record skipped"
        } catch {
            problem = "line \(lineNumber): not a JSON object (\(JSONLinesReader.describe(error))); line skipped"
        }
        collected.warnings.append(problem)
        if collected.firstError == nil { collected.firstError = problem }
    }

    private func document(from record: Record, line: Int, fileID: String) -> Document? {
        // A missing or empty id is named by the record's line, so every output row names its document; so is
        // one of NULs and spaces only, which the untrusted-field cleaning would leave empty.
        let given = record.id.flatMap { id in id.unicodeScalars.contains { $0 != "\u{0}" && !$0.properties.isWhitespace } ? id : nil }
        let docID = given ?? "\(fileID)#\(line)"
        var doc: Document
        if let html = record.html, !html.trimmingSpaces().isEmpty {
            doc = HTMLArticle.document(bytes: Array(html.utf8), id: docID, knownEncoding: "utf-8", options: ingestor.options)
        } else if let text = record.text, !text.trimmingSpaces().isEmpty {
            doc = PlainTextArticle.document(text: text, id: docID, options: ingestor.options)
            doc.encoding = "utf-8"
        } else {
            return nil
        }
        if given == nil { doc.warnings.append("record has no \"id\"; named by its line") }
        if let title = record.title, !title.isEmpty { doc.title = title }
        if let outlet = record.outlet, !outlet.isEmpty { doc.outlet = outlet }
        if let author = record.author, !author.isEmpty { doc.author = author }
        if let url = record.url, !url.isEmpty { doc.url = url }
        if record.published?.isEmpty ?? true, doc.published == nil || doc.published == ingestor.options.published,
            let url = record.url, let date = PublishedDateCascade.urlDate(url, today: CalendarDate.today)
        {
            // The record gives no date and the page none of its own: a dated URL beats the run's default.
            doc.published = date
        }
        if let raw = record.published, !raw.isEmpty {
            if let date = DateNormalizer.date(raw) {
                doc.published = date
            } else {
                doc.warnings.append("published '\(raw)' is not a date; ignored")
            }
        }
        return doc
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted: return "invalid JSON"
        case DecodingError.typeMismatch: return "wrong type"
        default: return "invalid JSON"
        }
    }
}
