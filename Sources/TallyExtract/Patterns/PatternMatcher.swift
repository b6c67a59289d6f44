import TallyCore
import TallyMemory

/// A successful match: its token range and the token range of each capture.
public struct PatternMatch: Sendable, Hashable {
    public var start: Int
    public var end: Int
    /// The pattern's capture names and, by the same index, each capture's range (nil: not set).
    let names: [String]
    let ranges: [Range<Int>?]

    /// The token range of the capture with this name, if the match set it.
    public subscript(capture name: String) -> Range<Int>? {
        guard let index = names.firstIndex(of: name) else { return nil }
        return ranges[index]
    }

    /// Every capture the match set, by name.
    public var captures: [String: Range<Int>] {
        var captures: [String: Range<Int>] = [:]
        for (name, range) in zip(names, ranges) { if let range { captures[name] = range } }
        return captures
    }
}

/// Backtracking matcher for compiled patterns (`PatternProgram`) over one document's `MatchInput`.
///
/// It explores the ways a pattern can match in pattern order and keeps the longest; for a tie, the
/// first way found. A (instruction, position) state already explored from the same start is not
/// explored again — every end reachable from it was already seen by an earlier way — so a match
/// costs at most instructions × positions steps, and a step budget bounds even that.
///
/// Not thread-safe: it reuses its buffers. Make one per document (per thread); a matcher for the next
/// document can take over the buffers of the last (`init(input:reusingBuffersOf:)`).
public final class PatternMatcher {
    /// The bit of `MatchInput.quantityClasses` for counts (`NUM`): a word that starts one is no `WORD`.
    static let countBit: UInt16 = 1 << UInt16(Pattern.QuantityClass.num.ordinal)
    public let input: MatchInput
    /// Maximum instruction steps per start position; a pattern that needs more gives up at that position.
    public let budget = 4_000

    private let tokens: [Token]
    /// The input's word ids (`MatchInput.wordIDs`, valid while `input` lives).
    private let words: FrozenBuffer<Int32>
    private let buffers: Buffers
    /// Visited (instruction, position) states, stamped with the run that visited them.
    private let visited: ScratchBuffer<UInt32>
    private let backtrack: ScratchBuffer<Frame>
    /// Capture slots of the way being explored.
    private let slots: ScratchBuffer<Int32>
    /// The capture slots of the best match of the last run.
    private let bestSlots: ScratchBuffer<Int32>
    private let ends: ScratchBuffer<Int32>
    /// Regex body → per token: 0 not tested, 1 no, 2 yes.
    private var regexResults: [String: [UInt8]] = [:]

    /// A saved alternative (`slot` < 0) or a capture slot's earlier value to restore on backtracking.
    fileprivate struct Frame {
        var pc: Int32
        var position: Int32
        var slot: Int32
    }

    /// What outlives a document: the buffers, the run counter that stamps `visited`, and the patterns
    /// compiled for the lexicon.
    fileprivate final class Buffers {
        let lexicon: LexiconIndex
        let visited = ScratchBuffer<UInt32>(capacity: 4096, filling: 0)
        var run: UInt32 = 0
        let backtrack = ScratchBuffer(capacity: 256, filling: Frame(pc: 0, position: 0, slot: 0))
        let slots = ScratchBuffer<Int32>(capacity: 16, filling: -1)
        let bestSlots = ScratchBuffer<Int32>(capacity: 16, filling: -1)
        let ends = ScratchBuffer<Int32>(capacity: 16, filling: -1)
        var programs: [Pattern: PatternProgram] = [:]

        init(lexicon: LexiconIndex) { self.lexicon = lexicon }
    }

    public convenience init(input: MatchInput) {
        self.init(input: input, buffers: Buffers(lexicon: input.lexicon))
    }

    /// A matcher for another document with the same lexicon that takes over `other`'s buffers and
    /// compiled patterns (`other` must not be used any more).
    public convenience init(input: MatchInput, reusingBuffersOf other: PatternMatcher) {
        precondition(input.lexicon === other.buffers.lexicon, "matcher buffers are bound to one lexicon")
        self.init(input: input, buffers: other.buffers)
    }

    private init(input: MatchInput, buffers: Buffers) {
        self.input = input
        self.tokens = input.tokens
        self.words = input.wordIDs
        self.buffers = buffers
        visited = buffers.visited
        backtrack = buffers.backtrack
        slots = buffers.slots
        bestSlots = buffers.bestSlots
        ends = buffers.ends
    }

    /// The pattern compiled against this input's lexicon (cached).
    public func program(_ pattern: Pattern) -> PatternProgram {
        if let known = buffers.programs[pattern] { return known }
        let program = PatternProgram(pattern, lexicon: input.lexicon)
        buffers.programs[pattern] = program
        return program
    }

