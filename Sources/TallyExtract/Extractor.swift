import TallyCore
import TallyMemory
import TallyNumerals

/// Rule-driven claim extraction: one document in, its numeric claims out, in text order.
///
/// Pure and `Sendable`: share one extractor across threads.
public struct Extractor: Sendable {
    public let rules: RuleSet

    /// How many tokens before a number a match may start (bounds the search per number).
    public static let lookBehind = 14

    /// The rules, compiled, in file order.
    let compiled: [CompiledRule]
    /// Which rules a sentence can match, and where they can start.
    let prefilter: RulePrefilter
    /// Per rule: its `requires` set, shared by the rules with the same `requires` and context, whose
    /// answer per sentence or paragraph `RequirementCache` keeps.
    let requirementSets: [Int]
    /// Matching buffers kept from one document to the next.
    private let scratches: SentenceScratch.Pool

    public init(rules: RuleSet) {
        self.rules = rules
        self.compiled = rules.rules.map { CompiledRule($0, lexicon: rules.index) }
        self.prefilter = RulePrefilter(compiled, lexicon: rules.index)
        var sets: [RequirementSet: Int] = [:]
        self.requirementSets = rules.rules.map { rule in
            let key = RequirementSet(requires: rule.requires, context: rule.context)
            if let known = sets[key] { return known }
            sets[key] = sets.count
            return sets.count - 1
        }
        self.scratches = SentenceScratch.Pool(requirementSets: max(1, sets.count))
    }

    /// What makes two rules' `requires` one search: the same patterns over the same context.
    struct RequirementSet: Hashable {
        var requires: [Pattern]
        var context: Rule.Context
    }

    public func extract(_ document: Document) -> [Claim] {
        let context = PreparedDocument(document: document, rules: rules)
        return extract(context)
    }

    /// The claims of a prepared document, in text order.
    public func extract(_ context: PreparedDocument) -> [Claim] {
        scratches.withScratch(for: context.input) { extract(context, scratch: &$0, observer: UntracedRun()) }
    }

    /// The claims of a prepared document, recording into `trace` (one per document) every rule match
    /// over a number, why it could not win, and the winners, for `tally explain`. The claims are those
    /// of `extract(_:)`; only the extra matching a trace asks for costs more.
    public func extract(_ context: PreparedDocument, trace: inout ExtractionTrace) -> [Claim] {
        let recorder = TraceRecorder(trace)
        let claims = scratches.withScratch(for: context.input) { extract(context, scratch: &$0, observer: recorder) }
        trace = recorder.trace
        return claims
    }

