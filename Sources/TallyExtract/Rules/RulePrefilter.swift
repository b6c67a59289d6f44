import TallyMemory

/// Tables, built once per rule set, that let the extractor rule out with a few bit operations per
/// token the rules a sentence cannot match and the positions where a rule cannot start.
///
/// Rules are bits in rows of `stride` 64-bit words. Every answer may be "maybe" but never a wrong
/// "no": the matcher has the last word.
struct RulePrefilter: Sendable {
    /// 64-bit words per row of rule bits.
    let stride: Int
    /// Word id → the rules a match of which can start with that word (`stride` words per id).
    private let startRulesByWord: [UInt64]
    /// Rules that can start at a number mention.
    private let quantityStartRules: [UInt64]
    /// Rules that can start anywhere.
    private let anyStartRules: [UInt64]
    /// Rules whose first words include words the vocabulary lacks: their bit is set at every token, a
    /// "maybe" that `PatternMatcher.canStart` settles.
    private let textStartRules: [UInt64]
    /// Word id → its bit among all rules' required words (the 64th and later share the last bit).
    private let requiredWordBits: [UInt64]
    /// Rule k's required groups are `groups[groupStarts[k]..<groupStarts[k + 1]]`: each the bits of its
    /// words and its lexicon classes, one of which a sentence must have.
    private let groupStarts: [Int]
    private let groups: [(words: UInt64, classes: ClassMask)]

    init(_ rules: [CompiledRule], lexicon: LexiconIndex) {
        let stride = max(1, (rules.count + 63) / 64)
        let vocabularySize = lexicon.vocabulary.count
        var byWord = [UInt64](repeating: 0, count: vocabularySize * stride)
        var quantity = [UInt64](repeating: 0, count: stride)
        var any = [UInt64](repeating: 0, count: stride)
        var texts = [UInt64](repeating: 0, count: stride)
        for (index, rule) in rules.enumerated() {
            let word = index >> 6, bit: UInt64 = 1 << UInt64(index & 63)
            let filter = rule.program.start
            if filter.anyPosition { any[word] |= bit }
            if filter.quantity { quantity[word] |= bit }
            if !filter.texts.isEmpty { texts[word] |= bit }
            for id in 0..<vocabularySize {
                let wordID = Int32(id)
                if filter.startsWith(word: wordID) {
                    byWord[id * stride + word] |= bit
                }
            }
        }
        var bits = [UInt64](repeating: 0, count: vocabularySize)
        var next = 0
        var groupStarts = [0]
        var groups: [(words: UInt64, classes: ClassMask)] = []
        for rule in rules {
            for group in rule.requiredGroups {
                var mask: UInt64 = 0
                for id in group.words {
                    if bits[Int(id)] == 0 {
                        bits[Int(id)] = 1 << UInt64(min(next, 63))
                        next += 1
                    }
                    mask |= bits[Int(id)]
                }
                groups.append((mask, group.classes))
            }
            groupStarts.append(groups.count)
        }
        self.groupStarts = groupStarts
        self.groups = groups
        self.stride = stride
        startRulesByWord = byWord
        quantityStartRules = quantity
        anyStartRules = any
        textStartRules = texts
        requiredWordBits = bits
    }

    /// What a stretch of tokens offers the prefilters: the bits of the required words it has, and the
    /// lexicon classes that can start in it.
    struct SentenceFeatures {
        var words: UInt64 = 0
        var classes = ClassMask()
    }

