import TallyCore
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
struct SpeakerResolver {
    let tokens: [Token]
    let sentences: [Sentence]
    let lexicon: LexiconIndex
    let vocabulary: SpeakerVocabulary
    /// Word ids of `tokens`.
    let words: [Int32]
    /// The `speech_verb` class, and the ids of "according" and "to".
    let speechVerb: Int?
    let according: Int32
    let to: Int32

    init(tokens: [Token], sentences: [Sentence], lexicon: LexiconIndex, vocabulary: SpeakerVocabulary, words: [Int32]) {
        self.tokens = tokens
        self.sentences = sentences
        self.lexicon = lexicon
        self.vocabulary = vocabulary
        self.words = words
        speechVerb = lexicon.classID("speech_verb")
        according = lexicon.vocabulary.id(of: "according")
        to = lexicon.vocabulary.id(of: "to")
    }

    /// Speakers of one document: per sentence, the attributions in it and the speaker carried in.
    struct Speakers {
        var mentions: [[(position: Int, name: String)]]
        var carried: [String?]

        /// The speaker of a figure starting at token `index` of sentence `sentence`.
        func speaker(at index: Int, sentence: Int) -> String? {
            let here = mentions[sentence]
            if let before = here.last(where: { $0.position <= index }) { return before.name }
            if let after = here.first { return after.name }
            return carried[sentence]
        }
    }

    enum Attribution {
        case named(String)
        case pronoun
    }

    static let pronouns: Set<String> = ["he", "she", "they", "we", "i"]
    static let determiners: Set<String> = ["the", "a", "an"]
    static let adverbs: Set<String> = [
        "also", "later", "then", "earlier", "previously", "again", "further", "reportedly", "has", "had", "have", "had", "was",
        "repeatedly", "separately", "once", "now", "recently", "has also", "subsequently", "publicly", "privately", "initially",
    ]

    func resolve() -> Speakers {
        var mentions: [[(position: Int, name: String)]] = []
        var lastNamed: String?
        for sentence in sentences {
            var resolved: [(position: Int, name: String)] = []
            for (position, attribution) in attributions(in: sentence) {
                switch attribution {
                case .named(let name):
                    resolved.append((position, name))
                    lastNamed = name
                case .pronoun:
                    if let name = lastNamed ?? openingName(of: sentence) { resolved.append((position, name)) }
                }
            }
            mentions.append(resolved)
        }
        var carried = [String?](repeating: nil, count: sentences.count)
        for index in sentences.indices where mentions[index].isEmpty {
            let paragraph = sentences[index].paragraph
            if startsInsideQuote(index) {
                var next = index + 1
                while next < sentences.count, sentences[next].paragraph == paragraph, next <= index + 3 {
                    if let last = mentions[next].last { carried[index] = last.name; break }
                    next += 1
                }
            }
            if carried[index] == nil, index > 0, sentences[index - 1].paragraph == paragraph {
                carried[index] = mentions[index - 1].last?.name ?? carried[index - 1]
            }
        }
        return Speakers(mentions: mentions, carried: carried)
    }