    private func extract<Observer: CandidateObserver>(
        _ context: PreparedDocument, scratch: inout SentenceScratch, observer: Observer
    ) -> [Claim] {
        var claims: [Claim] = []
        var stated: Set<StatedFigure> = []
        var quantityCursor = 0
        let quantities = context.quantities
        let builder = ClaimBuilder(context: context, rules: rules)
        let parts = ListParts(context: context, rules: rules)
        // Sentences with figures, as written: one printed again word for word (a headline repeated as the
        // first line of the body, a photo caption under two pictures) states its figures once.
        var printed: Set<String> = []
        for (sentenceIndex, sentence) in context.analysis.sentences.enumerated() {
            while quantityCursor < quantities.count, quantities[quantityCursor].tokens.lowerBound < sentence.tokens.lowerBound {
                quantityCursor += 1
            }
            scratch.inSentence.removeAll(keepingCapacity: true)
            var cursor = quantityCursor
            while cursor < quantities.count, quantities[cursor].tokens.lowerBound < sentence.tokens.upperBound {
                scratch.inSentence.append(cursor)
                cursor += 1
            }
            guard !scratch.inSentence.isEmpty, printed.insert(context.text(ofSentence: sentenceIndex)).inserted else { continue }
            let winners = candidates(in: sentenceIndex, context: context, scratch: &scratch, observer: observer)
            let first = claims.count
            var increments: [Bool] = []
            var sources: [StatusSource] = []
            var defaults: [ClaimStatus?] = []
            var breaks: [Bool] = []
            var starts: [Int] = []
            var lastEnd = sentence.tokens.lowerBound
            increments.reserveCapacity(winners.count)
            sources.reserveCapacity(winners.count)
            defaults.reserveCapacity(winners.count)
            for candidate in winners {
                var built = builder.claim(for: candidate, sentenceIndex: sentenceIndex)
                if let days = candidate.compiled.rule.recentDays,
                    Extractor.isBackground(built.claim, published: context.document.published, days: days)
                {
                    continue
                }
                // The move its figure states ("rose 40 to 1,200"), from the numerals layer.
                let quantity = context.quantities[candidate.quantityIndex]
                built.claim.change = quantity.change
                built.claim.from = quantity.from
                // A figure the article states once (rule file `repeats: once`) is claimed at its first mention.
                if candidate.compiled.rule.statedOnce {
                    // Room up front: grown from empty, the set rehashes at almost every insert of a document's few.
                    if stated.isEmpty { stated.reserveCapacity(16) }
                    guard stated.insert(StatedFigure(built.claim)).inserted else { continue }
                }
                claims.append(built.claim)
                sources.append(built.statusSource)
                increments.append(candidate.compiled.rule.emit.increment)
                defaults.append(candidate.compiled.rule.defaultStatus)
                // Whether a word such as "after" stands between this figure and the one claimed before it.
                let tokens = quantity.tokens
                breaks.append(context.classes.periodBreak.map {
                    lastEnd < tokens.lowerBound && rules.index.first(classID: $0, words: context.input.words, range: lastEnd..<tokens.lowerBound) != nil
                } ?? false)
                lastEnd = max(lastEnd, tokens.upperBound)
                starts.append(tokens.lowerBound)
            }
            if claims.count > first {
                RelativeStatus.settle(&claims, from: first, defaults: defaults, sources: sources, breaks: breaks)
                for index in first..<claims.count {
                    // A count of people missing, displaced or held stands on its day whatever its words say
                    // of a total ("so far"): it may fall, as no total to date does.
                    if claims[index].status == nil || claims[index].status == .runningTotal,
                        let subject = claims[index].subject, rules.standingSubjects.contains(subject.lowercased())
                    {
                        claims[index].status = .standing
                    }
                    // A reading is taken on the article's day, not on a past event the sentence recalls.
                    if claims[index].status?.isReading == true {
                        claims[index].event = context.events.event(at: starts[index - first], total: true)
                    }
                }
            }
            IncrementMerger.fold(&claims, from: first, increments: increments)
            parts.add(to: &claims, from: first, sentenceIndex: sentenceIndex, inSentence: scratch.inSentence, winners: winners)
        }
        return claims
    }

    /// Whether a date claim ends more than `days` days before the article's day (rule key `recent`): a
    /// date with no end ("since 2010") or an article without a date is never background.
    static func isBackground(_ claim: Claim, published: CalendarDate?, days: Int) -> Bool {
        guard let published, case .date(let end)? = claim.high ?? claim.value else { return false }
        return end.dayRange.upperBound < published.dayRange.lowerBound - days
    }

    /// What makes two mentions one figure for a rule file with `repeats: once`: the same kind, subject
    /// and interval ("freed on Saturday" … "late Saturday").
    struct StatedFigure: Hashable {
        var kind: String
        var subject: String?
        var low: Figure?
        var high: Figure?

        init(_ claim: Claim) {
            kind = claim.kind
            subject = claim.subject
            low = claim.low
            high = claim.high
        }
    }