    /// Fills, per token of `range` from its first, `starts` (`stride` words each), `tokenWords` and
    /// `tokenClasses` (what `window` reads), and `startUnion` with the union of the `starts` rows (the
    /// rules that may start anywhere in the range, see `mayStart`); returns the sentence's features.
    func features(
        of range: Range<Int>, in input: MatchInput, starts: ScratchBuffer<UInt64>, startUnion: ScratchBuffer<UInt64>,
        tokenWords: ScratchBuffer<UInt64>, tokenClasses: ScratchBuffer<ClassMask>
    ) -> SentenceFeatures {
        starts.reserve(range.count * stride, filling: 0)
        startUnion.reserve(stride, filling: 0)
        startUnion.fill(0, count: stride)
        tokenWords.reserve(range.count, filling: 0)
        tokenClasses.reserve(range.count, filling: ClassMask())
        let lexicon = input.lexicon
        return input.words.withView { allWords in
            input.quantityStarting.withView { allQuantityStarting in
                startRulesByWord.withView { byWord in
                    requiredWordBits.withView { requiredBits in
                        var features = SentenceFeatures()
                        var row = 0
                        // The sentence's own words, indexed from 0 (the loop's bound is their count).
                        let words = allWords.slice(range)
                        let quantityStarting = allQuantityStarting.slice(range)
                        precondition(quantityStarting.count == words.count)
                        for relative in 0..<words.count {
                            let word = words[relative]
                            let mention = quantityStarting[relative] >= 0
                            if stride == 1 {
                                var bits = anyStartRules[0] | textStartRules[0]
                                if word >= 0 { bits |= byWord[Int(word)] }
                                if mention { bits |= quantityStartRules[0] }
                                starts[row] = bits
                                startUnion[0] |= bits
                            } else {
                                for column in 0..<stride {
                                    var bits = anyStartRules[column] | textStartRules[column]
                                    if word >= 0 { bits |= byWord[Int(word) * stride + column] }
                                    if mention { bits |= quantityStartRules[column] }
                                    starts[row + column] = bits
                                    startUnion[column] |= bits
                                }
                            }
                            if word >= 0 {
                                let bits = requiredBits[Int(word)], classes = lexicon.classesStarting(with: word)
                                features.words |= bits
                                features.classes.formUnion(classes)
                                tokenWords[relative] = bits
                                tokenClasses[relative] = classes
                            } else {
                                tokenWords[relative] = 0
                                tokenClasses[relative] = ClassMask()
                            }
                            row += stride
                        }
                        return features
                    }
                }
            }
        }
    }

    /// Whether a sentence with these features has something of every group a match of the rule contains.
    @inline(__always)
    func sentence(_ features: SentenceFeatures, mayMatch rule: Int) -> Bool {
        for index in groupStarts[rule]..<groupStarts[rule + 1] {
            let group = groups[index]
            if group.words & features.words == 0, !group.classes.intersects(features.classes) { return false }
        }
        return true
    }

    /// Whether tokens `window` (relative to the sentence's first) have something of every group a match
    /// of the rule contains, per the rows `features` filled.
    @inline(__always)
    func window(
        _ window: Range<Int>, mayMatch rule: Int, tokenWords: ScratchBuffer<UInt64>, tokenClasses: ScratchBuffer<ClassMask>
    ) -> Bool {
        let groupRange = groupStarts[rule]..<groupStarts[rule + 1]
        if groupRange.isEmpty { return true }
        var found = SentenceFeatures()
        for index in window {
            found.words |= tokenWords[index]
            found.classes.formUnion(tokenClasses[index])
        }
        return sentence(found, mayMatch: rule)
    }

    /// Whether the rule's first words include words the vocabulary lacks, so that a start needs
    /// `PatternMatcher.canStart` to be sure.
    func startsByText(_ rule: Int) -> Bool { textStartRules[rule >> 6] & (1 << UInt64(rule & 63)) != 0 }

    /// Whether a rule may start at some token of the sentence whose rows `features` united in
    /// `startUnion`: when not, no start passes `has`, and the rule's `requires` need no search.
    @inline(__always)
    static func mayStart(_ rule: Int, in startUnion: ScratchBuffer<UInt64>) -> Bool {
        startUnion[rule >> 6] & (1 << UInt64(rule & 63)) != 0
    }

    /// Whether a rule's bit is set in the row that starts at `row` in `rows`.
    @inline(__always)
    static func has(_ rule: Int, in rows: ScratchBuffer<UInt64>, row: Int) -> Bool {
        rows[row + (rule >> 6)] & (1 << UInt64(rule & 63)) != 0
    }
}