    /// Reporting verbs of one sentence with the speaker each names.
    func attributions(in sentence: Sentence) -> [(Int, Attribution)] {
        let range = sentence.tokens
        var found: [(Int, Attribution)] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if index + 1 < range.upperBound, words[index] == according, words[index + 1] == to {
                if let name = nameChain(startingAt: index + 2, limit: range.upperBound) { found.append((index, .named(name))) }
                index += 2
                continue
            }
            if let speechVerb, let hit = lexicon.longest(classID: speechVerb, words: words, at: index, limit: range.upperBound) {
                if let attribution = speaker(ofVerbAt: index, end: hit.end, in: range) { found.append((index, attribution)) }
                index = hit.end
                continue
            }
            index += 1
        }
        return found
    }

    private func speaker(ofVerbAt verb: Int, end: Int, in range: Range<Int>) -> Attribution? {
        var left = verb - 1
        // "He also said", "officials had earlier said": look past a couple of adverbs and auxiliaries.
        var skipped = 0
        while skipped < 2, left > range.lowerBound, SpeakerResolver.adverbs.contains(tokens[left].lower) {
            left -= 1
            skipped += 1
        }
        let afterComma = left >= range.lowerBound && tokens[left].text == ","
        if afterComma {
            // "Ukrainian President Zelenskyy, speaking from Vilnius, said": the sentence's subject.
            if let subject = nameChain(startingAt: range.lowerBound, limit: verb), isFollowedByComma(subject: range.lowerBound, verb: verb) {
                return .named(subject)
            }
            left -= 1
        }
        if left >= range.lowerBound {
            if SpeakerResolver.pronouns.contains(tokens[left].lower) { return .pronoun }
            if let name = nameChain(endingAt: left, floor: range.lowerBound) { return .named(name) }
        }
        if let name = nameChain(startingAt: end, limit: range.upperBound) { return .named(name) }
        return nil
    }

    /// Whether the sentence opens with a name followed by a comma (an appositive follows).
    private func isFollowedByComma(subject start: Int, verb: Int) -> Bool {
        var index = start
        while index < verb, tokens[index].kind == .word { index += 1 }
        return index < verb && tokens[index].text == ","
    }

    /// A run of capitalised words starting at `start` (titles before it skipped; a possessor such as
    /// "Russia's" in "Russia's lead negotiator Medinsky" dropped).
    private func nameChain(startingAt start: Int, limit: Int) -> String? {
        var index = start
        while index < limit, SpeakerResolver.determiners.contains(tokens[index].lower) { index += 1 }
        var words: [String] = []
        while index < limit {
            let token = tokens[index]
            if token.kind == .word, isCapitalised(token) {
                words.append(token.text)
            } else if token.text == "'" || token.lower == "s" || token.lower == "'s" {
                words.removeAll()
            } else if token.kind == .word, words.isEmpty, vocabulary.titles.contains(token.lower) {
                // "said lead negotiator X"
            } else {
                break
            }
            index += 1
        }
        if words.isEmpty, start < limit, vocabulary.nouns.contains(tokens[start].lower) { return tokens[start].lower }
        return surname(words)
    }

    /// A run of capitalised words ending at `end` (inclusive), or a speaking noun ("officials").
    private func nameChain(endingAt end: Int, floor: Int) -> String? {
        var index = end
        var words: [String] = []
        while index >= floor, tokens[index].kind == .word, isCapitalised(tokens[index]) {
            words.insert(tokens[index].text, at: 0)
            index -= 1
        }
        if words.isEmpty, vocabulary.nouns.contains(tokens[end].lower) { return tokens[end].lower }
        return surname(words)
    }

    /// The person named at the start of the paragraph, for a pronoun with no antecedent.
    private func openingName(of sentence: Sentence) -> String? {
        guard let first = sentences.first(where: { $0.paragraph == sentence.paragraph }) else { return nil }
        return nameChain(startingAt: first.tokens.lowerBound, limit: first.tokens.upperBound)
    }

    /// Whether the sentence opens inside a quotation: it starts with a quote mark, or an earlier
    /// sentence of its paragraph left a quotation open.
    private func startsInsideQuote(_ index: Int) -> Bool {
        let sentence = sentences[index]
        if tokens[sentence.tokens.lowerBound].text == "\"" { return true }
        var marks = 0
        var previous = index - 1
        while previous >= 0, sentences[previous].paragraph == sentence.paragraph {
            for t in sentences[previous].tokens where tokens[t].text == "\"" { marks += 1 }
            previous -= 1
        }
        return marks % 2 == 1
    }

    private func isCapitalised(_ token: Token) -> Bool {
        guard let first = token.text.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }

    /// The last name of a name chain, spelled as `speaker_alias` says; titles dropped.
    private func surname(_ words: [String]) -> String? {
        let names = words.filter { !vocabulary.titles.contains($0.lowercased()) && !SpeakerResolver.pronouns.contains($0.lowercased()) }
        guard let last = names.last else { return nil }
        return vocabulary.aliases[last.lowercased()] ?? last
    }
}

/// Word lists the speaker resolver needs, read once per rule set from the lexicon.
struct SpeakerVocabulary: Sendable {
    /// `speaker_title`: words that precede a name ("minister", "president", "negotiator").
    var titles: Set<String>
    /// `speaker_alias`: spelling → canonical surname.
    var aliases: [String: String]
    /// `speaker_noun`: common nouns that speak ("officials", "ministry", "police").
    var nouns: Set<String>

    init(lexicon: Lexicon) {
        titles = Set(lexicon.phrases(of: "speaker_title").keys)
        aliases = lexicon.phrases(of: "speaker_alias")
        nouns = Set(lexicon.phrases(of: "speaker_noun").keys)
    }
}
