import TallyCore
import TallyMemory
import TallyNumerals

/// Who the text attributes each figure to.
///
/// Attributions are found per sentence — "X said", "said X", "X told reporters", "according to X",
/// "officials said" — and a figure takes the nearest one before it in its sentence (else the first
/// after it). A pronoun ("he said") means the last person named, even in an earlier paragraph. A
/// sentence without attribution takes the previous attributed sentence of its paragraph, or, inside a
/// quotation, the attribution that closes the quote.
///
/// Reporting verbs come from the lexicon class `speech_verb`, titles from `speaker_title`, speaking
/// common nouns from `speaker_noun`, and spellings are unified by `speaker_alias` (Zelenskyy → Zelensky).
///
/// Words are tested by word id (reporting verbs, "according to") or by the tokenizer's word hash
/// (`WordHashSet`), never by hashing or lowercasing token text; a name is a run of token indices until
/// the one word it yields is picked.
struct SpeakerResolver {
    let probe: TokenLookup
    let sentences: [Sentence]
    let lexicon: LexiconIndex
    let vocabulary: SpeakerVocabulary
    /// Word ids of the tokens.
    let words: [Int32]
    /// The `speech_verb` class, the `speaker_cue` class, and the ids of "according" and "to".
    let speechVerb: Int?
    let cue: Int?
    let according: Int32
    let to: Int32

    init(probe: TokenLookup, lexicon: LexiconIndex, vocabulary: SpeakerVocabulary, words: [Int32], speechVerb: Int?) {
        self.probe = probe
        self.sentences = probe.analysis.sentences
        self.lexicon = lexicon
        self.vocabulary = vocabulary
        self.words = words
        self.speechVerb = speechVerb
        cue = lexicon.classID("speaker_cue")
        according = lexicon.vocabulary.id(of: "according")
        to = lexicon.vocabulary.id(of: "to")
        reader = SpeakerPhraseReader(probe: probe, vocabulary: vocabulary)
    }

    private var tokens: [Token] { probe.tokens }

    /// Speakers of one document: per sentence, the attributions in it and the speaker carried in.
    struct Speakers {
        /// Attributions in text order (token position, name); those of sentence `s` are at
        /// `offsets[s]..<offsets[s + 1]`.
        var named: [(position: Int, name: String)]
        var offsets: [Int]
        /// Per sentence: the attribution (index into `named`) carried in when it has none of its own, or -1.
        var carried: [Int32]

        /// The speaker of a figure starting at token `index` of sentence `sentence`.
        func speaker(at index: Int, sentence: Int) -> String? {
            let first = offsets[sentence]
            var mention = offsets[sentence + 1] - 1
            guard mention >= first else { return carried[sentence] >= 0 ? named[Int(carried[sentence])].name : nil }
            while mention >= first {
                if named[mention].position <= index { return named[mention].name }
                mention -= 1
            }
            return named[first].name
        }

        /// The attributions of sentence `sentence`, in text order.
        func mentions(in sentence: Int) -> ArraySlice<(position: Int, name: String)> { named[offsets[sentence]..<offsets[sentence + 1]] }
    }

    enum Attribution {
        case named(SpeakerPhrase)
        /// "he said" (`person`), "it said" (`group`): the last such speaker named.
        case pronoun(SpeakerPhrase.Kind)
        /// "the statement said", "the agency said": the last organisation named, else the noun itself.
        case anaphor(String)
    }

    static let adverbs = WordHashSet([
        "also", "later", "then", "earlier", "previously", "again", "further", "reportedly", "has", "had", "have", "had", "was",
        "repeatedly", "separately", "once", "now", "recently", "has also", "subsequently", "publicly", "privately", "initially",
    ])
    /// Forms of "be" that make a reporting verb passive ("was reported").
    static let passive = WordHashSet(["was", "were", "is", "are", "been", "be", "being"])
    private static let byHash = WordHash.of("by")
    /// Words between a phrase naming a published figure and its publisher ("figures from the ministry").
    static let publishedBy = WordHashSet(["from", "by", "of"])

