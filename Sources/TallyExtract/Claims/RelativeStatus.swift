import TallyCore

/// A part ("including 13 Israelis") or an increment ("an additional 10 Thai nationals") is relative to
/// the figure before it in the sentence. When that figure counts something else ("24 hostages,
/// including 13 Israelis"), the marker says how the two figures relate, not what this one is: it is a
/// plain count of its own subject and is compared as one.
enum RelativeStatus {
    /// Resets, among one sentence's claims `claims[first...]`, the part or increment status of a claim
    /// whose previous claim in the sentence has another subject, to its rule's default (`defaults`,
    /// one per claim from `first`). Only a status read before the figure (`markedBefore`) is reset:
    /// one read after it ("170 other people", "killed elsewhere") is the figure's own.
    static func settle(_ claims: inout [Claim], from first: Int, defaults: [ClaimStatus?], markedBefore: [Bool]) {
        guard claims.count - first > 1 else { return }
        for index in (first + 1)..<claims.count where markedBefore[index - first] {
            guard let status = claims[index].status, status == .subset || status == .increment else { continue }
            if claims[index - 1].subject != claims[index].subject { claims[index].status = defaults[index - first] }
        }
    }
}
