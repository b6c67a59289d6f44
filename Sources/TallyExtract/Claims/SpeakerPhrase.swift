import TallyCore
import TallyMemory
import TallyNumerals

/// Who a run of tokens names when it stands where a speaker stands: a person ("Thai PM Srettha
/// Thavisin" → Thavisin), an organisation kept whole ("the Libyan Red Crescent", "Israel's prison
/// service", "the Ministry of Foreign Affairs"), speaking common nouns ("Israeli and Palestinian
/// sources"), or a role ("the prime minister").
struct SpeakerPhrase: Equatable {
    enum Kind: Equatable {
        /// A person, by name or by role: what "he" and "she" point back to.
        case person
        /// An organisation, a country, a group of people: what "it" and "they" point back to.
        case group
        /// One bare name ("Hamas", "Umerov"): a person or an organisation; "he" and "it" may both mean it.
        case name
        /// Figures that speak for someone unnamed ("Israeli tallies"): nothing points back to them.
        case record
    }

    var name: String
    var kind: Kind
}

/// Reads speaker phrases forwards ("according to X") and backwards ("X said") from a position.
///
/// A phrase is a run of name parts — capitalised words that are not in `speaker_not_name`, titles,
/// organisation modifiers, speaking nouns and organisation heads, what organisations publish — held
/// together by a possessive ("Israel's"), an inner hyphen ("Hamas-run"), "and" between parts and
/// "of" between capitalised parts ("Ministry of Justice"). Determiners open it; anything else ends it.
struct SpeakerPhraseReader {
    let probe: TokenLookup
    let vocabulary: SpeakerVocabulary

    private var tokens: [Token] { probe.tokens }

    enum Part: Equatable {
        /// A capitalised word: part of a name.
        case name
        /// `speaker_title`.
        case title
        /// `speaker_modifier`, lower case.
        case modifier
        /// `speaker_noun` or `speaker_body`: a phrase ending here is an organisation or a group.
        case head
        /// `speaker_evidence`.
        case evidence
        /// A possessive ("'s"), a joining hyphen, "and", "of".
        case possessive, hyphen, and, of
        case none
    }

    static let determinerWords = ["the", "a", "an"]
    static let determiners = WordHashSet(determinerWords)
    /// Words that may open a phrase before its name: "two sources", "several officials".
    static let openers = WordHashSet(["the", "a", "an", "two", "three", "four", "five", "several", "some", "various", "multiple"])
    private static let andHash = WordHash.of("and")
    private static let ofHash = WordHash.of("of")
    private static let forHash = WordHash.of("for")
    private static let theHash = WordHash.of("the")
    private static let possessiveHash = WordHash.of("'s")

    /// What token `index` can be inside a speaker phrase.
    func part(_ index: Int) -> Part {
        let token = tokens[index]
        if token.kind == .punct {
            if probe.lead(index) == UInt8(ascii: "-"), !token.spaceBefore, index + 1 < tokens.count, !tokens[index + 1].spaceBefore,
                tokens[index + 1].kind == .word
            {
                return .hyphen
            }
            if probe.lead(index) == UInt8(ascii: "'"), !token.spaceBefore, index > 0, tokens[index - 1].lower.hasSuffix("s") { return .possessive }
            return .none
        }
        guard token.kind == .word else { return .none }
        if probe.lowerIs(index, "'s", hash: SpeakerPhraseReader.possessiveHash) { return .possessive }
        if probe.lowerIs(index, "and", hash: SpeakerPhraseReader.andHash) { return .and }
        if probe.lowerIs(index, "of", hash: SpeakerPhraseReader.ofHash) || probe.lowerIs(index, "for", hash: SpeakerPhraseReader.forHash) {
            return .of
        }
        // One probe for every word list (`SpeakerVocabulary.kinds`), tested in the order below.
        let kinds = probe.value(in: vocabulary.kinds, index) ?? []
        if kinds.contains(.pronoun) || kinds.contains(.determiner) { return .none }
        let capitalised = probe.isCapitalised(index)
        if capitalised, kinds.contains(.notName), !isShortAcronym(index) { return .none }
        if kinds.contains(.head) { return .head }
        if kinds.contains(.evidence) { return .evidence }
        if kinds.contains(.title) { return .title }
        if capitalised { return .name }
        // "Salim al-Harthi", "Mohammed bin Salman": a particle inside a name.
        if kinds.contains(.particle), index + 1 < tokens.count, probe.isCapitalised(index + 1) || probe.isPunct(index + 1, UInt8(ascii: "-")) {
            return .name
        }
        if kinds.contains(.modifier) { return .modifier }
        // The word after an inner hyphen: "Hamas-run", "Iran-backed".
        if index >= 2, !token.spaceBefore, probe.isPunct(index - 1, UInt8(ascii: "-")), !tokens[index - 1].spaceBefore,
            tokens[index - 2].kind == .word
        {
            return .modifier
        }
        return .none
    }