    /// Every rule match over the numbers of one sentence (`scratch.inSentence`), and the winner per
    /// number (in text order); `observer` hears of each match and winner when it follows every match.
    ///
    /// Specialised for the untraced run early in optimisation: compiled so, it is instruction for
    /// instruction the search without a trace (callgrind on 1 MB: 32.65 M either way); left to late
    /// specialisation it ran about 1% more instructions.
    @_specialize(exported: false, where Observer == UntracedRun)
    func candidates<Observer: CandidateObserver>(
        in sentenceIndex: Int, context: PreparedDocument, scratch: inout SentenceScratch, observer: Observer
    ) -> [Candidate] {
        let sentence = context.analysis.sentences[sentenceIndex]
        let matcher = scratch.matcher
        let input = context.input
        let inSentence = scratch.inSentence
        scratch.reset(mentions: inSentence.count)
        let features = prefilter.features(
            of: sentence.tokens, in: input, starts: scratch.startRows, startUnion: scratch.startUnion, tokenWords: scratch.tokenWords,
            tokenClasses: scratch.tokenClasses)
        var longestMention = 0
        for index in inSentence { longestMention = max(longestMention, Int(input.quantityEnds[index] - input.quantityFirstTokens[index])) }
        let rows = scratch.startRows
        let stride = prefilter.stride
        let startUnion = scratch.startUnion
        // A rule that can start at no token of the sentence has no match in it (`has` below would turn
        // down every start): skip it before its `requires` are searched.
        for ruleIndex in compiled.indices
        where RulePrefilter.mayStart(ruleIndex, in: startUnion) && prefilter.sentence(features, mayMatch: ruleIndex) {
            let compiledRule = compiled[ruleIndex]
            guard let valueCapture = compiledRule.valueCapture else { continue }
            // The `requires` pattern that is missing; only a trace goes on matching past one.
            var missingRequirement: Int?
            if !compiledRule.requires.isEmpty {
                let range = compiledRule.rule.context == .sentence ? sentence.tokens : context.paragraphTokens(of: sentenceIndex)
                let holds = scratch.requirements.holds(set: requirementSets[ruleIndex], in: range) {
                    compiledRule.requires.allSatisfy { matcher.occurs($0, in: range) }
                }
                if !holds {
                    guard Observer.followsEveryMatch else { continue }
                    missingRequirement = compiledRule.requires.firstIndex { !matcher.occurs($0, in: range) } ?? 0
                }
            }
            let starts = scratch.startsByClass[compiledRule.startsSlot]
            if !scratch.startsReady[compiledRule.startsSlot] {
                Extractor.starts(near: inSentence, accepting: compiledRule.valueClass, in: sentence.tokens, input, into: starts)
                scratch.startsReady[compiledRule.startsSlot] = true
            }
            let priority = compiledRule.rule.priority
            let byText = prefilter.startsByText(ruleIndex)
            let reach = compiledRule.lengthBound.fixed + compiledRule.lengthBound.quantities * longestMention
            for next in 0..<starts.count {
                let start = Int(starts[next])
                let relative = start - sentence.tokens.lowerBound
                guard RulePrefilter.has(ruleIndex, in: rows, row: relative * stride),
                    !byText || matcher.canStart(compiledRule.program.start, at: start),
                    // What every match contains must lie within its reach from here.
                    prefilter.window(
                        relative..<min(sentence.tokens.count, relative + reach), mayMatch: ruleIndex,
                        tokenWords: scratch.tokenWords, tokenClasses: scratch.tokenClasses)
                else { continue }
                let end = matcher.matchEnd(compiledRule.program, at: start, limit: sentence.tokens.upperBound, anyMatch: false)
                guard end >= 0, let captured = matcher.captured(valueCapture) else { continue }
                var local = 0
                while local < inSentence.count, !captured.contains(Int(input.quantityFirstTokens[inSentence[local]])) { local += 1 }
                guard local < inSentence.count else { continue }
                let quantityIndex = inSentence[local]
                // "all-for-all" states no figure: nothing to claim or compare.
                guard input.quantityHasFigure[quantityIndex] || Observer.followsEveryMatch else { continue }
                var beatsBest = true
                if let current = scratch.best(local), !Candidate.beats(length: end - start, priority: priority, ruleIndex: ruleIndex, current) {
                    guard Observer.followsEveryMatch else { continue }
                    beatsBest = false
                }
                let match = matcher.match(of: compiledRule.program, start: start, end: end)
                if Observer.followsEveryMatch {
                    let blocked = Extractor.blockage(
                        of: compiledRule, missingRequirement: missingRequirement, hasFigure: input.quantityHasFigure[quantityIndex],
                        over: context.quantities[quantityIndex], in: sentence.tokens, matcher)
                    observer.ruleMatched(ExtractionTrace.RuleMatch(
                        rule: compiledRule.rule, ruleIndex: ruleIndex, tokens: start..<end, quantity: quantityIndex, sentence: sentenceIndex,
                        blocked: blocked))
                    guard blocked == nil, beatsBest else { continue }
                } else if compiledRule.vetoes.contains(where: { Extractor.vetoes($0, context.quantities[quantityIndex], in: sentence.tokens, matcher) }) {
                    continue
                }
                scratch.setBest(local, Candidate(compiled: compiledRule, ruleIndex: ruleIndex, match: match, quantityIndex: quantityIndex))
            }
        }
        var winners: [Candidate] = []
        winners.reserveCapacity(inSentence.count)
        var sorted = true
        for local in inSentence.indices {
            guard let candidate = scratch.best(local) else { continue }
            if Observer.followsEveryMatch {
                observer.numberWon(ExtractionTrace.RuleMatch(
                    rule: candidate.rule, ruleIndex: candidate.ruleIndex, tokens: candidate.match.start..<candidate.match.end,
                    quantity: candidate.quantityIndex, sentence: sentenceIndex, blocked: nil))
            }
            if let last = winners.last, context.quantities[last.quantityIndex].start > context.quantities[candidate.quantityIndex].start { sorted = false }
            winners.append(candidate)
        }
        // Mentions come in text order, so this sort is only a safeguard.
        return sorted ? winners : winners.sorted { context.quantities[$0.quantityIndex].start < context.quantities[$1.quantityIndex].start }
    }