    /// Made once per document: a reader holds the vocabulary's dozen tables, and phrases are read word by word.
    private let reader: SpeakerPhraseReader

    func resolve() -> Speakers {
        var speakers = Speakers(named: [], offsets: [], carried: [])
        speakers.offsets.reserveCapacity(sentences.count + 1)
        speakers.named.reserveCapacity(sentences.count / 2)
        var lastNamed: String?
        var lastPerson: String?
        var lastGroup: String?
        var found: [(Int, Attribution)] = []
        /// Whether a quotation is open where the sentence starts (quote marks counted through its paragraph).
        var quoted = false
        var paragraph = -1
        for (sentenceIndex, sentence) in sentences.enumerated() {
            speakers.offsets.append(speakers.named.count)
            found.removeAll(keepingCapacity: true)
            if sentence.paragraph != paragraph {
                paragraph = sentence.paragraph
                quoted = false
            }
            quoted = attributions(in: sentence, quoted: quoted, into: &found)
            if found.isEmpty, let headline = headlineAttribution(sentenceIndex) { found.append(headline) }
            for (position, attribution) in found {
                switch attribution {
                case .named(let phrase):
                    speakers.named.append((position, phrase.name))
                    lastNamed = phrase.name
                    switch phrase.kind {
                    case .person: lastPerson = phrase.name
                    case .group: lastGroup = phrase.name
                    case .name:
                        lastPerson = phrase.name
                        lastGroup = phrase.name
                    case .record: break
                    }
                case .pronoun(let kind):
                    let earlier = kind == .person ? lastPerson : lastGroup
                    if let name = earlier ?? lastNamed ?? openingName(of: sentence) { speakers.named.append((position, name)) }
                case .anaphor(let noun):
                    speakers.named.append((position, lastGroup ?? noun))
                }
            }
        }
        speakers.offsets.append(speakers.named.count)
        let offsets = speakers.offsets
        /// The last attribution of a sentence (its index in `named`), if it has one.
        func last(_ index: Int) -> Int32? { offsets[index + 1] > offsets[index] ? Int32(offsets[index + 1] - 1) : nil }
        var carried = [Int32](repeating: -1, count: sentences.count)
        var quotes = QuoteCounts(count: sentences.count)
        for index in sentences.indices where offsets[index + 1] == offsets[index] {
            let paragraph = sentences[index].paragraph
            if startsInsideQuote(index, &quotes) {
                var next = index + 1
                while next < sentences.count, sentences[next].paragraph == paragraph, next <= index + 3 {
                    if let mention = last(next) { carried[index] = mention; break }
                    next += 1
                }
                // A paragraph that opens a quotation it never attributes goes on quoting whoever the paragraph
                // before quoted (news runs one speaker's words over several paragraphs).
                if carried[index] < 0, index > 0, sentences[index - 1].paragraph != paragraph,
                    let mention = lastQuotedAttribution(endingAt: index - 1, offsets: offsets, carried: carried, &quotes)
                {
                    carried[index] = mention
                }
            }
            if carried[index] < 0, index > 0, sentences[index - 1].paragraph == paragraph {
                carried[index] = last(index - 1) ?? carried[index - 1]
            }
        }
        speakers.carried = carried
        return speakers
    }

    /// The last attribution of the paragraph that ends with sentence `end`, when that paragraph quotes someone.
    private func lastQuotedAttribution(endingAt end: Int, offsets: [Int], carried: [Int32], _ quotes: inout QuoteCounts) -> Int32? {
        let paragraph = sentences[end].paragraph
        var index = end
        var quoting = false
        var attribution: Int32?
        while index >= 0, sentences[index].paragraph == paragraph {
            if attribution == nil {
                if offsets[index + 1] > offsets[index] {
                    attribution = Int32(offsets[index + 1] - 1)
                } else if carried[index] >= 0 {
                    attribution = carried[index]
                }
            }
            if quoteMarks(in: index, &quotes) > 0 { quoting = true }
            index -= 1
        }
        return quoting ? attribution : nil
    }