    /// "WHO said", "WHO: 4,000 dead": a word of two or three capitals is an agency's short name even where it
    /// spells a function word, unless a neighbouring word is in capitals too ("READ MORE", "IN PICTURES").
    func isShortAcronym(_ index: Int) -> Bool {
        func allCaps(_ i: Int) -> Bool {
            let token = tokens[i]
            return token.kind == .word && token.text.utf8.count >= 2 && token.text.utf8.allSatisfy { $0 &- 0x41 < 26 }
        }
        guard allCaps(index), tokens[index].text.utf8.count <= 3 else { return false }
        return !(index > 0 && allCaps(index - 1)) && !(index + 1 < tokens.count && allCaps(index + 1))
    }

    private func isWordPart(_ part: Part) -> Bool {
        switch part {
        case .name, .title, .modifier, .head, .evidence: return true
        default: return false
        }
    }

    /// Whether `part` may join the phrase after `previous` (reading forwards).
    private func joins(_ part: Part, after previous: Part?, next: Part) -> Bool {
        switch part {
        case .name, .title, .modifier, .head, .evidence: return true
        case .possessive: return previous.map(isWordPart) ?? false
        case .hyphen: return previous.map(isWordPart) ?? false && isWordPart(next)
        case .and: return previous.map(isWordPart) ?? false && isWordPart(next)
        case .of: return (previous == .name || previous == .head) && (next == .name || next == .head || next == .title)
        case .none: return false
        }
    }

    /// The phrase starting at `start` (after determiners), as token range.
    func forward(from start: Int, limit: Int) -> Range<Int>? {
        var index = start
        while index < limit, probe.isIn(SpeakerPhraseReader.openers, index) { index += 1 }
        let first = index
        var previous: Part?
        // The part of the word at `index` when the step before already read it (as its `next`).
        var known: Part?
        while index < limit {
            let part = known ?? self.part(index)
            known = nil
            // "the Office for the Coordination of ...": "of the" / "for the" joins as "of" does.
            var skip = 1
            if part == .of, index + 2 < limit, probe.lowerIs(index + 1, "the", hash: SpeakerPhraseReader.theHash) { skip = 2 }
            let next = index + skip < limit ? self.part(index + skip) : .none
            // "the eastern-based Interior Ministry": a lower-case compound opens the name.
            if part == .none, previous == nil, next == .hyphen, isLooseModifier(index) {
                previous = .modifier
                index += 1
                known = next
                continue
            }
            if part == .none, previous != nil, isLooseModifier(index), headFollows(index + 1, limit: limit) {
                // "the civil protection agency", "the disaster management agency": a word of the name's own.
                previous = .modifier
                index += 1
                continue
            }
            guard joins(part, after: previous, next: next) else { break }
            previous = part
            index += skip
            if index < limit { known = next }
        }
        return trimmed(first..<index)
    }

    /// The phrase ending at `end` (inclusive), read backwards; it starts after a determiner or where
    /// a word is no part of a name.
    func backward(endingAt end: Int, floor: Int) -> Range<Int>? {
        guard end >= floor else { return nil }
        let last = part(end)
        guard isWordPart(last) else { return nil }
        var index = end
        // Each step needs the parts of three neighbours; two carry over from the step before.
        var current = last
        var previous: Part? = index - 1 >= floor ? part(index - 1) : nil
        while index > floor, let part = previous {
            let before = index - 2 >= floor ? self.part(index - 2) : nil
            guard joins(part, after: before, next: current) else { break }
            if !isWordPart(part), before == nil { break }
            index -= 1
            current = part
            previous = before
        }
        // "the civil protection agency": unknown lower-case words back to a determiner belong to the name.
        var loose = index - 1
        while loose >= floor, loose >= index - 2, isLooseModifier(loose) || part(loose) == .modifier { loose -= 1 }
        if loose < index - 1, loose >= floor, probe.isIn(SpeakerPhraseReader.determiners, loose) { index = loose + 1 }
        return trimmed(index..<end + 1)
    }

    /// A lower-case word that no class knows, which may still be part of an organisation's name.
    private func isLooseModifier(_ index: Int) -> Bool {
        tokens[index].kind == .word && part(index) == .none && !probe.isCapitalised(index) && !probe.isIn(vocabulary.notNames, index)
            && !probe.isIn(SpeakerPhraseReader.determiners, index) && !probe.isIn(vocabulary.pronouns, index)
    }

    /// Whether a head noun comes within two words of `index`, over modifiers or unknown lower-case words.
    private func headFollows(_ start: Int, limit: Int) -> Bool {
        var index = start
        while index < limit, index < start + 2 {
            let part = self.part(index)
            if part == .head { return true }
            guard part == .modifier || isLooseModifier(index) else { return false }
            index += 1
        }
        return false
    }