    /// Whether a match of the program can start at `position`: a cheap test that spares the matcher
    /// most positions.
    @inline(__always)
    func canStart(_ filter: StartFilter, at position: Int) -> Bool {
        if filter.anyPosition { return true }
        guard position < tokens.count else { return false }
        if filter.quantity, input.quantityStarting[position] >= 0 { return true }
        let word = words[position]
        if word >= 0 { return filter.startsWith(word: word) }
        return !filter.texts.isEmpty && filter.texts.contains(tokens[position].lower)
    }

    /// The longest match of `pattern` starting exactly at `start`, not reaching past `limit`.
    public func longestMatch(_ pattern: Pattern, at start: Int, limit: Int) -> PatternMatch? {
        longestMatch(program(pattern), at: start, limit: limit)
    }

    /// The longest match of a compiled pattern starting exactly at `start`, not reaching past `limit`.
    public func longestMatch(_ program: PatternProgram, at start: Int, limit: Int) -> PatternMatch? {
        let end = matchEnd(program, at: start, limit: limit, anyMatch: false)
        guard end >= 0 else { return nil }
        return match(of: program, start: start, end: end)
    }

    /// The token range of capture `index` in the last successful run, if it was set.
    @inline(__always)
    func captured(_ index: Int) -> Range<Int>? {
        let from = bestSlots[2 * index], to = bestSlots[2 * index + 1]
        return from >= 0 && to >= from ? Int(from)..<Int(to) : nil
    }

    /// The last successful run of `program` as a match from `start` to `end`.
    func match(of program: PatternProgram, start: Int, end: Int) -> PatternMatch {
        PatternMatch(start: start, end: end, names: program.captureNames, ranges: program.captureNames.indices.map { captured($0) })
    }

    /// Every non-overlapping longest match in `range`, left to right.
    public func allMatches(_ pattern: Pattern, in range: Range<Int>) -> [PatternMatch] {
        let program = program(pattern)
        var found: [PatternMatch] = []
        var position = range.lowerBound
        while position < range.upperBound {
            if let hit = longestMatch(program, at: position, limit: range.upperBound) {
                found.append(hit)
                position = hit.end
            } else {
                position += 1
            }
        }
        return found
    }

    /// Whether the pattern matches anywhere in `range`.
    public func occurs(_ pattern: Pattern, in range: Range<Int>) -> Bool {
        occurs(program(pattern), in: range)
    }

    /// Whether the compiled pattern matches anywhere in `range`.
    public func occurs(_ program: PatternProgram, in range: Range<Int>) -> Bool {
        let filter = program.start
        guard !filter.anyPosition, !filter.quantity, filter.texts.isEmpty else {
            for position in range where canStart(filter, at: position) {
                if matchEnd(program, at: position, limit: range.upperBound, anyMatch: true) >= 0 { return true }
            }
            return false
        }
        return occurs(program, startingWithKnownWordsIn: range)
    }

    /// `occurs` for a pattern that can start only with vocabulary words (most `requires` patterns, each
    /// searched over a whole paragraph): the same positions as `canStart` picks, found by testing each
    /// token's word id against the start bits in a tight loop rather than through every case of `canStart`.
    private func occurs(_ program: PatternProgram, startingWithKnownWordsIn range: Range<Int>) -> Bool {
        let upper = min(range.upperBound, tokens.count)
        guard range.lowerBound < upper else { return false }
        return words.withView { allWords in
            program.start.words.withView { startBits in
                let words = allWords.slice(range.lowerBound..<upper)
                for relative in 0..<words.count {
                    let word = words[relative]
                    guard word >= 0, startBits[Int(word) >> 6] & (1 << UInt64(word & 63)) != 0 else { continue }
                    if matchEnd(program, at: range.lowerBound + relative, limit: range.upperBound, anyMatch: true) >= 0 { return true }
                }
                return false
            }
        }
    }