    /// A headline that names its source at one end of a colon: "Floods kill 2,300: Emergency services",
    /// "WHO: 4,000 confirmed dead". Only a paragraph of one sentence with no closing full stop reads so, as a
    /// dateline ("Tripoli: More than ...") opens a body sentence; before the colon, a bare capitalised word
    /// may be a place or a topic ("Gaza: ..."), so it speaks only as an acronym, a titled person or an organisation.
    private func headlineAttribution(_ index: Int) -> (Int, Attribution)? {
        let sentence = sentences[index]
        let range = sentence.tokens
        guard range.count >= 3, !probe.isPunct(range.upperBound - 1, UInt8(ascii: ".")) else { return nil }
        if index > 0, sentences[index - 1].paragraph == sentence.paragraph { return nil }
        if index + 1 < sentences.count, sentences[index + 1].paragraph == sentence.paragraph { return nil }
        guard let colon = range.first(where: { probe.isPunct($0, UInt8(ascii: ":")) }) else { return nil }
        // "(Photo: Ministry of ...)", "Credit: ...": a caption's credit names who took the picture, not who said a figure.
        if colon > range.lowerBound, (probe.isIn(vocabulary.notNames, colon - 1) && reader.part(colon - 1) == .none) || probe.isIn(SpeakerResolver.creditLabels, colon - 1) { return nil }
        if (range.lowerBound..<colon).contains(where: { probe.isPunct($0, UInt8(ascii: "(")) }) { return nil }
        var end = range.upperBound
        while end > colon + 1, tokens[end - 1].kind == .punct { end -= 1 }
        if let phrase = reader.forward(from: colon + 1, limit: end), phrase.upperBound == end, phrase.lowerBound == colon + 1
            || probe.isIn(SpeakerPhraseReader.determiners, colon + 1), let speaker = headlineSpeaker(phrase)
        {
            return (colon, .named(speaker))
        }
        if colon > range.lowerBound, let phrase = reader.forward(from: range.lowerBound, limit: colon), phrase.upperBound == colon,
            let speaker = headlineSpeaker(phrase)
        {
            return (colon, .named(speaker))
        }
        return nil
    }

    /// Who a headline's phrase names, when it surely speaks: a titled person, an organisation, an acronym; a
    /// bare capitalised word may be a place or a topic ("Gaza: ...", "...: Libya").
    private func headlineSpeaker(_ phrase: Range<Int>) -> SpeakerPhrase? {
        guard let speaker = reader.speaker(phrase) else { return nil }
        switch speaker.kind {
        case .person, .group: return speaker
        case .name: return phrase.count == 1 && reader.isShortAcronym(phrase.lowerBound) ? speaker : nil
        case .record: return nil
        }
    }

    /// Reporting verbs of one sentence with the speaker each names.
    func attributions(in sentence: Sentence) -> [(Int, Attribution)] {
        var found: [(Int, Attribution)] = []
        _ = attributions(in: sentence, quoted: false, into: &found)
        return found
    }

