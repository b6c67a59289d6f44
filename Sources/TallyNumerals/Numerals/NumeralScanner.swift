import TallyCore
import TallyMemory

/// Finds every number mention in analysed text: numbers, ranges, per-side swaps, durations, dates,
/// money, percentages and ages, with their qualifiers. Pure and `Sendable`: one scanner serves
/// any number of threads.
public struct NumeralScanner: Sendable {
    public var vocabulary: NumeralVocabulary { box.vocabulary }
    /// The vocabulary in one object, so a scan's context holds one reference instead of copying its tables.
    private let box: NumeralVocabulary.Box

    public init(vocabulary: NumeralVocabulary = .standard) {
        box = NumeralVocabulary.Box(vocabulary)
    }

    /// Quantities in text order, non-overlapping. `reference` is the publication date relative
    /// dates resolve against (past-biased, as news is); without it relative dates are skipped.
    public func scan(_ analysis: TextAnalysis, reference: CalendarDate?) -> [Quantity] {
        let context = ScanContext(analysis: analysis, vocabulary: box, reference: reference)
        let tokens = analysis.tokens
        var quantities: [Quantity] = []
        // About one mention per fifteen tokens in news text.
        quantities.reserveCapacity(tokens.count / 8 + 4)
        let n = tokens.count
        var i = 0
        while i < n {
            // Most tokens open nothing: skip them in a tight loop over the facts.
            i = context.facts.withView { facts in
                // The facts from token `i` on, indexed from 0 (reads within their count need no check).
                let rest = facts.slice(from: i)
                var k = 0
                while k < rest.count, !context.mayStart(at: i &+ k, rest, k) { k &+= 1 }
                return i &+ k
            }
            guard i < n else { break }
            switch context.match(at: i) {
            case .none:
                i += 1
            case .skip(let end):
                i = max(end, i + 1)
            case .found(let f):
                let end = min(max(f.end, f.start + 1), tokens.count)
                var unit: String? = nil
                if let u = f.unit { unit = context.name(u) }
                quantities.append(
                    Quantity(
                        kind: f.kind, start: tokens[f.start].start, end: tokens[end - 1].end, tokens: f.start..<end,
                        value: f.value.map { .number($0) }, low: f.low.map { .number($0) }, high: f.high.map { .number($0) },
                        qualifier: f.qualifier, unit: unit, isVague: f.isVague))
                i = max(end, i + 1)
            case .date(let start, let dateEnd, let low, let high):
                let end = min(max(dateEnd, start + 1), tokens.count)
                let single = low == high
                quantities.append(
                    Quantity(
                        kind: .date, start: tokens[start].start, end: tokens[end - 1].end, tokens: start..<end,
                        value: single ? .date(low) : nil, low: .date(low), high: .date(single ? low : high),
                        qualifier: single ? .exact : .range, unit: nil, isVague: false))
                i = max(end, i + 1)
            }
        }
        vocabulary.changeWords.annotate(&quantities, analysis)
        vocabulary.dateBounds.annotate(&quantities, analysis)
        vocabulary.dateWindows.annotate(&quantities, analysis, reference: reference)
        return quantities
    }

    /// Scans a text on its own (tokenising it first).
    public func scan(text: String, reference: CalendarDate? = nil) -> [Quantity] {
        scan(TextAnalysis(text: text), reference: reference)
    }
}

extension ScanContext {
    /// A cheap test that a mention could begin at `i`, so most tokens cost one lookup. Exact in the
    /// sense that `match(at:)` finds nothing where it says no (see the notes on each case). `facts`
    /// are those from some token on, `facts[k]` token `i`'s.
    @inline(__always) func mayStart(at i: Int, _ facts: BufferView<TokenFacts>, _ k: Int) -> Bool {
        let f = facts[k]
        if f.flags.contains(.starter) { return f.kind != .punct || markMayStart(facts, k) }
        // A word without the starter flag opens something only when glued to what follows: a model
        // name ("Tu-160", "A320", "F16").
        guard k + 1 < facts.count, !facts[k + 1].spaced, facts[k + 1].kind != .word else { return false }
        if f.kind == .word, facts[k + 1].kind == .number, tokens[i].text.utf8.count <= 2 { return true }
        guard f.flags.contains(.capitalised) else { return false }
        // Every matcher but the model name, the date and the number words needs a starter word at
        // `i` (qualifier, currency, percent, model and unit words all are starters); what is left
        // needs a number or a number-opening mark next ("MUSD½"), or a number word or "the" at `i`.
        let next = facts[k + 1]
        return next.kind == .number || (next.flags.contains(.starter) && markMayStart(facts, k + 1)) || f.flags.contains(.numberWord) || f.gram == .the
    }

    /// A starting punctuation mark. "." and "-" (flagged `.starter` and nothing else, whatever the
    /// vocabulary) open only a figure: ".5", "-3", "-.5", or a phone number after "+"; every matcher
    /// needs a number token right after them (or after ". "). `facts[k]` is the mark's.
    @inline(__always) func markMayStart(_ facts: BufferView<TokenFacts>, _ k: Int) -> Bool {
        let g = facts[k].gram
        guard g == .dot || g == .hyphen else { return true }
        return (k + 1 < facts.count && facts[k + 1].kind == .number) || (k + 2 < facts.count && facts[k + 1].gram == .dot && facts[k + 2].kind == .number)
    }
}