    /// Why a traced match cannot become a claim, in the order the extractor tests: a missing `requires`
    /// pattern, a number without a figure, a veto over the number.
    private static func blockage(
        of compiledRule: CompiledRule, missingRequirement: Int?, hasFigure: Bool, over quantity: Quantity, in sentence: Range<Int>,
        _ matcher: PatternMatcher
    ) -> ExtractionTrace.Blocked? {
        let rule = compiledRule.rule
        if let missingRequirement { return .missingRequirement(rule.requires[missingRequirement], in: rule.context) }
        if !hasFigure { return .noFigure }
        if let veto = compiledRule.vetoes.firstIndex(where: { Extractor.vetoes($0, quantity, in: sentence, matcher) }) { return .vetoed(rule.vetoes[veto]) }
        return nil
    }

    /// Start positions from which a match can reach the numbers a rule accepts: up to `lookBehind`
    /// tokens before each, within the sentence; sorted, without repeats. Written into `positions`.
    static func starts(
        near inSentence: [Int], accepting valueClass: Pattern.QuantityClass?, in sentence: Range<Int>, _ input: MatchInput,
        into positions: ScratchBuffer<Int32>
    ) {
        positions.count = 0
        let classBit: UInt16 = valueClass.map { 1 << UInt16($0.ordinal) } ?? 0
        var covered = sentence.lowerBound
        var previous = Int.min
        for index in inSentence {
            if classBit != 0, input.quantityClasses[index] & classBit == 0 { continue }
            let number = Int(input.quantityFirstTokens[index])
            // Mentions come in text order; should one not, fall back to a sorted union.
            guard number >= previous else {
                positions.count = 0
                for position in unsortedStarts(near: inSentence, accepting: classBit, in: sentence, input) { positions.push(Int32(position)) }
                return
            }
            previous = number
            var position = max(covered, sentence.lowerBound, number - lookBehind)
            positions.reserve(positions.count + number - position + 1, filling: 0)
            while position <= number {
                positions[positions.count] = Int32(position)
                positions.count += 1
                position += 1
            }
            covered = max(covered, number + 1)
        }
    }

    /// `starts` for mentions out of text order: the union of every window, sorted.
    private static func unsortedStarts(near inSentence: [Int], accepting classBit: UInt16, in sentence: Range<Int>, _ input: MatchInput) -> [Int] {
        var positions: Set<Int> = []
        for index in inSentence where classBit == 0 || input.quantityClasses[index] & classBit != 0 {
            let number = Int(input.quantityFirstTokens[index])
            positions.formUnion(max(sentence.lowerBound, number - lookBehind)...number)
        }
        return positions.sorted()
    }

    /// Whether a veto pattern matches a span of `range` (a sentence) that overlaps the number.
    public static func vetoes(_ veto: Pattern, _ quantity: Quantity, in range: Range<Int>, _ matcher: PatternMatcher) -> Bool {
        vetoes(matcher.program(veto), quantity, in: range, matcher)
    }

    static func vetoes(_ veto: PatternProgram, _ quantity: Quantity, in range: Range<Int>, _ matcher: PatternMatcher) -> Bool {
        let from = max(range.lowerBound, quantity.tokens.lowerBound - lookBehind)
        for start in from..<quantity.tokens.upperBound {
            let end = matcher.matchEnd(veto, at: start, limit: range.upperBound, anyMatch: false)
            if end >= 0, end > quantity.tokens.lowerBound, start < quantity.tokens.upperBound { return true }
        }
        return false
    }
}