    /// Appends the sentence's attributions to `found`, skipping reporting verbs inside a quotation (the
    /// quoted speaker's words: "“It was confirmed by the ministry,” he said" is his); `quoted` says whether
    /// a quotation is open where the sentence starts. Returns whether one is open where it ends.
    private func attributions(in sentence: Sentence, quoted startsQuoted: Bool, into found: inout [(Int, Attribution)]) -> Bool {
        var quoted = startsQuoted
        let range = sentence.tokens
        let upper = range.upperBound
        let speechVerb = self.speechVerb ?? -1
        let cue = self.cue ?? -1
        /// Where the last reporting verb ended, and its entry in `found`: "X reported, citing Y" is Y's.
        var lastVerbEnd = Int.min
        var lastVerbEntry = -1
        var index = range.lowerBound
        while index < upper {
            if probe.isPunct(index, UInt8(ascii: "\"")) {
                quoted.toggle()
                index += 1
                continue
            }
            if quoted {
                index += 1
                continue
            }
            let word = words[index]
            if word == according, index + 1 < upper, words[index + 1] == to {
                // "the Red Crescent said ..., according to the AP": the agency closing the sentence relays the
                // speaker already named; it speaks for nothing here and is no one "the organization" points back to.
                // Only as the sentence's closing clause, after a comma: "..., against 25 according to officials" is a second voice.
                if lastVerbEntry >= 0, index > lastVerbEnd, probe.isPunct(index - 1, UInt8(ascii: ",")),
                    let relay = reader.forward(from: index + 2, limit: upper), relay.upperBound == upper
                    || (tokens[relay.upperBound].kind == .punct && relay.upperBound + 1 == upper)
                {
                    index = relay.upperBound
                    continue
                }
                if let attribution = published(from: index + 2, limit: upper) { found.append((index, attribution)) }
                index += 2
                continue
            }
            // Most words start no reporting verb: test the class bits before walking the trie.
            if cue >= 0, lexicon.startsPhrase(of: cue, with: word), let hit = lexicon.longest(classID: cue, words: words, at: index, limit: upper) {
                switch hit.value {
                case "cite":
                    // "citing X": X speaks, also for the reporting verb just before ("Reuters reported, citing X").
                    if let attribution = published(from: hit.end, limit: upper) {
                        if lastVerbEntry >= 0, index - lastVerbEnd <= 4 {
                            found[lastVerbEntry].1 = attribution
                        } else {
                            found.append((index, attribution))
                        }
                    }
                case "source":
                    // "a statement by X", "figures from X": X speaks, with no verb of its own.
                    if let attribution = published(from: hit.end, limit: upper) { found.append((index, attribution)) }
                case "quoted":
                    // "X quoted Y as saying": Y; "Y was quoted as saying": Y.
                    if let phrase = reader.forward(from: hit.end, limit: upper).flatMap(reader.speaker) {
                        found.append((index, .named(phrase)))
                    } else if let attribution = speaker(before: index, in: range) {
                        found.append((index, attribution))
                    }
                case "evidence":
                    if let phrase = publisher(before: index, in: range) { found.append((index, .named(phrase))) }
                case "put":
                    // "officials put the toll at 3,000": a figure put by someone is theirs; "put pressure on" is not.
                    if putsAFigure(after: hit.end, limit: upper), let attribution = speaker(ofVerbAt: index, end: hit.end, in: range, nameAfter: false) {
                        found.append((index, attribution))
                        lastVerbEnd = hit.end
                        lastVerbEntry = found.count - 1
                    }
                case "told":
                    // "X told Y": X, never the one told.
                    if let attribution = speaker(ofVerbAt: index, end: hit.end, in: range, nameAfter: false) {
                        found.append((index, attribution))
                        lastVerbEnd = hit.end
                        lastVerbEntry = found.count - 1
                    }
                default:
                    break
                }
                index = hit.end
                continue
            }
            if speechVerb >= 0, lexicon.startsPhrase(of: speechVerb, with: word),
                let hit = lexicon.longest(classID: speechVerb, words: words, at: index, limit: upper)
            {
                if let attribution = speaker(ofVerbAt: index, end: hit.end, in: range) {
                    found.append((index, attribution))
                    lastVerbEnd = hit.end
                    lastVerbEntry = found.count - 1
                }
                index = hit.end
                continue
            }
            index += 1
        }
        return quoted
    }

