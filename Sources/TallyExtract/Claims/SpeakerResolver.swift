import TallyCore
import TallyNumerals

/// Who each sentence attributes its figures to: "X said", "said X", "X told reporters", "according to X",
/// and pronouns ("he said") carried from the paragraph's last named speaker.
///
/// Reporting verbs come from the lexicon class `speech_verb`; name spellings are unified by
/// `speaker_alias` (e.g. Zelenskyy → Zelensky).
struct SpeakerResolver {
    let tokens: [Token]
    let sentences: [Sentence]
    let lexicon: LexiconIndex
    private let titles: Set<String>
    private let aliases: [String: String]
    private let speakerNouns: Set<String>

    init(tokens: [Token], sentences: [Sentence], lexicon: LexiconIndex, vocabulary: SpeakerVocabulary) {
        self.tokens = tokens
        self.sentences = sentences
        self.lexicon = lexicon
        self.titles = vocabulary.titles
        self.aliases = vocabulary.aliases
        self.speakerNouns = vocabulary.nouns
    }

    /// One speaker (or nil) per sentence, carried across each paragraph where the sentence names none.
    func resolve() -> [String?] {
        var own = sentences.map { attribution(in: $0) }
        // Pronoun attributions ("he said") take the paragraph's most recent named speaker.
        var lastNamed: String?
        var paragraph = -1
        for (index, sentence) in sentences.enumerated() {
            if sentence.paragraph != paragraph {
                paragraph = sentence.paragraph
                lastNamed = nil
            }
            switch own[index] {
            case .named(let name)?: lastNamed = name
            case .pronoun?: own[index] = lastNamed.map { .named($0) }
            case nil: break
            }
        }
        var speakers: [String?] = own.map { if case .named(let name)? = $0 { return name } else { return nil } }
        // Unattributed sentences take the nearest attributed sentence of the same paragraph: a quote's
        // attribution often comes one or two sentences after the figure.
        for index in sentences.indices where speakers[index] == nil {
            let paragraph = sentences[index].paragraph
            var candidate: String?
            var step = 1
            while candidate == nil, step <= 3 {
                if index + step < sentences.count, sentences[index + step].paragraph == paragraph,
                    case .named(let name)? = own[index + step]
                {
                    candidate = name
                } else if index - step >= 0, sentences[index - step].paragraph == paragraph,
                    case .named(let name)? = own[index - step]
                {
                    candidate = name
                }
                step += 1
            }
            speakers[index] = candidate
        }
        return speakers
    }

    enum Attribution { case named(String), pronoun }

    static let pronouns: Set<String> = ["he", "she", "they", "we", "i", "it"]
    static let determiners: Set<String> = ["the", "a", "an"]

    /// The speaker a single sentence names, if any.
    func attribution(in sentence: Sentence) -> Attribution? {
        let range = sentence.tokens
        // "according to X"
        var index = range.lowerBound
        while index + 1 < range.upperBound {
            if tokens[index].lower == "according", tokens[index + 1].lower == "to",
                let name = nameChain(startingAt: index + 2, limit: range.upperBound)
            {
                return .named(name)
            }
            index += 1
        }
        for verb in range {
            guard let hit = lexicon.longest("speech_verb", in: tokens, at: verb, limit: range.upperBound) else { continue }
            // "X said" / "X, a minister, said": the name chain ending just before the verb.
            var left = verb - 1
            if left >= range.lowerBound, tokens[left].text == "," { left -= 1 }
            if left >= range.lowerBound {
                if SpeakerResolver.pronouns.contains(tokens[left].lower) { return .pronoun }
                if let name = nameChain(endingAt: left, floor: range.lowerBound) { return .named(name) }
            }
            // "said X"
            if let name = nameChain(startingAt: hit.end, limit: range.upperBound) { return .named(name) }
        }
        return nil
    }

    /// A run of capitalised words (titles and possessives allowed inside) starting at `start`.
    private func nameChain(startingAt start: Int, limit: Int) -> String? {
        var index = start
        while index < limit, SpeakerResolver.determiners.contains(tokens[index].lower) { index += 1 }
        var words: [String] = []
        while index < limit {
            let token = tokens[index]
            if token.kind == .word, isCapitalised(token) {
                words.append(token.text)
            } else if token.text == "'" || token.lower == "s" || token.lower == "'s" {
                words.removeAll()  // "Russia's lead negotiator Medinsky": the possessor is not the speaker
            } else if token.kind == .word, words.isEmpty, titles.contains(token.lower) {
                // "said Defence Minister X", "said lead negotiator X": titles before the name
            } else {
                break
            }
            index += 1
        }
        return surname(words)
    }

    /// A run of capitalised words ending at `end` (inclusive).
    private func nameChain(endingAt end: Int, floor: Int) -> String? {
        var index = end
        var words: [String] = []
        while index >= floor, tokens[index].kind == .word, isCapitalised(tokens[index]) {
            words.insert(tokens[index].text, at: 0)
            index -= 1
        }
        if words.isEmpty, index >= floor, tokens[index].kind == .word, !isCapitalised(tokens[index]) {
            // "officials said", "the ministry said": a common-noun speaker.
            let noun = tokens[index].lower
            if speakerNouns.contains(noun) { return noun }
        }
        return surname(words)
    }

    private func isCapitalised(_ token: Token) -> Bool {
        guard let first = token.text.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }

    /// The last name of a name chain, spelled as `speaker_alias` says; titles dropped.
    private func surname(_ words: [String]) -> String? {
        let names = words.filter { !titles.contains($0.lowercased()) && !SpeakerResolver.pronouns.contains($0.lowercased()) }
        guard let last = names.last else { return nil }
        return aliases[last.lowercased()] ?? last
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
