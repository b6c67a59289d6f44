import TallyMemory

/// A `Pattern` compiled for the matcher: a flat list of instructions over word ids, lexicon class
/// ids and numbered capture slots, with alternatives as splits and bounded repetition unrolled.
///
/// Splits try their first branch first, so the matcher explores ways to match in the same order as
/// the pattern reads: alternatives left to right, repetition greedy, longer word options first.
public final class PatternProgram: Sendable {
    enum Operation: UInt8, Sendable {
        /// `a`: a word code (see `wordCode`).
        case word
        /// `a`: index into `phrases` (word-code sequences, longest first); `b`: 1 when an option is
        /// empty or starts with a word the vocabulary lacks, so `mayStartPhrase` cannot rule a word out.
        case phrases
        /// `a`: lexicon class id, -1 when the lexicon lacks the class (never matches).
        case lexicon
        /// `a`: index into `Pattern.QuantityClass.ordered`.
        case quantity
        case quote
        case anyWord
        /// `a`: index into the rule set's regex list.
        case regex
        case anyToken
        /// Try `a`, and on failure `b`.
        case split
        /// Continue at `a`.
        case jump
        /// Record the position in capture slot `a` (2k: start of capture k, 2k+1: its end).
        case save
        case match
    }

    struct Instruction: Sendable {
        var operation: Operation
        var a: Int32 = 0
        var b: Int32 = 0
    }

    let instructions: [Instruction]
    /// `instructions` in memory of the program's own, for the matcher's inner loop (no bounds checks
    /// or reference counting per step).
    let code: FrozenBuffer<Instruction>
    /// Word-code sequences for `.phrases`.
    let phrases: [[[Int32]]]
    /// Per `.phrases` operand, a bit per vocabulary id (`phraseStartStride` words each): the words its
    /// options start with. Most positions start none, and the matcher turns them down without walking
    /// every option.
    let phraseStarts: FrozenBuffer<UInt64>
    let phraseStartStride: Int
    /// Words the vocabulary lacks, compared as text: word code -(k+1) is `texts[k]`.
    let texts: [String]
    /// Regex bodies, by `.regex` operand.
    let regexes: [String]
    /// Capture names; capture k uses slots 2k and 2k+1.
    public let captureNames: [String]
    /// What the pattern can start with, in ids.
    let start: StartFilter

    /// Whether an option of `.phrases` operand `index` can start with the word of this id (-1: a
    /// word the vocabulary lacks); meaningful only for an instruction whose `b` is 0.
    @inline(__always)
    func mayStartPhrase(_ index: Int, with word: Int32) -> Bool {
        word >= 0 && phraseStarts[index * phraseStartStride + Int(word) >> 6] & (1 << UInt64(word & 63)) != 0
    }

    /// The slot pair of a capture, if the pattern defines it.
    public func captureIndex(_ name: String) -> Int? { captureNames.firstIndex(of: name) }

    public init(_ pattern: Pattern, lexicon: LexiconIndex) {
        var compiler = Compiler(lexicon: lexicon)
        compiler.emit(pattern)
        compiler.append(Instruction(operation: .match))
        instructions = compiler.instructions
        code = FrozenBuffer(instructions)
        phrases = compiler.phrases
        let stride = (lexicon.vocabulary.count + 63) / 64
        var starts = [UInt64](repeating: 0, count: compiler.phrases.count * stride)
        for (index, options) in compiler.phrases.enumerated() {
            for first in options.compactMap({ $0.first }) where first >= 0 { starts[index * stride + Int(first) >> 6] |= 1 << UInt64(first & 63) }
        }
        phraseStarts = FrozenBuffer(starts)
        phraseStartStride = stride
        texts = compiler.texts
        regexes = compiler.regexes
        captureNames = compiler.captureNames
        start = StartFilter(pattern.firstTokens, lexicon: lexicon)
    }

    private struct Compiler {
        let lexicon: LexiconIndex
        var instructions: [Instruction] = []
        var phrases: [[[Int32]]] = []
        var texts: [String] = []
        var regexes: [String] = []
        var captureNames: [String] = []

        @discardableResult
        mutating func append(_ instruction: Instruction) -> Int {
            instructions.append(instruction)
            return instructions.count - 1
        }

        var next: Int32 { Int32(instructions.count) }

