import Foundation
import TallyMemory

/// The extractor's working state for one document, reused sentence after sentence (and, through
/// `SentenceScratch.Pool`, document after document) so that matching allocates almost nothing: the
/// matcher with its buffers, the sentence's prefilter rows, its number mentions, the start positions
/// per kind of number, the best candidate per number, and which `requires` held where.
///
/// Not thread-safe: one document at a time.
struct SentenceScratch {
    private(set) var matcher: PatternMatcher
    let requirements: RequirementCache
    /// Per token of the sentence: the rules that may start there (`RulePrefilter.stride` words each).
    let startRows = ScratchBuffer<UInt64>(capacity: 256, filling: 0)
    /// The union of the sentence's `startRows`: the rules that may start anywhere in it.
    let startUnion = ScratchBuffer<UInt64>(capacity: 4, filling: 0)
    /// Per token of the sentence: its required-word bits and the lexicon classes that can start there.
    let tokenWords = ScratchBuffer<UInt64>(capacity: 256, filling: 0)
    let tokenClasses = ScratchBuffer<ClassMask>(capacity: 256, filling: ClassMask())
    /// Indices into the document's mentions of those in the sentence.
    var inSentence: [Int] = []
    /// Per `Pattern.QuantityClass` ordinal (the last slot: any class), the positions a match may
    /// start from, and whether they are computed for this sentence.
    let startsByClass: [ScratchBuffer<Int32>]
    let startsReady: ScratchBuffer<Bool>
    /// Candidates that were best for their mention when found; `bestFor` says which still are.
    private var found: [Candidate] = []
    /// Per mention of the sentence (indexed like `inSentence`): index into `found`, -1 for none.
    private let bestFor = ScratchBuffer<Int32>(capacity: 16, filling: -1)

    init(input: MatchInput, requirementSets: Int) {
        matcher = PatternMatcher(input: input)
        requirements = RequirementCache(sets: requirementSets)
        let slots = Pattern.QuantityClass.ordered.count + 1
        startsByClass = (0..<slots).map { _ in ScratchBuffer(capacity: 64, filling: 0) }
        startsReady = ScratchBuffer(capacity: slots, filling: false)
    }

    /// Readies the scratch for another document (with the same rules).
    mutating func rebind(to input: MatchInput) {
        matcher = PatternMatcher(input: input, reusingBuffersOf: matcher)
        requirements.forget()
    }

    /// Empties the per-sentence state for a sentence with `mentions` number mentions.
    mutating func reset(mentions: Int) {
        startsReady.fill(false, count: startsByClass.count)
        found.removeAll(keepingCapacity: true)
        bestFor.reserve(mentions, filling: -1)
        bestFor.fill(-1, count: mentions)
    }

    /// The best candidate so far for mention `local` of the sentence.
    func best(_ local: Int) -> Candidate? {
        let index = bestFor[local]
        return index >= 0 ? found[Int(index)] : nil
    }

    /// Makes `candidate` the best for mention `local`.
    mutating func setBest(_ local: Int, _ candidate: Candidate) {
        bestFor[local] = Int32(found.count)
        found.append(candidate)
    }

    /// Scratches kept between documents, for any thread to borrow one at a time.
    final class Pool: Sendable {
        private let idle = Guarded<[SentenceScratch]>([])
        private let requirementSets: Int

        init(requirementSets: Int) { self.requirementSets = requirementSets }

        /// Runs `body` with a scratch bound to `input`, then keeps the scratch for the next document.
        func withScratch<Result>(for input: MatchInput, _ body: (inout SentenceScratch) -> Result) -> Result {
            let reused = idle.withLock { $0.popLast() }
            var scratch: SentenceScratch
            if var reused {
                reused.rebind(to: input)
                scratch = reused
            } else {
                scratch = SentenceScratch(input: input, requirementSets: requirementSets)
            }
            let result = body(&scratch)
            idle.withLock { $0.append(scratch) }
            return result
        }
    }
}