    /// The speaker named by a phrase starting at `start` after "according to" or "citing": "figures from
    /// the ministry", "a statement from the ministry" are the ministry's; "the statement" points back.
    private func published(from start: Int, limit: Int) -> Attribution? {
        // "according to him.": the last person named, as "he said" is.
        if start < limit, start + 1 == limit || probe.tokens[start + 1].kind == .punct, let kind = probe.value(in: vocabulary.pronouns, start) {
            switch kind {
            case "person": return .pronoun(.person)
            case "group": return .pronoun(.group)
            default: return nil
            }
        }
        guard let range = reader.forward(from: start, limit: limit) else { return nil }
        if reader.endsInEvidence(range) || reader.endsInAnaphor(range), range.upperBound + 1 < limit,
            probe.isIn(SpeakerResolver.publishedBy, range.upperBound),
            let source = reader.forward(from: range.upperBound + 1, limit: limit).flatMap(reader.speaker)
        {
            return .named(source)
        }
        if reader.isAnaphor(range) { return .anaphor(reader.text(range)) }
        // "according to the spokesperson for the ministry, Lt Tarek Saleh,": the person in apposition.
        if reader.isRole(range), range.upperBound + 1 < limit, probe.isPunct(range.upperBound, UInt8(ascii: ",")),
            let name = reader.forward(from: range.upperBound + 1, limit: limit), closesClause(name.upperBound, in: range.lowerBound..<limit),
            let person = reader.speaker(name), person.kind == .person || person.kind == .name, !reader.isRole(name)
        {
            return .named(person)
        }
        return reader.speaker(range).map { .named($0) }
    }

    /// Whether what is put is a figure: within three words an evidence noun ("the toll", "that number")
    /// and then "at" before the clause ends.
    private func putsAFigure(after start: Int, limit: Int) -> Bool {
        var index = start
        while index < limit, index < start + 3, reader.part(index) != .evidence { index += 1 }
        guard index < limit, index < start + 3 else { return false }
        var at = index + 1
        while at < limit, at <= index + 8, tokens[at].kind != .number {
            if probe.lowerIs(at, "at", hash: SpeakerResolver.atHash) { return true }
            at += 1
        }
        return false
    }
    private static let atHash = WordHash.of("at")
    /// Words that label a picture's credit before a colon ("Credit: ..."), where "Credit" may still be part of a name elsewhere.
    static let creditLabels = WordHashSet(["credit", "credits", "courtesy", "source"])

    /// The last word of a verb's subject: the word before it, past up to two adverbs and auxiliaries
    /// ("He also said", "officials had earlier said") and a time phrase ("Doctors on Saturday said").
    private func subjectEnd(before verb: Int, in range: Range<Int>) -> Int {
        var left = verb - 1
        var skipped = 0
        while skipped < 3, left > range.lowerBound {
            if probe.isIn(SpeakerResolver.adverbs, left) {
                left -= 1
            } else if let start = timePhraseStart(endingAt: left, floor: range.lowerBound + 1) {
                left = start - 1
            } else {
                break
            }
            skipped += 1
        }
        return left
    }

    /// Where a time phrase ending at `end` starts: "on Saturday", "on June 14", "on 14 June", "Saturday", "yesterday".
    private func timePhraseStart(endingAt end: Int, floor: Int) -> Int? {
        var index = end
        if index > floor, tokens[index].kind == .number { index -= 1 }
        guard index >= floor, probe.isIn(SpeakerResolver.timeWords, index) else { return nil }
        if index - 1 >= floor, tokens[index - 1].kind == .number { index -= 1 }
        if index - 1 >= floor, probe.lowerIs(index - 1, "on", hash: SpeakerResolver.onHash) { index -= 1 }
        return index
    }
    private static let onHash = WordHash.of("on")
    private static let asHash = WordHash.of("as")
    /// Days and months that date a statement between its speaker and the verb.
    static let timeWords = WordHashSet([
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    ])

    /// "the ministry's figures showed", "figures from the ministry show": who published them.
    private func publisher(before verb: Int, in range: Range<Int>) -> SpeakerPhrase? {
        let left = subjectEnd(before: verb, in: range)
        guard let phrase = reader.backward(endingAt: left, floor: range.lowerBound) else { return nil }
        if reader.endsInEvidence(phrase) { return reader.speaker(phrase) }
        // "figures from the ministry": the word before the phrase (after a determiner) links it to the figures.
        var before = phrase.lowerBound - 1
        if before >= range.lowerBound, probe.isIn(SpeakerPhraseReader.determiners, before) { before -= 1 }
        guard before - 1 >= range.lowerBound, probe.isIn(SpeakerResolver.publishedBy, before),
            reader.part(before - 1) == .evidence
        else { return nil }
        return reader.speaker(phrase)
    }

