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

    func read(bytes: [UInt8], id: String) throws(IngestError) -> IngestedFile {
        if JSONLinesReader.isClaimsFile(bytes) {
            throw IngestError(path: id, reason: "a claims file (tally extract output), not articles: read it with `tally reconcile`", notAnArticle: true)
        }
        var documents: [Document] = []
        var warnings: [String] = []
        let decoder = JSONDecoder()
        var lineNumber = 0
        var lineStart = 0
        var firstError: String?
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            lineNumber += 1
            defer { lineStart = lineEnd + 1 }
            var first = lineStart
            if lineNumber == 1, bytes[first...].starts(with: [0xEF, 0xBB, 0xBF]) { first += 3 }
            let line = bytes[first..<lineEnd]
            guard line.contains(where: { !FormatSniffer.isSpace($0) }) else { continue }
            let problem: String
            do {
                // Plain records are read straight from the bytes; anything else goes through JSONDecoder.
                let record = try JSONLineScanner.fields(of: line).map(Record.init(fields:)) ?? decoder.decode(Record.self, from: Data(line))
                if let doc = document(from: record, line: lineNumber, fileID: id) {
                    documents.append(doc)
                    continue
                }
                problem = "line \(lineNumber): no \"text\" or \"html\" field (or it is empty); record skipped"
            } catch {
                problem = "line \(lineNumber): not a JSON object (\(JSONLinesReader.describe(error))); line skipped"
            }
            warnings.append(problem)
            if firstError == nil { firstError = problem }
        }
        if documents.isEmpty {
            throw IngestError(path: id, reason: "no usable JSON Lines records" + (firstError.map { " (\($0))" } ?? ""))
        }
        return IngestedFile(documents: documents, warnings: warnings)
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
