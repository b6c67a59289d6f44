import TallyCore

/// The state one scan shares across its pattern matchers: tokens, words and the reference date.
struct ScanContext {
    let tokens: [Token]
    let vocabulary: NumeralVocabulary
    let reference: CalendarDate?
    /// Per token: what it may be (one lookup per token, see `WordFlags`).
    let flags: [WordFlags]
    /// Per token: the grammar word it is (`.other` for most), from the same lookup.
    let grams: [G]
    /// Per token: its kind and whether space precedes it (copied out of `tokens` so the matchers
    /// read one byte instead of a `Token`).
    let kinds: [Token.Kind]
    let spaced: [Bool]
    /// Per token: `WordHash` of its lowercased text (to probe `WordMap`s without rehashing) and
    /// the first byte of its text.
    let info: [TokenInfo]
    /// Per number token: its value parsed from the digits (see `NumberValue`).
    let numbers: [NumberValue]
    let n: Int

    init(analysis: TextAnalysis, vocabulary: NumeralVocabulary, reference: CalendarDate?) {
        let tokens = analysis.tokens
        let tokenInfo = analysis.info
        self.tokens = tokens
        self.vocabulary = vocabulary
        self.reference = reference
        let n = tokens.count
        self.n = n
        let words = vocabulary.words
        let punct = vocabulary.asciiPunct
        var flags = [WordFlags](repeating: [], count: n)
        var grams = [G](repeating: .other, count: n)
        var kinds = [Token.Kind](repeating: .word, count: n)
        var spaced = [Bool](repeating: false, count: n)
        var numbers = [NumberValue](repeating: .none, count: n)
        tokens.withUnsafeBufferPointer { tokens in
            for k in 0..<n {
                let kind = tokens[k].kind
                kinds[k] = kind
                spaced[k] = tokens[k].spaceBefore
                switch kind {
                case .number:
                    flags[k] = .starter
                    numbers[k] = NumberValue(tokens[k].text)
                case .punct:
                    let first = tokenInfo[k].lead
                    let entry = first < 0x80 ? punct[Int(first)] : (words.value(hash: tokenInfo[k].hash, key: tokens[k].lower) ?? NumeralVocabulary.WordInfo())
                    flags[k] = entry.flags
                    grams[k] = entry.gram
                case .word:
                    guard let entry = words.value(hash: tokenInfo[k].hash, key: tokens[k].lower) else {
                        if ScanContext.isCapitalised(lead: tokenInfo[k].lead, tokens[k].text) { flags[k] = .capitalised }
                        continue
                    }
                    var f = entry.flags
                    if ScanContext.isCapitalised(lead: tokenInfo[k].lead, tokens[k].text) { f.insert(.capitalised) }
                    flags[k] = f
                    grams[k] = entry.gram
                }
            }
        }
        self.flags = flags
        self.grams = grams
        self.kinds = kinds
        self.spaced = spaced
        self.info = tokenInfo
        self.numbers = numbers
    }

    /// A word's first letter is upper case (`lead` is the first UTF-8 byte of `text`).
    @inline(__always) static func isCapitalised(lead: UInt8, _ text: String) -> Bool {
        lead < 0x80 ? (lead >= 0x41 && lead <= 0x5A) : text.unicodeScalars.first!.properties.isUppercase
    }

    /// Token `j`'s lowercased text looked up in `map` (nil past either end).
    @inline(__always) func word<V>(_ map: WordMap<V>, _ j: Int) -> V? {
        guard j >= 0, j < n else { return nil }
        return map.value(hash: info[j].hash, key: tokens[j].lower)
    }

    /// Token `j`'s lowercased text is in `set` (false past either end).
    @inline(__always) func word(_ set: WordSet, _ j: Int) -> Bool {
        guard j >= 0, j < n else { return false }
        return set.contains(hash: info[j].hash, key: tokens[j].lower)
    }

    /// The longest phrase of `table` starting at token `j`.
    @inline(__always) func phrase<V>(_ table: PhraseTable<V>, at j: Int) -> (value: V, end: Int)? {
        guard j < n else { return nil }
        return table.match(self, at: j)
    }

    /// Token `j` is a cardinal number word ("one", "twenty").
    @inline(__always) func isCardinalWord(_ j: Int) -> Bool { word(NumberWords.small, j) != nil || word(NumberWords.tens, j) != nil }

    /// Token `j` exists and may be `f`.
    @inline(__always) func has(_ j: Int, _ f: WordFlags) -> Bool { j >= 0 && j < n && flags[j].contains(f) }

    /// Lowercased text of token `j`, or "" past the end.
    @inline(__always) func lower(_ j: Int) -> String { j >= 0 && j < n ? tokens[j].lower : "" }

    /// The grammar word token `j` is (`.other` past either end).
    @inline(__always) func gram(_ j: Int) -> G { j >= 0 && j < n ? grams[j] : .other }

    @inline(__always) func isWord(_ j: Int) -> Bool { j >= 0 && j < n && kinds[j] == .word }
    @inline(__always) func isNumber(_ j: Int) -> Bool { j >= 0 && j < n && kinds[j] == .number }
    /// Token `j` is the punctuation `mark` (only punctuation tokens have these grammar words).
    @inline(__always) func isPunct(_ j: Int, _ mark: G) -> Bool { gram(j) == mark }

    /// Token `j` exists and touches the previous token (no space between).
    @inline(__always) func adjacent(_ j: Int) -> Bool { j > 0 && j < n && !spaced[j] }

    /// Token `j` is a word starting with an upper-case letter.
    func isCapitalised(_ j: Int) -> Bool { has(j, .capitalised) }

    /// Token `j` is missing, punctuation, or a line/sentence edge: nothing more follows the figure.
    func isEndOrPunct(_ j: Int) -> Bool { j >= n || kinds[j] == .punct }

    /// A time unit word at `j` ("hours", "min"), as its plural unit name.
    func timeUnit(_ j: Int) -> String? {
        guard has(j, .timeUnit), isWord(j) else { return nil }
        return vocabulary.timeUnitMap.value(hash: info[j].hash, key: tokens[j].lower)
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
