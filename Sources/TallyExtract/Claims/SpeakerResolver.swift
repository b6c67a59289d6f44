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
    /// The `speech_verb` class, and the ids of "according" and "to".
    let speechVerb: Int?
    let according: Int32
    let to: Int32

    init(probe: TokenLookup, lexicon: LexiconIndex, vocabulary: SpeakerVocabulary, words: [Int32], speechVerb: Int?) {
        self.probe = probe
        self.sentences = probe.analysis.sentences
        self.lexicon = lexicon
        self.vocabulary = vocabulary
        self.words = words
        self.speechVerb = speechVerb
        according = lexicon.vocabulary.id(of: "according")
        to = lexicon.vocabulary.id(of: "to")
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
        case named(String)
        case pronoun
    }

    static let pronouns = WordHashSet(["he", "she", "they", "we", "i"])
    static let determiners = WordHashSet(["the", "a", "an"])
    static let adverbs = WordHashSet([
        "also", "later", "then", "earlier", "previously", "again", "further", "reportedly", "has", "had", "have", "had", "was",
        "repeatedly", "separately", "once", "now", "recently", "has also", "subsequently", "publicly", "privately", "initially",
    ])
    private static let sHash = WordHash.of("s")
    private static let possessiveHash = WordHash.of("'s")

    func resolve() -> Speakers {
        var speakers = Speakers(named: [], offsets: [], carried: [])
        speakers.offsets.reserveCapacity(sentences.count + 1)
        speakers.named.reserveCapacity(sentences.count / 2)
        var lastNamed: String?
        var found: [(Int, Attribution)] = []
        for sentence in sentences {
            speakers.offsets.append(speakers.named.count)
            found.removeAll(keepingCapacity: true)
            attributions(in: sentence, into: &found)
            for (position, attribution) in found {
                switch attribution {
                case .named(let name):
                    speakers.named.append((position, name))
                    lastNamed = name
                case .pronoun:
                    if let name = lastNamed ?? openingName(of: sentence) { speakers.named.append((position, name)) }
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
            }
            if carried[index] < 0, index > 0, sentences[index - 1].paragraph == paragraph {
                carried[index] = last(index - 1) ?? carried[index - 1]
            }
        }
        speakers.carried = carried
        return speakers
    }

    /// Reporting verbs of one sentence with the speaker each names.
    func attributions(in sentence: Sentence) -> [(Int, Attribution)] {
        var found: [(Int, Attribution)] = []
        attributions(in: sentence, into: &found)
        return found
    }

    private func attributions(in sentence: Sentence, into found: inout [(Int, Attribution)]) {
        let range = sentence.tokens
        let upper = range.upperBound
        let speechVerb = self.speechVerb ?? -1
        let words = self.words
        var index = range.lowerBound
        while index < upper {
            let word = words[index]
            if word == according, index + 1 < upper, words[index + 1] == to {
                if let name = nameChain(startingAt: index + 2, limit: upper) { found.append((index, .named(name))) }
                index += 2
                continue
            }
            // Most words start no reporting verb: test the class bit before walking the trie.
            if speechVerb >= 0, lexicon.startsPhrase(of: speechVerb, with: word),
                let hit = lexicon.longest(classID: speechVerb, words: words, at: index, limit: upper)
            {
                if let attribution = speaker(ofVerbAt: index, end: hit.end, in: range) { found.append((index, attribution)) }
                index = hit.end
                continue
            }
            index += 1
        }
    }

    private func speaker(ofVerbAt verb: Int, end: Int, in range: Range<Int>) -> Attribution? {
        var left = verb - 1
        // "He also said", "officials had earlier said": look past a couple of adverbs and auxiliaries.
        var skipped = 0
        while skipped < 2, left > range.lowerBound, probe.isIn(SpeakerResolver.adverbs, left) {
            left -= 1
            skipped += 1
        }
        let afterComma = left >= range.lowerBound && probe.isPunct(left, UInt8(ascii: ","))
        if afterComma {
            // "Ukrainian President Zelenskyy, speaking from Vilnius, said": the sentence's subject.
            if isFollowedByComma(subject: range.lowerBound, verb: verb), let subject = nameChain(startingAt: range.lowerBound, limit: verb) {
                return .named(subject)
            }
            left -= 1
        }
        if left >= range.lowerBound {
            if probe.isIn(SpeakerResolver.pronouns, left) { return .pronoun }
            if let name = nameChain(endingAt: left, floor: range.lowerBound) { return .named(name) }
        }
        if let name = nameChain(startingAt: end, limit: range.upperBound) { return .named(name) }
        return nil
    }

    /// Whether the sentence opens with a name followed by a comma (an appositive follows).
    private func isFollowedByComma(subject start: Int, verb: Int) -> Bool {
        var index = start
        while index < verb, tokens[index].kind == .word { index += 1 }
        return index < verb && probe.isPunct(index, UInt8(ascii: ","))
    }

    /// A run of capitalised words starting at `start` (titles before it skipped; a possessor such as
    /// "Russia's" in "Russia's lead negotiator Medinsky" dropped).
    private func nameChain(startingAt start: Int, limit: Int) -> String? {
        var index = start
        while index < limit, probe.isIn(SpeakerResolver.determiners, index) { index += 1 }
        // The name's words are the tokens chainStart..<index: each step extends the run, or empties it.
        var chainStart = index
        while index < limit {
            if probe.isCapitalisedWord(index) {
                // part of the name
            } else if probe.isPunct(index, UInt8(ascii: "'")) || probe.lowerIs(index, "s", hash: SpeakerResolver.sHash)
                || probe.lowerIs(index, "'s", hash: SpeakerResolver.possessiveHash)
            {
                chainStart = index + 1
            } else if tokens[index].kind == .word, chainStart == index, probe.isIn(vocabulary.titles, index) {
                // "said lead negotiator X"
                chainStart = index + 1
            } else {
                break
            }
            index += 1
        }
        if chainStart == index, start < limit, probe.isIn(vocabulary.nouns, start) { return tokens[start].lower }
        return surname(chainStart..<index)
    }

    /// A run of capitalised words ending at `end` (inclusive), or a speaking noun ("officials").
    private func nameChain(endingAt end: Int, floor: Int) -> String? {
        var index = end
        while index >= floor, probe.isCapitalisedWord(index) { index -= 1 }
        if index == end, probe.isIn(vocabulary.nouns, end) { return tokens[end].lower }
        return surname(index + 1..<end + 1)
    }

    /// The person named at the start of the paragraph, for a pronoun with no antecedent.
    private func openingName(of sentence: Sentence) -> String? {
        guard let first = sentences.first(where: { $0.paragraph == sentence.paragraph }) else { return nil }
        return nameChain(startingAt: first.tokens.lowerBound, limit: first.tokens.upperBound)
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

    /// The last name of a name chain (token indices), spelled as `speaker_alias` says; titles dropped.
    private func surname(_ chain: Range<Int>) -> String? {
        var index = chain.upperBound - 1
        while index >= chain.lowerBound {
            if !probe.isIn(vocabulary.titles, index), !probe.isIn(SpeakerResolver.pronouns, index) {
                return probe.value(in: vocabulary.aliases, index) ?? tokens[index].text
            }
            index -= 1
        }
        return nil
    }
}

/// Word lists the speaker resolver needs, read once per rule set from the lexicon — and, as this is
/// the claim layers' one per-rule-set value, the ids of the lexicon classes they use.
struct SpeakerVocabulary: Sendable {
    /// `speaker_title`: words that precede a name ("minister", "president", "negotiator").
    var titles: WordHashSet
    /// `speaker_alias`: spelling → canonical surname.
    var aliases: WordHashTable<String>
    /// `speaker_noun`: common nouns that speak ("officials", "ministry", "police").
    var nouns: WordHashSet
    /// The lexicon classes claim building uses (to be checked against the index: `ClaimClasses.resolved(in:)`).
    var classes: ClaimClasses

    init(lexicon: Lexicon) {
        classes = ClaimClasses(lexicon: lexicon)
        titles = WordHashSet(lexicon.phrases(of: "speaker_title").keys)
        aliases = WordHashTable(lexicon.phrases(of: "speaker_alias"))
        nouns = WordHashSet(lexicon.phrases(of: "speaker_noun").keys)
    }
}
