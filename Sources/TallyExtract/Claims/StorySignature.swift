import TallyCore

/// The few proper names that say which story an article tells ("istanbul", "russia", "ukraine"),
/// so claims from unrelated stories on the same day are never compared.
///
/// Taken from the headline and opening paragraphs: capitalised words that do not open a sentence,
/// are not months, weekdays or titles, most frequent first.
enum StorySignature {
    static let paragraphs = 3
    static let size = 8
    static let stopWords: Set<String> = [
        "the", "a", "an", "and", "but", "in", "on", "at", "of", "for", "with", "from", "by", "to", "as", "this", "that",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "mrs", "ms", "dr",
        "president", "minister", "prime", "news", "photo", "image", "reuters", "ap", "afp", "said", "says", "it", "he", "she",
        "they", "we", "his", "her", "their", "its", "no", "yes", "after", "before", "while", "when", "why", "how", "what",
    ]

    static func words(tokens: [Token], sentences: [Sentence], titles: Set<String>) -> [String] {
        var counts: [String: (count: Int, first: Int)] = [:]
        for sentence in sentences where sentence.paragraph < paragraphs {
            for index in sentence.tokens where index > sentence.tokens.lowerBound {
                guard tokens[index].kind == .word, isCapitalisedName(tokens[index].text) else { continue }
                let lower = tokens[index].lower
                guard !stopWords.contains(lower), !titles.contains(lower) else { continue }
                let entry = counts[lower] ?? (0, index)
                counts[lower] = (entry.count + 1, entry.first)
            }
        }
        return counts.sorted { ($1.value.count, $0.value.first) < ($0.value.count, $1.value.first) }.prefix(size).map(\.key).sorted()
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