    /// The speaker standing before a verb: a pronoun, an anaphor ("the statement"), or a phrase.
    private func speaker(before verb: Int, in range: Range<Int>) -> Attribution? {
        let left = subjectEnd(before: verb, in: range)
        guard left >= range.lowerBound else { return nil }
        if let kind = probe.value(in: vocabulary.pronouns, left) {
            // "we estimate" outside a quotation is the author's own voice: no speaker.
            switch kind {
            case "person": return .pronoun(.person)
            case "group": return .pronoun(.group)
            default: return nil
            }
        }
        // "the Israel Defense Forces (IDF) said": the short name.
        if probe.isPunct(left, UInt8(ascii: ")")), left - 2 >= range.lowerBound, probe.isPunct(left - 2, UInt8(ascii: "(")),
            reader.part(left - 1) == .name || isAcronym(left - 1)
        {
            return .named(SpeakerPhrase(name: tokens[left - 1].text, kind: .group))
        }
        guard let phrase = reader.backward(endingAt: left, floor: range.lowerBound) else { return nil }
        if reader.isAnaphor(phrase) { return .anaphor(reader.text(phrase)) }
        return reader.speaker(phrase).map { .named($0) }
    }

    /// The agent of a verb ending at `end`: the speaker after a "by" right after it or one word later
    /// ("reported by the Harbour Office", "confirmed dead by the army").
    private func agent(after end: Int, in range: Range<Int>) -> SpeakerPhrase? {
        // "by" needs a word after it, within the clause.
        let stop = min(end + 2, range.upperBound - 1)
        guard end < stop, let by = (end..<stop).first(where: { probe.lowerIs($0, "by", hash: SpeakerResolver.byHash) }) else { return nil }
        return reader.forward(from: by + 1, limit: range.upperBound).flatMap(reader.speaker)
    }

    /// The speaker of a reporting verb: before it, else (when `nameAfter`) after it ("..., said the ministry").
    private func speaker(ofVerbAt verb: Int, end: Int, in range: Range<Int>, nameAfter: Bool = true) -> Attribution? {
        // "was reported", "were told": a passive names its speaker only after "by".
        if verb > range.lowerBound, probe.isIn(SpeakerResolver.passive, verb - 1) {
            // "were confirmed dead by the army": one word may stand between the verb and "by".
            return agent(after: end, in: range).map { .named($0) }
        }
        let left = subjectEnd(before: verb, in: range)
        let afterPunctuation = left < range.lowerBound || tokens[left].kind == .punct
        if left >= range.lowerBound, !probe.isPunct(left, UInt8(ascii: ",")), let attribution = speaker(before: verb, in: range) {
            return attribution
        }
        // "..., said the ministry": a name after the verb, where the clause ends ("said Israel had freed" is no speaker).
        if nameAfter, afterPunctuation, let phrase = reader.forward(from: end, limit: range.upperBound), closesClause(phrase.upperBound, in: range) {
            if reader.isAnaphor(phrase) { return .anaphor(reader.text(phrase)) }
            if let speaker = reader.speaker(phrase) { return .named(speaker) }
        }
        // "34 bodies confirmed dead by the army", "The update, reported by the Harbour Office, said": the agent
        // speaks; "X said, as reported by Y" is Y relaying X.
        if verb == range.lowerBound || !probe.lowerIs(verb - 1, "as", hash: SpeakerResolver.asHash), let speaker = agent(after: end, in: range) {
            return .named(speaker)
        }
        guard left >= range.lowerBound, probe.isPunct(left, UInt8(ascii: ",")) else { return nil }
        // "Ukrainian President Zelenskyy, speaking from Vilnius, said", "Thailand's Prime Minister, Srettha
        // Thavisin, said", "Speaking earlier, Dr Ana Ruiz, professor of surgery, said": the name that stands
        // between two commas (or opens the sentence) nearest the verb; a role only when no name does.
        var bare: SpeakerPhrase?
        var role: SpeakerPhrase?
        var comma = left
        var commas = 0
        while comma >= range.lowerBound, commas < 4 {
            var boundary = comma - 1
            while boundary >= range.lowerBound, !probe.isPunct(boundary, UInt8(ascii: ",")) { boundary -= 1 }
            // "..., while Severtrans, the shipping group, reported": a conjunction opens the clause.
            var start = boundary + 1
            if start < comma, probe.isIn(SpeakerResolver.conjunctions, start) { start += 1 }
            // "Israel on Saturday, January 25, said": the name may carry a time phrase up to its comma.
            if let phrase = reader.forward(from: start, limit: comma),
                phrase.upperBound == comma || timePhraseStart(endingAt: comma - 1, floor: phrase.upperBound) == phrase.upperBound,
                let speaker = reader.speaker(phrase)
            {
                if reader.isRole(phrase) {
                    if role == nil { role = speaker }
                } else if speaker.kind == .name {
                    // One bare name may be a place in apposition ("in Vilnius, Lithuania,"): only if nothing better.
                    if bare == nil { bare = speaker }
                } else if speaker.kind != .record {
                    return .named(speaker)
                }
            }
            comma = boundary
            commas += 1
        }
        if let bare { return .named(bare) }
        if let role { return .named(role) }
        // "..., the agency's director, Samir Vahdat, told": the name just before the comma.
        return left - 1 >= range.lowerBound ? speaker(before: left, in: range) : nil
    }

