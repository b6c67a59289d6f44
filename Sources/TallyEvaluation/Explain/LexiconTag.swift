import TallyCore
import TallyExtract
import TallyNumerals

/// A lexicon phrase found in a sentence, for `tally explain`: which word classes a rule author's
/// patterns can see there.
public struct LexiconTag: Sendable, Hashable {
    public var tokens: Range<Int>
    public var className: String
    public var value: String
    public var text: String

    /// Every class's phrases in the token range, longest first from each position, sorted by position
    /// then class name.
    static func tags(in analysis: TextAnalysis, _ range: Range<Int>, _ index: LexiconIndex) -> [LexiconTag] {
        var tags: [LexiconTag] = []
        for name in index.lexicon.classNames {
            var position = range.lowerBound
            while position < range.upperBound {
                if let hit = index.longest(name, in: analysis.tokens, at: position, limit: range.upperBound) {
                    let text = analysis.slice(analysis.tokens[position].start, analysis.tokens[hit.end - 1].end)
                    tags.append(LexiconTag(tokens: position..<hit.end, className: name, value: hit.value, text: text))
                    position = hit.end
                } else {
                    position += 1
                }
            }
        }
        return tags.sorted { ($0.tokens.lowerBound, $0.className) < ($1.tokens.lowerBound, $1.className) }
    }
}
