import TallyCore

/// The documents a rendering may quote from, their texts converted to Unicode scalars once, on
/// first use, so that locating many claims in one long document stays linear.
final class DocumentTexts {
    private let documents: [String: Document]
    private var scalars: [String: [Unicode.Scalar]] = [:]

    init(_ documents: [Document]) {
        self.documents = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func document(_ id: String) -> Document? { documents[id] }

    /// The document's text as scalars (claim offsets index into it), nil for an unknown document.
    func text(_ id: String) -> [Unicode.Scalar]? {
        if let cached = scalars[id] { return cached }
        guard let document = documents[id] else { return nil }
        let text = Array(document.text.unicodeScalars)
        scalars[id] = text
        return text
    }
}
