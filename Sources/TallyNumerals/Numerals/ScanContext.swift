import TallyCore

/// The state one scan shares across its pattern matchers: tokens, words and the reference date.
struct ScanContext {
    let tokens: [Token]
    let vocabulary: NumeralVocabulary
    let reference: CalendarDate?
    /// Per token: what it may be (one lookup per token, see `WordFlags`).
    let flags: [WordFlags]
    /// Per token: `WordHash` of its lowercased text, to probe `WordMap`s without rehashing.
    let hashes: [UInt64]
    let n: Int

    init(tokens: [Token], hashes: [UInt64], vocabulary: NumeralVocabulary, reference: CalendarDate?) {
        self.tokens = tokens
        self.vocabulary = vocabulary
        self.reference = reference
        self.n = tokens.count
        var flags: [WordFlags] = []
        flags.reserveCapacity(tokens.count)
        for k in tokens.indices {
            let h = hashes[k]
            switch tokens[k].kind {
            case .number: flags.append(.starter)
            case .punct:
                // Common punctuation needs no lookup: only "-" and "." can open a mention.
                switch tokens[k].text.utf8.first! {
                case UInt8(ascii: "-"), UInt8(ascii: "."): flags.append(.starter)
                case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\""),
                    UInt8(ascii: "'"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"):
                    flags.append([])
                default: flags.append(vocabulary.flags.value(hash: h, key: tokens[k].lower) ?? [])
                }
            case .word:
                var f = vocabulary.flags.value(hash: h, key: tokens[k].lower) ?? []
                let first = tokens[k].text.utf8.first!
                if first < 0x80 ? (first >= 0x41 && first <= 0x5A) : (tokens[k].text.unicodeScalars.first!.properties.isUppercase) {
                    f.insert(.capitalised)
                }
                flags.append(f)
            }
        }
        self.flags = flags
        self.hashes = hashes
    }

    /// Token `j`'s lowercased text looked up in `map` (nil past either end).
    @inline(__always) func word<V>(_ map: WordMap<V>, _ j: Int) -> V? {
        guard j >= 0, j < n else { return nil }
        return map.value(hash: hashes[j], key: tokens[j].lower)
    }

    /// Token `j`'s lowercased text is in `set` (false past either end).
    @inline(__always) func word(_ set: WordSet, _ j: Int) -> Bool {
        guard j >= 0, j < n else { return false }
        return set.contains(hash: hashes[j], key: tokens[j].lower)
    }

    /// The longest phrase of `table` starting at token `j`.
    @inline(__always) func phrase<V>(_ table: PhraseTable<V>, at j: Int) -> (value: V, end: Int)? {
        guard j < n else { return nil }
        return table.match(tokens, at: j, hash: hashes[j])
    }

    /// Token `j` is a cardinal number word ("one", "twenty").
    @inline(__always) func isCardinalWord(_ j: Int) -> Bool { word(NumberWords.small, j) != nil || word(NumberWords.tens, j) != nil }

    /// Token `j` exists and may be `f`.
    @inline(__always) func has(_ j: Int, _ f: WordFlags) -> Bool { j >= 0 && j < n && flags[j].contains(f) }

    /// Lowercased text of token `j`, or "" past the end.
    @inline(__always) func lower(_ j: Int) -> String { j >= 0 && j < tokens.count ? tokens[j].lower : "" }

    @inline(__always) func isWord(_ j: Int) -> Bool { j >= 0 && j < tokens.count && tokens[j].kind == .word }
    @inline(__always) func isNumber(_ j: Int) -> Bool { j >= 0 && j < tokens.count && tokens[j].kind == .number }
    @inline(__always) func isPunct(_ j: Int, _ text: String) -> Bool {
        j >= 0 && j < tokens.count && tokens[j].kind == .punct && tokens[j].text == text
    }

    /// Token `j` exists and touches the previous token (no space between).
    @inline(__always) func adjacent(_ j: Int) -> Bool { j > 0 && j < tokens.count && !tokens[j].spaceBefore }

    /// Token `j` is a word starting with an upper-case letter.
    func isCapitalised(_ j: Int) -> Bool { has(j, .capitalised) }

    /// Token `j` is missing, punctuation, or a line/sentence edge: nothing more follows the figure.
    func isEndOrPunct(_ j: Int) -> Bool { j >= tokens.count || tokens[j].kind == .punct }

    /// A time unit word at `j` ("hours", "min"), as its plural unit name.
    func timeUnit(_ j: Int) -> String? {
        guard has(j, .timeUnit), isWord(j) else { return nil }
        return vocabulary.timeUnits[tokens[j].lower]
    }
}
