import TallyCore
import TallyMemory

/// The state one scan shares across its pattern matchers: tokens, words and the reference date.
struct ScanContext {
    let tokens: [Token]
    /// The scanner's vocabulary, shared in its box for the scan (a copy would retain its dozens of tables).
    private let vocabularyBox: NumeralVocabulary.Box
    var vocabulary: NumeralVocabulary {
        // Lent, not copied: a copy would retain every table.
        _read { yield vocabularyBox.vocabulary }
    }
    let reference: CalendarDate?
    /// Per token: what it may be, which grammar word it is, its kind and spacing (one array, filled
    /// with one lookup per token; see `TokenFacts`).
    let facts: [TokenFacts]
    /// Per token: `WordHash` of its lowercased text (to probe `WordHashTable`s without rehashing) and
    /// the first byte of its text.
    let info: [TokenInfo]
    /// Per number token: its value parsed from the digits (see `NumberValue`).
    let numbers: [NumberValue]
    /// The number of tokens (`tokens.count`).
    let tokenCount: Int
    /// The last `number(at:)` answer (a pure function of the position) and its position.
    let numberMemoIndex = Cell(-1)
    let numberMemoValue = Cell<NumberExpr?>(nil)

    init(analysis: TextAnalysis, vocabulary vocabularyBox: NumeralVocabulary.Box, reference: CalendarDate?) {
        let tokens = analysis.tokens
        let tokenInfo = analysis.info
        self.tokens = tokens
        self.vocabularyBox = vocabularyBox
        self.reference = reference
        let n = tokens.count
        self.tokenCount = n
        let words = vocabularyBox.vocabulary.words
        let punct = vocabularyBox.vocabulary.asciiPunct
        var numbers = [NumberValue](repeating: .none, count: n)
        // One pass, written in place: the commonest tokens (words not in the vocabulary) cost a
        // hash probe and a few byte tests.
        // At least one element of capacity: with none, the initializer writes into the shared
        // empty-array storage, a race between threads (ThreadSanitizer).
        let facts = [TokenFacts](writing: n) { out in
            tokens.withView { tokens in
                tokenInfo.withView { info in
                    punct.withView { punct in
                        precondition(info.count == tokens.count)
                        for k in 0..<tokens.count {
                            let kind = tokens[k].kind
                            var f = TokenFacts(kind: kind, spaced: tokens[k].spaceBefore)
                            switch kind {
                            case .number:
                                f.flags = .starter
                                numbers[k] = NumberValue(tokens[k].text)
                            case .punct:
                                let first = info[k].lead
                                let entry = first < 0x80 ? punct[Int(first)] : (words.value(hash: info[k].hash, tokens[k].lower) ?? NumeralVocabulary.WordInfo())
                                f.flags = entry.flags
                                f.gram = entry.gram
                            case .word:
                                if let entry = words.value(hash: info[k].hash, tokens[k].lower) {
                                    f.flags = entry.flags
                                    f.gram = entry.gram
                                }
                                let lead = info[k].lead
                                if lead < 0x80 ? (lead &- 0x41 < 26) : ScanContext.isCapitalised(lead: lead, tokens[k].text) { f.flags.insert(.capitalised) }
                            }
                            out.append(f)
                        }
                    }
                }
            }
        }
        self.facts = facts
        self.info = tokenInfo
        self.numbers = numbers
    }

    /// A word's first letter is upper case (`lead` is the first UTF-8 byte of `text`).
    @inline(__always) static func isCapitalised(lead: UInt8, _ text: String) -> Bool {
        lead < 0x80 ? (lead >= 0x41 && lead <= 0x5A) : text.unicodeScalars.first!.properties.isUppercase
    }

    /// Token `j`'s lowercased text looked up in `map` (nil past either end).
    @inline(__always) func word<V>(_ map: WordHashTable<V>, _ j: Int) -> V? {
        guard j >= 0, j < tokenCount else { return nil }
        return map.value(hash: info[j].hash, tokens[j].lower)
    }

