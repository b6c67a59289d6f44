import TallyCore

/// Finds every number mention in analysed text: numbers, ranges, per-side swaps, durations, dates,
/// money, percentages and ages, with their qualifiers. Pure and `Sendable`: one scanner serves
/// any number of threads.
public struct NumeralScanner: Sendable {
    public let vocabulary: NumeralVocabulary

    public init(vocabulary: NumeralVocabulary = .standard) {
        self.vocabulary = vocabulary
    }

    /// Quantities in text order, non-overlapping. `reference` is the publication date relative
    /// dates resolve against (past-biased, as news is); without it relative dates are skipped.
    public func scan(_ analysis: TextAnalysis, reference: CalendarDate?) -> [Quantity] {
        var quantities = withUnsafePointer(to: vocabulary) { scan(analysis, reference: reference, vocabulary: $0) }
        vocabulary.changeWords.annotate(&quantities, analysis)
        return quantities
    }

    private func scan(_ analysis: TextAnalysis, reference: CalendarDate?, vocabulary: UnsafePointer<NumeralVocabulary>) -> [Quantity] {
        let context = ScanContext(analysis: analysis, vocabulary: vocabulary, reference: reference)
        let tokens = analysis.tokens
        var quantities: [Quantity] = []
        // About one mention per fifteen tokens in news text.
        quantities.reserveCapacity(tokens.count / 8 + 4)
        let n = tokens.count
        var i = 0
        while i < n {
            // Most tokens open nothing: skip them in a tight loop over the facts.
            i = context.facts.withUnsafeBufferPointer { facts in
                var k = i
                while k < n, !context.mayStart(at: k, facts) { k &+= 1 }
                return k
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
        return quantities
    }

    /// Scans a text on its own (tokenising it first).
    public func scan(text: String, reference: CalendarDate? = nil) -> [Quantity] {
        scan(TextAnalysis(text: text), reference: reference)
    }
}

extension ScanContext {
    /// A cheap test that a mention could begin at `i`, so most tokens cost one lookup. Exact in the
    /// sense that `match(at:)` finds nothing where it says no (see the notes on each case).
    @inline(__always) func mayStart(at i: Int, _ facts: UnsafeBufferPointer<TokenFacts>) -> Bool {
        let f = facts[i]
        if f.flags.contains(.starter) { return f.kind != .punct || markMayStart(i, facts) }
        // A word without the starter flag opens something only when glued to what follows: a model
        // name ("Tu-160", "A320", "F16").
        guard i + 1 < tokenCount, !facts[i + 1].spaced, facts[i + 1].kind != .word else { return false }
        if f.kind == .word, facts[i + 1].kind == .number, tokens[i].text.utf8.count <= 2 { return true }
        guard f.flags.contains(.capitalised) else { return false }
        // Every matcher but the model name, the date and the number words needs a starter word at
        // `i` (qualifier, currency, percent, model and unit words all are starters); what is left
        // needs a number or a number-opening mark next ("MUSD½"), or a number word or "the" at `i`.
        let next = facts[i + 1]
        return next.kind == .number || (next.flags.contains(.starter) && markMayStart(i + 1, facts)) || f.flags.contains(.numberWord) || f.gram == .the
    }

    /// A starting punctuation mark. "." and "-" (flagged `.starter` and nothing else, whatever the
    /// vocabulary) open only a figure: ".5", "-3", "-.5", or a phone number after "+"; every matcher
    /// needs a number token right after them (or after ". ").
    @inline(__always) func markMayStart(_ i: Int, _ facts: UnsafeBufferPointer<TokenFacts>) -> Bool {
        let g = facts[i].gram
        guard g == .dot || g == .hyphen else { return true }
        return (i + 1 < tokenCount && facts[i + 1].kind == .number) || (i + 2 < tokenCount && facts[i + 1].gram == .dot && facts[i + 2].kind == .number)
    }
}
