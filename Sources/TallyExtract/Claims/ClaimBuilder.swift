import Foundation
import TallyCore

/// A rule's match over one number mention, before it becomes a claim.
struct Candidate: Sendable {
    let compiled: CompiledRule
    var rule: Rule { compiled.rule }
    var ruleIndex: Int
    var match: PatternMatch
    var quantityIndex: Int

    /// Overlap resolution: whether a match of this length, rule priority and rule index beats `other`
    /// (the longer match wins, then the higher priority, then the earlier rule).
    static func beats(length: Int, priority: Int, ruleIndex: Int, _ other: Candidate) -> Bool {
        beats(
            length: length, priority: priority, ruleIndex: ruleIndex, otherLength: other.match.end - other.match.start,
            otherPriority: other.compiled.rule.priority, otherRuleIndex: other.ruleIndex)
    }

    /// The same order on plain values (the extraction trace ranks its matches by it too).
    @inline(__always)
    static func beats(length: Int, priority: Int, ruleIndex: Int, otherLength: Int, otherPriority: Int, otherRuleIndex: Int) -> Bool {
        if length != otherLength { return length > otherLength }
        if priority != otherPriority { return priority > otherPriority }
        return ruleIndex < otherRuleIndex
    }
}

/// Turns a winning candidate into a `Claim`: figure and interval, scope, subject, speaker, event.
///
/// The rule is read through its `CompiledRule` (a class) rather than copied out as a `Rule` value,
/// and lexicon classes are looked up by the ids `PreparedDocument.classes` resolved once per document.
struct ClaimBuilder {
    let context: PreparedDocument
    let rules: RuleSet

    /// How far after a figure scope markers such as "on each side" are looked for.
    static let scopeWindow = 5

    /// The claim, and where its status was read (`RelativeStatus` settles it against the sentence's other claims).
    func claim(for candidate: Candidate, sentenceIndex: Int) -> (claim: Claim, statusSource: StatusSource) {
        let compiled = candidate.compiled
        let tokens = context.analysis.tokens
        let sentence = context.analysis.sentences[sentenceIndex]
        let quantity = context.quantities[candidate.quantityIndex]
        let match = candidate.match

        var low = quantity.low
        var high = quantity.high
        let qualifier = value(compiled.rule.emit.qualifier, match, compiled).flatMap(Qualifier.init(rawValue:)) ?? quantity.qualifier
        if isNear(quantity) {
            // "nearly 400" sits just below 400, "just over 90" just above 90 (DESIGN: ~10%).
            if qualifier == .lessThan, low == nil, let figure = high?.number { low = .number(figure * 0.9) }
            if qualifier == .moreThan, high == nil, let figure = low?.number { high = .number(figure * 1.1) }
        }
        let start = tokens[match.start].start
        let end = tokens[match.end - 1].end
        let sentenceText = context.text(ofSentence: sentenceIndex)
        var status = status(for: candidate, sentence: sentence)
        var subject = compiled.subject.map { expand($0, rule: compiled, match: match, quantity: quantity, sentence: sentence) }
        if compiled.rule.kind == PlacePart.kind, let place = PlacePart(context: context, rules: rules).place(after: quantity.tokens, in: sentence) {
            subject = PlacePart.subject(subject, place: place)
            // "Among the dead are 33 on the ground": all of that part, not a part of it.
            if status.status == .subset { status = (compiled.rule.defaultStatus, .unmarked) }
        }
        let claim = Claim(
            doc: context.document.id,
            kind: compiled.rule.kind,
            value: quantity.value,
            low: low,
            high: high,
            qualifier: qualifier,
            unit: value(compiled.rule.emit.unit, match, compiled) ?? quantity.unit,
            scope: scope(for: candidate.quantityIndex, rule: compiled, match: match, sentence: sentence),
            subject: subject,
            event: context.events.event(at: quantity.tokens.lowerBound),
            speaker: context.speakers.speaker(at: quantity.tokens.lowerBound, sentence: sentenceIndex),
            quote: context.text(start, end, inSentence: sentenceIndex),
            start: start,
            end: end,
            sentence: sentenceText,
            rule: compiled.rule.id,
            story: context.story,
            status: status.status)
        return (claim, status.source)
    }

    /// How far before a figure, and after it, `status_marker` phrases are looked for.
    static let statusReach = (before: 12, after: 20)