    /// Token `j`'s lowercased text is in `set` (false past either end).
    @inline(__always) func word(_ set: WordHashSet, _ j: Int) -> Bool {
        guard j >= 0, j < tokenCount else { return false }
        return set.contains(hash: info[j].hash, tokens[j].lower)
    }

    /// The longest phrase of `table` starting at token `j`.
    @inline(__always) func phrase<V>(_ table: PhraseTable<V>, at j: Int) -> (value: V, end: Int)? {
        guard j < tokenCount else { return nil }
        return table.match(self, at: j)
    }

    /// Token `j` is a cardinal number word ("one", "twenty").
    @inline(__always) func isCardinalWord(_ j: Int) -> Bool { word(NumberWords.small, j) != nil || word(NumberWords.tens, j) != nil }

    /// The name of an interned unit.
    @inline(__always) func name(_ unit: UnitID) -> String { vocabulary.units[unit] }

    /// Token `j` exists and may be `f`.
    @inline(__always) func has(_ j: Int, _ f: WordFlags) -> Bool { j >= 0 && j < tokenCount && facts[j].flags.contains(f) }

    /// Lowercased text of token `j`, or "" past the end.
    @inline(__always) func lower(_ j: Int) -> String { j >= 0 && j < tokenCount ? tokens[j].lower : "" }

    /// The grammar word token `j` is (`.other` past either end).
    @inline(__always) func gram(_ j: Int) -> GrammarWord { j >= 0 && j < tokenCount ? facts[j].gram : .other }

    @inline(__always) func isWord(_ j: Int) -> Bool { j >= 0 && j < tokenCount && facts[j].kind == .word }
    @inline(__always) func isNumber(_ j: Int) -> Bool { j >= 0 && j < tokenCount && facts[j].kind == .number }
    /// Token `j` is the punctuation `mark` (only punctuation tokens have these grammar words).
    @inline(__always) func isPunct(_ j: Int, _ mark: GrammarWord) -> Bool { gram(j) == mark }

    /// Token `j` exists and touches the previous token (no space between).
    @inline(__always) func adjacent(_ j: Int) -> Bool { j > 0 && j < tokenCount && !facts[j].spaced }

    /// Token `j` is a word starting with an upper-case letter.
    func isCapitalised(_ j: Int) -> Bool { has(j, .capitalised) }

    /// Token `j` is missing, punctuation, or a line/sentence edge: nothing more follows the figure.
    func isEndOrPunct(_ j: Int) -> Bool { j >= tokenCount || facts[j].kind == .punct }

    /// A time unit word at `j` ("hours", "min"), as its plural unit name's id.
    func timeUnit(_ j: Int) -> UnitID? {
        guard has(j, .timeUnit), isWord(j) else { return nil }
        return vocabulary.timeUnitMap.value(hash: info[j].hash, tokens[j].lower)
    }
}

extension ScanContext {
    /// Token `j`'s number value and whether it is digits only (nil for "192.168.1.2"); `j` is a number token.
    @inline(__always) func parsed(_ j: Int) -> (value: Double, plain: Bool)? {
        guard let v = numbers[j].value else { return nil }
        return (v, numbers[j].plain)
    }

    /// Token `j` is a number of digits only, as an integer (`Int(text)`).
    @inline(__always) func integer(_ j: Int) -> Int? { isNumber(j) ? numbers[j].int : nil }

    /// "0." followed by token `j`'s digits, when `j` is a number of digits only ("point 5").
    func decimalFraction(_ j: Int) -> Double? {
        guard isNumber(j), numbers[j].plain else { return nil }
        return NumberValue.fraction(tokens[j].text)
    }
}

/// What the scanner knows of one token, packed in eight bytes.
struct TokenFacts {
    var flags: WordFlags = []
    var gram: GrammarWord = .other
    var kind: Token.Kind = .word
    /// Whether whitespace precedes the token (`Token.spaceBefore`).
    var spaced = false

    init() {}

    init(kind: Token.Kind, spaced: Bool) {
        self.kind = kind
        self.spaced = spaced
    }
}


