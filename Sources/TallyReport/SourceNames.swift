import Foundation
import TallyCore

/// Names a claim's source as a reader knows it: by outlet (and author, where the page names one), the
/// file only when the outlet is unknown.
///
/// A finding's `reason` is made where only claims are known (`tally reconcile` has no documents), so it
/// names an unattributed claim by its file (`181_tamir.txt says 4 aircraft`); the renderings for people
/// replace that with the outlet (`Tamir Post says 4 aircraft`). The JSON keeps the reason as made, so
/// reports built on one machine or in pieces stay equal.
struct SourceNames {
    private let byDoc: [String: String]

    init(_ documents: [DocumentSummary]) {
        var names: [String: String] = [:]
        for document in documents {
            guard let outlet = Self.nonBlank(document.outlet) else { continue }
            names[document.doc] = Self.nonBlank(document.author).map { "\(outlet) (\($0))" } ?? outlet
        }
        byDoc = names
    }

    /// "Tamir Post (Jane Roe)", or nil when the document names no outlet.
    func name(_ doc: String) -> String? { byDoc[doc] }

    /// The finding's reason with each unattributed claim's file name replaced by its outlet.
    func reason(_ finding: Finding) -> String {
        var text = finding.reason
        let unattributed = Set(finding.claims.filter { $0.claim.speaker == nil }.map(\.claim.doc))
        // Two documents with one file name (in different folders) cannot be told apart in the text: left as they are.
        let fileNames = Dictionary(grouping: Set(finding.claims.map(\.claim.doc)), by: Self.fileName)
        for doc in unattributed.sorted() {
            guard let name = byDoc[doc], fileNames[Self.fileName(doc)]?.count == 1 else { continue }
            text = text.replacingOccurrences(of: Self.fileName(doc) + " says ", with: name + " says ")
        }
        return text
    }

    /// The last component of a document id, as the reason writer names a document.
    static func fileName(_ doc: String) -> String {
        doc.split(separator: "/").last.map(String.init) ?? doc
    }

    private static func nonBlank(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