    /// The claim's status: the rule's own, else the nearest status phrase around the figure — a
    /// `status_marker` up to `statusReach.before` words before it, a `status_after` up to
    /// `statusReach.after` words after it up to the clause's first punctuation, never past another
    /// count or (before it) a `;`/`:` — else the rule file's default. Dates and durations carry
    /// none: "two more days" is a length, not an increment.
    private func status(for candidate: Candidate, sentence: Sentence) -> (status: ClaimStatus?, source: StatusSource) {
        let rule = candidate.compiled.rule
        if let status = rule.emit.status { return (status, .fixed) }
        let quantity = context.quantities[candidate.quantityIndex]
        guard quantity.kind != .date, quantity.kind != .duration else { return (rule.defaultStatus, .fixed) }
        // Another count bounds the look (its own words are its own); a date or duration does not.
        let quantities = context.quantities
        func isCount(_ index: Int) -> Bool { quantities[index].kind != .date && quantities[index].kind != .duration }
        var start = max(sentence.tokens.lowerBound, quantity.tokens.lowerBound - ClaimBuilder.statusReach.before)
        var previous = candidate.quantityIndex - 1
        while previous >= 0, quantities[previous].tokens.upperBound > start {
            if isCount(previous) { start = quantities[previous].tokens.upperBound }
            previous -= 1
        }
        var end = min(sentence.tokens.upperBound, quantity.tokens.upperBound + ClaimBuilder.statusReach.after)
        var next = candidate.quantityIndex + 1
        while next < quantities.count, quantities[next].tokens.lowerBound < end {
            if isCount(next) { end = max(quantity.tokens.upperBound, quantities[next].tokens.lowerBound) }
            next += 1
        }
        let tokens = context.analysis.tokens
        // After the figure, the look ends at the clause's first punctuation: "14 hostages held since
        // Oct 7 would be released" is a plan, "13 were freed, and 39 will be" is not.
        for index in quantity.tokens.upperBound..<end where tokens[index].kind == .punct {
            end = index
            break
        }
        for index in (start..<quantity.tokens.lowerBound).reversed() where tokens[index].kind == .punct {
            if tokens[index].lower == ";" || tokens[index].lower == ":" {
                start = index + 1
                break
            }
        }
        let words = context.input.words
        let classes = context.classes
        let before = classes.statusMarker.flatMap { marker in
            start < quantity.tokens.lowerBound ? rules.index.last(classID: marker, words: words, range: start..<quantity.tokens.lowerBound) : nil
        }
        let after = classes.statusAfter.flatMap { marker in
            quantity.tokens.upperBound < end ? rules.index.first(classID: marker, words: words, range: quantity.tokens.upperBound..<end) : nil
        }
        let nearest: (value: String, before: Bool)?
        switch (before, after) {
        case let (b?, a?): nearest = quantity.tokens.lowerBound - b.end <= a.start - quantity.tokens.upperBound ? (b.value, true) : (a.value, false)
        case let (b?, nil): nearest = (b.value, true)
        case let (nil, a?): nearest = (a.value, false)
        case (nil, nil): nearest = nil
        }
        guard let nearest, let status = ClaimStatus(rawValue: nearest.value) else { return (rule.defaultStatus, .unmarked) }
        return (status, nearest.before ? .before : .after)
    }

    /// Whether the mention's hedge is one of closeness ("nearly", "just over": lexicon `near_qualifier`).
    private func isNear(_ quantity: Quantity) -> Bool {
        guard let near = context.classes.nearQualifier else { return false }
        return rules.index.longest(classID: near, words: context.input.words, at: quantity.tokens.lowerBound, limit: quantity.tokens.upperBound) != nil
    }

    /// A literal, or the lexicon value (else the lowercased text) of a capture.
    private func value(_ spec: Emit.Value?, _ match: PatternMatch, _ rule: CompiledRule) -> String? {
        switch spec {
        case .literal(let text)?: return text
        case .capture(let name)?: return captured(name, match, rule)
        case nil: return nil
        }
    }

    /// The lexicon value (else the lowercased text) of a capture the match set.
    private func captured(_ name: String, _ match: PatternMatch, _ rule: CompiledRule) -> String? {
        guard let index = match.names.firstIndex(of: name), let range = match.ranges[index] else { return nil }
        if let classID = rule.captureClasses[index],
            let hit = rules.index.matches(classID: classID, words: context.input.words, at: range.lowerBound, limit: range.upperBound)
                .first(where: { $0.end == range.upperBound })
        {
            return hit.value
        }
        return context.analysis.tokens[range].map(\.lower).joined(separator: " ")
    }

