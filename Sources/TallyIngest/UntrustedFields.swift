import TallyCore
import TallyMemory

/// The last step of ingestion: a document's text and metadata are made safe to carry through a run,
/// whatever the article contained.
///
/// - NUL characters are removed (a JSON Lines `\u0000`, a NUL deep in a text file the binary sniffer did
///   not reach): C APIs downstream (SQLite, libxml2, terminals) read them as the end of a string.
/// - Metadata is cut to a length no real article needs (`limits`): a 60 MB `<title>` or JSON `id` would
///   otherwise be copied into every report, store row and claim. The body text is not cut here; its
///   extraction is bounded by `ExtractionBudget`.
public enum UntrustedFields {
    /// Characters (Unicode scalars) kept of a title.
    public static let titleCharacters = 2_000
    /// Characters kept of an outlet or author name.
    public static let nameCharacters = 500
    public static let urlCharacters = 8_000
    /// Characters kept of a document id (JSON Lines `id`; file paths are shorter than this anyway).
    public static let idCharacters = 1_000

    static var limits: [(field: WritableKeyPath<Document, String?>, name: String, characters: Int)] {
        [(\.title, "title", titleCharacters), (\.outlet, "outlet", nameCharacters), (\.author, "author", nameCharacters),
         (\.url, "url", urlCharacters)]
    }

    static func clean(_ document: inout Document) {
        if ByteScan.contains(0, in: document.text) {
            document.text = withoutNUL(document.text)
            document.warnings.append("NUL characters removed from the text")
        }
        if ByteScan.contains(0, in: document.id) { document.id = withoutNUL(document.id) }
        if let cut = cut(document.id, to: idCharacters) {
            document.id = cut
            document.warnings.append("document id longer than \(idCharacters) characters: cut")
        }
        for (field, name, characters) in limits {
            guard var value = document[keyPath: field] else { continue }
            if ByteScan.contains(0, in: value) { value = withoutNUL(value) }
            if let cut = cut(value, to: characters) {
                value = cut
                document.warnings.append("\(name) longer than \(characters) characters: cut")
            }
            document[keyPath: field] = value
        }
    }

    static func withoutNUL(_ text: String) -> String {
        text.withBytes { utf8 in
            String(utf8Capacity: utf8.count) { out in
                for b in utf8 where b != 0 { out.append(b) }
            }
        }
    }

    /// The first `characters` Unicode scalars of `text`, or nil when it is no longer than that.
    static func cut(_ text: String, to characters: Int) -> String? {
        guard text.utf8.count > characters else { return nil }
        let scalars = text.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: characters, limitedBy: scalars.endIndex), end < scalars.endIndex else { return nil }
        return String(scalars[..<end])
    }
}