        /// A word's id, or -(k+1) for the k-th word the vocabulary lacks.
        mutating func wordCode(_ word: String) -> Int32 {
            let id = lexicon.vocabulary.id(of: word)
            if id >= 0 { return id }
            if let known = texts.firstIndex(of: word) { return -Int32(known) - 1 }
            texts.append(word)
            return -Int32(texts.count)
        }

        mutating func emit(_ pattern: Pattern) {
            switch pattern {
            case .literal(let word):
                append(Instruction(operation: .word, a: wordCode(word)))
            case .words(let options):
                let sorted = options.sorted(by: { $0.count > $1.count })
                let codes = sorted.map { $0.map { wordCode($0) } }
                phrases.append(codes)
                let anyStart = codes.contains { ($0.first ?? -1) < 0 }
                append(Instruction(operation: .phrases, a: Int32(phrases.count - 1), b: anyStart ? 1 : 0))
            case .lexiconClass(let name):
                append(Instruction(operation: .lexicon, a: Int32(lexicon.classID(name) ?? -1)))
            case .quantity(let kind):
                append(Instruction(operation: .quantity, a: Int32(kind.ordinal)))
            case .quote:
                append(Instruction(operation: .quote))
            case .word:
                append(Instruction(operation: .anyWord))
            case .regex(let body):
                regexes.append(body)
                append(Instruction(operation: .regex, a: Int32(regexes.count - 1)))
            case .any:
                append(Instruction(operation: .anyToken))
            case .sequence(let items):
                for item in items { emit(item) }
            case .alternatives(let options):
                var exits: [Int] = []
                for (index, option) in options.enumerated() {
                    if index == options.count - 1 {
                        emit(option)
                    } else {
                        let split = append(Instruction(operation: .split, a: next + 1))
                        emit(option)
                        exits.append(append(Instruction(operation: .jump)))
                        instructions[split].b = next
                    }
                }
                for exit in exits { instructions[exit].a = next }
            case .repeated(let inner, let low, let high):
                for _ in 0..<low { emit(inner) }
                // Optional copies nest: (x (x (x)?)?)? — greedy, and each gives up to the common exit.
                var splits: [Int] = []
                for _ in low..<max(low, high) {
                    splits.append(append(Instruction(operation: .split, a: next + 1)))
                    emit(inner)
                }
                for split in splits { instructions[split].b = next }
            case .capture(let name, let inner):
                let index: Int
                if let known = captureNames.firstIndex(of: name) {
                    index = known
                } else {
                    captureNames.append(name)
                    index = captureNames.count - 1
                }
                append(Instruction(operation: .save, a: Int32(2 * index)))
                emit(inner)
                append(Instruction(operation: .save, a: Int32(2 * index + 1)))
            }
        }
    }
}

/// What the first token of a match can be, in ids: a cheap test run before the matcher.
struct StartFilter: Sendable {
    var anyPosition: Bool
    var quantity: Bool
    /// Bit per vocabulary id: the words a match can start with, literal or first word of a phrase
    /// of a lexicon class the pattern can start with.
    var words: [UInt64]
    /// Literal first words the vocabulary lacks (only in ad-hoc patterns).
    var texts: Set<String>

    init(_ first: FirstTokens, lexicon: LexiconIndex) {
        anyPosition = first.anyToken || first.canBeEmpty
        quantity = first.quantity
        words = [UInt64](repeating: 0, count: (lexicon.vocabulary.count + 63) / 64)
        texts = []
        for word in first.words {
            let id = lexicon.vocabulary.id(of: word)
            if id >= 0 { words[Int(id) >> 6] |= 1 << UInt64(id & 63) } else { texts.insert(word) }
        }
        var classes = ClassMask()
        for name in first.classes {
            if let id = lexicon.classID(name) { classes.insert(id) }
        }
        if !classes.isEmpty {
            for id in 0..<lexicon.vocabulary.count where lexicon.classesStarting(with: Int32(id)).intersects(classes) {
                words[id >> 6] |= 1 << UInt64(id & 63)
            }
        }
    }

    /// Whether a match can start with the word of this vocabulary id (>= 0).
    @inline(__always)
    func startsWith(word id: Int32) -> Bool { words[Int(id) >> 6] & (1 << UInt64(id & 63)) != 0 }
}