    private func scope(for index: Int, rule: CompiledRule, match: PatternMatch, sentence: Sentence) -> Scope? {
        let quantity = context.quantities[index]
        let stated = value(rule.rule.emit.scope, match, rule)
        if let scope = stated.flatMap(Scope.init(rawValue:)) { return scope }
        if quantity.kind == .perSide { return .perSide }
        // Scope words ("on each side", "in total", "unilaterally") are read only where a rule asks: `scope: auto`.
        guard stated == Emit.autoScope else { return nil }
        // Never past another count: "four bodies returned as total of freed captives stands at 58" says
        // the 58 is a total, not the four.
        let (lower, upper) = countBounds(around: index, in: sentence)
        let classes = context.classes
        let after = quantity.tokens.upperBound..<max(quantity.tokens.upperBound, min(upper, max(match.end, quantity.tokens.upperBound) + ClaimBuilder.scopeWindow))
        if first(classes.perSideMarker, in: after) != nil { return .perSide }
        let around = max(lower, quantity.tokens.lowerBound - 4)..<after.upperBound
        if first(classes.totalMarker, in: around) != nil { return .total }
        let before = max(lower, quantity.tokens.lowerBound - 6)..<quantity.tokens.lowerBound
        if first(classes.totalBefore, in: before) != nil { return .total }
        if first(classes.oneSideMarker, in: before) != nil { return .oneSide }
        return nil
    }

    /// The tokens of a figure's sentence between the counts before and after it (dates and durations
    /// are no counts): how far the words about this figure reach.
    private func countBounds(around index: Int, in sentence: Sentence) -> (lower: Int, upper: Int) {
        let quantities = context.quantities
        func isCount(_ quantity: Quantity) -> Bool { quantity.kind != .date && quantity.kind != .duration }
        var lower = sentence.tokens.lowerBound
        var previous = index - 1
        while previous >= 0, quantities[previous].tokens.upperBound > sentence.tokens.lowerBound {
            if isCount(quantities[previous]) { lower = max(lower, quantities[previous].tokens.upperBound); break }
            previous -= 1
        }
        var upper = sentence.tokens.upperBound
        var next = index + 1
        while next < quantities.count, quantities[next].tokens.lowerBound < sentence.tokens.upperBound {
            if isCount(quantities[next]) { upper = min(upper, quantities[next].tokens.lowerBound); break }
            next += 1
        }
        return (lower, upper)
    }

    /// The first phrase of a lexicon class in a token range.
    private func first(_ classID: Int?, in range: Range<Int>) -> (start: Int, end: Int, value: String)? {
        guard let classID else { return nil }
        return rules.index.first(classID: classID, words: context.input.words, range: range)
    }

    /// Fills a subject template: `$capture`, `{party}` and `{@class}`.
    private func expand(_ template: SubjectTemplate, rule: CompiledRule, match: PatternMatch, quantity: Quantity, sentence: Sentence) -> String {
        template.expand(
            capture: { name in captured(name, match, rule) ?? "" },
            party: { party(near: quantity, in: sentence) ?? "unnamed party" },
            nearest: { name in nearest(name, to: quantity, in: sentence) ?? "" })
    }

    /// The value of the phrase of lexicon class `className` nearest a figure: the last one before it in
    /// its sentence, else the first after it, else the same in the sentences of its paragraph.
    private func nearest(_ className: String, to quantity: Quantity, in sentence: Sentence) -> String? {
        guard let classID = rules.index.classID(className) else { return nil }
        let words = context.input.words
        if let before = rules.index.last(classID: classID, words: words, range: sentence.tokens.lowerBound..<quantity.tokens.lowerBound) {
            return before.value
        }
        if let after = rules.index.first(classID: classID, words: words, range: quantity.tokens.upperBound..<sentence.tokens.upperBound) {
            return after.value
        }
        let sentences = context.analysis.sentences
        guard let index = context.analysis.sentenceIndex(ofToken: quantity.tokens.lowerBound) else { return nil }
        var earlier = index - 1
        var later = index + 1
        while earlier >= 0 || later < sentences.count {
            if earlier >= 0 {
                guard sentences[earlier].paragraph == sentence.paragraph else { earlier = -1; continue }
                if let hit = rules.index.last(classID: classID, words: words, range: sentences[earlier].tokens) { return hit.value }
                earlier -= 1
            } else if later < sentences.count {
                guard sentences[later].paragraph == sentence.paragraph else { break }
                if let hit = rules.index.first(classID: classID, words: words, range: sentences[later].tokens) { return hit.value }
                later += 1
            }
        }
        return nil
    }

    /// The party (lexicon `party`) a figure is attributed to: the nearest one before it in the
    /// sentence, else the first one after it.
    private func party(near quantity: Quantity, in sentence: Sentence) -> String? {
        guard let party = context.classes.party else { return nil }
        let words = context.input.words
        if let before = rules.index.last(classID: party, words: words, range: sentence.tokens.lowerBound..<quantity.tokens.lowerBound) {
            return before.value
        }
        return rules.index.first(classID: party, words: words, range: quantity.tokens.upperBound..<sentence.tokens.upperBound)?.value
    }
}
