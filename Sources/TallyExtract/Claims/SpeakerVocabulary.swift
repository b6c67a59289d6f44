import TallyMemory
import TallyNumerals

/// Word lists the speaker resolver needs, read once per rule set from the lexicon — and, as this is
/// the claim layers' one per-rule-set value, the ids of the lexicon classes they use.
///
/// Every list is a lexicon class of `rules/lexicon/speakers.yaml`: a rule author teaches attribution a
/// new word there, never in Swift.
struct SpeakerVocabulary: Sendable {
    /// `speaker_title`: words that precede a name ("minister", "president", "negotiator").
    var titles: WordHashSet
    /// `speaker_alias`: spelling → canonical name; a key may be a whole phrase ("associated press" → AP).
    var aliases: WordHashTable<String>
    /// `speaker_noun`: common nouns that speak ("officials", "ministry", "police").
    var nouns: WordHashSet
    /// `speaker_body`: nouns that end an organisation's name ("crescent", "office", "forces"); a name
    /// ending in one (or in a `speaker_noun`) is kept whole: "the Libyan Red Crescent".
    var bodies: WordHashSet
    /// `speaker_modifier`: lower-case words inside an organisation's name ("prison", "humanitarian").
    var modifiers: WordHashSet
    /// `speaker_evidence`: what an organisation publishes ("figures", "data", "count"): "the ministry's
    /// figures showed" is the ministry speaking.
    var evidence: WordHashSet
    /// `speaker_anaphor`: nouns that, alone, point back to the last speaker ("the statement said").
    var anaphors: WordHashSet
    /// `speaker_not_name`: capitalised words that are never a name (weekdays, months, function words).
    var notNames: WordHashSet
    /// `speaker_name_particle`: lower-case words inside a person's name ("al", "bin", "van").
    var particles: WordHashSet
    /// `speaker_pronoun`: pronoun → `person` or `group` (which earlier speaker it points back to), or
    /// `author` (the writer's own voice outside a quotation: no speaker).
    var pronouns: WordHashTable<String>
    static let defaultPronouns = ["he": "person", "she": "person", "it": "group", "they": "group", "we": "author", "i": "author"]
    /// The lexicon classes claim building uses (to be checked against the index: `ClaimClasses.resolved(in:)`).
    var classes: ClaimClasses
    /// One-word forms of a `party` or `nationality` → the name a story signature keeps ("israeli",
    /// "israelis" → "israel"; "thais" → "thai"), so articles that say "Israeli" and "Israel" share a name.
    var storyNames: WordHashTable<String>
    /// Every list above a word is in, for one probe per word where phrase reading asks of each in turn.
    var kinds: WordHashTable<WordKinds>

    /// The word lists a word belongs to.
    struct WordKinds: OptionSet, Sendable {
        let rawValue: UInt16
        static let pronoun = WordKinds(rawValue: 1 << 0)
        static let determiner = WordKinds(rawValue: 1 << 1)
        static let notName = WordKinds(rawValue: 1 << 2)
        static let head = WordKinds(rawValue: 1 << 3)  // a speaking noun, an organisation's last word or an anaphor
        static let evidence = WordKinds(rawValue: 1 << 4)
        static let title = WordKinds(rawValue: 1 << 5)
        static let particle = WordKinds(rawValue: 1 << 6)
        static let modifier = WordKinds(rawValue: 1 << 7)
    }

    init(lexicon: Lexicon) {
        classes = ClaimClasses(lexicon: lexicon)
        titles = WordHashSet(lexicon.phrases(of: "speaker_title").keys)
        aliases = WordHashTable(lexicon.phrases(of: "speaker_alias"))
        nouns = WordHashSet(lexicon.phrases(of: "speaker_noun").keys)
        bodies = WordHashSet(lexicon.phrases(of: "speaker_body").keys)
        modifiers = WordHashSet(lexicon.phrases(of: "speaker_modifier").keys)
        evidence = WordHashSet(lexicon.phrases(of: "speaker_evidence").keys)
        anaphors = WordHashSet(lexicon.phrases(of: "speaker_anaphor").keys)
        notNames = WordHashSet(lexicon.phrases(of: "speaker_not_name").keys)
        particles = WordHashSet(lexicon.phrases(of: "speaker_name_particle").keys)
        // A lexicon without the class still never makes a pronoun a speaker.
        let pronouns = lexicon.phrases(of: "speaker_pronoun")
        self.pronouns = WordHashTable(pronouns.isEmpty ? SpeakerVocabulary.defaultPronouns : pronouns)
        var kinds: [String: WordKinds] = [:]
        func add(_ words: some Sequence<String>, _ kind: WordKinds) { for word in words { kinds[word, default: []].insert(kind) } }
        add(self.pronouns.keys, .pronoun)
        add(SpeakerPhraseReader.determinerWords, .determiner)
        add(notNames.keys, .notName)
        add(nouns.keys, .head)
        add(bodies.keys, .head)
        add(anaphors.keys, .head)
        add(evidence.keys, .evidence)
        add(titles.keys, .title)
        add(particles.keys, .particle)
        add(modifiers.keys, .modifier)
        self.kinds = WordHashTable(kinds)
        storyNames = WordHashTable(SpeakerVocabulary.storyNames(lexicon))
    }

    /// Each one-word form of a party or nationality → its party's name (else its nationality's), lowercased.
    /// Lower-case values ("government", "foreign") are groups, not names, and are left out.
    static func storyNames(_ lexicon: Lexicon) -> [String: String] {
        let parties = lexicon.phrases(of: "party").filter { StorySignature.isCapitalisedName($0.value) }
        let nationalities = lexicon.phrases(of: "nationality").filter { StorySignature.isCapitalisedName($0.value) }
        var names: [String: String] = [:]
        for (form, nationality) in nationalities where !form.contains(" ") {
            names[form] = (parties[nationality.lowercased()] ?? nationality).lowercased()
        }
        for (form, party) in parties where !form.contains(" ") { names[form] = party.lowercased() }
        return names
    }
}