    /// The end of the longest match starting at `start` (or of the first one found, with `anyMatch`),
    /// -1 when there is none; its captures are left in `bestSlots`.
    func matchEnd(_ program: PatternProgram, at start: Int, limit: Int, anyMatch: Bool) -> Int {
        guard start <= limit, limit <= tokens.count else { return -1 }
        let width = limit - start + 1
        let states = program.instructions.count * width
        visited.reserve(states, filling: 0)
        var stamp = buffers.run &+ 1
        if stamp == 0 {
            visited.fill(0, count: visited.capacity)
            stamp = 1
        }
        buffers.run = stamp
        let slotCount = 2 * program.captureNames.count
        slots.reserve(slotCount, filling: -1)
        slots.fill(-1, count: slotCount)
        bestSlots.reserve(slotCount, filling: -1)
        backtrack.count = 0
        var bestEnd = -1
        var steps = 0
        var pc = 0
        var position = start
        let visited = self.visited
        let code = program.code
        let texts = program.texts
        outer: while true {
            // Run one way forward until it fails, then resume the latest saved alternative.
            thread: while true {
                let state = pc * width + (position - start)
                if visited[state] == stamp { break thread }
                visited[state] = stamp
                steps += 1
                if steps > budget { break outer }
                let instruction = code[pc]
                switch instruction.operation {
                case .word:
                    guard position < limit, PatternMatcher.word(instruction.a, matches: position, words, tokens, texts) else { break thread }
                    position += 1
                    pc += 1
                case .phrases:
                    guard instruction.b != 0 || (position < limit && program.mayStartPhrase(Int(instruction.a), with: words[position])) else {
                        break thread
                    }
                    ends.count = 0
                    for option in program.phrases[Int(instruction.a)] where position + option.count <= limit {
                        var all = true
                        for (offset, word) in option.enumerated() where !PatternMatcher.word(word, matches: position + offset, words, tokens, texts) {
                            all = false
                            break
                        }
                        if all { ends.push(Int32(position + option.count)) }
                    }
                    guard ends.count > 0 else { break thread }
                    // Continue with the first (longest) end; the others become alternatives.
                    var other = ends.count - 1
                    while other > 0 {
                        backtrack.push(Frame(pc: Int32(pc + 1), position: ends[other], slot: -1))
                        other -= 1
                    }
                    position = Int(ends[0])
                    pc += 1
                case .lexicon:
                    let classID = Int(instruction.a)
                    let lexicon = input.lexicon
                    guard classID >= 0, position < limit, lexicon.startsPhrase(of: classID, with: words[position]) else { break thread }
                    ends.count = 0
                    var node = lexicon.root(of: classID)
                    var index = position
                    while index < limit, let next = lexicon.child(of: node, word: words[index]) {
                        node = next
                        index += 1
                        if lexicon.endsPhrase(node) { ends.push(Int32(index)) }
                    }
                    guard ends.count > 0 else { break thread }
                    // Ends are shortest first: continue with the longest, the others become alternatives.
                    for other in 0..<(ends.count - 1) {
                        backtrack.push(Frame(pc: Int32(pc + 1), position: ends[other], slot: -1))
                    }
                    position = Int(ends[ends.count - 1])
                    pc += 1
                case .quantity:
                    guard position < limit else { break thread }
                    let mention = Int(input.quantityStarting[position])
                    guard mention >= 0, input.quantityClasses[mention] & (1 << UInt16(instruction.a)) != 0 else { break thread }
                    let end = Int(input.quantityEnds[mention])
                    guard end <= limit else { break thread }
                    position = end
                    pc += 1
                case .quote:
                    guard position < limit, tokens[position].text == "\"" || tokens[position].text == "'" else { break thread }
                    position += 1
                    pc += 1
                case .anyWord:
                    // A word, not a count written in words ("20 women and two children": "two" is no gap);
                    // a day is a word ("by Monday's earthquake").
                    guard position < limit, tokens[position].kind == .word else { break thread }
                    let mention = Int(input.quantityStarting[position])
                    guard mention < 0 || input.quantityClasses[mention] & PatternMatcher.countBit == 0 else { break thread }
                    position += 1
                    pc += 1
                case .regex:
                    guard position < limit, regexMatches(program.regexes[Int(instruction.a)], at: position) else { break thread }
                    position += 1
                    pc += 1
                case .anyToken:
                    guard position < limit else { break thread }
                    position += 1
                    pc += 1
                case .split:
                    backtrack.push(Frame(pc: instruction.b, position: Int32(position), slot: -1))
                    pc = Int(instruction.a)
                case .jump:
                    pc = Int(instruction.a)
                case .save:
                    let slot = Int(instruction.a)
                    backtrack.push(Frame(pc: 0, position: slots[slot], slot: Int32(slot)))
                    slots[slot] = Int32(position)
                    pc += 1
                case .match:
                    if position > start, position > bestEnd {
                        bestEnd = position
                        bestSlots.copy(slotCount, from: slots)
                        if anyMatch { break outer }
                    }
                    break thread
                }
            }
            // Backtrack: undo capture slots until the latest saved alternative.
            while true {
                guard let frame = backtrack.pop() else { break outer }
                if frame.slot >= 0 {
                    slots[Int(frame.slot)] = frame.position
                } else {
                    pc = Int(frame.pc)
                    position = Int(frame.position)
                    break
                }
            }
        }
        return bestEnd
    }

    /// Whether the token at `position` is the word with this code (an id, or -(k+1) for `texts[k]`).
    @inline(__always)
    private static func word(_ code: Int32, matches position: Int, _ words: FrozenBuffer<Int32>, _ tokens: [Token], _ texts: [String]) -> Bool {
        code >= 0 ? words[position] == code : tokens[position].lower == texts[Int(-code - 1)]
    }

    private func regexMatches(_ body: String, at position: Int) -> Bool {
        if regexResults[body] == nil { regexResults[body] = [UInt8](repeating: 0, count: tokens.count) }
        let known = regexResults[body]![position]
        if known != 0 { return known == 2 }
        let result = input.regexes.matches(body, tokens[position].text)
        regexResults[body]![position] = result ? 2 : 1
        return result
    }
}