    /// Drops joining words left at either end.
    private func trimmed(_ range: Range<Int>) -> Range<Int>? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, !isWordPart(part(lower)), !isLooseModifier(lower) { lower += 1 }
        while upper > lower, !isWordPart(part(upper - 1)) { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }

    /// Whether the phrase is one `speaker_anaphor` noun ("the statement"), which names no one itself.
    func isAnaphor(_ range: Range<Int>) -> Bool { range.count == 1 && probe.isIn(vocabulary.anaphors, range.lowerBound) }

    /// Whether the phrase names a person by role only ("Thailand's Prime Minister", "the spokesperson").
    func isRole(_ range: Range<Int>) -> Bool { probe.isIn(vocabulary.titles, head(of: range)) }

    /// The phrase's head: its last word before an "of" or "for" ("Ministry of Justice" → Ministry).
    func head(of range: Range<Int>) -> Int {
        for index in range where part(index) == .of { return index - 1 }
        return range.upperBound - 1
    }

    /// Whether the phrase ends in a `speaker_anaphor` noun ("a statement").
    func endsInAnaphor(_ range: Range<Int>) -> Bool { probe.isIn(vocabulary.anaphors, range.upperBound - 1) }

    /// Whether the phrase ends in what an organisation publishes ("figures", "tallies").
    func endsInEvidence(_ range: Range<Int>) -> Bool { part(range.upperBound - 1) == .evidence }

    /// Who the phrase names, or nil when it names no one (modifiers, evidence or joining words alone).
    func speaker(_ range: Range<Int>) -> SpeakerPhrase? {
        var range = range
        // "the ministry's figures", "Health Ministry data": the publisher speaks. "Israeli tallies" stays whole.
        var end = range.upperBound
        while end > range.lowerBound, part(end - 1) == .evidence { end -= 1 }
        if end < range.upperBound, end > range.lowerBound {
            let before = part(end - 1)
            if before == .possessive, let owner = trimmed(range.lowerBound..<end - 1) {
                range = owner
            } else if before == .head {
                range = range.lowerBound..<end
            }
        } else if end == range.lowerBound {
            return nil
        }
        switch part(head(of: range)) {
        case .head:
            return SpeakerPhrase(name: alias(ofPhrase: range) ?? text(range), kind: .group)
        case .evidence:
            return SpeakerPhrase(name: text(range), kind: .record)
        case .name:
            if let name = alias(ofPhrase: range) { return SpeakerPhrase(name: name, kind: .group) }
            return surname(range)
        case .title:
            return SpeakerPhrase(name: text(range), kind: .person)
        default:
            return nil
        }
    }

    /// The last name of a person's phrase ("Al-Thani" kept whole), spelled as `speaker_alias` says.
    /// One capitalised word with no title before it may be a country or an organisation ("Hamas").
    private func surname(_ range: Range<Int>) -> SpeakerPhrase? {
        var start = range.upperBound - 1
        while start - 2 >= range.lowerBound, part(start - 1) == .hyphen, part(start - 2) == .name { start -= 2 }
        // "ratings agency Nordic Credit", "terror group Hamas": the name of the organisation just named, whole.
        var run = start
        while run - 1 >= range.lowerBound, part(run - 1) == .name { run -= 1 }
        if run > range.lowerBound, part(run - 1) == .head, !probe.isIn(vocabulary.titles, run - 1) {
            return SpeakerPhrase(name: alias(ofPhrase: run..<range.upperBound) ?? text(run..<range.upperBound), kind: .group)
        }
        let person = (range.lowerBound..<start).contains { part($0) == .name || part($0) == .title }
        if start == range.upperBound - 1, let alias = probe.value(in: vocabulary.aliases, start) {
            return SpeakerPhrase(name: alias, kind: .person)
        }
        return SpeakerPhrase(name: text(start..<range.upperBound), kind: person ? .person : .name)
    }

    /// The `speaker_alias` spelling of a whole phrase ("Associated Press" → AP).
    private func alias(ofPhrase range: Range<Int>) -> String? {
        guard range.count > 1 else { return probe.value(in: vocabulary.aliases, range.lowerBound) }
        var lower = ""
        for index in range {
            if index > range.lowerBound, tokens[index].spaceBefore { lower += " " }
            lower += tokens[index].lower
        }
        return vocabulary.aliases.value(hash: WordHash.of(lower), lower)
    }

    /// The phrase as written (spaces as in the text).
    func text(_ range: Range<Int>) -> String {
        var text = ""
        for index in range {
            if index > range.lowerBound, tokens[index].spaceBefore { text += " " }
            text += tokens[index].text
        }
        return text
    }
}
