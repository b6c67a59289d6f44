/// Short human wording of a claim's figure: "less than 400", "6,000 per side", "1,000–1,200".
///
/// Built from the normalised fields (qualifier, interval, unit, scope), so a reader can compare
/// figures at a glance; the report shows the article's own wording beside it. When the fields
/// hold no figure to state, the quote itself is the figure.
public enum FigureText {
    public static func describe(_ claim: Claim) -> String {
        guard var text = interval(claim) else { return claim.quote }
        if let unit = claim.unit, !unit.isEmpty { text += " " + unitWord(unit, for: claim) }
        switch claim.scope {
        case .perSide?: text += " per side"
        case .oneSide?: text += " one way"
        case .total?: text += " in total"
        case nil: break
        }
        return text
    }

    /// The interval part: "at least 1,000", "1,000–1,200", "about 90"; nil when a needed bound is missing.
    static func interval(_ claim: Claim) -> String? {
        let value = claim.value?.description
        let low = claim.low?.description
        let high = claim.high?.description
        let isDate = [claim.value, claim.low, claim.high].contains { $0?.date != nil }
        func prefixed(_ words: String, _ figure: String?) -> String? { figure.map { words + " " + $0 } }
        switch claim.qualifier {
        case .exact: return value ?? low ?? high
        case .approximate: return prefixed("about", value ?? low ?? high)
        case .atLeast: return prefixed(isDate ? "from" : "at least", low ?? value)
        case .atMost: return prefixed(isDate ? "by" : "up to", high ?? value)
        // A bound on the other side too marks a hedge of closeness: "nearly 400", "just over 90".
        case .moreThan: return prefixed(isDate ? "after" : (claim.high != nil ? "just over" : "more than"), low ?? value)
        case .lessThan: return prefixed(isDate ? "before" : (claim.low != nil ? "nearly" : "less than"), high ?? value)
        case .range:
            switch (low, high) {
            case let (l?, h?): return l == h ? l : l + (isDate ? " to " : "–") + h
            case let (l?, nil): return "from " + l
            case let (nil, h?): return "up to " + h
            case (nil, nil): return value
            }
        }
    }

    /// "1 hour" rather than "1 hours": a plural unit name loses its "s" for exactly one.
    static func unitWord(_ unit: String, for claim: Claim) -> String {
        let one: Figure = .number(1)
        let isOne = claim.qualifier != .range && (claim.value ?? claim.low ?? claim.high) == one
        return isOne && unit.count > 1 && unit.hasSuffix("s") && unit.lowercased() == unit ? String(unit.dropLast()) : unit
    }
}
