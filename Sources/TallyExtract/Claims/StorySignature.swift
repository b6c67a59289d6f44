import TallyCore
import TallyMemory

/// The few proper names that say which story an article tells ("istanbul", "russia", "ukraine"),
/// so claims from unrelated stories on the same day are never compared.
///
/// Taken from the headline and opening paragraphs: capitalised words that do not open a sentence,
/// are not months, weekdays or titles, most frequent first. A party's or nationality's forms count as one
/// name (`SpeakerVocabulary.storyNames`): "Israeli" and "Israel" tell the same story.
enum StorySignature {
    static let paragraphs = 3
    static let size = 8
    static let stopWords = WordHashSet([
        "the", "a", "an", "and", "but", "in", "on", "at", "of", "for", "with", "from", "by", "to", "as", "this", "that",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "mrs", "ms", "dr",
        "president", "minister", "prime", "news", "photo", "image", "reuters", "ap", "afp", "said", "says", "it", "he", "she",
        "they", "we", "his", "her", "their", "its", "no", "yes", "after", "before", "while", "when", "why", "how", "what",
    ])

    /// A name counted so far: its word hash, how often it occurs, the token where it first occurs, and
    /// the canonical name it stands for (nil: the word itself).
    private struct Tally {
        var hash: UInt64
        var count: Int
        var first: Int
        var canonical: String?
    }

    static func words(probe: TokenLookup, titles: WordHashSet, names: WordHashTable<String>) -> [String] {
        let tokens = probe.tokens
        let stopWords = StorySignature.stopWords
        // Few distinct names per article: a list searched by hash beats a dictionary keyed by String.
        var tallies: [Tally] = []
        tallies.reserveCapacity(32)
        for sentence in probe.analysis.sentences where sentence.paragraph < paragraphs {
            guard sentence.tokens.count > 1 else { continue }
            for index in (sentence.tokens.lowerBound + 1)..<sentence.tokens.upperBound {
                guard isCapitalisedName(probe, index) else { continue }
                var hash = probe.hash(index)
                guard !stopWords.contains(hash: hash, tokens[index].lower), !titles.contains(hash: hash, tokens[index].lower) else { continue }
                let canonical = names.value(hash: hash, tokens[index].lower)
                if let canonical { hash = WordHash.of(canonical) }
                var known = 0
                while known < tallies.count, tallies[known].hash != hash || name(tallies[known], tokens) != (canonical ?? tokens[index].lower) { known += 1 }
                if known < tallies.count {
                    tallies[known].count += 1
                } else {
                    tallies.append(Tally(hash: hash, count: 1, first: index, canonical: canonical))
                }
            }
        }
        // A capitalised word the article also writes in lower case is a title-case headline's common
        // word ("Death Toll Rises", "More"), not a name: one such word shared made two stories one.
        let lowerCased = writtenInLowerCase(tallies.filter { $0.canonical == nil }.map(\.hash), probe)
        if !lowerCased.isEmpty { tallies.removeAll { $0.canonical == nil && lowerCased.contains($0.hash) } }
        // Most frequent first, then the earliest (each name has its own first token: a total order).
        tallies.sort { ($1.count, $0.first) < ($0.count, $1.first) }
        return tallies.prefix(size).map { name($0, tokens) }.sorted()
    }

    private static func name(_ tally: Tally, _ tokens: [Token]) -> String { tally.canonical ?? tokens[tally.first].lower }

    /// The hashes among `candidates` of words the document writes somewhere in lower case.
    private static func writtenInLowerCase(_ candidates: [UInt64], _ probe: TokenLookup) -> [UInt64] {
        var found: [UInt64] = []
        guard !candidates.isEmpty else { return found }
        // A 64-bit mask of the candidates' low hash bits turns away almost every token with one test;
        // the few names left are searched in a short list.
        var mask: UInt64 = 0
        for hash in candidates { mask |= 1 << (hash & 63) }
        let tokens = probe.tokens
        for index in tokens.indices {
            // The hash first: it is a plain integer, where the token's kind and first letter are in its String.
            let hash = probe.hash(index)
            guard mask & (1 << (hash & 63)) != 0, candidates.contains(hash), !found.contains(hash),
                tokens[index].kind == .word, probe.lead(index) &- 0x61 < 26
            else { continue }
            found.append(hash)
            if found.count == candidates.count { break }
        }
        return found
    }

    /// Whether token `index` is a word that starts with a capital and has at least three letters.
    static func isCapitalisedName(_ probe: TokenLookup, _ index: Int) -> Bool {
        let tokens = probe.tokens
        // A token's offsets count Unicode scalars, so `end - start` is its length in scalars.
        return tokens[index].kind == .word && tokens[index].end - tokens[index].start >= 3 && probe.isCapitalised(index)
    }

    /// Whether a word starts with a capital and has at least three letters (ASCII checked byte-wise).
    static func isCapitalisedName(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, utf8.count >= 3 else { return false }
        if first < 0x80 {
            guard first >= 0x41, first <= 0x5A else { return false }
        } else if text.unicodeScalars.first?.properties.isUppercase != true {
            return false
        }
        // Scalars are the bytes that do not continue a multibyte sequence.
        var scalars = 0
        for byte in utf8 where byte & 0xC0 != 0x80 { scalars += 1 }
        return scalars >= 3
    }
}