    /// An all-capital word of two letters or more ("WHO", "IDF"): a short name even where it spells a word.
    private func isAcronym(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.kind == .word && token.text.utf8.count >= 2 && token.text.utf8.allSatisfy { $0 &- 0x41 < 26 }
    }

    /// Whether a name after a reporting verb ends its clause: the sentence or a punctuation mark, or a time
    /// or manner phrase follows ("said the ministry on Monday", "said Umerov, who led the talks").
    private func closesClause(_ index: Int, in range: Range<Int>) -> Bool {
        index >= range.upperBound || tokens[index].kind == .punct || probe.isIn(SpeakerResolver.clauseEnders, index)
    }

    static let conjunctions = WordHashSet(["while", "and", "but", "whereas", "as", "although", "though"])
    static let clauseEnders = WordHashSet([
        "on", "in", "at", "during", "after", "before", "late", "earlier", "later", "yesterday", "today", "who", "which", "adding",
        "citing", "quoting", "according", "as", "when", "while", "last", "this",
    ])

    /// The person named at the start of the paragraph, for a pronoun with no antecedent.
    private func openingName(of sentence: Sentence) -> String? {
        guard let first = sentences.first(where: { $0.paragraph == sentence.paragraph }) else { return nil }
        return reader.forward(from: first.tokens.lowerBound, limit: first.tokens.upperBound).flatMap(reader.speaker)?.name
    }

    /// Per sentence, how many quote marks it has (counted once, when first asked).
    private struct QuoteCounts {
        var counts: [Int32]
        init(count: Int) { counts = [Int32](repeating: -1, count: count) }
    }

    private func quoteMarks(in index: Int, _ quotes: inout QuoteCounts) -> Int32 {
        if quotes.counts[index] >= 0 { return quotes.counts[index] }
        var marks: Int32 = 0
        for t in sentences[index].tokens where probe.isPunct(t, UInt8(ascii: "\"")) { marks += 1 }
        quotes.counts[index] = marks
        return marks
    }

    /// Whether the sentence opens inside a quotation: it starts with a quote mark, or an earlier
    /// sentence of its paragraph left a quotation open.
    private func startsInsideQuote(_ index: Int, _ quotes: inout QuoteCounts) -> Bool {
        let sentence = sentences[index]
        if probe.isPunct(sentence.tokens.lowerBound, UInt8(ascii: "\"")) { return true }
        var marks: Int32 = 0
        var previous = index - 1
        while previous >= 0, sentences[previous].paragraph == sentence.paragraph {
            marks += quoteMarks(in: previous, &quotes)
            previous -= 1
        }
        return marks % 2 == 1
    }
}
