import Foundation
import TallyCore
import TallyExtract
import TallyIngest
import TallyNumerals

/// One entry point fed by libFuzzer (or by a regression replay): arbitrary bytes in, no crash, no hang.
///
/// Each target only checks what must hold for *any* input: the call returns, and its output is
/// self-consistent (documents carry text, claims point inside their sentence). Everything else is
/// left to the ordinary tests.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// HTML ingestion: the bytes are read as a web page (a doctype is prepended so the sniffer picks HTML).
    case html
    /// Whatever the format sniffer makes of the bytes (plain text with front matter, gzip, UTF-16, ...).
    case text
    /// JSON Lines: records with `text`/`html` fields, bad lines, claims files.
    case jsonl
    /// The numerals layer and rule-driven extraction on arbitrary (UTF-8 decoded) text.
    case numerals
    /// Rule and lexicon loading: the bytes as a rule file and as a lexicon file.
    case rules

    /// Runs the target once on `bytes`; traps (fails the fuzzer) when an invariant is broken.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .html: FuzzTarget.ingest(Array("<!doctype html>\n".utf8) + bytes)
        case .text, .jsonl: FuzzTarget.ingest(bytes)
        case .numerals: FuzzTarget.extract(String(decoding: bytes, as: UTF8.self))
        case .rules: RulesFuzz.shared.load(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Loads what every run shares (the project's rules) before fuzzing starts, so that the first
    /// fuzzed run is not charged with it (see Fuzz/lsan.supp about that global and LeakSanitizer).
    public func prepare() {
        switch self {
        case .numerals: _ = Extractors.standard
        case .rules: _ = RulesFuzz.shared
        default: break
        }
    }

    /// Small limits so that the fuzzer also exercises the "too large" paths.
    static let ingestor = Ingestor(options: IngestOptions(maxBytes: 1 << 20))

    static func ingest(_ bytes: [UInt8]) {
        do {
            let file = try ingestor.read(bytes: bytes, id: "fuzz")
            for document in file.documents {
                precondition(!document.id.isEmpty, "a document without an id")
                precondition(!document.text.utf8.contains(0), "a NUL byte reached the document text")
                let fields = [document.id, document.title, document.outlet, document.author, document.url]
                precondition(!fields.contains { $0?.utf8.contains(0) == true }, "a NUL byte reached the document's metadata")
                precondition(document.id.unicodeScalars.count <= UntrustedFields.idCharacters, "an id past its length limit")
                precondition((document.title?.unicodeScalars.count ?? 0) <= UntrustedFields.titleCharacters, "a title past its length limit")
                precondition((document.url?.unicodeScalars.count ?? 0) <= UntrustedFields.urlCharacters, "a url past its length limit")
            }
        } catch {
            precondition(!error.reason.isEmpty, "an ingest error must say why")
        }
    }

    static func extract(_ text: String) {
        _ = NumeralScanner().scan(text: text, reference: CalendarDate(year: 2024, month: 3, day: 1))
        guard let extractor = Extractors.standard else { return }
        let document = Document(id: "fuzz", published: CalendarDate(year: 2024, month: 3, day: 1), text: text)
        let scalars = text.unicodeScalars.count
        for claim in extractor.extract(document) {
            precondition(0 <= claim.start && claim.start <= claim.end && claim.end <= scalars, "claim offsets outside the text")
            precondition(!claim.quote.isEmpty, "a claim without its quote")
        }
    }
}

/// The project's own rules, loaded once (from `$TALLY_RULES` or `./rules`).
enum Extractors {
    static let rulesDirectory: String = {
        if let path = ProcessInfo.processInfo.environment["TALLY_RULES"], !path.isEmpty { return path }
        return "rules"
    }()

    static let standard: Extractor? = {
        let loaded = RuleLoader.load(directory: rulesDirectory)
        return loaded.ruleSet.map(Extractor.init(rules:))
    }()
}
